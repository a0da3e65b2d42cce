import { App, CfnWaitConditionHandle, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { checkDnsRecordIpType, checkSubnetIpTypes, describeFamilies, subnetFamilies } from '../../src/core/endpoint-ip-types';

const T = ec2.VpcEndpointIpAddressType;
const D = ec2.VpcEndpointDnsRecordIpType;

function stack(): Stack {
  const s = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'us-east-1' } });
  new CfnWaitConditionHandle(s, 'NotEmpty'); // a template needs a resource to synthesize
  return s;
}

/** A subnet of this app with the given CloudFormation properties. */
function subnet(s: Stack, id: string, props: Partial<ec2.CfnSubnetProps>): ec2.ISubnet {
  const scope = new Construct(s, id);
  const cfn = new ec2.CfnSubnet(scope, 'Subnet', { vpcId: 'vpc-0123456789abcdef0', ...props });
  return { node: { defaultChild: cfn, path: scope.node.path } } as unknown as ec2.ISubnet;
}

describe('subnetFamilies', () => {
  test.each([
    ['a CidrBlock', { cidrBlock: '10.0.0.0/24' }, { ipv4: true, ipv6: false }],
    ['an IPv4 IPAM netmask length', { ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 24 }, { ipv4: true, ipv6: false }],
    ['an IPv4 and an IPv6 block', { cidrBlock: '10.0.0.0/24', ipv6CidrBlock: '2001:db8::/64' }, { ipv4: true, ipv6: true }],
    ['an IPv6 IPAM netmask length', { cidrBlock: '10.0.0.0/24', ipv6IpamPoolId: 'ipam-pool-2', ipv6NetmaskLength: 64 }, { ipv4: true, ipv6: true }],
    ['IPv6-only (Ipv6Native)', { ipv6Native: true, ipv6CidrBlock: '2001:db8::/64' }, { ipv4: false, ipv6: true }],
    ['no IPv4 property at all', {}, { ipv4: undefined, ipv6: false }],
    ['an IPv4 IPAM pool alone', { ipv4IpamPoolId: 'ipam-pool-1' }, { ipv4: true, ipv6: false }],
    ['an IPv4 netmask length alone', { ipv4NetmaskLength: 24 }, { ipv4: true, ipv6: false }],
    ['an IPv6 IPAM pool alone', { cidrBlock: '10.0.0.0/24', ipv6IpamPoolId: 'ipam-pool-2' }, { ipv4: true, ipv6: true }],
    ['an IPv6 netmask length alone', { cidrBlock: '10.0.0.0/24', ipv6NetmaskLength: 64 }, { ipv4: true, ipv6: true }],
  ])('a subnet with %s', (_t, props, expected) => {
    expect(subnetFamilies(subnet(stack(), 'Sn', props))).toEqual(expected);
  });

  test('a token Ipv6Native and an imported subnet are unknown', () => {
    const s = stack();
    expect(subnetFamilies(subnet(s, 'Tok', { cidrBlock: '10.0.0.0/24', ipv6Native: Token.asAny({ Ref: 'P' }) as unknown as boolean }))).toEqual({});
    expect(subnetFamilies(ec2.Subnet.fromSubnetId(s, 'Imported', 'subnet-0a1b2c3d4e5f67890'))).toEqual({});
  });

  test('describeFamilies names each family as present, absent or unknown', () => {
    expect(describeFamilies({ ipv4: true, ipv6: false })).toBe('an IPv4 range and no IPv6 range');
    expect(describeFamilies({})).toBe('an unknown IPv4 range and an unknown IPv6 range');
  });
});

