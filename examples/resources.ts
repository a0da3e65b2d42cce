import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { isolatedVpc, networkEnv, PARTNER_ACCOUNT, partnerEnv } from './env';
import { PrivateLinkResource, PrivateLinkResourceEndpoint, ResourceTarget } from '../src';

/**
 * PrivateLink for VPC resources example: an "orders" database (a Postgres endpoint by DNS name) in
 * the network account's VPC, shared through AWS RAM with the partner account, which reaches it
 * through a Resource-type VPC endpoint: no Network Load Balancer on either side.
 */
export function addResourcesExample(app: App): void {
  // ---- provider: network account, us-east-1 ----
  const providerStack = new Stack(app, 'ResourceProvider', { env: networkEnv() });
  const providerVpc = isolatedVpc(providerStack, 'Vpc', '10.60.0.0/16');
  const database = new ec2.SecurityGroup(providerStack, 'OrdersDbSecurityGroup', {
    vpc: providerVpc,
    allowAllOutbound: false,
    description: 'The orders database: Postgres from the resource gateway only',
  });
  const ordersDb = new PrivateLinkResource(providerStack, 'OrdersDb', {
    vpc: providerVpc,
    target: ResourceTarget.dnsName('orders-db.internal.example.com'),
    portRanges: ['5432'],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER_ACCOUNT)],
    // Placeholder AZ IDs of the network account (from `aws ec2 describe-availability-zones`).
    availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }],
  });
  // The database admits the gateway, whose address is the source of every consumer's connection.
  database.connections.allowFrom(ordersDb, ec2.Port.tcp(5432), 'Postgres from the resource gateway');

  // ---- consumer: partner account, us-east-1 ----
  // The resource configuration's ARN is known once the provider is deployed; another account takes it as a literal.
  const partnerStack = new Stack(app, 'ResourcePartnerConsumer', { env: partnerEnv() });
  new PrivateLinkResourceEndpoint(partnerStack, 'OrdersDbEndpoint', {
    vpc: isolatedVpc(partnerStack, 'Vpc', '10.61.0.0/16'),
    resource: PrivateLinkResource.fromResourceAttributes(partnerStack, 'OrdersDb', {
      resourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0',
      portRanges: ordersDb.portRanges,
      availabilityZoneIds: ordersDb.availabilityZoneIds,
    }),
    // Placeholder AZ IDs of the partner account: its us-east-1b is the provider's us-east-1a.
    availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az4' }, { name: 'us-east-1b', id: 'use1-az1' }],
  });
}
