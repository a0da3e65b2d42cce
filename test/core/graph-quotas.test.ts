import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ACCOUNT, peer, stackIn, vpcIn } from './graph-fixtures';
import { ConnectionKind, ConnectivityGraph } from '../../src/core/graph';
import { Rules, warningId } from '../../src/core/rules';

// Quota boundaries and the exact messages of the graph's checks. Validations are run directly
// (the graph's `node.validate()`), without synthesizing templates.

/** The graph's validation messages. */
function errors(scope: Construct): string[] {
  return ConnectivityGraph.of(scope).node.validate();
}

/** The message `formatProblem` writes, with the rule's catalogue fix. */
function message(who: string, r: { id: string; fix: string }, prop: string, received: string, rule: string): string {
  return `${who}: ${prop} ${received}; ${rule}. ${r.fix} [${warningId(r as never)}]`;
}

function tableOf(vpc: ec2.Vpc): string {
  return vpc.isolatedSubnets[0].routeTable.routeTableId;
}

describe('CIDR blocks per VPC', () => {
  test('at the IPv4 quota: no error; one more: refused, listing the blocks (tokens as "(token)")', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const v = vpcIn(s, 'V', '10.0.0.0/16');
    for (let i = 1; i <= 3; i++) new ec2.CfnVPCCidrBlock(s, `C${i}`, { vpcId: v.vpcId, cidrBlock: `10.${i}.0.0/16` });
    new ec2.CfnVPCCidrBlock(s, 'Ipam', { vpcId: v.vpcId, ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16 });
    ConnectivityGraph.of(s)._addVpc(v);
    expect(errors(app)).toEqual([]);

    new ec2.CfnVPCCidrBlock(s, 'C9', { vpcId: v.vpcId, cidrBlock: '10.9.0.0/16' });
    expect(errors(app)).toEqual([message("Vpc 'S/V'", Rules.GRAPH_CIDR_QUOTA, 'IPv4 CIDR blocks',
      '6 (10.0.0.0/16, 10.1.0.0/16, 10.2.0.0/16, 10.3.0.0/16, (token), 10.9.0.0/16)',
      'a VPC may have 5 IPv4 CIDR blocks (Amazon VPC quotas)')]);
  });

  test('IPv6 blocks are counted apart: at the quota no error, one more refused', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const v = vpcIn(s, 'V', '10.0.0.0/16');
    for (let i = 1; i <= 4; i++) new ec2.CfnVPCCidrBlock(s, `C${i}`, { vpcId: v.vpcId, ipv6CidrBlock: `2001:db8:${i}::/56` });
    new ec2.CfnVPCCidrBlock(s, 'Amazon', { vpcId: v.vpcId, amazonProvidedIpv6CidrBlock: true });
    ConnectivityGraph.of(s)._addVpc(v);
    expect(errors(app)).toEqual([]);

    new ec2.CfnVPCCidrBlock(s, 'C9', { vpcId: v.vpcId, ipv6CidrBlock: '2001:db8:9::/56' });
    expect(errors(app)).toEqual([message("Vpc 'S/V'", Rules.GRAPH_CIDR_QUOTA, 'IPv6 CIDR blocks', '6',
      'a VPC may have 5 IPv6 CIDR blocks (Amazon VPC quotas)')]);
  });
});

