import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { GatewayLoadBalancerService, GatewayLoadBalancerServiceProps } from '../../src';
export { synthErrors } from '../synth';

export const ACCOUNT = '111111111111';
export const PARTNER = '222222222222';

/** An app whose accounts have literal AZ names in us-east-1 (as a CLI lookup would give). */
export function newApp(context: Record<string, unknown> = {}): App {
  const azs: Record<string, string[]> = {};
  for (const account of [ACCOUNT, PARTNER]) azs[`availability-zones:account=${account}:region=us-east-1`] = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  return new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, ...azs, ...context } });
}

/** A stack in `account` / `region`; `null` region makes it environment-agnostic. */
export function stackIn(app: App, id: string, region: string | null = 'us-east-1', account = ACCOUNT): Stack {
  return new Stack(app, id, region ? { env: { account, region } } : undefined);
}

/** An appliance VPC: one isolated subnet per AZ. */
export function applianceVpc(stack: Stack, maxAzs = 2): ec2.Vpc {
  return new ec2.Vpc(stack, 'ApplianceVpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.100.0.0/16'),
    maxAzs,
    natGateways: 0,
    subnetConfiguration: [{ name: 'appliances', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}

/** An app VPC: a small public 'inspection' group for the endpoints, a public group to protect, an isolated group. */
export function appVpc(stack: Stack, props: Partial<ec2.VpcProps> = {}): ec2.Vpc {
  return new ec2.Vpc(stack, 'AppVpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'inspection', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
    ],
    ...props,
  });
}

/** A service in the appliance VPC of `stack`, allowing the partner account. */
export function firewallIn(stack: Stack, props: Partial<GatewayLoadBalancerServiceProps> = {}): GatewayLoadBalancerService {
  return new GatewayLoadBalancerService(stack, 'Firewall', {
    vpc: applianceVpc(stack),
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
}

/** Logical ID of the single resource of `type` whose properties match `pred`. */
export function logicalIdOf(stack: Stack, type: string, pred: (p: Record<string, any>) => boolean): string {
  const found = Object.entries(Template.fromStack(stack).findResources(type)).filter(([, r]) => pred(r.Properties ?? {}));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0][0];
}

/** Every AWS::EC2::Route of a stack, resolved. */
export function routesIn(stack: Stack): Array<Record<string, any>> {
  return Object.values(Template.fromStack(stack).findResources('AWS::EC2::Route')).map((r) => r.Properties);
}
