import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, dualStackVpc, isolatedVpc, newApp, stackIn } from './fixtures';
import { PrivateLinkEndpoint, PrivateLinkService, PrivateLinkServiceProps } from '../../src/privatelink';

const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const both = [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6];

function warnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

/** One stack with a provider VPC (dual-stack unless told) and a service built from `props`. */
function provider(props: Partial<PrivateLinkServiceProps> = {}, dualStack = true) {
  const stack = stackIn(newApp(), 'Provider');
  const vpc = dualStack ? dualStackVpc(stack, 'Vpc', '10.0.0.0/16') : isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
  const make = () => new PrivateLinkService(stack, 'Svc', {
    vpc,
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
    ...props,
  });
  return { stack, vpc, make };
}

describe('PrivateLinkService supportedIpAddressTypes', () => {
  test('valid control: IPv4 and IPv6 in a dual-stack VPC make a dualstack load balancer, with no warning', () => {
    // GIVEN
    const { stack, make } = provider({ supportedIpAddressTypes: both });

    // WHEN
    make();

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: 'dualstack' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointService', { SupportedIpAddressTypes: ['ipv4', 'ipv6'] });
    expect(warnings(stack)).toEqual([]);
  });

  test('an IPv4-only service keeps an IPv4 load balancer', () => {
    // GIVEN
    const { stack, make } = provider({}, false);

    // WHEN
    make();

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: Match.absent() });
  });

  test('privatelink-service-ipv6-requirements: IPv6 in a VPC without an IPv6 block is refused', () => {
    // GIVEN
    const { make } = provider({ supportedIpAddressTypes: both }, false);

    // WHEN / THEN
    expect(make).toThrow(/'Provider\/Svc': supportedIpAddressTypes includes ipv6, but Provider\/Vpc has no IPv6 block; .*\[cdk-private-connectivity:privatelink-service-ipv6-requirements\]/);
  });

  test('privatelink-service-ipv6-requirements: IPv6 in load balancer subnets without IPv6 blocks is refused', () => {
    // GIVEN: a dual-stack VPC whose IPv4-only subnet group is selected
    const stack = stackIn(newApp(), 'Provider');
    const vpc = dualStackVpc(stack, 'Vpc', '10.0.0.0/16');
    const subnets = vpc.isolatedSubnets.map((s, i) => new ec2.Subnet(stack, `V4Only${i}`, {
      vpcId: vpc.vpcId, availabilityZone: s.availabilityZone, cidrBlock: `10.0.${200 + i}.0/24`,
    }));

    // WHEN / THEN
    expect(() => new PrivateLinkService(stack, 'Svc', {
      vpc, listeners: [{ port: 443 }], supportedIpAddressTypes: both, vpcSubnets: { subnets },
    })).toThrow(/vpcSubnets selects Provider\/V4Only0, Provider\/V4Only1 without an IPv6 block.*\[cdk-private-connectivity:privatelink-service-ipv6-requirements\]/);
  });

  test('privatelink-service-ipv6-requirements: IPv6 with a given IPv4 load balancer is refused; a dualstack one is not', () => {
    // GIVEN
    const { stack, vpc } = provider();
    const v4 = new elbv2.NetworkLoadBalancer(stack, 'V4', { vpc });
    const ds = new elbv2.NetworkLoadBalancer(stack, 'Ds', { vpc, ipAddressType: elbv2.IpAddressType.DUAL_STACK });

    // WHEN / THEN
    expect(() => new PrivateLinkService(stack, 'A', { vpc, listeners: [{ port: 443 }], supportedIpAddressTypes: both, loadBalancer: v4 }))
      .toThrow(/supportedIpAddressTypes includes ipv6, but Provider\/V4 has IP address type ipv4.*\[cdk-private-connectivity:privatelink-service-ipv6-requirements\]/);
    expect(() => new PrivateLinkService(stack, 'B', { vpc, listeners: [{ port: 443 }], supportedIpAddressTypes: both, loadBalancer: ds })).not.toThrow();
  });

  test('privatelink-ip-type-unknown: IPv6 with an imported VPC or load balancer is warned', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Provider');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.0.0.0/16',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
      isolatedSubnetRouteTableIds: ['rtb-0aaaaaaaaaaaaaaaa', 'rtb-0bbbbbbbbbbbbbbbb'],
    });

    // WHEN
    new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], supportedIpAddressTypes: both, allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)] });

    // THEN
    const found = warnings(stack).filter((w) => w.includes('privatelink-ip-type-unknown'));
    expect(found).toEqual([
      expect.stringMatching(/supportedIpAddressTypes includes ipv6; the IPv6 blocks of Provider\/Imported \(imported\) cannot be read at synth/),
      expect.stringMatching(/the IPv6 blocks of Provider\/Imported\/IsolatedSubnet1, Provider\/Imported\/IsolatedSubnet2 \(imported subnets\)/),
    ]);
  });
});