describe('peerings', () => {
  test('peering quota: at the quota no error; above, refused on the VPC over it only', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const hub = vpcIn(s, 'Hub', '10.0.0.0/16');
    const graph = ConnectivityGraph.of(s);
    graph.declareQuotas({ activePeeringsPerVpc: 2 });
    peer(s, 'P1', hub, vpcIn(s, 'Spoke1', '10.1.0.0/16'));
    peer(s, 'P2', vpcIn(s, 'Spoke2', '10.2.0.0/16'), hub);
    expect(errors(app)).toEqual([]);

    peer(s, 'P3', hub, vpcIn(s, 'Spoke3', '10.3.0.0/16'));
    expect(errors(app)).toEqual([message("Vpc 'S/Hub'", Rules.GRAPH_PEERING_QUOTA, 'peering connections', '3',
      'a VPC may have 2 active peering connections (Amazon VPC quotas)')]);
  });

  test('a connection without a target, or of another kind, is not a peering', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.0.0.0/16');
    const graph = ConnectivityGraph.of(s);
    graph._addConnection({ owner: new Construct(s, 'L'), kind: ConnectionKind.PRIVATELINK, source: a, target: b });
    graph._addConnection({ owner: new Construct(s, 'X'), kind: ConnectionKind.PEERING, source: a });
    graph.declareQuotas({ activePeeringsPerVpc: 1 });
    graph._addConnection({ owner: new Construct(s, 'L2'), kind: ConnectionKind.PRIVATELINK, source: a, target: b });
    expect(errors(app)).toEqual([]);
  });

  test('the same pair twice: the duplicate names the pair and the first owner; a third pair is not a duplicate', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const c = vpcIn(s, 'C', '10.2.0.0/16');
    peer(s, 'First', b, a);
    peer(s, 'Other', a, c);
    peer(s, 'Second', a, b);
    peer(s, 'Third', b, a);
    expect(errors(app)).toEqual([
      message("Construct 'S/Second'", Rules.GRAPH_DUPLICATE_PEERING, 'requester/accepter', "S/A <-> S/B is already peered by 'S/First'",
        'AWS allows one VPC peering connection between two VPCs'),
      message("Construct 'S/Third'", Rules.GRAPH_DUPLICATE_PEERING, 'requester/accepter', "S/A <-> S/B is already peered by 'S/First'",
        'AWS allows one VPC peering connection between two VPCs'),
    ]);
  });

  test('partitions: refused across, with both regions; same partition, other regions: fine', () => {
    const app = new App();
    const east = stackIn(app, 'East', 'us-east-1');
    const west = stackIn(app, 'West', 'us-west-2');
    const cn = stackIn(app, 'Cn', 'cn-north-1');
    const a = vpcIn(east, 'A', '10.0.0.0/16');
    peer(east, 'Ok', a, vpcIn(west, 'B', '10.1.0.0/16'));
    expect(errors(app)).toEqual([]);
    peer(east, 'Bad', vpcIn(cn, 'C', '10.2.0.0/16'), a);
    expect(errors(app)).toEqual([message("Construct 'East/Bad'", Rules.GRAPH_PARTITION_MISMATCH, 'requester/accepter partition',
      'aws-cn (cn-north-1) vs aws (us-east-1)', 'VPC peering connects VPCs in the same AWS partition only')]);
  });

  test('overlap: every overlapping pair of known blocks, requester first; disjoint blocks pass', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'A2', { vpcId: a.vpcId, cidrBlock: '10.1.128.0/17' });
    new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
    new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8:0:1::/64' });
    peer(s, 'P', a, b);
    const rule = 'VPC peering needs disjoint IPv4 and IPv6 blocks, primary and secondary';
    expect(errors(app)).toEqual([
      message("Construct 'S/P'", Rules.GRAPH_CIDR_OVERLAP, 'requester CIDR', '10.1.128.0/17 overlaps accepter CIDR 10.1.0.0/16', rule),
      message("Construct 'S/P'", Rules.GRAPH_CIDR_OVERLAP, 'requester CIDR', '2001:db8::/56 overlaps accepter CIDR 2001:db8:0:1::/64', rule),
    ]);
  });
});

