import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { stackIn, synthErrors, vpcIn } from './util';
import { InterfaceEndpointService, InterfaceEndpointSet, InterfaceEndpointSetProps } from '../../src/endpoints';

const T = ec2.VpcEndpointIpAddressType;
const D = ec2.VpcEndpointDnsRecordIpType;

function build(props: Partial<InterfaceEndpointSetProps> = {}, vpcOpts: { dualStack?: boolean } = {}) {
  const app = new App();
  const stack = stackIn(app, 'S');
  const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', vpcOpts);
  const set = new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], ...props });
  return { app, stack, vpc, set };
}

describe('InterfaceEndpointSet: the rules of PrivateLinkEndpoint', () => {
  test.each([
    ['0.0.0.0/0', ec2.Peer.anyIpv4()],
    ['::/0', ec2.Peer.anyIpv6()],
  ])('privatelink-endpoint-sg-open: connections.allowFrom(%s) is refused at synth', (cidr, peer) => {
    const { app, set } = build();
    set.connections.allowFrom(peer, ec2.Port.tcp(443));
    expect(synthErrors(app)).toMatch(new RegExp(
      `InterfaceEndpointSet 'S/Ops': security group S/Ops/SecurityGroup admits ${cidr.replace(/[./]/g, '\\$&')} on ports 443-443; an interface endpoint is reachable by every address.*\\[cdk-private-connectivity:privatelink-endpoint-sg-open\\]`));
  });

  test('privatelink-endpoint-sg-open: an open rule added as a separate ingress resource from another stack is refused too', () => {
    const { app, set } = build();
    const other = stackIn(app, 'Other');
    new ec2.CfnSecurityGroupIngress(other, 'Open', { groupId: set.securityGroup.securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });
    expect(synthErrors(app)).toMatch(/admits 0\.0\.0\.0\/0 on ports 443-443.*privatelink-endpoint-sg-open/);
  });

  test('privatelink-endpoint-sg-open control: a client block or security group is admitted without a word', () => {
    const { app, stack, vpc, set } = build();
    set.connections.allowFrom(ec2.Peer.ipv4('10.1.0.0/16'), ec2.Port.tcp(443));
    set.connections.allowFrom(new ec2.SecurityGroup(stack, 'Clients', { vpc }), ec2.Port.tcp(443));
    expect(synthErrors(app)).toBe('');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('privatelink-subnet-az-duplicate: two listed subnets in one Availability Zone are refused, not dropped', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true });
    expect(() => new InterfaceEndpointSet(stack, 'Ops', {
      vpc,
      services: [InterfaceEndpointService.SNS],
      subnets: { subnets: [vpc.isolatedSubnets[0], vpc.privateSubnets[0]] },
    })).toThrow(/InterfaceEndpointSet 'S\/Ops': subnets selects 2 subnets in \S+ \(S\/Vpc\/isoSubnet1, S\/Vpc\/appSubnet1\); an interface endpoint takes one subnet per Availability Zone.*\[cdk-private-connectivity:privatelink-subnet-az-duplicate\]/);
  });
});

