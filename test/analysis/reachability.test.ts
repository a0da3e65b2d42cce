import { CfnParameter, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { Construct } from 'constructs';
import { ConnectivityGraph, GatewayEndpointSet, GatewayEndpointService, PeeredVpcPair, PrivateLinkEndpoint, PrivateLinkService, ReachabilityStatus } from '../../src';
import { ConnectionKind } from '../../src/core/graph';
import { importedVpc, newApp, PARTNER, stackIn, vpcIn } from '../peering/helpers';

const AZ_IDS = [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }];

function peer(a: ec2.IVpc, b: ec2.IVpc, id: string, extra: Partial<import('../../src').PeeredVpcPairProps> = {}): PeeredVpcPair {
  return new PeeredVpcPair(a.stack, id, { requester: a, accepter: b, ...extra });
}

describe('explain: peering', () => {
  test('a chain A–B–C: A reaches B, not C, because peering is not transitive', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'Net');
    const [a, b, c] = [vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16'), vpcIn(s, 'C', '10.2.0.0/16')];
    peer(a, b, 'AB');
    peer(b, c, 'BC');

    // WHEN
    const graph = ConnectivityGraph.of(app);
    const ab = graph.explain(a, b);
    const ac = graph.explain(a, c);

    // THEN
    expect(ab).toMatchObject({ reachable: true, status: ReachabilityStatus.REACHABLE, path: ['Net/A', 'peering Net/AB', 'Net/B'], reasons: [] });
    expect(ac.reachable).toBe(false);
    expect(ac.status).toBe(ReachabilityStatus.UNREACHABLE);
    expect(ac.path).toEqual([]);
    expect(ac.reasons).toEqual([expect.stringMatching(/^VPC peering is not transitive: Net\/A–Net\/B and Net\/B–Net\/C are peered, Net\/A–Net\/C is not\. Peer Net\/A and Net\/C directly/)]);
  });

  test('hub and spoke: spokes reach the hub both ways, never each other', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'Net');
    const hub = vpcIn(s, 'Hub', '10.0.0.0/16');
    const spokes = [1, 2, 3].map((i) => vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`));
    spokes.forEach((sp, i) => peer(hub, sp, `Hub${i}`));
    const graph = ConnectivityGraph.of(app);

    // THEN
    for (const sp of spokes) {
      expect(graph.explain(hub, sp).reachable).toBe(true);
      expect(graph.explain(sp, hub).reachable).toBe(true);
    }
    const across = graph.explain(spokes[0], spokes[2]);
    expect(across.reachable).toBe(false);
    expect(across.reasons.join()).toMatch(/not transitive: Net\/Spoke1–Net\/Hub and Net\/Hub–Net\/Spoke3 are peered/);
  });

  test('a full mesh of four: every VPC reaches every other, with every port', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'Net');
    const v = [0, 1, 2, 3].map((i) => vpcIn(s, `V${i}`, `10.${i}.0.0/16`));
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) peer(v[i], v[j], `P${i}${j}`);
    const graph = ConnectivityGraph.of(app);

    // THEN
    for (const a of v) {
      for (const b of v) {
        if (a === b) continue;
        const answer = graph.explain(a, b);
        expect(answer).toMatchObject({ reachable: true, reasons: [] });
        expect(answer.ports).toBeUndefined();
      }
    }
  });

  test('routes on one side only are one-way, and the answer says where the routes are missing', () => {
    // GIVEN: requester-only mode: the partner adds its own routes, outside this app
    const app = newApp();
    const net = stackIn(app, 'Net');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const a = vpcIn(net, 'A', '10.0.0.0/16');
    const b = importedVpc(partner, 'B', 'vpc-0b', '10.1.0.0/16');
    peer(a, b, 'AB', { peerRoleArn: `arn:aws:iam::${PARTNER}:role/peering-accepter`, requesterOnly: true });
    const graph = ConnectivityGraph.of(app);

    // WHEN
    const there = graph.explain(a, b);
    const back = graph.explain(b, a);

    // THEN
    expect(there.reachable).toBe(false);
    expect(there.reasons).toEqual([expect.stringMatching(/^one-way: Net\/A routes to Partner\/B through peering Net\/AB, but no route table of Partner\/B routes Net\/A's blocks \(10\.0\.0\.0\/16\).*replies are dropped\. Add routes to 10\.0\.0\.0\/16 in Partner\/B's route tables/)]);
    expect(back.reachable).toBe(false);
    expect(back.reasons[0]).toMatch(/^no route table of Partner\/B routes Net\/A's blocks/);
    expect(back.reasons[1]).toMatch(/one-way the other way/);
  });

  test('the user\'s own routes count: a CfnRoute on the missing side makes the pair reachable', () => {
    // GIVEN
    const app = newApp();
    const net = stackIn(app, 'Net');
    const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const a = vpcIn(net, 'A', '10.0.0.0/16');
    const b = importedVpc(partner, 'B', 'vpc-0b', '10.1.0.0/16');
    const pair = peer(a, b, 'AB', { peerRoleArn: `arn:aws:iam::${PARTNER}:role/peering-accepter`, requesterOnly: true });

    // WHEN: the partner's side, written by hand
    new ec2.CfnRoute(partner, 'Back', {
      routeTableId: 'rtb-0b',
      destinationCidrBlock: '10.0.0.0/16',
      vpcPeeringConnectionId: pair.peeringConnectionId,
    });
    const answer = ConnectivityGraph.of(app).explain(a, b);

    // THEN
    expect(answer).toMatchObject({ reachable: true, path: ['Net/A', 'peering Net/AB', 'Partner/B'], reasons: [], notes: [] });
  });

  test('routes in some route tables only: reachable, with a note naming how many', () => {
    // GIVEN
    const app = newApp();
    const s = stackIn(app, 'Net');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = vpcIn(s, 'B', '10.1.0.0/16');
    peer(a, b, 'AB', { requesterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });

    // WHEN
    const answer = ConnectivityGraph.of(app).explain(a, b);

    // THEN
    expect(answer.reachable).toBe(true);
    expect(answer.notes).toEqual([expect.stringMatching(/^only 2 of the 4 route tables of Net\/A route to Net\/B: subnets of the others cannot reach it/)]);
  });

  test('a peer whose CIDR cannot be read makes the answer unknown, with the reason', () => {
    // GIVEN: an imported accepter without vpcCidrBlock
    const app = newApp();
    const s = stackIn(app, 'Net');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = ec2.Vpc.fromVpcAttributes(s, 'B', {
      vpcId: 'vpc-0b', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-b'], isolatedSubnetRouteTableIds: ['rtb-b'],
    });
    peer(a, b, 'AB');

    // WHEN
    const answer = ConnectivityGraph.of(app).explain(a, b);

    // THEN
    expect(answer).toMatchObject({ reachable: false, status: ReachabilityStatus.UNKNOWN, path: [] });
    expect(answer.reasons.join()).toMatch(/the CIDR blocks of Net\/B cannot be read at synth \(imported ipv4 block: the imported VPC was given no vpcCidrBlock\); give them to the construct/);
  });

  test('an imported peer with a literal CIDR is reachable like any other', () => {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    const b = importedVpc(s, 'B', 'vpc-0b', '10.9.0.0/16');
    peer(a, b, 'AB');
    expect(ConnectivityGraph.of(app).explain(b, a).reachable).toBe(true);
  });

  test('a VPC the graph does not know is unreachable, and the answer says it is not in the graph', () => {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const a = vpcIn(s, 'A', '10.0.0.0/16');
    peer(a, vpcIn(s, 'B', '10.1.0.0/16'), 'AB');
    const lone = vpcIn(s, 'Lone', '10.5.0.0/16');
    expect(ConnectivityGraph.of(app).explain(a, lone).reasons).toEqual(['Net/Lone has no connection made by this library (it is not in the connectivity graph)']);
  });
});

describe('explain: PrivateLink', () => {
  function privateLink(overlap: boolean) {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const provider = vpcIn(s, 'Provider', '10.0.0.0/16');
    const consumer = vpcIn(s, 'Consumer', overlap ? '10.0.0.0/16' : '10.1.0.0/16');
    const service = new PrivateLinkService(s, 'Orders', {
      vpc: provider,
      listeners: [
        { port: 443, targets: [new targets.IpTarget('10.0.0.10')] },
        { port: 8443, targets: [new targets.IpTarget('10.0.0.11')] },
      ],
      availabilityZoneIds: AZ_IDS,
    });
    new PrivateLinkEndpoint(s, 'Client', { vpc: consumer, service, availabilityZoneIds: AZ_IDS });
    return { graph: ConnectivityGraph.of(app), provider, consumer };
  }

  test.each([[false], [true]])('consumer reaches service on the listener ports only (overlapping CIDRs: %s)', (overlap) => {
    // GIVEN
    const { graph, provider, consumer } = privateLink(overlap);

    // WHEN
    const answer = graph.explain(consumer, provider);

    // THEN
    expect(answer).toMatchObject({ reachable: true, path: ['Net/Consumer', 'privatelink Net/Client', 'Net/Provider'], ports: [443, 8443], reasons: [] });
    expect(answer.notes.join()).toMatch(/consumer to service only, on ports 443, 8443; overlapping CIDR blocks do not matter/);
  });

  test('the provider cannot reach the consumer: PrivateLink is one-directional', () => {
    const { graph, provider, consumer } = privateLink(true);
    const answer = graph.explain(provider, consumer);
    expect(answer.reachable).toBe(false);
    expect(answer.reasons).toEqual([expect.stringMatching(/^PrivateLink is one-directional: Net\/Consumer consumes a service of Net\/Provider \(Net\/Client\), so Net\/Consumer can open connections to Net\/Provider, not the reverse/)]);
  });
});

describe('explain: lifecycle', () => {
  test('the answer reads the app as defined so far', () => {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const [a, b] = [vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16')];
    peer(a, vpcIn(s, 'C', '10.2.0.0/16'), 'AC');
    const graph = ConnectivityGraph.of(app);
    expect(graph.explain(a, b).reachable).toBe(false);
    peer(a, b, 'AB');
    expect(graph.explain(a, b).reachable).toBe(true);
  });

  test('a PrivateLink connection whose listener ports are all tokens reads as unknown ports, not every port', () => {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const [a, b] = [vpcIn(s, 'Consumer', '10.0.0.0/16'), vpcIn(s, 'Provider', '10.1.0.0/16')];
    const graph = ConnectivityGraph.of(app);
    graph._addConnection({ owner: new Construct(s, 'Client'), kind: ConnectionKind.PRIVATELINK, source: a, target: b, ports: [Token.asNumber(new CfnParameter(s, 'Port', { type: 'Number' }).value)] });
    const answer = graph.explain(a, b);
    expect(answer).toMatchObject({ status: ReachabilityStatus.UNKNOWN, reachable: false, ports: undefined });
    expect(answer.reasons.join()).toMatch(/listener ports of the service Net\/Client connects to are tokens \(1\)/);
  });

  test('explaining adds no warning or construct to the app', () => {
    const app = newApp();
    const s = stackIn(app, 'Net');
    const [a, b] = [vpcIn(s, 'A', '10.0.0.0/16'), vpcIn(s, 'B', '10.1.0.0/16')];
    peer(a, b, 'AB');
    new GatewayEndpointSet(s, 'Gw', { vpc: a, services: [GatewayEndpointService.S3] });
    const warnings = () => app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => `${c.node.path}: ${String(m.data)}`));
    const before = app.node.findAll().length;
    const warningsBefore = warnings();
    ConnectivityGraph.of(app).explain(a, b);
    expect(app.node.findAll().length).toBe(before);
    expect(warnings()).toEqual(warningsBefore);
    // and the synthesized app holds the same warnings as an identical app nobody asked
    const synthesized = Annotations.fromStack(s).findWarning('*', Match.anyValue()).length;
    const control = newApp();
    const cs = stackIn(control, 'Net');
    const [ca, cb] = [vpcIn(cs, 'A', '10.0.0.0/16'), vpcIn(cs, 'B', '10.1.0.0/16')];
    peer(ca, cb, 'AB');
    new GatewayEndpointSet(cs, 'Gw', { vpc: ca, services: [GatewayEndpointService.S3] });
    expect(synthesized).toBe(Annotations.fromStack(cs).findWarning('*', Match.anyValue()).length);
  });
});
