import { App, Stack } from 'aws-cdk-lib';
import { isolatedVpc as vpc, networkEnv, partnerEnv } from './env';
import { InterfaceEndpointHub, InterfaceEndpointService, PeeredVpcPair } from '../src';


/**
 * Interface endpoint hub example: SQS and KMS endpoints in a shared-services VPC, used over peering
 * by a spoke of the same account and by a spoke of the partner account (whose VPC is associated with
 * the hub's zones through the two-step authorisation).
 */
export function addHubExample(app: App): void {
  const network = new Stack(app, 'HubVpc', { env: networkEnv() });
  const shared = vpc(network, 'Shared', '10.40.0.0/16');
  const hub = new InterfaceEndpointHub(network, 'SharedEndpoints', {
    vpc: shared,
    services: [InterfaceEndpointService.SQS, InterfaceEndpointService.KMS],
  });

  // A spoke in the same account and stack: the zones list it, one pair with routes both ways.
  const apps = vpc(network, 'AppsSpoke', '10.41.0.0/16');
  hub.shareWith(apps);
  new PeeredVpcPair(network, 'AppsToHub', { requester: apps, accepter: shared });

  // A spoke in the partner account: its own stack; the associations land in
  // HubVpc-SharedEndpoints-222222222222-us-east-1.
  const partner = new Stack(app, 'HubPartnerSpoke', { env: partnerEnv() });
  const partnerVpc = vpc(partner, 'Vpc', '10.42.0.0/16');
  hub.shareWith(partnerVpc);
  new PeeredVpcPair(partner, 'ToHub', { requester: partnerVpc, accepter: shared });
}
