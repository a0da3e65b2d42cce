import * as iam from 'aws-cdk-lib/aws-iam';
import { PrivateLinkResource, PrivateLinkResourceEndpoint, PrivateLinkResourceEndpointProps, PrivateLinkResourceProps, ResourceTarget } from '../../src/resources';
import { ACCOUNT, isolatedVpc, newApp, PARTNER, stackIn } from '../privatelink/fixtures';
export { ACCOUNT, PARTNER, isolatedVpc, newApp, stackIn } from '../privatelink/fixtures';
export { synthErrors } from '../synth';

/** AZ IDs of both accounts in us-east-1 (the partner's names map to other physical zones). */
export const AZ_IDS = {
  [`cdk-private-connectivity:az-ids:account=${ACCOUNT}:region=us-east-1`]: { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2', 'us-east-1c': 'use1-az3' },
  [`cdk-private-connectivity:az-ids:account=${PARTNER}:region=us-east-1`]: { 'us-east-1a': 'use1-az3', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az2' },
};

/**
 * A provider (10.60.0.0/16, 2 AZs) sharing a database by DNS name with the partner account, and a
 * consumer (10.61.0.0/16, 3 AZs) in the partner account.
 */
export function crossAccount(
  resourceProps: Partial<PrivateLinkResourceProps> = {},
  endpointProps: Partial<PrivateLinkResourceEndpointProps> = {},
  context: Record<string, unknown> = AZ_IDS,
) {
  const app = newApp(context);
  const providerStack = stackIn(app, 'Provider');
  const consumerStack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
  const providerVpc = isolatedVpc(providerStack, 'Vpc', '10.60.0.0/16');
  const consumerVpc = isolatedVpc(consumerStack, 'Vpc', '10.61.0.0/16', 3);
  const db = new PrivateLinkResource(providerStack, 'OrdersDb', {
    vpc: providerVpc,
    target: ResourceTarget.dnsName('orders-db.internal.example.com'),
    portRanges: ['5432'],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...resourceProps,
  });
  const ep = new PrivateLinkResourceEndpoint(consumerStack, 'OrdersDbEndpoint', { vpc: consumerVpc, resource: db, ...endpointProps });
  return { app, providerStack, consumerStack, providerVpc, consumerVpc, db, ep };
}