describe('routes', () => {
  test('route quota per family: at the quota no error; an IPv6 table over it is named by its literal ID', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    ConnectivityGraph.of(s).declareQuotas({ routesPerRouteTable: 2 });
    for (let i = 0; i < 2; i++) {
      new ec2.CfnRoute(s, `V4${i}`, { routeTableId: 'rtb-1', destinationCidrBlock: `172.16.${i}.0/24`, gatewayId: 'igw-1' });
      new ec2.CfnRoute(s, `V6${i}`, { routeTableId: 'rtb-1', destinationIpv6CidrBlock: `2001:db8:${i}::/48`, gatewayId: 'igw-1' });
    }
    expect(errors(app)).toEqual([]);

    new ec2.CfnRoute(s, 'V6x', { routeTableId: 'rtb-1', destinationIpv6CidrBlock: '2001:db8:9::/48', gatewayId: 'igw-1' });
    expect(errors(app)).toEqual([message("CfnRoute 'S/V40'", Rules.GRAPH_ROUTE_QUOTA, 'IPv6 routes in route table rtb-1', '3',
      'a route table may hold 2 IPv6 routes (Amazon VPC quotas)')]);
  });

  test('a route table that is a token but not a Ref is named "(token)"', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    ConnectivityGraph.of(s).declareQuotas({ routesPerRouteTable: 1 });
    const table = Fn.select(0, new CfnParameter(s, 'Tables', { type: 'CommaDelimitedList' }).valueAsList);
    for (let i = 0; i < 2; i++) new ec2.CfnRoute(s, `R${i}`, { routeTableId: table, destinationCidrBlock: `172.16.${i}.0/24`, gatewayId: 'igw-1' });
    expect(errors(app)).toEqual([message("CfnRoute 'S/R0'", Rules.GRAPH_ROUTE_QUOTA, 'IPv4 routes in route table (token)', '2',
      'a route table may hold 1 IPv4 routes (Amazon VPC quotas)')]);
  });

  test('duplicate destinations: per table; token and prefix-list-less empty destinations are not compared', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const token = new CfnParameter(s, 'Dest').valueAsString;
    new ec2.CfnRoute(s, 'A1', { routeTableId: 'rtb-1', destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'B1', { routeTableId: 'rtb-2', destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'T1', { routeTableId: 'rtb-1', destinationCidrBlock: token, gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'T2', { routeTableId: 'rtb-1', destinationCidrBlock: token, gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'E1', { routeTableId: 'rtb-1', gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'E2', { routeTableId: 'rtb-1', gatewayId: 'igw-1' });
    expect(errors(app)).toEqual([]);
    new ec2.CfnRoute(s, 'A2', { routeTableId: 'rtb-1', destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-1' });
    new ec2.CfnRoute(s, 'A3', { routeTableId: 'rtb-1', destinationCidrBlock: '172.16.0.0/24', gatewayId: 'igw-1' });
    expect(errors(app)).toEqual([
      message("CfnRoute 'S/A2'", Rules.GRAPH_DUPLICATE_ROUTE, 'destination', "172.16.0.0/24 is also routed by 'S/A1' in the same route table",
        'a route table holds one route per destination'),
      message("CfnRoute 'S/A3'", Rules.GRAPH_DUPLICATE_ROUTE, 'destination', "172.16.0.0/24 is also routed by 'S/A2' in the same route table",
        'a route table holds one route per destination'),
    ]);
  });

  test('transitive routes: the message lists every block of the peer; inside a secondary block is fine', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, cidrBlock: '10.2.0.0/16' });
    const owner = peer(s, 'P', a, b);
    const graph = ConnectivityGraph.of(s);
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.2.3.0/24', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.1.0.0/16', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: 'pl-12345', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: new CfnParameter(s, 'D').valueAsString, peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '192.168.0.0/16' });
    expect(errors(app)).toEqual([]);

    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.3.0.0/16', peerVpc: b });
    expect(errors(app)).toEqual([message("Construct 'S/P'", Rules.GRAPH_TRANSITIVE_ROUTE, 'route destination',
      '10.3.0.0/16 in route table rtb-a is not inside the peer VPC S/B (10.1.0.0/16, 10.2.0.0/16)',
      'VPC peering is not transitive: AWS drops traffic for destinations outside the peer VPC')]);
  });

  test('transitive routes are not checked when the peer has an unknown block, or is not registered', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16 });
    const owner = peer(s, 'P', a, b);
    const stranger = vpcIn(s, 'Z', '10.9.0.0/16');
    ConnectivityGraph.of(s)._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.3.0.0/16', peerVpc: b });
    ConnectivityGraph.of(s)._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.4.0.0/16', peerVpc: stranger });
    expect(errors(app)).toEqual([]);
  });

  test('a CfnRoute through a registered peering, in the requester\'s table, leads to the accepter', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const c = vpcIn(s, 'C', '10.2.0.0/16');
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    const graph = ConnectivityGraph.of(s);
    graph._addConnection({ owner: new Construct(s, 'Link'), kind: ConnectionKind.PRIVATELINK, source: a, target: c, connectionId: pcx.ref });
    graph._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    new ec2.CfnRoute(s, 'ToB', { routeTableId: tableOf(a), destinationCidrBlock: '10.1.0.0/24', vpcPeeringConnectionId: pcx.ref });
    new ec2.CfnRoute(s, 'Elsewhere', { routeTableId: tableOf(c), destinationCidrBlock: '172.16.0.0/16', vpcPeeringConnectionId: pcx.ref });
    new ec2.CfnRoute(s, 'OtherPcx', { routeTableId: tableOf(a), destinationCidrBlock: '172.17.0.0/16', vpcPeeringConnectionId: 'pcx-other' });
    expect(errors(app)).toEqual([]);

    new ec2.CfnRoute(s, 'Beyond', { routeTableId: tableOf(a), destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: pcx.ref });
    const [e] = errors(app);
    expect(e).toMatch(/^CfnRoute 'S\/Beyond': route destination 10\.2\.0\.0\/16 in route table \(Ref AisoSubnet1RouteTable[0-9A-F]+\) is not inside the peer VPC S\/B \(10\.1\.0\.0\/16\);/);
    expect(errors(app)).toHaveLength(1);
  });

  test('a route the library added is not checked a second time as a CfnRoute', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    const pcx = new ec2.CfnVPCPeeringConnection(s, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    const graph = ConnectivityGraph.of(s);
    graph._addConnection({ owner: pcx, kind: ConnectionKind.PEERING, source: a, target: b, connectionId: pcx.ref });
    const route = new ec2.CfnRoute(s, 'Beyond', { routeTableId: tableOf(a), destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: pcx.ref });
    graph._addRoute({ owner: route, vpc: a, routeTableId: tableOf(a), destination: '10.2.0.0/16', peerVpc: b });
    expect(errors(app)).toHaveLength(1);
  });
});

