import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
export { synthErrors } from '../synth';

export const ACCOUNT = '111111111111';
export const PARTNER = '222222222222';

/** An app whose accounts have literal AZ names in us-east-1 and eu-west-1 (as a CLI lookup would give). */
export function newApp(context: Record<string, unknown> = {}): App {
  const azs: Record<string, string[]> = {};
  for (const account of [ACCOUNT, PARTNER]) {
    azs[`availability-zones:account=${account}:region=us-east-1`] = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
    azs[`availability-zones:account=${account}:region=eu-west-1`] = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  }
  return new App({ context: { ...azs, ...context } });
}

/** A stack in `account` and `region`; `null` makes it environment-agnostic. */
export function stackIn(app: App, id: string, region: string | null = 'us-east-1', account = ACCOUNT): Stack {
  return new Stack(app, id, region ? { env: { account, region } } : undefined);
}

/** A VPC with one isolated subnet per AZ (or `groups` isolated subnet groups). */
export function isolatedVpc(stack: Stack, id: string, cidr: string, maxAzs = 2, groups = 1): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs,
    natGateways: 0,
    subnetConfiguration: Array.from({ length: groups }, (_, i) => ({
      name: `iso${i}`,
      subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
      cidrMask: 24,
    })),
  });
}

