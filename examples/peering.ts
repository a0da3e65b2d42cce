import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PeeredVpcPair } from '../src';
import { isolatedVpc as vpc, networkEnv, partnerEnv, SECONDARY_REGION } from './env';


/**
 * Peering example: two VPCs peered in one stack (with DNS resolution and a database rule), the
 * same hub peered with a VPC in another region, and with a partner account's VPC.
 */
export function addPeeringExample(app: App): void {
  // Same stack: connection and routes on both sides, all in PeeringVpc.
  const stack = new Stack(app, 'PeeringVpc', { env: networkEnv() });
  const hub = vpc(stack, 'Vpc', '10.20.0.0/16');
  const apps = vpc(stack, 'AppsVpc', '10.21.0.0/16');
  const local = new PeeredVpcPair(stack, 'HubToApps', { requester: hub, accepter: apps, allowDnsResolution: true });
  const db = new ec2.SecurityGroup(stack, 'Database', { vpc: hub, allowAllOutbound: false });
  local.allowFromAccepter('Postgres', { securityGroup: db, port: ec2.Port.tcp(5432) });

  // Cross-region: the accepter routes land in PeeringVpc-HubToEurope-Accepter (eu-west-1).
  const europe = new Stack(app, 'PeeringEuropeVpc', { env: networkEnv(SECONDARY_REGION) });
  new PeeredVpcPair(stack, 'HubToEurope', { requester: hub, accepter: vpc(europe, 'Vpc', '10.22.0.0/16') });

  // Cross-account: accepter role in PeeringPartnerVpc, accepter routes in PeeringVpc-HubToPartner-Accepter.
  const partner = new Stack(app, 'PeeringPartnerVpc', { env: partnerEnv() });
  new PeeredVpcPair(stack, 'HubToPartner', { requester: hub, accepter: vpc(partner, 'Vpc', '10.23.0.0/16') });
}