/** A consumer endpoint in `vpc` to a same-app service supporting `types`. */
function consumer(opts: {
  dualStackConsumer: boolean;
  types?: ec2.IpAddressType[];
  ipAddressType?: ec2.VpcEndpointIpAddressType;
  dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
}) {
  const app = newApp();
  const stack = stackIn(app, 'Both');
  const svc = new PrivateLinkService(stack, 'Svc', {
    vpc: dualStackVpc(stack, 'Provider', '10.0.0.0/16'),
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    supportedIpAddressTypes: opts.types,
    allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
  });
  const vpc = opts.dualStackConsumer ? dualStackVpc(stack, 'Consumer', '10.1.0.0/16') : isolatedVpc(stack, 'Consumer', '10.1.0.0/16');
  // The Amazon-provided IPv6 block is known at deploy time only: declared here as the user would.
  const vpcCidrBlocks = opts.dualStackConsumer ? ['10.1.0.0/16', '2600:1f18:1234:5600::/56'] : undefined;
  const make = () => new PrivateLinkEndpoint(stack, 'Endpoint', {
    vpc, service: svc, ipAddressType: opts.ipAddressType, dnsRecordIpType: opts.dnsRecordIpType, vpcCidrBlocks,
  });
  return { stack, svc, vpc, make };
}

