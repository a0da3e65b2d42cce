import { App, Stack } from 'aws-cdk-lib';
import { Matcher, MatchResult, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
export { synthErrors } from '../synth';

export const NETWORK = '111111111111';
export const PARTNER = '222222222222';

/** A fresh app without creation stack traces (faster synth). */
export function newApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, ...context } });
}

/** A stack in `account` / `region`; `null` region makes it environment-agnostic. */
export function stackIn(app: App, id: string, region: string | null = 'us-east-1', account: string = NETWORK): Stack {
  return new Stack(app, id, region ? { env: { account, region } } : undefined);
}

/** A VPC with a public and an isolated subnet in each of `azs` AZs: 2 × azs route tables. */
export function vpcIn(stack: Stack, id: string, cidr: string, props: Partial<ec2.VpcProps> = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'pub', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    ...props,
  });
}

/** An imported VPC with two isolated subnets that share one route table. */
export function importedVpc(stack: Stack, id: string, vpcId: string, cidr: string): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, id, {
    vpcId,
    vpcCidrBlock: cidr,
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    isolatedSubnetIds: [vpcId.replace('vpc-', 'subnet-') + '1', vpcId.replace('vpc-', 'subnet-') + '2'],
    isolatedSubnetRouteTableIds: [vpcId.replace('vpc-', 'rtb-'), vpcId.replace('vpc-', 'rtb-')],
  });
}


/** Every AWS::EC2::Route of a stack, as [routeTable (resolved), destination]. */
export function routesOf(stack: Stack): Array<{ table: unknown; destination: string; pcx: unknown }> {
  const routes = Template.fromStack(stack).findResources('AWS::EC2::Route');
  return Object.values(routes)
    .filter((r) => r.Properties.VpcPeeringConnectionId !== undefined)
    .map((r) => ({
      table: r.Properties.RouteTableId,
      destination: r.Properties.DestinationCidrBlock ?? r.Properties.DestinationIpv6CidrBlock,
      pcx: r.Properties.VpcPeeringConnectionId,
    }));
}

/** Count of peering routes per destination (as JSON when not a string). */
export function routeCounts(stack: Stack): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of routesOf(stack)) {
    const k = typeof r.destination === 'string' ? r.destination : JSON.stringify(r.destination);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** A CloudFormation value as text: joins flattened, `AWS::Partition` as `aws`, other references as `${Name}`. */
export function cfnText(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = v as Record<string, any>;
  if (o && Array.isArray(o['Fn::Join'])) return (o['Fn::Join'][1] as unknown[]).map(cfnText).join(o['Fn::Join'][0]);
  if (o && o.Ref === 'AWS::Partition') return 'aws';
  if (o && typeof o.Ref === 'string') return `\${${o.Ref}}`;
  if (o && Array.isArray(o['Fn::GetAtt'])) return `\${${o['Fn::GetAtt'].join('.')}}`;
  return JSON.stringify(v);
}

/**
 * Matches an ARN whether it is rendered with the partition as a reference (no feature flags) or
 * as a literal (`@aws-cdk/core:enablePartitionLiterals`, which `cdk init` turns on).
 */
export function arnMatching(pattern: RegExp): Matcher {
  return new (class extends Matcher {
    public readonly name = `arnMatching(${pattern})`;
    public test(actual: unknown): MatchResult {
      const result = new MatchResult(actual);
      const text = cfnText(actual);
      if (!pattern.test(text)) result.recordFailure({ matcher: this, path: [], message: `Expected an ARN matching ${pattern}, got ${text}` });
      return result;
    }
  })();
}
