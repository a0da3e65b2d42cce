import { CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { appVpc, firewallIn, newApp, PARTNER, stackIn, synthErrors } from './fixtures';
import { ConnectionKind, ConnectivityGraph, EndpointKind, GatewayLoadBalancerService, InspectionEndpoints, InspectionEndpointsProps } from '../../src';

const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

/** The contract: a service in an appliance stack, endpoints in the app stack (same account and region). */
function contract(props: Partial<InspectionEndpointsProps> & { vpcProps?: Partial<ec2.VpcProps> } = {}) {
  const app = newApp();
  const applianceStack = stackIn(app, 'Appliances');
  const firewall = firewallIn(applianceStack);
  const appStack = stackIn(app, 'App');
  const vpc = appVpc(appStack, props.vpcProps);
  const inspect = new InspectionEndpoints(appStack, 'Inspect', {
    vpc,
    service: firewall,
    endpointSubnets: { subnetGroupName: 'inspection' },
    protectedSubnets: { subnetGroupName: 'public' },
    ...props,
  });
  return { app, applianceStack, appStack, firewall, vpc, inspect };
}

/** The routes of `stack` in the route table `tableId`, as destination → target (resolved). */
function routesOfTable(stack: Stack, tableId: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of Object.values(Template.fromStack(stack).findResources('AWS::EC2::Route'))) {
    const p = r.Properties;
    if (JSON.stringify(p.RouteTableId) !== JSON.stringify(tableId)) continue;
    const dest = p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock;
    out[typeof dest === 'string' ? dest : JSON.stringify(dest)] = p.VpcEndpointId ?? p.GatewayId ?? p.NatGatewayId;
  }
  return out;
}

