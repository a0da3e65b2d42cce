import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { peer, stackIn, vpcIn } from './graph-fixtures';
import { ConnectivityGraph, EndpointKind } from '../../src/core/graph';

// The graph's quieter checks, read from the warnings they leave (the graph's validation run
// directly, without synthesizing): blocks no route leads to, route destinations that are not
// blocks, endpoint types that are tokens; and the graph's own accessors.

/** Run the graph's checks; return the errors. */
function validate(scope: IConstruct): string[] {
  return ConnectivityGraph.of(scope).node.validate();
}

/** Every warning text under `scope`. */
function warningsUnder(scope: IConstruct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data)));
}

/** Two VPCs of one stack (10.0.0.0/16 and 10.1.0.0/16) peered by a stand-in construct `S/P`. */
function peeredPair(): { app: App; s: Stack; a: ec2.Vpc; b: ec2.Vpc; owner: IConstruct; graph: ConnectivityGraph } {
  const app = new App();
  const s = stackIn(app, 'S');
  const a = vpcIn(s, 'A', '10.0.0.0/16');
  const b = vpcIn(s, 'B', '10.1.0.0/16');
  const owner = peer(s, 'P', a, b);
  return { app, s, a, b, owner, graph: ConnectivityGraph.of(s) };
}

describe('peering-cidr-added-later (blocks no route of the peering leads to)', () => {
  test('a secondary block attached after the routes were built is warned once, on its VPC', () => {
    // GIVEN: routes both ways to the primary blocks, then a secondary block on B
    const { app, s, a, b, owner, graph } = peeredPair();
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.1.0.0/16', peerVpc: b });
    graph._addRoute({ owner, vpc: b, routeTableId: 'rtb-b', destination: '10.0.0.0/16', peerVpc: a });
    // another construct's route to the new block, and a route of the pair that leads nowhere: neither counts
    graph._addRoute({ owner: s, vpc: a, routeTableId: 'rtb-a', destination: '10.2.0.0/16', peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a2', destination: '10.2.0.0/16' });
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, cidrBlock: '10.2.0.0/16' });

    // WHEN
    const errors = validate(app);

    // THEN
    expect(errors).toEqual([]);
    expect(warningsUnder(a)).toEqual([]);
    expect(warningsUnder(b)).toEqual([
      expect.stringMatching(/^Vpc 'S\/B': secondary ipv4 block 10\.2\.0\.0\/16 was attached after the routes of its peerings were built; it affects 1 construct: no route through the peering leads to it \(1: Construct 'S\/P'\)\. .*\[cdk-private-connectivity:peering-cidr-added-later\]/),
    ]);
  });

  test('control: every block routed, or a side without routes, or a pair without routes at all: no warning', () => {
    // GIVEN: A has a secondary block, but B (the side that would route to it) has no route
    const { app, s, a, b, owner, graph } = peeredPair();
    new ec2.CfnVPCCidrBlock(s, 'A2', { vpcId: a.vpcId, cidrBlock: '10.3.0.0/16' });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.1.0.0/16', peerVpc: b });
    // and a second pair whose owner registered no route
    const c = vpcIn(s, 'C', '10.4.0.0/16');
    peer(s, 'Q', a, c);

    // WHEN / THEN
    expect(validate(app)).toEqual([]);
    expect(warningsUnder(app)).toEqual([]);
  });
});

describe('route destinations that are not blocks (graph-transitive-route skips them)', () => {
  test('an empty destination, a prefix list and a malformed block pass silently; each token route warns once', () => {
    // GIVEN
    const { app, s, a, b, owner, graph } = peeredPair();
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: '10.1.0.0/16', peerVpc: b });
    for (const destination of ['', 'pl-0123456789abcdef0', 'not-a-block']) {
      graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination, peerVpc: b });
    }
    expect(validate(app)).toEqual([]);
    expect(warningsUnder(app)).toEqual([]);

    // WHEN: two token destinations in one table
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: new CfnParameter(s, 'D1').valueAsString, peerVpc: b });
    graph._addRoute({ owner, vpc: a, routeTableId: 'rtb-a', destination: new CfnParameter(s, 'D2').valueAsString, peerVpc: b });
    const errors = validate(app);

    // THEN
    expect(errors).toEqual([]);
    expect(warningsUnder(owner)).toEqual([
      expect.stringMatching(/^Construct 'S\/P': route destination \(Ref D1\) in route table rtb-a is a token that is not a CIDR attribute of a VPC or subnet of this app; .*the transitive-route check \(graph-transitive-route\) skips this route.*\[cdk-private-connectivity:value-unknown\]/),
      expect.stringMatching(/^Construct 'S\/P': route destination \(Ref D2\) in route table rtb-a is a token/),
    ]);
  });
});