describe('PrivateLinkEndpoint ipAddressType and dnsRecordIpType', () => {
  test('valid control: a dualstack endpoint with dualstack records in dual-stack subnets to an IPv4+IPv6 service, with no warning', () => {
    // GIVEN
    const { stack, make } = consumer({
      dualStackConsumer: true,
      types: both,
      ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
      dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
    });

    // WHEN
    make();

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      IpAddressType: 'dualstack',
      DnsOptions: { DnsRecordIpType: 'dualstack' },
    });
    expect(warnings(stack)).toEqual([]);
  });

  test('valid control: an explicit IPv4 endpoint in IPv4 subnets to an IPv4 service', () => {
    // GIVEN
    const { stack, make } = consumer({
      dualStackConsumer: false, ipAddressType: ec2.VpcEndpointIpAddressType.IPV4, dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.IPV4,
    });

    // WHEN / THEN
    expect(make).not.toThrow();
    expect(warnings(stack)).toEqual([]);
  });

  test.each([
    ['a dualstack endpoint in IPv4-only subnets', false, ec2.VpcEndpointIpAddressType.DUALSTACK, /ipAddressType "dualstack", but subnet Both\/Consumer\/iso0Subnet1 has an IPv4 range and no IPv6 range; an interface endpoint of IP address type dualstack needs IPv4 and IPv6 ranges in every subnet/],
    ['an IPv6 endpoint in dual-stack subnets (not IPv6-only)', true, ec2.VpcEndpointIpAddressType.IPV6, /ipAddressType "ipv6", but subnet Both\/Consumer\/isoSubnet1 has an IPv4 range and an IPv6 range; .*IPv6-only/],
  ])('privatelink-endpoint-ip-type-subnets: %s is refused', (_, dualStackConsumer, ipAddressType, message) => {
    // GIVEN
    const { make } = consumer({ dualStackConsumer, types: both, ipAddressType });

    // WHEN / THEN
    expect(make).toThrow(new RegExp(`${message.source}.*\\[cdk-private-connectivity:privatelink-endpoint-ip-type-subnets\\]`));
  });

  test('privatelink-endpoint-ip-type-service: a dualstack endpoint to an IPv4-only service is refused', () => {
    // GIVEN
    const { make } = consumer({ dualStackConsumer: true, ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK });

    // WHEN / THEN
    expect(make).toThrow(/ipAddressType "dualstack", but Both\/Svc supports ipv4; an interface endpoint of IP address type dualstack needs a service that supports ipv6.*\[cdk-private-connectivity:privatelink-endpoint-ip-type-service\]/);
  });

  test('privatelink-endpoint-ip-type-service: an imported service declaring IPv4 only refuses a dualstack endpoint', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Consumer');
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], supportedIpAddressTypes: [ec2.IpAddressType.IPV4] });

    // WHEN / THEN
    expect(() => new PrivateLinkEndpoint(stack, 'E', { vpc: dualStackVpc(stack, 'Vpc', '10.1.0.0/16'), service, ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK }))
      .toThrow(/\[cdk-private-connectivity:privatelink-endpoint-ip-type-service\]/);
  });

  test.each([
    ['IPv6 records on a (default) IPv4 endpoint', undefined, ec2.VpcEndpointDnsRecordIpType.IPV6, /dnsRecordIpType "ipv6" with ipAddressType "ipv4" \(the default\); ipv6 DNS records need an endpoint of IP address type ipv6 or dualstack/],
    ['dualstack records on an IPv4 endpoint', ec2.VpcEndpointIpAddressType.IPV4, ec2.VpcEndpointDnsRecordIpType.DUALSTACK, /dnsRecordIpType "dualstack" with ipAddressType "ipv4"; dualstack DNS records need an endpoint of IP address type dualstack/],
    ['service-defined records on an IPv4 endpoint', ec2.VpcEndpointIpAddressType.IPV4, ec2.VpcEndpointDnsRecordIpType.SERVICE_DEFINED, /dnsRecordIpType "service-defined"/],
    ['IPv4 records on an IPv6 endpoint', ec2.VpcEndpointIpAddressType.IPV6, ec2.VpcEndpointDnsRecordIpType.IPV4, /dnsRecordIpType "ipv4" with ipAddressType "ipv6"/],
  ])('privatelink-dns-record-ip-type: %s is refused', (_, ipAddressType, dnsRecordIpType, message) => {
    // GIVEN
    const { make } = consumer({ dualStackConsumer: true, types: both, ipAddressType, dnsRecordIpType });

    // WHEN / THEN
    expect(make).toThrow(new RegExp(`${message.source}.*\\[cdk-private-connectivity:privatelink-dns-record-ip-type\\]`));
  });

  test('privatelink-ip-type-unknown: a dualstack endpoint to an imported service that does not declare its types is warned once, on the service', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Consumer');
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
    const vpc = dualStackVpc(stack, 'Vpc', '10.1.0.0/16');

    // WHEN
    new PrivateLinkEndpoint(stack, 'E1', { vpc, service, ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK });
    new PrivateLinkEndpoint(stack, 'E2', { vpc, service, ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK, subnets: { subnetGroupName: 'iso' } });

    // THEN
    const found = Annotations.fromStack(stack).findWarning('/Consumer/Svc', Match.stringLikeRegexp('privatelink-ip-type-unknown'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(/supportedIpAddressTypes are not declared; it affects 2 constructs: IPv6 and dualstack endpoints need a service that supports IPv6/);
  });

  test('privatelink-ip-type-unknown: an explicit address type in imported subnets is warned', () => {
    // GIVEN
    const stack = stackIn(newApp(), 'Consumer');
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.1.0.0/16',
      availabilityZones: ['us-east-1a'],
      isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
      isolatedSubnetRouteTableIds: ['rtb-0aaaaaaaaaaaaaaaa'],
    });

    // WHEN
    new PrivateLinkEndpoint(stack, 'E', { vpc, service, ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 });

    // THEN
    expect(warnings(stack).filter((w) => w.includes('privatelink-ip-type-unknown'))).toEqual([
      expect.stringMatching(/ipAddressType "ipv4"; the address ranges of Consumer\/Vpc\/IsolatedSubnet1 are not known at synth/),
    ]);
  });
});