describe('InspectionEndpoints', () => {
  test('one Gateway Load Balancer endpoint per AZ, in the endpoint subnets, to the service', () => {
    // GIVEN / WHEN
    const { appStack, vpc, inspect } = contract();
    // THEN
    const t = Template.fromStack(appStack);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    const inspection = vpc.selectSubnets({ subnetGroupName: 'inspection' }).subnets;
    inspection.forEach((s, i) => {
      t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'GatewayLoadBalancer',
        VpcId: appStack.resolve(vpc.vpcId),
        SubnetIds: [appStack.resolve(s.subnetId)],
        ServiceName: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        IpAddressType: Match.absent(),
      });
      expect(appStack.resolve(inspect.endpoints[i].subnetIds)).toEqual([appStack.resolve(s.subnetId)]);
    });
    expect(inspect.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
  });

  test('routes per AZ: protected subnets → endpoint of their AZ; endpoint subnets → internet gateway; edge route table: protected CIDR → endpoint of its AZ', () => {
    const { appStack, vpc, inspect } = contract();
    const igw = appStack.resolve(vpc.internetGatewayId);
    const endpoint = (i: number) => appStack.resolve(inspect.endpoints[i].ref);
    const prot = vpc.selectSubnets({ subnetGroupName: 'public' }).subnets;
    const inspection = vpc.selectSubnets({ subnetGroupName: 'inspection' }).subnets;
    const edge = appStack.resolve(inspect.edgeRouteTable.ref);

    // us-east-1a
    expect(prot[0].availabilityZone).toBe('us-east-1a');
    expect(routesOfTable(appStack, appStack.resolve(prot[0].routeTable.routeTableId))).toEqual({ '0.0.0.0/0': endpoint(0) });
    expect(routesOfTable(appStack, appStack.resolve(inspection[0].routeTable.routeTableId))).toEqual({ '0.0.0.0/0': igw });
    // us-east-1b
    expect(prot[1].availabilityZone).toBe('us-east-1b');
    expect(routesOfTable(appStack, appStack.resolve(prot[1].routeTable.routeTableId))).toEqual({ '0.0.0.0/0': endpoint(1) });
    expect(routesOfTable(appStack, appStack.resolve(inspection[1].routeTable.routeTableId))).toEqual({ '0.0.0.0/0': igw });
    // The internet gateway's edge route table: each protected subnet's block to its AZ's endpoint.
    expect(routesOfTable(appStack, edge)).toEqual({ [prot[0].ipv4CidrBlock]: endpoint(0), [prot[1].ipv4CidrBlock]: endpoint(1) });
    const t = Template.fromStack(appStack);
    t.hasResourceProperties('AWS::EC2::RouteTable', { VpcId: appStack.resolve(vpc.vpcId) });
    t.hasResourceProperties('AWS::EC2::GatewayRouteTableAssociation', { GatewayId: igw, RouteTableId: edge });
    // The public subnets' own default route is retargeted (not doubled): one 0.0.0.0/0 per table.
    expect(Object.values(t.findResources('AWS::EC2::Route')).filter((r) => r.Properties.DestinationCidrBlock === '0.0.0.0/0')).toHaveLength(4);
    // The isolated subnets are untouched.
    for (const s of vpc.isolatedSubnets) expect(routesOfTable(appStack, appStack.resolve(s.routeTable.routeTableId))).toEqual({});
    expect(Annotations.fromStack(appStack).findWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'))).toHaveLength(0);
    expect(synthErrors(appStack.node.root as any)).toBe('');
  });

  test('the graph knows the GWLB endpoints and the inspection path (consumer VPC → appliance VPC)', () => {
    const { app, vpc, firewall, inspect } = contract();
    const graph = ConnectivityGraph.of(app);
    expect(graph.endpoints.filter((e) => e.owner === inspect).map((e) => [e.kind, e.vpc])).toEqual([
      [EndpointKind.GATEWAY_LOAD_BALANCER, vpc], [EndpointKind.GATEWAY_LOAD_BALANCER, vpc],
    ]);
    const paths = graph.connections.filter((c) => c.owner === inspect).map((c) => [c.kind, c.source, c.target]);
    expect(paths).toEqual([[ConnectionKind.INSPECTION, vpc, firewall.vpc]]);
    // 2 protected default routes, 2 endpoint-subnet default routes, 2 edge routes.
    expect(graph.routes.filter((r) => r.owner === inspect)).toHaveLength(6);
  });

  test('dual stack: ::/0 routes and IPv6 edge routes per AZ, dual-stack endpoints, when the service supports IPv6', () => {
    const app = newApp();
    const stack = stackIn(app, 'App');
    const firewall = firewallIn(stack, { supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6] });
    const vpc = appVpc(stack, { ipProtocol: ec2.IpProtocol.DUAL_STACK });
    const inspect = new InspectionEndpoints(stack, 'Inspect', {
      vpc, service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' },
    });
    const t = Template.fromStack(stack);
    t.allResourcesProperties('AWS::EC2::VPCEndpoint', { IpAddressType: 'dualstack' });
    const prot = vpc.selectSubnets({ subnetGroupName: 'public' }).subnets;
    prot.forEach((s, i) => {
      expect(routesOfTable(stack, stack.resolve(s.routeTable.routeTableId))).toEqual({ '0.0.0.0/0': stack.resolve(inspect.endpoints[i].ref), '::/0': stack.resolve(inspect.endpoints[i].ref) });
    });
    const edge = routesOfTable(stack, stack.resolve(inspect.edgeRouteTable.ref));
    expect(Object.values(edge)).toEqual([0, 0, 1, 1].map((i) => stack.resolve(inspect.endpoints[i].ref)));
    expect(synthErrors(app)).toBe('');
  });

  test('dual-stack VPC with IPv4-only endpoints: IPv6 keeps its routes, and a warning says it is not inspected (inspection-ipv6-uninspected)', () => {
    const { appStack, vpc } = contract({ vpcProps: { ipProtocol: ec2.IpProtocol.DUAL_STACK }, ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 });
    const prot = vpc.selectSubnets({ subnetGroupName: 'public' }).subnets[0];
    expect(routesOfTable(appStack, appStack.resolve(prot.routeTable.routeTableId))['::/0']).toEqual(appStack.resolve(vpc.internetGatewayId));
    expect(Annotations.fromStack(appStack).findWarning('/App/Inspect', Match.stringLikeRegexp('inspection-ipv6-uninspected'))).toHaveLength(1);
  });

  test('a service by name from another account: AZs matched by AZ ID (inspection-az-not-served), warned when the IDs are unknown (inspection-az-unknown)', () => {
    const ids = { 'cdk-private-connectivity:az-ids:account=222222222222:region=us-east-1': { 'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az1' } };
    const build = (context: Record<string, unknown>, azIds?: string[]) => {
      const app = newApp(context);
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: SERVICE_NAME, availabilityZoneIds: azIds });
      new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
      return stack;
    };
    // Valid: the partner's us-east-1a and us-east-1b are use1-az4 and use1-az1, both served.
    const ok = build(ids, ['use1-az1', 'use1-az4']);
    expect(Annotations.fromStack(ok).findWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'))).toHaveLength(0);
    Template.fromStack(ok).allResourcesProperties('AWS::EC2::VPCEndpoint', { ServiceName: SERVICE_NAME });
    // Refused: use1-az4 (the partner's us-east-1a) is not served.
    expect(() => build(ids, ['use1-az1'])).toThrow(/us-east-1a \(AZ ID use1-az4\).*inspection-az-not-served/);
    // Unknown: no AZ IDs of the consumer account.
    const unknown = build({}, ['use1-az1']);
    expect(Annotations.fromStack(unknown).findWarning('/Partner/Inspect', Match.stringLikeRegexp('inspection-az-unknown'))).toHaveLength(1);
  });

  test('AZ IDs through the availabilityZoneIds props of the service and the endpoints: a zone the service does not serve is refused (inspection-az-not-served)', () => {
    // GIVEN: the provider's app, its AZ IDs given by prop (us-east-1a is use1-az6, us-east-1b use1-az1)
    const providerStack = stackIn(newApp(), 'Appliances');
    const firewall = firewallIn(providerStack, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az6' }, { name: 'us-east-1b', id: 'use1-az1' }] });
    // ... handed to the partner's app by service name and AZ IDs
    const build = (mapping: Array<{ name: string; id: string }>, context: Record<string, unknown> = {}) => {
      const app = newApp(context);
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: SERVICE_NAME, availabilityZoneIds: firewall.availabilityZoneIds });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' }, availabilityZoneIds: mapping,
      });
      return { app, stack };
    };
    // Valid: the partner's us-east-1a and us-east-1b are use1-az1 and use1-az6, both served; the
    // prop wins over a context key that would refuse them.
    const badContext = { 'cdk-private-connectivity:az-ids:account=222222222222:region=us-east-1': { 'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az5' } };
    const ok = build([{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az6' }], badContext);
    expect(Annotations.fromStack(ok.stack).findWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'))).toHaveLength(0);
    expect(synthErrors(ok.app)).toBe('');
    // Refused: the partner's us-east-1b is use1-az2, where the load balancer has no subnet.
    expect(() => build([{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }]))
      .toThrow(/us-east-1b \(AZ ID use1-az2\); the service's load balancer is in use1-az6, use1-az1.*\[cdk-private-connectivity:inspection-az-not-served\]/);
    // Refused: an AZ name given as the partner's AZ ID.
    expect(() => build([{ name: 'us-east-1a', id: 'us-east-1a' }])).toThrow(/availabilityZoneIds\[0\] "us-east-1a".*privatelink-az-id-invalid/);
  });

  test('same account: an endpoint zone the service\'s load balancer does not serve is refused by AZ name (inspection-az-not-served)', () => {
    const app = newApp();
    const stack = stackIn(app, 'App');
    const firewall = firewallIn(stack, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a'] } });
    expect(() => new InspectionEndpoints(stack, 'Inspect', {
      vpc: appVpc(stack), service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' },
    })).toThrow(/us-east-1b.*inspection-az-not-served/);
  });

  test('a route added later to a protected route table for the same destination is refused by the graph (graph-duplicate-route)', () => {
    const { app, appStack, vpc } = contract();
    new ec2.CfnRoute(appStack, 'Extra', { routeTableId: vpc.selectSubnets({ subnetGroupName: 'public' }).subnets[0].routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: vpc.internetGatewayId });
    expect(synthErrors(app)).toMatch(/graph-duplicate-route/);
  });

  test('quotas: endpoints per VPC shared with interface endpoints (graph-interface-endpoint-quota), routes per table (graph-route-quota)', () => {
    const a = contract();
    a.vpc.addInterfaceEndpoint('Ssm', { service: ec2.InterfaceVpcEndpointAwsService.SSM, subnets: { subnetGroupName: 'isolated' } });
    ConnectivityGraph.of(a.app).declareQuotas({ interfaceEndpointsPerVpc: 2 });
    expect(synthErrors(a.app)).toMatch(/interface endpoints in VPC App\/AppVpc 3.*graph-interface-endpoint-quota/);
    const b = contract();
    ConnectivityGraph.of(b.app).declareQuotas({ routesPerRouteTable: 1 });
    expect(synthErrors(b.app)).toMatch(/graph-route-quota/);
    const c = contract();
    ConnectivityGraph.of(c.app).declareQuotas({ interfaceEndpointsPerVpc: 2, routesPerRouteTable: 2 });
    expect(synthErrors(c.app)).toBe('');
  });

  test('an imported VPC: routes added, with a warning that an existing default route cannot be seen (inspection-default-route-unknown)', () => {
    const app = newApp();
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
    const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: SERVICE_NAME });
    const inspect = new InspectionEndpoints(stack, 'Inspect', {
      vpc, service, internetGatewayId: 'igw-0123456789abcdef0', endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' },
    });
    expect(routesOfTable(stack, 'rtb-0f100000000000001')).toEqual({ '0.0.0.0/0': stack.resolve(inspect.endpoints[0].ref) });
    expect(routesOfTable(stack, 'rtb-0e200000000000002')).toEqual({ '0.0.0.0/0': 'igw-0123456789abcdef0' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::GatewayRouteTableAssociation', { GatewayId: 'igw-0123456789abcdef0' });
    expect(Annotations.fromStack(stack).findWarning('/App/Inspect', Match.stringLikeRegexp('inspection-default-route-unknown'))).toHaveLength(4);
  });

  // Refusals: each with the rule it breaks (the contract above is the valid control).
  const refusals: Array<[string, RegExp, () => unknown]> = [
    ['a protected AZ without an endpoint subnet', /publicSubnet2 is in us-east-1b.*inspection-protected-az-uncovered/,
      () => contract({ endpointSubnets: { subnetGroupName: 'inspection', availabilityZones: ['us-east-1a'] } })],
    ['endpoint subnets that are also protected', /inspection-subnet-overlap/,
      () => contract({ endpointSubnets: { subnetGroupName: 'public' } })],
    ['two endpoint subnets in one AZ', /inspection-subnet-az-duplicate/,
      () => contract({ endpointSubnets: { subnetType: ec2.SubnetType.PUBLIC }, protectedSubnets: { subnetGroupName: 'isolated' } })],
    ['no endpoint subnet', /inspection-subnets-empty/, () => contract({ endpointSubnets: { subnets: [] } })],
    ['IPv6 traffic the service does not support', /inspection-ipv6-unsupported/, () => contract({ vpcProps: { ipProtocol: ec2.IpProtocol.DUAL_STACK } })],
    ['dual-stack endpoints asked of an IPv4 service', /inspection-ipv6-unsupported/, () => contract({ ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK })],
    ['a protected default route to a NAT gateway', /NatGatewayId.*inspection-default-route-conflict/, () => contract({
      vpcProps: {
        natGateways: 1,
        subnetConfiguration: [
          { name: 'inspection', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
          { name: 'public', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        ],
      },
    })],
    ['a VPC without an internet gateway', /inspection-internet-gateway-missing/, () => contract({
      vpcProps: {
        subnetConfiguration: [
          { name: 'inspection', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
          { name: 'public', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        ],
      },
    })],
    ['protected subnets of two AZs sharing a route table', /inspection-route-table-shared/, () => {
      const stack = stackIn(newApp(), 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        publicSubnetIds: ['subnet-0e100000000000001', 'subnet-0e200000000000002', 'subnet-0f100000000000001', 'subnet-0f200000000000002'],
        publicSubnetNames: ['inspection', 'public'],
        publicSubnetRouteTableIds: ['rtb-0e100000000000001', 'rtb-0e200000000000002', 'rtb-0f000000000000000', 'rtb-0f000000000000000'],
      });
      new InspectionEndpoints(stack, 'Inspect', {
        vpc,
        service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: SERVICE_NAME }),
        internetGatewayId: 'igw-0123456789abcdef0',
        endpointSubnets: { subnetGroupName: 'inspection' },
        protectedSubnets: { subnetGroupName: 'public' },
      });
    }],
  ];
  test.each(refusals)('refused: %s', (_name, pattern, build) => {
    expect(build).toThrow(pattern);
  });

  test('zones that are tokens (an environment-agnostic stack) are warned about, never passed silently (inspection-az-unknown)', () => {
    const app = newApp();
    const stack = stackIn(app, 'App', null);
    const vpc = appVpc(stack);
    new InspectionEndpoints(stack, 'Inspect', {
      vpc,
      service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: SERVICE_NAME }),
      endpointSubnets: { subnetGroupName: 'inspection' },
      protectedSubnets: { subnetGroupName: 'public' },
    });
    // The zones are a fact of the VPC: one warning there, naming the check the endpoints skip.
    Annotations.fromStack(stack).hasWarning('/App/AppVpc', Match.stringLikeRegexp("Vpc 'App/AppVpc': subnets have Availability Zones that are tokens; it affects 1 construct: inspection endpoints do not check that each protected zone has an endpoint in the same zone \\(inspection-protected-az-uncovered\\).*inspection-az-unknown"));
  });
});

/** An imported VPC of the app account: subnets 'inspection' and 'public' in two zones, with blocks and route tables unless told. */
function importedAppVpc(stack: Stack, attrs: Partial<ec2.VpcAttributes> = {}): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    vpcCidrBlock: '10.9.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetIds: ['subnet-0e100000000000001', 'subnet-0e200000000000002', 'subnet-0f100000000000001', 'subnet-0f200000000000002'],
    publicSubnetNames: ['inspection', 'public'],
    publicSubnetRouteTableIds: ['rtb-0e100000000000001', 'rtb-0e200000000000002', 'rtb-0f100000000000001', 'rtb-0f200000000000002'],
    publicSubnetIpv4CidrBlocks: ['10.9.0.0/28', '10.9.0.16/28', '10.9.1.0/24', '10.9.2.0/24'],
    ...attrs,
  });
}