describe('InterfaceEndpointSet: IP address types against the subnets (AWS PrivateLink guide, "IP address types")', () => {
  test.each([
    ['dual-stack in IPv4-only subnets', T.DUALSTACK, false, /ipAddressType "dualstack", but subnet S\/Vpc\/isoSubnet1 has an IPv4 range and no IPv6 range; an interface endpoint of IP address type dualstack needs IPv4 and IPv6 ranges in every subnet/],
    ['IPv6 in dual-stack subnets', T.IPV6, true, /ipAddressType "ipv6", but subnet S\/Vpc\/isoSubnet1 has an IPv4 range and an IPv6 range; .*needs an IPv6 range and no IPv4 range \(IPv6-only subnets\)/],
    ['IPv6 in IPv4-only subnets', T.IPV6, false, /ipAddressType "ipv6", but subnet S\/Vpc\/isoSubnet1 has an IPv4 range and no IPv6 range/],
  ])('privatelink-endpoint-ip-type-subnets: %s is refused', (_t, ipAddressType, dualStack, message) => {
    expect(() => build({ ipAddressType }, { dualStack })).toThrow(message);
    expect(() => build({ ipAddressType }, { dualStack })).toThrow(/\[cdk-private-connectivity:privatelink-endpoint-ip-type-subnets\]/);
  });

  test('privatelink-endpoint-ip-type-subnets: IPv4 is refused in IPv6-only subnets', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { dualStack: true });
    for (const sn of vpc.isolatedSubnets) {
      const cfn = sn.node.defaultChild as ec2.CfnSubnet;
      cfn.cidrBlock = undefined;
      cfn.ipv6Native = true;
    }
    expect(() => new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], ipAddressType: T.IPV4 }))
      .toThrow(/ipAddressType "ipv4", but subnet S\/Vpc\/isoSubnet1 has no IPv4 range and an IPv6 range.*privatelink-endpoint-ip-type-subnets/);
  });

  test.each([
    ['IPv4 in IPv4 subnets', T.IPV4, false, D.IPV4],
    ['dual-stack in dual-stack subnets', T.DUALSTACK, true, D.DUALSTACK],
    ['dual-stack with service-defined DNS records', T.DUALSTACK, true, D.SERVICE_DEFINED],
    ['IPv4 in dual-stack subnets', T.IPV4, true, undefined],
  ])('privatelink-endpoint-ip-type-subnets control: %s synthesizes without a warning', (_t, ipAddressType, dualStack, dnsRecordIpType) => {
    const { app, stack } = build({ ipAddressType, dnsRecordIpType }, { dualStack });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      IpAddressType: ipAddressType,
      DnsOptions: dnsRecordIpType ? { DnsRecordIpType: dnsRecordIpType } : Match.absent(),
    });
    expect(synthErrors(app)).toBe('');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    [T.IPV4, D.IPV6, 'ipv6 or dualstack'],
    [T.IPV4, D.DUALSTACK, 'dualstack'],
    [T.IPV4, D.SERVICE_DEFINED, 'dualstack'],
    [T.IPV6, D.IPV4, 'ipv4 or dualstack'],
  ])('privatelink-dns-record-ip-type: ipAddressType %s with dnsRecordIpType %s is refused', (ipAddressType, dnsRecordIpType, needs) => {
    expect(() => build({ ipAddressType, dnsRecordIpType }, { dualStack: true })).toThrow(new RegExp(
      `dnsRecordIpType "${dnsRecordIpType}" with ipAddressType "${ipAddressType}"; ${dnsRecordIpType} DNS records need an endpoint of IP address type ${needs}.*\\[cdk-private-connectivity:privatelink-dns-record-ip-type\\]`));
  });

  test('privatelink-dns-record-ip-type: IPv6 records with ipAddressType unset (IPv4, the default) are refused', () => {
    expect(() => build({ dnsRecordIpType: D.IPV6 }, { dualStack: true })).toThrow(
      /dnsRecordIpType "ipv6" with ipAddressType "ipv4" \(the default\); ipv6 DNS records need an endpoint of IP address type ipv6 or dualstack.*\[cdk-private-connectivity:privatelink-dns-record-ip-type\]/);
  });

  test('privatelink-dns-record-ip-type control: IPv4 records with ipAddressType unset synthesize without a warning', () => {
    const { app, stack } = build({ dnsRecordIpType: D.IPV4 }, { dualStack: true });
    expect(synthErrors(app)).toBe('');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('privatelink-ip-type-unknown: imported subnets with an explicit ipAddressType warn', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0a1b2c3d4e5f67890', vpcCidrBlock: '10.0.0.0/16', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0a1b2c3d4e5f67890'],
    });
    new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], ipAddressType: T.DUALSTACK, privateDnsEnabled: false });
    Annotations.fromStack(stack).hasWarning('/S/Ops', Match.stringLikeRegexp(
      'ipAddressType "dualstack"; the address ranges of S/Imported/\\S+ are not known at synth; an interface endpoint of IP address type dualstack needs IPv4 and IPv6 ranges.*privatelink-ip-type-unknown'));
  });
});