describe('endpoints', () => {
  function gateway(s: Stack, id: string): ec2.CfnVPCEndpoint {
    return new ec2.CfnVPCEndpoint(s, id, { vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.s3' });
  }

  test('gateway endpoints: at the quota no error; above, refused on the first one over it', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    ConnectivityGraph.of(s).declareQuotas({ gatewayEndpointsPerRegion: 2 });
    gateway(s, 'G0');
    gateway(s, 'G1');
    new ec2.CfnVPCEndpoint(s, 'I0', { vpcId: 'vpc-1', serviceName: 'x', vpcEndpointType: 'Interface' });
    expect(errors(app)).toEqual([]);
    gateway(s, 'G2');
    gateway(s, 'G3');
    expect(errors(app)).toEqual([message("CfnVPCEndpoint 'S/G2'", Rules.GRAPH_GATEWAY_ENDPOINT_QUOTA, `gateway endpoints in ${ACCOUNT}/us-east-1`, '4',
      'an account may have 2 gateway endpoints per region (Amazon VPC quotas)')]);
  });

  test('interface and GWLB endpoints of one VPC count together; an unregistered VPC is named by its ID', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    ConnectivityGraph.of(s).declareQuotas({ interfaceEndpointsPerVpc: 2 });
    const ep = (id: string, type: string, vpcId = 'vpc-1') => new ec2.CfnVPCEndpoint(s, id, { vpcId, serviceName: 'x', vpcEndpointType: type });
    ep('I0', 'Interface');
    ep('L0', 'GatewayLoadBalancer');
    ep('Other', 'Interface', 'vpc-2');
    ep('Typed', new CfnParameter(s, 'T').valueAsString);
    expect(errors(app)).toEqual([]);
    ep('I1', 'Interface');
    expect(errors(app)).toEqual([message("CfnVPCEndpoint 'S/I1'", Rules.GRAPH_INTERFACE_ENDPOINT_QUOTA, 'interface endpoints in VPC vpc-1', '3',
      'a VPC may have 2 interface and Gateway Load Balancer endpoints (AWS PrivateLink quotas)')]);
  });

  test('an endpoint service type other than the three is not counted', () => {
    const app = new App();
    const s = stackIn(app, 'S');
    ConnectivityGraph.of(s).declareQuotas({ interfaceEndpointsPerVpc: 1, gatewayEndpointsPerRegion: 1 });
    for (const id of ['R0', 'R1']) new ec2.CfnVPCEndpoint(s, id, { vpcId: 'vpc-1', serviceName: 'x', vpcEndpointType: 'Resource' });
    expect(errors(app)).toEqual([]);
  });
});

describe('quotas in force', () => {
  test('defaults, then context, then declareQuotas (which wins), merged key by key', () => {
    const app = new App({ context: { [ConnectivityGraph.QUOTAS_CONTEXT_KEY]: { activePeeringsPerVpc: 60, routesPerRouteTable: 70 } } });
    const graph = ConnectivityGraph.of(app);
    expect(graph.quotas.activePeeringsPerVpc).toBe(60);
    graph.declareQuotas({ routesPerRouteTable: 80 });
    graph.declareQuotas({ hostedZonesPerAccount: 600 });
    expect(graph.quotas).toEqual({
      activePeeringsPerVpc: 60,
      routesPerRouteTable: 80,
      ipv4CidrBlocksPerVpc: 5,
      ipv6CidrBlocksPerVpc: 5,
      gatewayEndpointsPerRegion: 20,
      interfaceEndpointsPerVpc: 50,
      vpcsPerPrivateHostedZone: 300,
      hostedZonesPerAccount: 600,
      resourceGatewaysPerVpc: 500,
      resourceConfigurationsPerRegion: 2000,
      childConfigurationsPerGroup: 60,
    });
  });

  test('an invalid context value is the only message, naming the context key', () => {
    const app = new App({ context: { [ConnectivityGraph.QUOTAS_CONTEXT_KEY]: { routesPerRouteTable: 1001 } } });
    const s = stackIn(app, 'S');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    peer(s, 'P', a, vpcIn(s, 'B', '10.0.0.0/16'));
    const e = errors(app);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^context 'cdk-private-connectivity:quotas': routesPerRouteTable 1001; .*\[cdk-private-connectivity:quota-invalid\]$/);
  });

  test('declareQuotas names the graph in its error', () => {
    const app = new App();
    expect(() => ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 0 }))
      .toThrow(/^ConnectivityGraph 'PrivateConnectivityGraph': routesPerRouteTable 0;/);
  });
});