function inspectImported(stack: Stack, vpc: ec2.IVpc, props: Partial<InspectionEndpointsProps> = {}): InspectionEndpoints {
  return new InspectionEndpoints(stack, 'Inspect', {
    vpc,
    service: GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: SERVICE_NAME }),
    internetGatewayId: 'igw-0123456789abcdef0',
    endpointSubnets: { subnetGroupName: 'inspection' },
    protectedSubnets: { subnetGroupName: 'public' },
    ...props,
  });
}

describe('InspectionEndpoints: a token never makes a check pass silently', () => {
  test('inspection-protected-az-uncovered: a protected subnet whose token zone is none of the endpoint subnets\' zones is refused, not left without a route', () => {
    const app = newApp();
    const stack = stackIn(app, 'App');
    const vpc = appVpc(stack);
    const endpointSubnets = vpc.selectSubnets({ subnetGroupName: 'inspection' }).subnets;
    const elsewhere = ec2.Subnet.fromSubnetAttributes(stack, 'Elsewhere', {
      subnetId: 'subnet-0c100000000000001', routeTableId: 'rtb-0c100000000000001', availabilityZone: Fn.importValue('ZoneOfElsewhere'),
    });
    expect(() => new InspectionEndpoints(stack, 'Inspect', {
      vpc, service: firewallIn(stackIn(app, 'Appliances')), endpointSubnets: { subnets: endpointSubnets }, protectedSubnets: { subnets: [elsewhere] },
    })).toThrow(/protectedSubnets App\/Elsewhere is in \(unresolved token .*\), which is none of the endpoint subnets' zones.*inspection-protected-az-uncovered/);
  });

  test('inspection-default-route-unknown: a route of a protected table whose destination is a token warns that it may be a second default route', () => {
    const app = newApp();
    const stack = stackIn(app, 'App');
    const vpc = appVpc(stack);
    const table = vpc.selectSubnets({ subnetGroupName: 'public' }).subnets[0].routeTable.routeTableId;
    new ec2.CfnRoute(stack, 'Mystery', { routeTableId: table, destinationCidrBlock: new CfnParameter(stack, 'Where').valueAsString, gatewayId: vpc.internetGatewayId });
    new InspectionEndpoints(stack, 'Inspect', {
      vpc, service: firewallIn(stackIn(app, 'Appliances')), endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' },
    });
    expect(Annotations.fromStack(stack).findWarning('/App/Inspect', Match.stringLikeRegexp("route table \\(Ref AppVpcpublicSubnet1RouteTable[0-9A-F]+\\) holds 'App/Mystery', whose destination \\(Ref Where\\) is a token; if it is 0\\.0\\.0\\.0/0.*inspection-default-route-unknown"))).toHaveLength(1);
    // control: the contract (literal destinations only) has no such warning
    const c = contract();
    expect(Annotations.fromStack(c.appStack).findWarning('*', Match.stringLikeRegexp('inspection-default-route-unknown'))).toEqual([]);
  });

  test('inspection-az-unknown: service AZ IDs that are tokens are warned about, not refused as not served', () => {
    const ids = { 'cdk-private-connectivity:az-ids:account=222222222222:region=us-east-1': { 'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az1' } };
    const app = newApp(ids);
    const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: SERVICE_NAME, availabilityZoneIds: [Fn.importValue('FirewallZone1'), 'use1-az1'] });
    new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    Annotations.fromStack(stack).hasWarning('/Partner/Firewall', Match.stringLikeRegexp('availabilityZoneIds .* hold tokens; it affects 1 construct: endpoints do not check that their zones are ones the Gateway Load Balancer supports \\(inspection-az-not-served\\).*inspection-az-unknown'));
  });

  test('inspection-ipv6-uninspected: an imported VPC (IPv6 blocks unknown) with ipAddressType unset warns; IPV4 stated: no warning', () => {
    const app = newApp();
    const stack = stackIn(app, 'App');
    const vpc = importedAppVpc(stack);
    inspectImported(stack, vpc);
    Annotations.fromStack(stack).hasWarning('/App/Vpc', Match.stringLikeRegexp("'App/Vpc': IPv6 blocks are not known at synth \\(an imported VPC\\); it affects 1 construct: the endpoints are IPv4 only.*inspection-ipv6-uninspected"));

    const control = stackIn(newApp(), 'App');
    inspectImported(control, importedAppVpc(control), { ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 });
    expect(Annotations.fromStack(control).findWarning('*', Match.stringLikeRegexp('inspection-ipv6-uninspected'))).toEqual([]);
  });

  test('vpc-route-table-unknown: an imported protected subnet without a route table ID is named as such', () => {
    const stack = stackIn(newApp(), 'App');
    const vpc = importedAppVpc(stack, { publicSubnetRouteTableIds: undefined });
    expect(() => inspectImported(stack, vpc)).toThrow(/InspectionEndpoints 'App\/Inspect': endpointSubnets selects subnet subnet-0e100000000000001 of App\/Vpc, which has no route table ID.*vpc-route-table-unknown/);
  });
});
