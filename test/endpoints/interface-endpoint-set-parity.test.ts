import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { stackIn, synthErrors, vpcIn } from './util';
import { EndpointPolicy, InterfaceEndpointService, InterfaceEndpointSet, InterfaceEndpointSetProps } from '../../src/endpoints';

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

describe('InterfaceEndpointSet: policy statements are checked as gateway endpoints\' are (AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies")', () => {
  const statement = (conditions?: Record<string, unknown>) =>
    new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'], principals: [new iam.AnyPrincipal()], conditions });

  test('endpoint-policy-wildcard: a wildcard on aws:PrincipalAccount (added to a statement after the policy was made) is refused', () => {
    const st = statement();
    const policy = EndpointPolicy.fromStatements([st]);
    st.addCondition('StringLike', { 'aws:PrincipalAccount': '1111*' });
    expect(() => build({ policy })).toThrow(
      /InterfaceEndpointSet 'S\/Ops': policy of the sns endpoint, statement 0 Condition StringLike aws:PrincipalAccount "1111\*"; aws:PrincipalAccount holds a system-generated identifier, which takes no wildcard.*\[cdk-private-connectivity:endpoint-policy-wildcard\]/);
  });

  test('endpoint-policy-never-matches: an account ID that is not 12 digits is warned about', () => {
    const { stack } = build({ policy: EndpointPolicy.fromStatements([statement({ StringEquals: { 'aws:PrincipalAccount': '1234' } })]) });
    const found = Annotations.fromStack(stack).findWarning('/S/Ops', Match.stringLikeRegexp('endpoint-policy-never-matches'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(/aws:PrincipalAccount "1234"; aws:PrincipalAccount is a 12-digit account ID, so this value never matches/);
  });

  test('endpoint-policy-wildcard control: a literal account and the stack\'s own account pass without a word', () => {
    const { app, stack } = build();
    const other = stackIn(app, 'T');
    new InterfaceEndpointSet(other, 'Ops', {
      vpc: vpcIn(other, 'Vpc', '10.1.0.0/16'),
      services: [InterfaceEndpointService.SNS],
      policy: EndpointPolicy.fromStatements([statement({ StringEquals: { 'aws:PrincipalAccount': ['111111111111', Stack.of(other).account] } })]),
    });
    Template.fromStack(other).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      PolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:PrincipalAccount': Match.anyValue() } } })] },
    });
    expect(synthErrors(app)).toBe('');
    expect(Annotations.fromStack(other).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('InterfaceEndpointSet serviceRegion: a region this library does not know', () => {
  test('region-unknown: a well-formed unknown serviceRegion is warned, not refused', () => {
    const { stack } = build({ services: [InterfaceEndpointService.of('s3')], serviceRegion: 'us-west-9' });
    const found = Annotations.fromStack(stack).findWarning('/S/Ops', Match.stringLikeRegexp('region-unknown'));
    expect(found.map((w) => String(w.entry.data))).toEqual([
      expect.stringMatching(/InterfaceEndpointSet 'S\/Ops': serviceRegion "us-west-9" is not a region this library knows; .*\[cdk-private-connectivity:region-unknown\]/),
    ]);
  });

  test('region-unknown control: a known serviceRegion gets no warning', () => {
    const { stack } = build({ services: [InterfaceEndpointService.of('s3')], serviceRegion: 'us-west-2' });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
