/** Invalid Gateway Load Balancer inspection configurations: GatewayLoadBalancerService and InspectionEndpoints. */
import { App, CfnParameter } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { S } from './sources';
import { agnosticStack, InvalidCase, PARTNER, stackIn } from './types';
import { GatewayLoadBalancerService, InspectionEndpoints, InspectionEndpointsProps } from '../../src';
import { Rules } from '../../src/core/rules';
import { applianceVpc, appVpc, firewallIn } from '../inspection/fixtures';

// The appliance and app VPCs and the firewall service are the inspection tests' own fixtures.
export { appVpc, firewallIn };

export const GWLB_SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210';

/** The service in an appliance stack and the endpoints in an app stack (one account and region). */
function contract(app: App, props: Partial<InspectionEndpointsProps> & { vpcProps?: Partial<ec2.VpcProps> } = {}): void {
  const firewall = firewallIn(stackIn(app, 'Appliances'));
  const appStack = stackIn(app, 'App');
  new InspectionEndpoints(appStack, 'Inspect', {
    vpc: appVpc(appStack, props.vpcProps),
    service: firewall,
    endpointSubnets: { subnetGroupName: 'inspection' },
    protectedSubnets: { subnetGroupName: 'public' },
    ...props,
  });
}

export const INSPECTION_CASES: InvalidCase[] = [
  // ---- the service ----
  {
    id: 'gwlb-targets-mixed',
    title: 'instance and IP targets behind one Gateway Load Balancer',
    rule: Rules.INSPECTION_TARGET_INVALID,
    source: S.GWLB_TARGET_GROUPS,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall'/,
    build: (app) => {
      const s = stackIn(app, 'Appliances');
      const vpc = applianceVpc(s);
      const box = new ec2.Instance(s, 'Box', { vpc, instanceType: new ec2.InstanceType('c5.large'), machineImage: ec2.MachineImage.genericLinux({ 'us-east-1': 'ami-0123456789abcdef0' }), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
      new GatewayLoadBalancerService(s, 'Firewall', { vpc, targets: [new targets.InstanceTarget(box), new targets.IpTarget('10.100.0.10')], allowedPrincipals: [new iam.AccountPrincipal(PARTNER)] });
    },
  },
  {
    id: 'gwlb-target-type-lambda',
    title: 'a Lambda target type on a Gateway Load Balancer',
    rule: Rules.INSPECTION_TARGET_INVALID,
    source: S.GWLB_TARGET_GROUPS,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall'/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { targetType: elbv2.TargetType.LAMBDA }); },
  },
  {
    id: 'gwlb-health-check-udp',
    title: 'a health check over UDP',
    rule: Rules.INSPECTION_HEALTH_CHECK_INVALID,
    source: S.GWLB_TARGET_GROUPS,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall'.*UDP/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { healthCheck: { protocol: elbv2.Protocol.UDP } }); },
  },
  {
    id: 'gwlb-health-check-tcp-path',
    title: 'a TCP health check with a path',
    rule: Rules.INSPECTION_HEALTH_CHECK_INVALID,
    source: S.GWLB_TARGET_GROUPS,
    expect: /\/health/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { healthCheck: { path: '/health' } }); },
  },
  {
    id: 'gwlb-health-check-port',
    title: 'a health-check port out of range',
    rule: Rules.INSPECTION_HEALTH_CHECK_INVALID,
    source: S.GWLB_TARGET_GROUPS,
    expect: /70000/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { healthCheck: { port: 70000 } }); },
  },
  {
    id: 'gwlb-no-subnet',
    title: 'a Gateway Load Balancer with a selection of no subnet',
    rule: Rules.INSPECTION_SUBNETS_EMPTY,
    source: S.GWLB_GETTING_STARTED,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall'/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { vpcSubnets: { subnets: [] } }); },
  },
  {
    id: 'gwlb-two-subnets-one-az',
    title: 'a Gateway Load Balancer given two subnets of one AZ',
    rule: Rules.INSPECTION_SUBNET_AZ_DUPLICATE,
    source: S.GWLB_GETTING_STARTED,
    expect: /us-east-1a/,
    build: (app) => {
      const s = stackIn(app, 'Appliances');
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, { name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      new GatewayLoadBalancerService(s, 'Firewall', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, allowedPrincipals: [new iam.AccountPrincipal(PARTNER)] });
    },
  },
  {
    id: 'gwlb-principal-star',
    title: '`*` allowed on an inspection service without allowAnyPrincipal',
    rule: Rules.PRIVATELINK_PRINCIPAL_WILDCARD,
    source: S.PL_CONFIGURE,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall': allowedPrincipals\[0\] "\*"/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { allowedPrincipals: [new iam.ArnPrincipal('*')] }); },
  },
  {
    id: 'gwlb-no-principals',
    title: 'an inspection service that allows no principal',
    rule: Rules.PRIVATELINK_NO_PRINCIPALS,
    source: S.PL_CONFIGURE,
    expect: /GatewayLoadBalancerService 'Appliances\/Firewall': allowedPrincipals \(none\)/,
    build: (app) => { firewallIn(stackIn(app, 'Appliances'), { allowedPrincipals: [] }); },
  },

  // ---- the endpoints: zones and subnets ----
  {
    id: 'inspection-no-endpoint-subnet',
    title: 'inspection endpoints with a selection of no subnet',
    rule: Rules.INSPECTION_SUBNETS_EMPTY,
    source: S.GWLB_ENDPOINTS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { endpointSubnets: { subnets: [] } }),
  },
  {
    id: 'inspection-two-endpoint-subnets-one-az',
    title: 'two endpoint subnets in one AZ',
    rule: Rules.INSPECTION_SUBNET_AZ_DUPLICATE,
    source: S.GWLB_ENDPOINTS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { endpointSubnets: { subnetType: ec2.SubnetType.PUBLIC }, protectedSubnets: { subnetGroupName: 'isolated' } }),
  },
  {
    id: 'inspection-protected-az-uncovered',
    title: 'a protected AZ without an endpoint subnet',
    rule: Rules.INSPECTION_PROTECTED_AZ_UNCOVERED,
    source: S.GWLB_ROUTING,
    expect: /publicSubnet2 is in us-east-1b/,
    build: (app) => contract(app, { endpointSubnets: { subnetGroupName: 'inspection', availabilityZones: ['us-east-1a'] } }),
  },
  {
    id: 'inspection-protected-az-token',
    title: 'imported endpoint and protected subnets whose zones are parameters, not the same one',
    rule: Rules.INSPECTION_PROTECTED_AZ_UNCOVERED,
    source: S.GWLB_ROUTING,
    expect: /InspectionEndpoints 'App\/Inspect': protectedSubnets App\/Protected is in \(unresolved token.*\), which is none of the endpoint subnets' zones/,
    build: (app) => {
      const firewall = firewallIn(stackIn(app, 'Appliances'));
      const stack = stackIn(app, 'App');
      const zone = (id: string) => new CfnParameter(stack, id, { type: 'AWS::EC2::AvailabilityZone::Name' }).valueAsString;
      new InspectionEndpoints(stack, 'Inspect', {
        vpc: appVpc(stack),
        service: firewall,
        endpointSubnets: { subnets: [ec2.Subnet.fromSubnetAttributes(stack, 'Edge', { subnetId: 'subnet-0e100000000000001', availabilityZone: zone('EdgeZone'), routeTableId: 'rtb-0e100000000000001', ipv4CidrBlock: '10.1.200.0/28' })] },
        protectedSubnets: { subnets: [ec2.Subnet.fromSubnetAttributes(stack, 'Protected', { subnetId: 'subnet-0f100000000000001', availabilityZone: zone('ProtectedZone'), routeTableId: 'rtb-0f100000000000001', ipv4CidrBlock: '10.1.201.0/24' })] },
      });
    },
  },
  {
    id: 'inspection-endpoint-subnets-protected',
    title: 'endpoint subnets that are also the protected subnets',
    rule: Rules.INSPECTION_SUBNET_OVERLAP,
    source: S.GWLB_ROUTING,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { endpointSubnets: { subnetGroupName: 'public' } }),
  },
  {
    id: 'inspection-route-table-shared',
    title: 'protected subnets of two AZs sharing one route table',
    rule: Rules.INSPECTION_ROUTE_TABLE_SHARED,
    source: S.GWLB_ROUTING,
    expect: /rtb-0f000000000000000/,
    build: (app) => {
      const stack = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        publicSubnetIds: ['subnet-0e100000000000001', 'subnet-0e200000000000002', 'subnet-0f100000000000001', 'subnet-0f200000000000002'],
        publicSubnetNames: ['inspection', 'public'],
        publicSubnetRouteTableIds: ['rtb-0e100000000000001', 'rtb-0e200000000000002', 'rtb-0f000000000000000', 'rtb-0f000000000000000'],
      });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc,
        service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: GWLB_SERVICE_NAME }),
        internetGatewayId: 'igw-0123456789abcdef0',
        endpointSubnets: { subnetGroupName: 'inspection' },
        protectedSubnets: { subnetGroupName: 'public' },
      });
    },
  },
  {
    id: 'inspection-az-not-served-same-account',
    title: 'endpoints in a zone where the load balancer has no subnet',
    rule: Rules.INSPECTION_AZ_NOT_SERVED,
    source: S.GWLB_ENDPOINTS,
    expect: /us-east-1b/,
    build: (app) => {
      const stack = stackIn(app, 'App');
      const firewall = firewallIn(stack, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a'] } });
      new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },
  {
    id: 'inspection-az-not-served-by-id',
    title: 'a partner\'s zone (by AZ ID) the service does not serve',
    rule: Rules.INSPECTION_AZ_NOT_SERVED,
    source: S.AZ_IDS,
    context: { 'cdk-private-connectivity:az-ids:account=222222222222:region=us-east-1': { 'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az2' } },
    expect: /us-east-1a \(AZ ID use1-az4\)/,
    build: (app) => {
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: GWLB_SERVICE_NAME, availabilityZoneIds: ['use1-az1'] });
      new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },
  {
    id: 'inspection-az-unknown-agnostic',
    title: 'inspection endpoints in an environment-agnostic stack',
    rule: Rules.INSPECTION_AZ_UNKNOWN,
    source: S.AZ_IDS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => {
      const stack = agnosticStack(app, 'App');
      new InspectionEndpoints(stack, 'Inspect', {
        vpc: appVpc(stack),
        service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: GWLB_SERVICE_NAME }),
        endpointSubnets: { subnetGroupName: 'inspection' },
        protectedSubnets: { subnetGroupName: 'public' },
      });
    },
  },
  {
    id: 'inspection-az-unknown-partner',
    title: 'a partner account whose AZ IDs are not declared',
    rule: Rules.INSPECTION_AZ_UNKNOWN,
    source: S.AZ_IDS,
    expect: /InspectionEndpoints 'Partner\/Inspect'/,
    build: (app) => {
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: GWLB_SERVICE_NAME, availabilityZoneIds: ['use1-az1'] });
      new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },
  {
    id: 'inspection-az-id-name',
    title: 'an AZ name given as the partner\'s AZ ID',
    rule: Rules.PRIVATELINK_AZ_ID_INVALID,
    source: S.AZ_IDS,
    expect: /availabilityZoneIds\[0\] "us-east-1a"/,
    build: (app) => {
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: GWLB_SERVICE_NAME, availabilityZoneIds: ['use1-az1'] });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' }, availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }],
      });
    },
  },

  // ---- the endpoints: traffic and routes ----
  {
    id: 'inspection-ipv6-unsupported',
    title: 'a dual-stack VPC behind an IPv4-only inspection service',
    rule: Rules.INSPECTION_IPV6_UNSUPPORTED,
    source: S.GWLB_ENDPOINTS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { vpcProps: { ipProtocol: ec2.IpProtocol.DUAL_STACK } }),
  },
  {
    id: 'inspection-dualstack-endpoints',
    title: 'dual-stack endpoints asked of an IPv4-only service',
    rule: Rules.INSPECTION_IPV6_UNSUPPORTED,
    source: S.GWLB_ENDPOINTS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK }),
  },
  {
    id: 'inspection-ipv6-uninspected',
    title: 'a dual-stack VPC with IPv4-only endpoints',
    rule: Rules.INSPECTION_IPV6_UNINSPECTED,
    source: S.GWLB_ENDPOINTS,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, { vpcProps: { ipProtocol: ec2.IpProtocol.DUAL_STACK }, ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 }),
  },
  {
    id: 'inspection-ipv6-imported-vpc',
    title: 'inspection endpoints in an imported VPC whose IPv6 blocks cannot be known, ipAddressType unset',
    rule: Rules.INSPECTION_IPV6_UNINSPECTED,
    source: S.GWLB_ENDPOINTS,
    expect: /IPv6 blocks are not known at synth \(an imported VPC\); .*the endpoints are IPv4 only \(ipAddressType unset\)/,
    build: (app) => {
      const stack = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-0a1b2c3d4e5f60719',
        vpcCidrBlock: '10.8.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        publicSubnetIds: ['subnet-0e100000000000011', 'subnet-0e200000000000012', 'subnet-0f100000000000011', 'subnet-0f200000000000012'],
        publicSubnetNames: ['inspection', 'public'],
        publicSubnetRouteTableIds: ['rtb-0e100000000000011', 'rtb-0e200000000000012', 'rtb-0f100000000000011', 'rtb-0f200000000000012'],
        publicSubnetIpv4CidrBlocks: ['10.8.0.0/28', '10.8.0.16/28', '10.8.1.0/24', '10.8.2.0/24'],
      });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc,
        service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: GWLB_SERVICE_NAME }),
        internetGatewayId: 'igw-0123456789abcdef1',
        endpointSubnets: { subnetGroupName: 'inspection' },
        protectedSubnets: { subnetGroupName: 'public' },
      });
    },
  },
  {
    id: 'inspection-no-internet-gateway',
    title: 'inspection endpoints in a VPC without an internet gateway',
    rule: Rules.INSPECTION_INTERNET_GATEWAY_MISSING,
    source: S.GWLB_ROUTING,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => contract(app, {
      vpcProps: { subnetConfiguration: [{ name: 'inspection', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }, { name: 'public', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }] },
    }),
  },
  {
    id: 'inspection-nat-default-route',
    title: 'protected subnets whose default route leads to a NAT gateway',
    rule: Rules.INSPECTION_DEFAULT_ROUTE_CONFLICT,
    source: S.GWLB_ROUTING,
    expect: /NatGatewayId/,
    build: (app) => contract(app, {
      vpcProps: { natGateways: 1, subnetConfiguration: [{ name: 'inspection', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 }, { name: 'public', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }] },
    }),
  },
  {
    id: 'inspection-imported-default-route',
    title: 'protected subnets of an imported VPC whose default routes cannot be seen',
    rule: Rules.INSPECTION_DEFAULT_ROUTE_UNKNOWN,
    source: S.GWLB_ROUTING,
    expect: /InspectionEndpoints 'App\/Inspect'/,
    build: (app) => {
      const stack = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        vpcCidrBlock: '10.9.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        publicSubnetIds: ['subnet-0e100000000000001', 'subnet-0e200000000000002', 'subnet-0f100000000000001', 'subnet-0f200000000000002'],
        publicSubnetNames: ['inspection', 'public'],
        publicSubnetRouteTableIds: ['rtb-0e100000000000001', 'rtb-0e200000000000002', 'rtb-0f100000000000001', 'rtb-0f200000000000002'],
        publicSubnetIpv4CidrBlocks: ['10.9.0.0/28', '10.9.0.16/28', '10.9.1.0/24', '10.9.2.0/24'],
      });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc,
        service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: GWLB_SERVICE_NAME }),
        internetGatewayId: 'igw-0123456789abcdef0',
        endpointSubnets: { subnetGroupName: 'inspection' },
        protectedSubnets: { subnetGroupName: 'public' },
      });
    },
  },
  {
    id: 'inspection-default-route-token-destination',
    title: 'a protected route table holding a route whose destination is a CloudFormation parameter',
    rule: Rules.INSPECTION_DEFAULT_ROUTE_UNKNOWN,
    source: S.GWLB_ROUTING,
    expect: /InspectionEndpoints 'App\/Inspect': protectedSubnets App\/AppVpc\/publicSubnet1: route table .* holds 'App\/Egress', whose destination \(Ref EgressBlock\) is a token; if it is 0\.0\.0\.0\/0/,
    build: (app) => {
      const firewall = firewallIn(stackIn(app, 'Appliances'));
      const appStack = stackIn(app, 'App');
      const vpc = appVpc(appStack);
      new ec2.CfnRoute(appStack, 'Egress', {
        routeTableId: vpc.selectSubnets({ subnetGroupName: 'public' }).subnets[0].routeTable.routeTableId,
        destinationCidrBlock: new CfnParameter(appStack, 'EgressBlock', { type: 'String' }).valueAsString,
        gatewayId: vpc.internetGatewayId,
      });
      new InspectionEndpoints(appStack, 'Inspect', { vpc, service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },
  {
    id: 'inspection-duplicate-default-route',
    title: 'a default route added by hand to a protected route table',
    rule: Rules.GRAPH_DUPLICATE_ROUTE,
    source: S.GWLB_ROUTING,
    expect: /destination 0\.0\.0\.0\/0 is also routed by/,
    build: (app) => {
      const firewall = firewallIn(stackIn(app, 'Appliances'));
      const appStack = stackIn(app, 'App');
      const vpc = appVpc(appStack);
      new InspectionEndpoints(appStack, 'Inspect', { vpc, service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
      new ec2.CfnRoute(appStack, 'Extra', { routeTableId: vpc.selectSubnets({ subnetGroupName: 'public' }).subnets[0].routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: vpc.internetGatewayId });
    },
  },
];
