import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { networkEnv, PARTNER_ACCOUNT, partnerEnv, SECONDARY_REGION } from './env';
import { PrivateLinkEndpoint, PrivateLinkEndpointAcceptance, PrivateLinkService } from '../src';

/** An isolated two-AZ VPC. */
function vpcIn(stack: Stack, cidr: string): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}

/**
 * PrivateLink example: an "orders" service in the network account (us-east-1) and three consumers:
 * one in another stack of the same account and region (plain cross-stack references), one in the
 * partner account (AZs matched by AZ ID), one in eu-west-1 (cross-region). An acceptance step in
 * the network account accepts the partner's endpoint once the partner stack is deployed.
 */
export function addPrivateLinkExample(app: App): void {
  // ---- provider: network account, us-east-1 ----
  const providerStack = new Stack(app, 'PrivateLinkProvider', { env: networkEnv() });
  const orders = new PrivateLinkService(providerStack, 'Orders', {
    vpc: vpcIn(providerStack, '10.30.0.0/16'),
    listeners: [{ port: 443, targetPort: 8443, targets: [new targets.IpTarget('10.30.0.10'), new targets.IpTarget('10.30.1.10')] }],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER_ACCOUNT)],
    supportedRegions: [SECONDARY_REGION],
    // Placeholder AZ IDs of the network account (from `aws ec2 describe-availability-zones`).
    availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }],
  });

  // ---- consumer in the same account and region: another stack, plain references ----
  const localStack = new Stack(app, 'PrivateLinkConsumer', { env: networkEnv() });
  new PrivateLinkEndpoint(localStack, 'OrdersClient', { vpc: vpcIn(localStack, '10.31.0.0/16'), service: orders });

  // The service name is known once the provider is deployed; other accounts and regions take it as a literal.
  const ordersName = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

  // ---- partner account, same region: zones matched by AZ ID ----
  const partnerStack = new Stack(app, 'PrivateLinkPartnerConsumer', { env: partnerEnv() });
  new PrivateLinkEndpoint(partnerStack, 'OrdersClient', {
    vpc: vpcIn(partnerStack, '10.30.0.0/16'), // overlapping CIDRs are fine with PrivateLink
    service: PrivateLinkService.fromServiceAttributes(partnerStack, 'Orders', {
      serviceName: ordersName,
      ports: orders.ports,
      supportedRegions: orders.supportedRegions,
      availabilityZoneIds: orders.availabilityZoneIds,
    }),
    // Placeholder AZ IDs of the partner account: its us-east-1b is the provider's us-east-1a.
    availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az4' }, { name: 'us-east-1b', id: 'use1-az1' }],
  });

  // ---- network account, us-east-1: accept the partner's endpoint (acceptance stays required) ----
  const acceptanceStack = new Stack(app, 'PrivateLinkAcceptance', { env: networkEnv() });
  new PrivateLinkEndpointAcceptance(acceptanceStack, 'AcceptOrdersClients', {
    service: orders,
    accounts: [PARTNER_ACCOUNT],
    maxWait: Duration.minutes(5),
  });
  // The partner consumer takes the service by name (as another app would): order the deployment
  // by hand. A consumer given `orders` itself is ordered, and waited for, by the acceptance step.
  acceptanceStack.addStackDependency(partnerStack, 'the partner endpoint requests its connection first');

  // ---- network account, eu-west-1: cross-region ----
  const remoteStack = new Stack(app, 'PrivateLinkRemoteConsumer', { env: networkEnv(SECONDARY_REGION) });
  new PrivateLinkEndpoint(remoteStack, 'OrdersClient', {
    vpc: vpcIn(remoteStack, '10.32.0.0/16'),
    service: PrivateLinkService.fromServiceAttributes(remoteStack, 'Orders', {
      serviceName: ordersName,
      ports: orders.ports,
      supportedRegions: orders.supportedRegions,
    }),
  });
}
