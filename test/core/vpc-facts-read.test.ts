import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { indexApp } from '../../src/core/app-index';
import { Rules, warningId } from '../../src/core/rules';
import { checkCidrOverrides, isPendingLookup, knownBlocks, readVpcFacts, selectRouteTables, selectSubnets } from '../../src/core/vpc-facts';

function stackIn(app: App, id: string, env = true): Stack {
  return new Stack(app, id, env ? { env: { account: '111111111111', region: 'us-east-1' } } : undefined);
}

function vpcIn(stack: Construct, id: string, props: Partial<ec2.VpcProps> = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    ...props,
  });
}

/** A construct holding a CfnVPC as its default child, but no ec2.Vpc. */
class BareVpc extends Construct {
  public readonly cfn: ec2.CfnVPC;
  public readonly vpc: ec2.IVpc;
  constructor(scope: Construct, id: string, props: ec2.CfnVPCProps) {
    super(scope, id);
    this.cfn = new ec2.CfnVPC(this, 'Resource', props);
    this.node.defaultChild = this.cfn;
    this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Import', { vpcId: this.cfn.ref, availabilityZones: ['us-east-1a'], vpcCidrBlock: this.cfn.attrCidrBlock });
  }
}

/** An IVpc whose construct is `bare` (so its default child is the CfnVPC). */
function asVpc(bare: BareVpc): ec2.IVpc {
  return Object.create(bare.vpc, { node: { value: bare.node } }) as ec2.IVpc;
}

describe('checkCidrOverrides', () => {
  test('literal blocks and tokens pass; undefined passes', () => {
    const s = stackIn(new App(), 'S');
    expect(() => checkCidrOverrides(s, 'cidrBlocks', ['10.0.0.0/16', '2001:db8::/56', new CfnParameter(s, 'C').valueAsString])).not.toThrow();
    expect(() => checkCidrOverrides(s, 'cidrBlocks', undefined)).not.toThrow();
  });

  test('a malformed block is refused naming the prop, index, value and the canonical block', () => {
    const s = stackIn(new App(), 'S');
    expect(() => checkCidrOverrides(s, 'peerCidrBlocks', ['10.0.0.0/16', '10.1.0.1/16'])).toThrow(
      `Stack 'S': peerCidrBlocks[1] "10.1.0.1/16"; host bits are set. Use 10.1.0.0/16. [${warningId(Rules.CIDR_INVALID)}]`,
    );
    expect(() => checkCidrOverrides(s, 'p', ['nope'])).toThrow(
      `Stack 'S': p[0] "nope"; the prefix length is missing (write address/length, e.g. 10.0.0.0/16). ${Rules.CIDR_INVALID.fix} [${warningId(Rules.CIDR_INVALID)}]`,
    );
  });
});

