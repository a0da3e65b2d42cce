import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Shared by the integration snapshot apps (`test/*.integ.ts`): an app whose templates hold no
 * machine paths, and VPCs with fixed AZs so that synth never asks AWS.
 */
export function integApp(): App {
  return new App({
    context: {
      'aws:cdk:disable-creation-stack-traces': true,
      'aws:cdk:disable-stack-trace': true,
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
    },
  });
}

/** A stack in `account` and `region`. */
export function integStack(app: App, id: string, account: string, region: string): Stack {
  return new Stack(app, id, { env: { account, region } });
}

/** An isolated two-AZ VPC in `stack`, with AZs given so no lookup is needed. */
export function integVpc(stack: Stack, id: string, cidr: string): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    availabilityZones: [`${stack.region}a`, `${stack.region}b`],
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}
