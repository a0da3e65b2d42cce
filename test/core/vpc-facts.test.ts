import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ConnectivityError } from '../../src/core/errors';
import { readVpcFacts, selectRouteTables } from '../../src/core/vpc-facts';

function stackIn(app: App, id: string, region = 'us-east-1', account = '111111111111'): Stack {
  return new Stack(app, id, { env: { account, region } });
}

describe('readVpcFacts', () => {
  test('reads the primary block of a new ec2.Vpc and its env', () => {
    // GIVEN
    const stack = stackIn(new App(), 'S', 'eu-west-1');
    const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });

    // WHEN
    const f = readVpcFacts(vpc);

    // THEN
    expect(f.cidrs.map((c) => [c.text, c.source])).toEqual([['10.1.0.0/16', 'primary']]);
    expect(f.account).toBe('111111111111');
    expect(f.region).toBe('eu-west-1');
    expect(f.partition).toBe('aws');
    expect(f.dnsSupport).toBe(true);
    expect(f.dnsHostnames).toBe(true);
    expect(f.key).toBe('S/Vpc');
  });

  test('reads secondary IPv4 and IPv6 blocks from AWS::EC2::VPCCidrBlock resources', () => {
    // GIVEN
    const stack = stackIn(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
    new ec2.CfnVPCCidrBlock(stack, 'Second', { vpcId: vpc.vpcId, cidrBlock: '100.64.0.0/16' });
    new ec2.CfnVPCCidrBlock(stack, 'V6', { vpcId: vpc.vpcId, ipv6CidrBlock: '2001:DB8::/56' });
    new ec2.CfnVPCCidrBlock(stack, 'Amazon', { vpcId: vpc.vpcId, amazonProvidedIpv6CidrBlock: true });
    const other = new ec2.Vpc(stack, 'Other', { ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16') });
    new ec2.CfnVPCCidrBlock(stack, 'NotMine', { vpcId: other.vpcId, cidrBlock: '100.65.0.0/16' });

    // WHEN
    const f = readVpcFacts(vpc);

    // THEN
    expect(f.cidrs.map((c) => [c.block?.cidr ?? '(unknown)', c.family, c.source, c.amazonProvided ?? false])).toEqual([
      ['10.1.0.0/16', 'ipv4', 'primary', false],
      ['100.64.0.0/16', 'ipv4', 'secondary', false],
      ['2001:db8::/56', 'ipv6', 'secondary', false],
      ['(unknown)', 'ipv6', 'secondary', true],
    ]);
  });

  test('an IPAM-allocated primary block is unknown, with the reason', () => {
    // GIVEN
    const stack = stackIn(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
    });

    // WHEN
    const f = readVpcFacts(vpc);

    // THEN
    expect(f.cidrs).toHaveLength(1);
    expect(f.cidrs[0].block).toBeUndefined();
    expect(f.cidrs[0].unknownReason).toMatch(/IPAM/);
  });

  test('an env-agnostic stack has unknown account, region and partition', () => {
    const stack = new Stack(new App(), 'S');
    const f = readVpcFacts(new ec2.Vpc(stack, 'Vpc'));
    expect(f.account).toBeUndefined();
    expect(f.region).toBeUndefined();
    expect(f.partition).toBeUndefined();
  });

  test('a GovCloud and a China region map to their partitions', () => {
    const app = new App();
    expect(readVpcFacts(new ec2.Vpc(stackIn(app, 'G', 'us-gov-west-1'), 'Vpc')).partition).toBe('aws-us-gov');
    expect(readVpcFacts(new ec2.Vpc(stackIn(app, 'C', 'cn-north-1'), 'Vpc')).partition).toBe('aws-cn');
  });

  test('DNS settings come from the AWS::EC2::VPC resource', () => {
    const stack = stackIn(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { enableDnsHostnames: false, enableDnsSupport: false });
    const f = readVpcFacts(vpc);
    expect([f.dnsSupport, f.dnsHostnames]).toEqual([false, false]);
  });

  test('Vpc.fromVpcAttributes: block, account and region from the attributes; key is the VPC ID', () => {
    // GIVEN
    const stack = stackIn(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0abc',
      vpcCidrBlock: '172.16.0.0/16',
      availabilityZones: ['us-east-1a'],
      region: 'us-west-2',
    });

    // WHEN
    const f = readVpcFacts(vpc);

    // THEN
    expect(f.cidrs.map((c) => [c.text, c.source])).toEqual([['172.16.0.0/16', 'imported']]);
    expect(f.region).toBe('us-west-2');
    expect(f.key).toBe('vpc-0abc');
    expect(f.dnsSupport).toBeUndefined();
  });

  test('Vpc.fromVpcAttributes without vpcCidrBlock: the block is unknown, not a crash', () => {
    const stack = stackIn(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0abc', availabilityZones: ['us-east-1a'] });
    const f = readVpcFacts(vpc);
    expect(f.cidrs[0].block).toBeUndefined();
    expect(f.cidrs[0].unknownReason).toMatch(/no vpcCidrBlock/);
  });

  test('an invalid imported block is refused with the value and the canonical form', () => {
    const stack = stackIn(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0abc',
      vpcCidrBlock: '10.0.0.1/16',
      availabilityZones: ['us-east-1a'],
    });
    expect(() => readVpcFacts(vpc)).toThrow(ConnectivityError);
    expect(() => readVpcFacts(vpc)).toThrow(/S\/Imported.*vpcCidrBlock "10\.0\.0\.1\/16".*Use 10\.0\.0\.0\/16/);
  });

  test('Vpc.fromLookup with a context value reads the looked-up block and owner', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S');
    stack.node.setContext('vpc-provider:account=111111111111:filter.vpc-id=vpc-0look:region=us-east-1:returnAsymmetricSubnets=true', {
      vpcId: 'vpc-0look',
      vpcCidrBlock: '192.168.0.0/20',
      ownerAccountId: '333333333333',
      availabilityZones: [],
      subnetGroups: [],
    });

    // WHEN
    const f = readVpcFacts(ec2.Vpc.fromLookup(stack, 'Looked', { vpcId: 'vpc-0look' }));

    // THEN
    expect(f.pendingLookup).toBe(false);
    expect(f.cidrs.map((c) => c.text)).toEqual(['192.168.0.0/20']);
    expect(f.account).toBe('333333333333');
    expect(f.key).toBe('vpc-0look');
  });

  test('a pending Vpc.fromLookup is reported as pending, not as an invalid block', () => {
    const stack = stackIn(new App(), 'S');
    const f = readVpcFacts(ec2.Vpc.fromLookup(stack, 'Looked', { vpcId: 'vpc-0look' }));
    expect(f.pendingLookup).toBe(true);
    expect(f.cidrs[0].block).toBeUndefined();
  });

  test('overrides replace what is read', () => {
    const stack = stackIn(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0abc', availabilityZones: ['us-east-1a'] });
    const f = readVpcFacts(vpc, { cidrBlocks: ['10.9.0.0/16', '2600:1f18::/56'] });
    expect(f.cidrs.map((c) => [c.text, c.family, c.source])).toEqual([
      ['10.9.0.0/16', 'ipv4', 'override'],
      ['2600:1f18::/56', 'ipv6', 'override'],
    ]);
  });
});