describe('endpoints whose type is a token', () => {
  test('are warned about once each, and counted against neither endpoint quota', () => {
    // GIVEN
    const app = new App();
    const s = stackIn(app, 'S');
    const type = new CfnParameter(s, 'Type').valueAsString;
    const ep = new ec2.CfnVPCEndpoint(s, 'E', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.s3', vpcEndpointType: type });
    // one gateway endpoint fills the quota: the token-typed one would take it over
    new ec2.CfnVPCEndpoint(s, 'Gateway', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.dynamodb', vpcEndpointType: 'Gateway' });
    ConnectivityGraph.of(s).declareQuotas({ gatewayEndpointsPerRegion: 1 });

    // WHEN
    const errors = validate(app);

    // THEN
    expect(errors).toEqual([]);
    expect(warningsUnder(ep)).toEqual([
      expect.stringMatching(/^CfnVPCEndpoint 'S\/E': VpcEndpointType \(unresolved token \$\{Token\[TOKEN\.\d+\]\}\); .*the endpoint is not counted against the gateway endpoint quota \(graph-gateway-endpoint-quota\) or the interface endpoint quota \(graph-interface-endpoint-quota\).*value-unknown/),
    ]);
  });
});

describe('partitions', () => {
  test('control: a VPC whose region is unknown is not refused as in another partition', () => {
    // GIVEN
    const app = new App();
    const a = vpcIn(stackIn(app, 'Agnostic', null), 'A', '10.0.0.0/16');
    const b = vpcIn(stackIn(app, 'Known'), 'B', '10.1.0.0/16');
    peer(app, 'P', a, b);

    // WHEN / THEN
    expect(validate(app).filter((e) => /partition/.test(e))).toEqual([]);
  });
});

describe('the graph\'s accessors', () => {
  test('explain needs the analysis, which lib/core alone does not load', () => {
    // GIVEN
    const { a, b, graph } = peeredPair();

    // WHEN / THEN
    expect(() => graph.explain(a, b)).toThrow(
      'ConnectivityGraph.explain needs the analysis of cdk-private-connectivity: import the package (its index), not lib/core alone',
    );
  });

  test('a batch of peering routes is listed as one record per route, read from each CfnRoute, in order with single routes', () => {
    // GIVEN
    const { s, a, b, owner, graph } = peeredPair();
    const v4 = new ec2.CfnRoute(s, 'R4', { routeTableId: 'rtb-1', destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: 'pcx-1' });
    const v6 = new ec2.CfnRoute(s, 'R6', { routeTableId: 'rtb-2', destinationIpv6CidrBlock: '2600:1f18::/56', vpcPeeringConnectionId: 'pcx-1' });
    const single = { owner, vpc: b, routeTableId: 'rtb-3', destination: '10.0.0.0/16', peerVpc: a };

    // WHEN
    graph._addPeeringRoutes({ owner, vpc: a, peerVpc: b, resources: [v4, v6] });
    graph._addRoute(single);
    v4.destinationCidrBlock = '10.1.0.0/17'; // an escape-hatch edit after the pair built it

    // THEN
    expect(graph.routes).toEqual([
      { owner, vpc: a, routeTableId: 'rtb-1', destination: '10.1.0.0/17', peerVpc: b },
      { owner, vpc: a, routeTableId: 'rtb-2', destination: '2600:1f18::/56', peerVpc: b },
      single,
    ]);
  });

  test('routes, endpoints and VPCs are copies of what was registered, in order', () => {
    // GIVEN
    const { s, a, b, owner, graph } = peeredPair();
    new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 20 });
    const route = { owner, vpc: a, routeTableId: 'rtb-a', destination: '10.1.0.0/16', peerVpc: b };
    const endpoint = { owner, vpc: a, kind: EndpointKind.GATEWAY, serviceName: 'com.amazonaws.us-east-1.s3' };

    // WHEN
    graph._addRoute(route);
    graph._addEndpoint(endpoint);
    graph.routes.pop();
    graph.endpoints.pop();

    // THEN
    expect(graph.routes).toEqual([route]);
    expect(graph.endpoints).toEqual([endpoint]);
    expect(graph._vpcs()).toEqual([a, b]);
    expect(graph.vpcs.map((v) => [v.path, v.cidrBlocks, v.unknownCidrBlockCount])).toEqual([
      ['S/A', ['10.0.0.0/16'], 0],
      ['S/B', ['10.1.0.0/16'], 1],
    ]);
  });
});
