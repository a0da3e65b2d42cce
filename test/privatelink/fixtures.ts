import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
export { synthErrors } from '../synth';

/** The feature flags `cdk init` writes for this aws-cdk-lib version. */
export const CDK_INIT_FLAGS: Record<string, unknown> = JSON.parse(fs.readFileSync(
  fs.existsSync(path.join(__dirname, '..', 'cdk-init-context.json'))
    ? path.join(__dirname, '..', 'cdk-init-context.json')
    : require.resolve('aws-cdk-lib/recommended-feature-flags.json'), 'utf-8'));

/** Behaviours that must not depend on the feature flags run under both sets (`test.each(FLAG_SETS)`). */
export const FLAG_SETS: Array<[string, Record<string, unknown>]> = [
  ['the cdk init feature flags', CDK_INIT_FLAGS],
  ['no feature flags', {}],
];

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


/** A dual-stack VPC (Amazon-provided IPv6 block) with one isolated dual-stack subnet per AZ. */
export function dualStackVpc(stack: Stack, id: string, cidr: string, maxAzs = 2): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    ipProtocol: ec2.IpProtocol.DUAL_STACK,
    maxAzs,
    natGateways: 0,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}
