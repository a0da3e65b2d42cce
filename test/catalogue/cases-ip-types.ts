/** Invalid PrivateLink configurations of issue 11: the load balancer given, listener quota, IPv6 and dual stack. */
import { App, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SERVICE_NAME } from './cases-privatelink';
import { S } from './sources';
import { dualStackVpc, InvalidCase, isolatedVpc, NETWORK, stackIn } from './types';
import { PrivateLinkEndpoint, PrivateLinkService, PrivateLinkServiceProps } from '../../src';
import { Rules } from '../../src/core/rules';

const NLB_ARN = `arn:aws:elasticloadbalancing:us-east-1:${NETWORK}:loadbalancer/net/orders/0123456789abcdef`;
const BOTH = [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6];
const { IPV4, IPV6, DUALSTACK } = ec2.VpcEndpointIpAddressType;
const RECORDS = ec2.VpcEndpointDnsRecordIpType;

/** The orders service in `vpc` of stack Provider, built from `props`. */
function service(stack: Stack, vpc: ec2.IVpc, props: Partial<PrivateLinkServiceProps> = {}): PrivateLinkService {
  return new PrivateLinkService(stack, 'Orders', {
    vpc,
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(NETWORK)],
    ...props,
  });
}

/** A load balancer imported from its ARN (and VPC, when given) into an IPv4 provider. */
function withImported(app: App, arn: string, lbVpc?: (stack: Stack, vpc: ec2.IVpc) => ec2.IVpc): void {
  const stack = stackIn(app, 'Provider');
  const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
  const lb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Lb', { loadBalancerArn: arn, vpc: lbVpc ? lbVpc(stack, vpc) : undefined });
  service(stack, vpc, { loadBalancer: lb });
}

/**
 * A dual-stack provider offering `types`, and a consumer in the same stack (dual-stack unless told)
 * with the given address and record types. The consumer's Amazon-provided IPv6 block is declared
 * as a user would (it is known at deploy time only).
 */
function consumer(app: App, opts: {
  dualStackConsumer?: boolean;
  types?: ec2.IpAddressType[];
  ipAddressType?: ec2.VpcEndpointIpAddressType;
  dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
}): void {
  const stack = stackIn(app, 'Both');
  const svc = service(stack, dualStackVpc(stack, 'Provider', '10.0.0.0/16'), { supportedIpAddressTypes: opts.types });
  const dual = opts.dualStackConsumer ?? true;
  const vpc = dual ? dualStackVpc(stack, 'Consumer', '10.1.0.0/16') : isolatedVpc(stack, 'Consumer', '10.1.0.0/16');
  new PrivateLinkEndpoint(stack, 'Client', {
    vpc,
    service: svc,
    ipAddressType: opts.ipAddressType,
    dnsRecordIpType: opts.dnsRecordIpType,
    vpcCidrBlocks: dual ? ['10.1.0.0/16', '2600:1f18:1234:5600::/56'] : undefined,
  });
}

/** An imported VPC whose subnets' address ranges cannot be read at synth. */
function importedSubnets(stack: Stack, id: string): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, id, {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.1.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
    isolatedSubnetRouteTableIds: ['rtb-0aaaaaaaaaaaaaaaa', 'rtb-0bbbbbbbbbbbbbbbb'],
  });
}

