import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
export { synthErrors } from '../synth';

export const ACCOUNT = '111111111111';

/** A stack in ACCOUNT and `region`; `null` makes it environment-agnostic. */
export function stackIn(app: App, id: string, region: string | null = 'us-east-1'): Stack {
  return new Stack(app, id, region ? { env: { account: ACCOUNT, region } } : undefined);
}

/** A VPC with two AZs of isolated subnets (and private-with-egress ones when `withEgress`). */
export function vpcIn(stack: Stack, id: string, cidr: string, opts: { withEgress?: boolean; dualStack?: boolean } = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: opts.withEgress ? 1 : 0,
    ipProtocol: opts.dualStack ? ec2.IpProtocol.DUAL_STACK : undefined,
    subnetConfiguration: [
      ...(opts.withEgress ? [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ] : []),
      { name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
}