describe('selectRouteTables', () => {
  test('every subnet by default, one entry per route table', () => {
    // GIVEN
    const stack = stackIn(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'pub', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });

    // WHEN
    const tables = selectRouteTables(stack, 'subnets', vpc);

    // THEN
    expect(tables).toHaveLength(4);
    expect(new Set(tables.map((t) => t.routeTableId)).size).toBe(4);
  });

  test('subnets that share a route table give it once', () => {
    // GIVEN: imported subnets, two of them on one route table
    const stack = stackIn(new App(), 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0abc',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-1', 'subnet-2'],
      privateSubnetRouteTableIds: ['rtb-shared', 'rtb-shared'],
    });

    // WHEN
    const tables = selectRouteTables(stack, 'subnets', vpc, [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }]);

    // THEN
    expect(tables).toEqual([{ routeTableId: 'rtb-shared', subnetIds: ['subnet-1', 'subnet-2'] }]);
  });

  test('an imported subnet without a route table ID is refused with the fix', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0abc',
      availabilityZones: ['us-east-1a'],
      privateSubnetIds: ['subnet-1'],
    });
    const owner = new Construct(stack, 'Owner');

    // THEN
    expect(() => selectRouteTables(owner, 'requesterSubnets', vpc)).toThrow(
      /Construct 'S\/Owner': requesterSubnets selects subnet subnet-1 .* no route table ID.*fromVpcAttributes.*\[cdk-private-connectivity:vpc-route-table-unknown\]/,
    );
  });
});