describe('checkDnsRecordIpType (one rule for PrivateLinkEndpoint and InterfaceEndpointSet)', () => {
  test.each([
    [T.IPV4, D.IPV6, 'ipv6 or dualstack'],
    [T.IPV4, D.DUALSTACK, 'dualstack'],
    [T.IPV6, D.SERVICE_DEFINED, 'dualstack'],
    [T.IPV6, D.IPV4, 'ipv4 or dualstack'],
    [undefined, D.IPV6, 'ipv6 or dualstack'],
  ])('privatelink-dns-record-ip-type: ipAddressType %s with %s records is refused', (type, records, needs) => {
    expect(() => checkDnsRecordIpType(new Construct(stack(), 'E'), type, records))
      .toThrow(new RegExp(`${records} DNS records need an endpoint of IP address type ${needs}.*\\[cdk-private-connectivity:privatelink-dns-record-ip-type\\]`));
  });

  test('the message names the record type, the address type, and whether that type is the default', () => {
    const e = new Construct(stack(), 'E');
    expect(() => checkDnsRecordIpType(e, undefined, D.IPV6)).toThrow(
      "Construct 'S/E': dnsRecordIpType \"ipv6\" with ipAddressType \"ipv4\" (the default); ipv6 DNS records need an endpoint of IP address type ipv6 or dualstack.",
    );
    expect(() => checkDnsRecordIpType(e, T.IPV4, D.IPV6)).toThrow(
      "Construct 'S/E': dnsRecordIpType \"ipv6\" with ipAddressType \"ipv4\"; ipv6 DNS records need an endpoint of IP address type ipv6 or dualstack.",
    );
  });

  test('a record type this library does not know is left to AWS', () => {
    expect(() => checkDnsRecordIpType(new Construct(stack(), 'E'), T.IPV4, 'future-type' as ec2.VpcEndpointDnsRecordIpType)).not.toThrow();
  });

  test.each([
    [T.IPV4, D.IPV4], [T.DUALSTACK, D.IPV4], [T.DUALSTACK, D.IPV6], [T.DUALSTACK, D.DUALSTACK],
    [T.DUALSTACK, D.SERVICE_DEFINED], [T.IPV6, D.IPV6], [undefined, D.IPV4], [T.IPV6, undefined],
  ])('control: ipAddressType %s with %s records passes', (type, records) => {
    expect(() => checkDnsRecordIpType(new Construct(stack(), 'E'), type, records)).not.toThrow();
  });
});

describe('checkSubnetIpTypes (one rule for PrivateLinkEndpoint and InterfaceEndpointSet)', () => {
  test('privatelink-endpoint-ip-type-subnets: dualstack in an IPv4-only subnet is refused, naming the subnet', () => {
    const s = stack();
    const sn = subnet(s, 'V4', { cidrBlock: '10.0.0.0/24' });
    expect(() => checkSubnetIpTypes(new Construct(s, 'E'), [sn], T.DUALSTACK))
      .toThrow(/ipAddressType "dualstack", but subnet S\/V4 has an IPv4 range and no IPv6 range; an interface endpoint of IP address type dualstack needs IPv4 and IPv6 ranges in every subnet.*privatelink-endpoint-ip-type-subnets/);
  });

  test('privatelink-ip-type-unknown: a subnet whose ranges are unknown is warned once, with every such subnet', () => {
    const s = stack();
    const e = new Construct(s, 'E');
    const subnets = [ec2.Subnet.fromSubnetId(s, 'A', 'subnet-0aaaaaaaaaaaaaaaa'), ec2.Subnet.fromSubnetId(s, 'B', 'subnet-0bbbbbbbbbbbbbbbb')];
    checkSubnetIpTypes(e, subnets, T.IPV6);
    const found = Annotations.fromStack(s).findWarning('/S/E', Match.stringLikeRegexp('privatelink-ip-type-unknown'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(/ipAddressType "ipv6"; the address ranges of S\/A, S\/B are not known at synth/);
  });

  test('privatelink-ip-type-unknown: a subnet of this app without an IPv4 property is unknown for an IPv4 endpoint', () => {
    // (read from the construct: CloudFormation's validator, strict under cdk init's flags, refuses such a subnet at synth)
    const s = stack();
    const e = new Construct(s, 'E');
    checkSubnetIpTypes(e, [subnet(s, 'NoRange', {})], T.IPV4);
    const found = e.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(found).toEqual([expect.stringMatching(/ipAddressType "ipv4"; the address ranges of S\/NoRange are not known at synth; an interface endpoint of IP address type ipv4 needs an IPv4 range in every subnet/)]);
  });

  test('an IP address type this library does not know is left to AWS', () => {
    const s = stack();
    checkSubnetIpTypes(new Construct(s, 'E'), [subnet(s, 'V4', { cidrBlock: '10.0.0.0/24' })], 'future-type' as ec2.VpcEndpointIpAddressType);
    expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('control: an unset type checks nothing, and fitting subnets pass without a warning', () => {
    const s = stack();
    const e = new Construct(s, 'E');
    checkSubnetIpTypes(e, [subnet(s, 'Any', { ipv6Native: true, ipv6CidrBlock: '2001:db8:1::/64' })], undefined);
    checkSubnetIpTypes(e, [subnet(s, 'V6', { ipv6Native: true, ipv6CidrBlock: '2001:db8::/64' })], T.IPV6);
    checkSubnetIpTypes(e, [subnet(s, 'Both', { cidrBlock: '10.0.0.0/24', ipv6CidrBlock: '2001:db8::/64' })], T.IPV4);
    expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