describe('readVpcFacts: blocks', () => {
  test('override tokens are unknown, of the family their text shows (IPv4 for a token)', () => {
    const s = stackIn(new App(), 'S');
    const token = new CfnParameter(s, 'C').valueAsString;
    const f = readVpcFacts(vpcIn(s, 'V'), { cidrBlocks: [token, '2001:db8::/56'] });
    expect(f.cidrs.map((c) => [c.family, c.source, c.block?.cidr, c.unknownReason, c.amazonProvided])).toEqual([
      ['ipv4', 'override', undefined, 'override is a token', false],
      ['ipv6', 'override', '2001:db8::/56', undefined, undefined],
    ]);
  });

  test('an empty override list reads the VPC', () => {
    const s = stackIn(new App(), 'S');
    expect(readVpcFacts(vpcIn(s, 'V'), { cidrBlocks: [] }).cidrs.map((c) => [c.text, c.source])).toEqual([['10.0.0.0/16', 'primary']]);
  });

  test('a malformed override is refused on the VPC, naming cidrBlocks[i]', () => {
    const s = stackIn(new App(), 'S');
    expect(() => readVpcFacts(vpcIn(s, 'V'), { cidrBlocks: ['10.0.0.0/16', '10.0.0.0/33'] }))
      .toThrow(/^Vpc 'S\/V': cidrBlocks\[1\] "10\.0\.0\.0\/33"; prefix length 33 is out of range 0–32\. Write the block/);
  });

  test('secondary blocks: token IPv4 and IPv6 texts, an IPAM IPv4 pool, a non-Amazon IPv6 pool, a token Amazon flag', () => {
    const s = stackIn(new App(), 'S');
    const v = vpcIn(s, 'V');
    new ec2.CfnVPCCidrBlock(s, 'T4', { vpcId: v.vpcId, cidrBlock: new CfnParameter(s, 'P4').valueAsString });
    new ec2.CfnVPCCidrBlock(s, 'T6', { vpcId: v.vpcId, ipv6CidrBlock: new CfnParameter(s, 'P6').valueAsString });
    new ec2.CfnVPCCidrBlock(s, 'Ipam4', { vpcId: v.vpcId, ipv4IpamPoolId: 'ipam-pool-1' });
    new ec2.CfnVPCCidrBlock(s, 'Pool6', { vpcId: v.vpcId, ipv6Pool: 'pool-1' });
    new ec2.CfnVPCCidrBlock(s, 'Tok', { vpcId: v.vpcId, amazonProvidedIpv6CidrBlock: new CfnParameter(s, 'B').valueAsString as unknown as boolean });
    new ec2.CfnVPCCidrBlock(s, 'NotAmazon', { vpcId: v.vpcId, amazonProvidedIpv6CidrBlock: false });
    const f = readVpcFacts(v);
    expect(f.cidrs.slice(1).map((c) => [c.family, c.text === '' ? '' : 'token', c.unknownReason, c.amazonProvided ?? false])).toEqual([
      ['ipv4', 'token', 'the secondary block is a token', false],
      ['ipv6', 'token', 'the IPv6 block is a token', false],
      ['ipv4', '', 'the secondary block is allocated from an IPAM pool', false],
      ['ipv6', '', 'the IPv6 block is allocated from an IPAM pool or BYOIP pool', false],
      ['ipv6', '', 'the IPv6 block is allocated from an IPAM pool or BYOIP pool', false],
      ['ipv6', '', 'the IPv6 block is allocated from an IPAM pool or BYOIP pool', false],
    ]);
    expect(f.cidrs.every((c) => c.source !== 'secondary' || c.block === undefined)).toBe(true);
    expect(knownBlocks(f).map((b) => b.cidr)).toEqual(['10.0.0.0/16']);
  });

  test('a malformed secondary block is refused on the CfnVPCCidrBlock, naming its property', () => {
    const s = stackIn(new App(), 'S');
    const v = vpcIn(s, 'V');
    new ec2.CfnVPCCidrBlock(s, 'Bad', { vpcId: v.vpcId, ipv6CidrBlock: '2001:db8::1/56' });
    expect(() => readVpcFacts(v)).toThrow(`CfnVPCCidrBlock 'S/Bad': Ipv6CidrBlock "2001:db8::1/56"; host bits are set. Use 2001:db8::/56. [${warningId(Rules.CIDR_INVALID)}]`);
  });

  test('without an index: blocks inside the VPC and at the top of its stack, each once; with one: anywhere in the app', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const v = vpcIn(s, 'V');
    new ec2.CfnVPCCidrBlock(v, 'Inside', { vpcId: v.vpcId, cidrBlock: '10.1.0.0/16' });
    new ec2.CfnVPCCidrBlock(s, 'Top', { vpcId: v.vpcId, cidrBlock: '10.2.0.0/16' });
    const nested = new Construct(s, 'Nested');
    new ec2.CfnVPCCidrBlock(nested, 'Deep', { vpcId: v.vpcId, cidrBlock: '10.3.0.0/16' });
    expect(readVpcFacts(v).cidrs.map((c) => c.text)).toEqual(['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16']);
    expect(readVpcFacts(v, undefined, indexApp(app)).cidrs.map((c) => c.text)).toEqual(['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16']);
  });

  test('a CfnVPC without an ec2.Vpc: a token primary block is unknown; DNS from the resource or CloudFormation\'s defaults', () => {
    const s = stackIn(new App(), 'S');
    const plain = asVpc(new BareVpc(s, 'Plain', { cidrBlock: new CfnParameter(s, 'C').valueAsString }));
    const f = readVpcFacts(plain);
    expect(f.cidrs.map((c) => [c.source, c.block, c.unknownReason])).toEqual([['primary', undefined, 'the primary block is a token']]);
    expect([f.dnsSupport, f.dnsHostnames]).toEqual([true, false]);
    expect(f.key).toBe('S/Plain');

    const set = readVpcFacts(asVpc(new BareVpc(s, 'Set', { cidrBlock: '10.0.0.0/16', enableDnsSupport: false, enableDnsHostnames: true })));
    expect([set.dnsSupport, set.dnsHostnames]).toEqual([false, true]);
    const token = new CfnParameter(s, 'Dns').valueAsString as unknown as boolean;
    const tok = readVpcFacts(asVpc(new BareVpc(s, 'Tok', { cidrBlock: '10.0.0.0/16', enableDnsSupport: token, enableDnsHostnames: token })));
    expect([tok.dnsSupport, tok.dnsHostnames]).toEqual([undefined, undefined]);
  });

  test('an ec2.Vpc with DNS switched off reads as off', () => {
    const s = stackIn(new App(), 'S');
    const f = readVpcFacts(vpcIn(s, 'V', { enableDnsHostnames: false, enableDnsSupport: false }));
    expect([f.dnsSupport, f.dnsHostnames]).toEqual([false, false]);
  });

  test('an imported VPC: DNS unknown; a token block is unknown with the reason', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromVpcAttributes(s, 'I', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], vpcCidrBlock: new CfnParameter(s, 'C').valueAsString });
    const f = readVpcFacts(v);
    expect([f.dnsSupport, f.dnsHostnames, f.pendingLookup, f.key]).toEqual([undefined, undefined, false, 'vpc-1']);
    expect(f.cidrs.map((c) => [c.source, c.block, c.unknownReason])).toEqual([['imported', undefined, 'the imported block is a token']]);
  });

  test('an imported VPC whose ID is a token is keyed by its path', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromVpcAttributes(s, 'I', { vpcId: new CfnParameter(s, 'Id').valueAsString, availabilityZones: ['us-east-1a'], vpcCidrBlock: '10.0.0.0/16' });
    expect(readVpcFacts(v).key).toBe('S/I');
  });

  test('a pending lookup: the placeholder block is kept as text, keyed by path, with the reason', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromLookup(s, 'L', { vpcId: 'vpc-12345678' });
    expect(isPendingLookup(v)).toBe(true);
    const f = readVpcFacts(v);
    expect(f.key).toBe('S/L');
    expect(f.cidrs.map((c) => [c.source, c.text, c.unknownReason])).toEqual([['imported', v.vpcCidrBlock, 'the VPC lookup is pending']]);
    expect(isPendingLookup(vpcIn(s, 'V'))).toBe(false);
  });

  test('an environment-agnostic stack: account, region and partition unknown', () => {
    const f = readVpcFacts(vpcIn(stackIn(new App(), 'S', false), 'V'));
    expect([f.account, f.region, f.partition]).toEqual([undefined, undefined, undefined]);
    expect(f.stack.stackName).toBe('S');
    expect(f.path).toBe('S/V');
  });
});

