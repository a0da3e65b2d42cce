import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** Accounts and regions of the example estate (placeholders: nothing is deployed). */
export const NETWORK_ACCOUNT = '111111111111';
export const PARTNER_ACCOUNT = '222222222222';
export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'eu-west-1';

/** Environment of a stack in the network account. */
export function networkEnv(region: string = PRIMARY_REGION): { account: string; region: string } {
  return { account: NETWORK_ACCOUNT, region };
}

/** Environment of a stack in the partner account. */
export function partnerEnv(region: string = PRIMARY_REGION): { account: string; region: string } {
  return { account: PARTNER_ACCOUNT, region };
}

/** A two-AZ VPC with one isolated subnet per AZ: stands for a VPC the estate already runs. */
export function isolatedVpc(stack: Stack, id: string, cidr: string): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
}