export const IP_TYPE_CASES: InvalidCase[] = [
  // ---- the load balancer given to a PrivateLinkService ----
  {
    id: 'service-alb-arn',
    title: 'an Application Load Balancer ARN behind an endpoint service',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_TYPE,
    source: S.CFN_ENDPOINT_SERVICE,
    expect: /loadBalancer ".*" is an Application Load Balancer/,
    build: (app) => withImported(app, `arn:aws:elasticloadbalancing:us-east-1:${NETWORK}:loadbalancer/app/web/0123456789abcdef`, (_s, vpc) => vpc),
  },
  {
    id: 'service-gwlb-arn',
    title: 'a Gateway Load Balancer ARN behind a PrivateLinkService',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_TYPE,
    source: S.CFN_ENDPOINT_SERVICE,
    expect: /loadBalancer ".*" is a Gateway Load Balancer/,
    build: (app) => withImported(app, `arn:aws:elasticloadbalancing:us-east-1:${NETWORK}:loadbalancer/gwy/fw/0123456789abcdef`, (_s, vpc) => vpc),
  },
  {
    id: 'service-target-group-arn',
    title: 'a target group ARN passed as the load balancer',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_TYPE,
    source: S.CFN_ENDPOINT_SERVICE,
    expect: /loadBalancer ".*" is not a load balancer ARN/,
    build: (app) => withImported(app, `arn:aws:elasticloadbalancing:us-east-1:${NETWORK}:targetgroup/tg/0123456789abcdef`, (_s, vpc) => vpc),
  },
  {
    id: 'service-alb-of-this-app',
    title: 'an Application Load Balancer of this app behind an endpoint service',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_TYPE,
    source: S.CFN_LOAD_BALANCER,
    expect: /loadBalancer Provider\/Alb has Type "application"/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      service(stack, vpc, { loadBalancer: new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc }) as unknown as elbv2.INetworkLoadBalancer });
    },
  },
  {
    id: 'service-nlb-other-vpc',
    title: 'a Network Load Balancer of another VPC of this app',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_VPC,
    source: S.PL_CREATE_SERVICE,
    expect: /loadBalancer Provider\/Nlb is in Provider\/Other, the service's vpc is Provider\/Vpc/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      service(stack, vpc, { loadBalancer: new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: isolatedVpc(stack, 'Other', '10.9.0.0/16') }) });
    },
  },
  {
    id: 'service-imported-nlb-other-vpc-id',
    title: 'an imported Network Load Balancer whose VPC ID differs from the service\'s',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_VPC,
    source: S.PL_CREATE_SERVICE,
    expect: /loadBalancer Provider\/Lb is in Provider\/Elsewhere, the service's vpc is Provider\/Vpc/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0aaaaaaaaaaaaaaaa', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'] });
      const elsewhere = ec2.Vpc.fromVpcAttributes(stack, 'Elsewhere', { vpcId: 'vpc-0bbbbbbbbbbbbbbbb', availabilityZones: ['us-east-1a'] });
      service(stack, vpc, { loadBalancer: elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Lb', { loadBalancerArn: NLB_ARN, vpc: elsewhere }) });
    },
  },
  {
    id: 'service-internet-facing-nlb',
    title: 'an internet-facing Network Load Balancer behind an endpoint service',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_INTERNET_FACING,
    source: S.CFN_LOAD_BALANCER,
    expect: /PrivateLinkService 'Provider\/Orders': loadBalancer Provider\/Public is internet-facing/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      service(stack, vpc, { loadBalancer: new elbv2.NetworkLoadBalancer(stack, 'Public', { vpc, internetFacing: true, vpcSubnets: { subnets: vpc.isolatedSubnets } }) });
    },
  },
  {
    id: 'service-imported-nlb-facts-unknown',
    title: 'a Network Load Balancer imported by ARN and VPC',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_UNKNOWN,
    source: S.PL_CREATE_SERVICE,
    expect: /loadBalancer Provider\/Lb is imported; unchecked: its scheme \(internal or internet-facing\), the listeners it already has/,
    build: (app) => withImported(app, NLB_ARN, (_s, vpc) => vpc),
  },
  {
    id: 'service-imported-nlb-token-arn',
    title: 'a Network Load Balancer imported from another stack\'s output, without its VPC',
    rule: Rules.PRIVATELINK_LOAD_BALANCER_UNKNOWN,
    source: S.PL_CREATE_SERVICE,
    expect: /unchecked: its type \(the ARN is a token\), its scheme .*, its VPC \(imported without vpc\)/,
    build: (app) => withImported(app, Fn.importValue('OrdersNlbArn')),
  },
  {
    id: 'service-51-listeners',
    title: 'an endpoint service with 51 listener ports',
    rule: Rules.PRIVATELINK_LISTENER_QUOTA,
    source: S.NLB_QUOTAS,
    expect: /listeners has 51 entries; a Network Load Balancer has at most 50 listeners/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      service(stack, isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), { listeners: Array.from({ length: 51 }, (_, i) => ({ port: 1000 + i })) });
    },
  },
  {
    id: 'service-nlb-full-of-listeners',
    title: 'a service listener added to a Network Load Balancer that already has 50',
    rule: Rules.PRIVATELINK_LISTENER_QUOTA,
    source: S.NLB_QUOTAS,
    expect: /'Provider\/Orders': listeners 51 listeners on Provider\/Full/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      const full = new elbv2.NetworkLoadBalancer(stack, 'Full', { vpc });
      for (let i = 0; i < 50; i++) full.addListener(`Own${i}`, { port: 2000 + i });
      service(stack, vpc, { loadBalancer: full });
    },
  },

  // ---- the service's IP address types ----
  {
    id: 'service-ipv6-ipv4-vpc',
    title: 'an endpoint service offering IPv6 in a VPC without an IPv6 block',
    rule: Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS,
    source: S.PL_CREATE_SERVICE,
    expect: /'Provider\/Orders': supportedIpAddressTypes includes ipv6, but Provider\/Vpc has no IPv6 block/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      service(stack, isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), { supportedIpAddressTypes: BOTH });
    },
  },
  {
    id: 'service-ipv6-ipv4-subnets',
    title: 'an IPv6 service whose load balancer subnets have no IPv6 block',
    rule: Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS,
    source: S.NLB_IP_TYPES,
    expect: /vpcSubnets selects Provider\/V4Only0, Provider\/V4Only1 without an IPv6 block/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = dualStackVpc(stack, 'Vpc', '10.0.0.0/16');
      const subnets = vpc.isolatedSubnets.map((s, i) => new ec2.Subnet(stack, `V4Only${i}`, { vpcId: vpc.vpcId, availabilityZone: s.availabilityZone, cidrBlock: `10.0.${200 + i}.0/24` }));
      service(stack, vpc, { supportedIpAddressTypes: BOTH, vpcSubnets: { subnets } });
    },
  },
  {
    id: 'service-ipv6-ipv4-nlb',
    title: 'an IPv6 service in front of an IPv4 Network Load Balancer',
    rule: Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS,
    source: S.PL_SHARE,
    expect: /supportedIpAddressTypes includes ipv6, but Provider\/V4 has IP address type ipv4/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = dualStackVpc(stack, 'Vpc', '10.0.0.0/16');
      service(stack, vpc, { supportedIpAddressTypes: BOTH, loadBalancer: new elbv2.NetworkLoadBalancer(stack, 'V4', { vpc }) });
    },
  },

  // ---- the endpoint's IP address type against its subnets and the service ----
  {
    id: 'endpoint-dualstack-ipv4-subnets',
    title: 'a dualstack endpoint in IPv4-only subnets',
    rule: Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SUBNETS,
    source: S.CDK_ENDPOINT_IP_TYPE,
    expect: /ipAddressType "dualstack", but subnet Both\/Consumer\/iso0Subnet1 has an IPv4 range and no IPv6 range/,
    build: (app) => consumer(app, { dualStackConsumer: false, types: BOTH, ipAddressType: DUALSTACK }),
  },
  {
    id: 'endpoint-ipv6-dual-stack-subnets',
    title: 'an IPv6 endpoint in dual-stack (not IPv6-only) subnets',
    rule: Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SUBNETS,
    source: S.CDK_ENDPOINT_IP_TYPE,
    expect: /ipAddressType "ipv6", but subnet Both\/Consumer\/isoSubnet1 has an IPv4 range and an IPv6 range; .*IPv6-only/,
    build: (app) => consumer(app, { types: BOTH, ipAddressType: ec2.VpcEndpointIpAddressType.IPV6 }),
  },
  {
    id: 'endpoint-dualstack-ipv4-service',
    title: 'a dualstack endpoint to a service of this app that supports IPv4 only',
    rule: Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SERVICE,
    source: S.CDK_ENDPOINT_IP_TYPE,
    expect: /ipAddressType "dualstack", but Both\/Orders supports ipv4; an interface endpoint of IP address type dualstack needs a service that supports ipv6/,
    build: (app) => consumer(app, { ipAddressType: DUALSTACK }),
  },
  {
    id: 'endpoint-dualstack-imported-ipv4-service',
    title: 'a dualstack endpoint to an imported service declaring IPv4 only',
    rule: Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SERVICE,
    source: S.PL_SHARE,
    expect: /ipAddressType "dualstack", but Consumer\/Orders supports ipv4/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const svc = PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], supportedIpAddressTypes: [ec2.IpAddressType.IPV4] });
      new PrivateLinkEndpoint(stack, 'Client', { vpc: dualStackVpc(stack, 'Vpc', '10.1.0.0/16'), service: svc, ipAddressType: DUALSTACK });
    },
  },

  // ---- DNS record IP type against the endpoint's IP address type ----
  {
    id: 'records-ipv6-default-endpoint',
    title: 'IPv6 DNS records on an endpoint left at its default (IPv4) address type',
    rule: Rules.PRIVATELINK_DNS_RECORD_IP_TYPE,
    source: S.CDK_DNS_RECORD_IP_TYPE,
    expect: /dnsRecordIpType "ipv6" with ipAddressType "ipv4" \(the default\); ipv6 DNS records need an endpoint of IP address type ipv6 or dualstack/,
    build: (app) => consumer(app, { types: BOTH, dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.IPV6 }),
  },
  {
    id: 'records-dualstack-ipv4-endpoint',
    title: 'dualstack DNS records on an IPv4 endpoint',
    rule: Rules.PRIVATELINK_DNS_RECORD_IP_TYPE,
    source: S.CDK_DNS_RECORD_IP_TYPE,
    expect: /dnsRecordIpType "dualstack" with ipAddressType "ipv4"; dualstack DNS records need an endpoint of IP address type dualstack/,
    build: (app) => consumer(app, { types: BOTH, ipAddressType: IPV4, dnsRecordIpType: RECORDS.DUALSTACK }),
  },
  {
    id: 'records-service-defined-ipv4-endpoint',
    title: 'service-defined DNS records on an IPv4 endpoint',
    rule: Rules.PRIVATELINK_DNS_RECORD_IP_TYPE,
    source: S.EC2_DNS_OPTIONS,
    expect: /dnsRecordIpType "service-defined" with ipAddressType "ipv4"/,
    build: (app) => consumer(app, { types: BOTH, ipAddressType: IPV4, dnsRecordIpType: RECORDS.SERVICE_DEFINED }),
  },
  {
    id: 'records-ipv4-ipv6-endpoint',
    title: 'IPv4 DNS records on an IPv6 endpoint',
    rule: Rules.PRIVATELINK_DNS_RECORD_IP_TYPE,
    source: S.CDK_DNS_RECORD_IP_TYPE,
    expect: /dnsRecordIpType "ipv4" with ipAddressType "ipv6"/,
    build: (app) => consumer(app, { types: BOTH, ipAddressType: IPV6, dnsRecordIpType: RECORDS.IPV4 }),
  },

  // ---- IP address families unknown at synth ----
  {
    id: 'service-ipv6-imported-vpc',
    title: 'an IPv6 service in an imported VPC',
    rule: Rules.PRIVATELINK_IP_TYPE_UNKNOWN,
    source: S.PL_CREATE_SERVICE,
    expect: /supportedIpAddressTypes includes ipv6; the IPv6 blocks of Provider\/Imported \(imported\) cannot be read at synth/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      service(stack, importedSubnets(stack, 'Imported'), { supportedIpAddressTypes: BOTH });
    },
  },
  {
    id: 'endpoint-dualstack-undeclared-service',
    title: 'a dualstack endpoint to an imported service that does not declare its IP address types',
    rule: Rules.PRIVATELINK_IP_TYPE_UNKNOWN,
    source: S.CDK_ENDPOINT_IP_TYPE,
    expect: /supportedIpAddressTypes are not declared/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const svc = PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      new PrivateLinkEndpoint(stack, 'Client', { vpc: dualStackVpc(stack, 'Vpc', '10.1.0.0/16'), service: svc, ipAddressType: DUALSTACK });
    },
  },
  {
    id: 'endpoint-ipv4-imported-subnets',
    title: 'an explicit IPv4 endpoint in imported subnets',
    rule: Rules.PRIVATELINK_IP_TYPE_UNKNOWN,
    source: S.CDK_ENDPOINT_IP_TYPE,
    expect: /ipAddressType "ipv4"; the address ranges of Consumer\/Vpc\/IsolatedSubnet1, Consumer\/Vpc\/IsolatedSubnet2 are not known at synth/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const svc = PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      new PrivateLinkEndpoint(stack, 'Client', { vpc: importedSubnets(stack, 'Vpc'), service: svc, ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 });
    },
  },
];
