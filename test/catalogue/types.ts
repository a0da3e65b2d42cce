/**
 * The shape of a catalogue case, and the small builders user apps in the catalogue share.
 *
 * A case is a user app: a function that builds stacks into a fresh `App` the way a user writes
 * them (`new PeeredVpcPair(...)`, `new PrivateLinkService(...)`). Nothing mutable is shared
 * between cases: every case gets its own app.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RuleDefinition } from '../../src/core/rules';

/** The AWS page (title and address) or EC2 / CloudFormation error a case comes from. */
export interface Source {
  readonly title: string;
  readonly url: string;
}

/** What a case has in common: a stable ID, a title, its source, and the app. */
interface CaseBase {
  /** Unique, kebab-case, e.g. `peering-overlap-primary`. */
  readonly id: string;
  /** What the user did, in a few words. */
  readonly title: string;
  readonly source: Source;
  /** Builds the user's app (may throw, as a constructor refusal does). */
  readonly build: (app: App) => void;
  /** Context the app starts with (cdk.context.json of the user's project). @default - AZ names only */
  readonly context?: Record<string, unknown>;
}

/** A configuration the library must refuse (error rule) or warn about (warning rule). */
export interface InvalidCase extends CaseBase {
  readonly rule: RuleDefinition;
  /** Matches the message: construct path, prop, value received (the rule ID is checked separately). */
  readonly expect: RegExp;
}

/** A configuration AWS accepts and that works: no error and no warning at all. */
export interface ValidCase extends CaseBase {}

export const NETWORK = '111111111111';
export const PARTNER = '222222222222';
export const THIRD = '333333333333';

/** The AZ names each account sees in the catalogue's regions (what `cdk synth` caches in cdk.context.json). */
export function azContext(): Record<string, unknown> {
  const ctx: Record<string, unknown> = { 'aws:cdk:disable-creation-stack-traces': true };
  for (const account of [NETWORK, PARTNER, THIRD]) {
    for (const region of ['us-east-1', 'eu-west-1', 'us-west-2']) {
      ctx[`availability-zones:account=${account}:region=${region}`] = ['a', 'b', 'c'].map((z) => `${region}${z}`);
    }
  }
  return ctx;
}

/** A fresh app for a case. */
export function appFor(c: { context?: Record<string, unknown> }): App {
  return new App({ context: { ...azContext(), ...(c.context ?? {}) } });
}

/** A stack in `account` / `region`. */
export function stackIn(app: App, id: string, region = 'us-east-1', account = NETWORK): Stack {
  return new Stack(app, id, { env: { account, region } });
}

/** A stack without an environment. */
export function agnosticStack(app: App, id: string): Stack {
  return new Stack(app, id);
}

/** A VPC with a public and an isolated subnet in each of two AZs. */
export function vpcIn(stack: Stack, id: string, cidr: string, props: Partial<ec2.VpcProps> = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'pub', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
    ],
    ...props,
  });
}

/** A VPC with only isolated subnets: `groups` groups in `maxAzs` AZs. */
export function isolatedVpc(stack: Stack, id: string, cidr: string, maxAzs = 2, groups = 1, props: Partial<ec2.VpcProps> = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs,
    natGateways: 0,
    subnetConfiguration: Array.from({ length: groups }, (_, i) => ({ name: `iso${i}`, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 })),
    ...props,
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

/** A VPC whose block IPAM allocates at deploy time. */
export function ipamVpc(stack: Stack, id: string): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    maxAzs: 1,
  });
}

/** An imported VPC with two isolated subnets sharing one route table. */
export function importedVpc(stack: Stack, id: string, vpcId: string, cidr: string): ec2.IVpc {
  const region = stack.region;
  const suffix = vpcId.replace('vpc-', '');
  return ec2.Vpc.fromVpcAttributes(stack, id, {
    vpcId,
    vpcCidrBlock: cidr,
    availabilityZones: [`${region}a`, `${region}b`],
    isolatedSubnetIds: [`subnet-${suffix}1`, `subnet-${suffix}2`],
    isolatedSubnetRouteTableIds: [`rtb-${suffix}`, `rtb-${suffix}`],
  });
}