describe('selectSubnets and selectRouteTables', () => {
  test('selections are joined in order without duplicates', () => {
    const s = stackIn(new App(), 'S');
    const v = vpcIn(s, 'V', {
      maxAzs: 2,
      subnetConfiguration: [
        { name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        { name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const picked = selectSubnets(v, [{ subnetGroupName: 'b' }, { subnetGroupName: 'a' }, { subnetGroupName: 'b' }]);
    expect(picked.map((x) => x.node.path)).toEqual(['S/V/bSubnet1', 'S/V/bSubnet2', 'S/V/aSubnet1', 'S/V/aSubnet2']);
    expect(selectSubnets(v).map((x) => x.node.path)).toEqual(['S/V/aSubnet1', 'S/V/aSubnet2', 'S/V/bSubnet1', 'S/V/bSubnet2']);
    expect(selectSubnets(v, [])).toEqual([]);
  });

  test('route tables in subnet order, each with its subnets', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromVpcAttributes(s, 'I', {
      vpcId: 'vpc-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      privateSubnetIds: ['subnet-1', 'subnet-2', 'subnet-3'],
      privateSubnetRouteTableIds: ['rtb-b', 'rtb-a', 'rtb-b'],
    });
    expect(selectRouteTables(s, 'p', v)).toEqual([
      { routeTableId: 'rtb-b', subnetIds: ['subnet-1', 'subnet-3'] },
      { routeTableId: 'rtb-a', subnetIds: ['subnet-2'] },
    ]);
  });

  test('an empty route table ID is refused like a missing one, with the exact message', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromVpcAttributes(s, 'I', {
      vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'], privateSubnetRouteTableIds: [''],
    });
    expect(() => selectRouteTables(s, 'subnets', v)).toThrow(
      `Stack 'S': subnets selects subnet subnet-1 of S/I, which has no route table ID; routes can only be added to route tables known at synth time. ${Rules.VPC_ROUTE_TABLE_UNKNOWN.fix} [${warningId(Rules.VPC_ROUTE_TABLE_UNKNOWN)}]`,
    );
    const stub = { subnetId: 'subnet-9', node: { path: 'x' }, routeTable: { routeTableId: null } } as unknown as ec2.ISubnet;
    expect(() => selectRouteTables(s, 'subnets', v, undefined, [stub])).toThrow(/subnets selects subnet subnet-9 of S\/I, which has no route table ID/);
  });
});

describe('readVpcFacts: every field of unknown blocks, and the props malformed ones are named by', () => {
  test('IPAM and Amazon-provided blocks: source, empty text and reason', () => {
    const s = stackIn(new App(), 'S');
    const v = vpcIn(s, 'V', {
      ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }),
    });
    new ec2.CfnVPCCidrBlock(s, 'Ipam4', { vpcId: v.vpcId, ipv4IpamPoolId: 'ipam-pool-1' });
    new ec2.CfnVPCCidrBlock(s, 'Amazon', { vpcId: v.vpcId, amazonProvidedIpv6CidrBlock: true });
    expect(readVpcFacts(v).cidrs.map((c) => [c.source, c.text === v.vpcCidrBlock ? '(the VPC\'s token)' : c.text, c.unknownReason])).toEqual([
      ['primary', '(the VPC\'s token)', 'the primary block is allocated from an IPAM pool'],
      ['secondary', '', 'the secondary block is allocated from an IPAM pool'],
      ['secondary', '', 'the IPv6 block is Amazon-provided (assigned at deploy time)'],
    ]);
  });

  test('an imported VPC without vpcCidrBlock: an empty, imported, unknown block', () => {
    const s = stackIn(new App(), 'S');
    const v = ec2.Vpc.fromVpcAttributes(s, 'I', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] });
    expect(readVpcFacts(v).cidrs).toStrictEqual([{ family: 'ipv4', text: '', source: 'imported', unknownReason: 'the imported VPC was given no vpcCidrBlock' }]);
  });

  test('malformed primary and secondary IPv4 blocks are named CidrBlock', () => {
    const s = stackIn(new App(), 'S');
    const bare = new BareVpc(s, 'Bare', { cidrBlock: '10.0.0.1/16' });
    expect(() => readVpcFacts(asVpc(bare))).toThrow(/^\S+ 'S\/Bare': CidrBlock "10\.0\.0\.1\/16"; host bits are set\. Use 10\.0\.0\.0\/16\./);
    const v = vpcIn(s, 'V');
    new ec2.CfnVPCCidrBlock(s, 'Bad', { vpcId: v.vpcId, cidrBlock: '10.1.0.1/16' });
    expect(() => readVpcFacts(v)).toThrow(/^CfnVPCCidrBlock 'S\/Bad': CidrBlock "10\.1\.0\.1\/16"; host bits are set\./);
  });

  test('a subnet without a route table at all is refused like one without an ID', () => {
    const s = stackIn(new App(), 'S');
    const v = vpcIn(s, 'V');
    const stub = { subnetId: 'subnet-9', node: { path: 'x' } } as unknown as ec2.ISubnet;
    expect(() => selectRouteTables(s, 'subnets', v, undefined, [stub])).toThrow(/subnets selects subnet subnet-9 of S\/V, which has no route table ID/);
  });
});
