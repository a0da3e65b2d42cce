/** The analysis on hand-built topologies: what constructs cannot easily produce (tokens, later kinds). */
import { buildReport } from '../../src/analysis/document';
import { toMarkdown } from '../../src/analysis/markdown';
import { toMermaid } from '../../src/analysis/mermaid';
import { explainVpcs, ReachIndex, reachabilityOf } from '../../src/analysis/reachability';
import { MATRIX_MAX_VPCS } from '../../src/analysis/render-common';
import { toSvg } from '../../src/analysis/svg';
import { toText } from '../../src/analysis/text';
import { Topology, TopoLink, TopoRoute, TopoVpc } from '../../src/analysis/topology';
import { ReachabilityStatus } from '../../src/core/graph';
import { CidrBlock } from '../../src/net/cidr';
import { DEFAULT_QUOTAS } from '../../src/net/quota-table';

function vpc(path: string, cidrs: string[], extra: Partial<TopoVpc> = {}): TopoVpc {
  const blocks = cidrs.map((c) => CidrBlock.parse(c));
  return { path, account: '111111111111', region: 'us-east-1', blocks, unknownBlocks: [], routeTables: [`${path}/rt`], ...extra };
}
function route(vpcPath: string, destination: string, link: number): TopoRoute {
  const literal = !destination.startsWith('${');
  return { vpc: vpcPath, routeTable: `${vpcPath}/rt`, destination: literal ? CidrBlock.parse(destination) : undefined, destinationText: destination, link };
}
function topology(vpcs: TopoVpc[], links: TopoLink[], routes: TopoRoute[] = []): Topology {
  return {
    vpcs, links, routes, endpoints: [], routeTables: [], networkLoadBalancers: 0, gatewayLoadBalancers: 0, quotas: DEFAULT_QUOTAS, warnings: [],
  };
}
const peering = (from: string, to: string, owner = `${from}-${to}`): TopoLink => ({ kind: 'peering', owner, from, to, toVpc: true });

describe('reachability on hand-built topologies', () => {
  const A = vpc('App/A', ['10.0.0.0/16']);
  const B = vpc('App/B', ['10.1.0.0/16', 'fd00:1::/56']);

  test('a route whose destination is a token makes the answer unknown, naming the route', () => {
    const t = topology([A, B], [peering('App/A', 'App/B')], [route('App/A', '${Token[TOKEN.1]}', 0), route('App/B', '10.0.0.0/16', 0)]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/B');
    expect(answer.status).toBe(ReachabilityStatus.UNKNOWN);
    expect(answer.reachable).toBe(false);
    expect(answer.reasons).toEqual([expect.stringMatching(/the destination of a route of App\/A through App\/A-App\/B \(\$\{Token\[TOKEN\.1\]\}\) cannot be read at synth/)]);
  });

  test('a route that leads outside the peer is named (transitive routing attempt)', () => {
    const t = topology([A, B], [peering('App/A', 'App/B')], [route('App/A', '10.9.0.0/16', 0), route('App/B', '10.0.0.0/16', 0)]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/B');
    expect(answer.status).toBe(ReachabilityStatus.UNREACHABLE);
    expect(answer.reasons[0]).toMatch(/the routes of App\/A through peering App\/A-App\/B \(10\.9\.0\.0\/16\) lead outside App\/B \(10\.1\.0\.0\/16, fd00:1::\/56\)/);
  });

  test('a block of the peer without a route is noted, per family', () => {
    const t = topology([A, B], [peering('App/A', 'App/B')], [route('App/A', '10.1.0.0/16', 0), route('App/B', '10.0.0.0/16', 0)]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/B');
    expect(answer.reachable).toBe(true);
    expect(answer.notes).toEqual(['no route of App/A leads to fd00:1::/56 of App/B']);
  });

  test('a peering with no route on either side is unreachable both ways', () => {
    const t = topology([A, B], [peering('App/A', 'App/B')]);
    const ix = new ReachIndex(t);
    for (const [x, y] of [['App/A', 'App/B'], ['App/B', 'App/A']]) {
      const answer = explainVpcs(ix, x, y);
      expect(answer.status).toBe(ReachabilityStatus.UNREACHABLE);
      expect(answer.reasons[0]).toMatch(new RegExp(`^no route table of ${x} routes ${y}'s blocks`));
    }
  });

  test('PrivateLink from A to B does not carry A on to B\'s peer C', () => {
    const C = vpc('App/C', ['10.2.0.0/16']);
    const t = topology([A, B, C], [
      { kind: 'privatelink', owner: 'App/Client', from: 'App/A', to: 'App/B', toVpc: true, ports: [443] },
      peering('App/B', 'App/C'),
    ], [route('App/B', '10.2.0.0/16', 1), route('App/C', '10.1.0.0/16', 1)]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/C');
    expect(answer.reachable).toBe(false);
    expect(answer.reasons).toEqual([expect.stringMatching(/^App\/A reaches the endpoint service in App\/B through PrivateLink, which carries traffic to the service only, not on to App\/B's peer App\/C/)]);
  });
});

describe('PrivateLink listener ports that are tokens', () => {
  const A = vpc('App/A', ['10.0.0.0/16']);
  const B = vpc('App/B', ['10.1.0.0/16']);
  const link = (extra: Partial<TopoLink>): TopoLink => ({ kind: 'privatelink', owner: 'App/Client', from: 'App/A', to: 'App/B', toVpc: true, ...extra });

  test('all ports tokens: unknown ports, not every port', () => {
    const t = topology([A, B], [link({ unknownPorts: 2 })]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/B');
    expect(answer).toMatchObject({ status: ReachabilityStatus.UNKNOWN, reachable: false, ports: undefined });
    expect(answer.reasons).toEqual([expect.stringMatching(/^the listener ports of the service App\/Client connects to are tokens \(2\): the ports App\/A reaches App\/B on are unknown at synth/)]);
    const report = buildReport(t);
    expect(report.connections).toEqual([{ kind: 'privatelink', from: 'App/A', to: 'App/B', owner: 'App/Client', unknownPorts: 2 }]);
    expect(toMermaid(report)).toMatch(/-->\|"privatelink :\?"\|/);
    expect(toText(report)).toMatch(/\[1\] +- +\?\n/);
  });

  test('some ports tokens: the literal ones, and a note that the rest are unknown', () => {
    const t = topology([A, B], [link({ ports: [443], unknownPorts: 1 })]);
    const answer = explainVpcs(new ReachIndex(t), 'App/A', 'App/B');
    expect(answer).toMatchObject({ status: ReachabilityStatus.REACHABLE, ports: [443] });
    expect(answer.notes.join()).toMatch(/on port 443 and 1 port unknown at synth \(tokens\)/);
    expect(toSvg(buildReport(t))).toMatch(/PrivateLink :443,\?/);
  });
});

describe('kinds added by later families', () => {
  // A kind the analysis does not model (e.g. an inspection VPC) is carried as its value, drawn,
  // and never used as a path.
  const t = topology(
    [vpc('App/A', ['10.0.0.0/16']), vpc('App/Inspection', ['10.100.0.0/16'])],
    [{ kind: 'inspection', owner: 'App/Firewall', from: 'App/A', to: 'App/Inspection', toVpc: true }],
  );
  const report = buildReport(t);

  test('the JSON names the connection by its kind\'s value', () => {
    expect(report.connections).toEqual([{ kind: 'inspection', from: 'App/A', to: 'App/Inspection', owner: 'App/Firewall' }]);
    expect(report.reachability.find((r) => r.from === 'App/A' && r.to === 'App/Inspection')?.reachable).toBe(false);
  });

  test('Mermaid, Markdown, text and SVG draw it with its value', () => {
    expect(toMermaid(report)).toContain('v0 -.->|"inspection"| v1');
    expect(toMarkdown(report)).toContain('v0 -.->|"inspection"| v1');
    expect(toText(report)).toContain('[1] App/A');
    expect(toSvg(report)).toMatch(/>inspection<\/text>/);
  });
});

describe('unknown CIDR blocks in the report', () => {
  test('a VPC whose block is a token shows why, and its account and region as null when unknown', () => {
    const t = topology([vpc('App/A', [], { account: undefined, region: undefined, unknownBlocks: ['primary ipv4 block: the primary block is allocated from an IPAM pool'] })], []);
    const report = buildReport(t);
    expect(report.vpcs).toEqual([{ path: 'App/A', account: null, region: null, cidrBlocks: [], unknownCidrBlocks: ['primary ipv4 block: the primary block is allocated from an IPAM pool'] }]);
    expect(toMermaid(report)).toContain('v0["App/A<br/>CIDR unknown"]');
  });
});

describe('the SVG', () => {
  test('is deterministic, escapes text, and keeps every box inside the picture', () => {
    const t = topology(
      [vpc('App/A<x>', ['10.0.0.0/16']), vpc('App/B', ['10.1.0.0/16']), vpc('Other/C', ['10.2.0.0/16'], { region: 'eu-west-1' })],
      [peering('App/A<x>', 'App/B'), peering('App/B', 'Other/C'),
        { kind: 'gateway-endpoint', owner: 'App/Gw', from: 'App/B', to: 'com.amazonaws.us-east-1.s3', toVpc: false }],
      [route('App/A<x>', '10.1.0.0/16', 0), route('App/B', '10.0.0.0/16', 0)],
    );
    const svg = toSvg(buildReport(t));
    expect(toSvg(buildReport(t))).toBe(svg);
    expect(svg).toContain('App/A&lt;x&gt;');
    expect(svg).not.toContain('App/A<x>');
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number);
    for (const m of svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const [x, y, rw, rh] = m.slice(1).map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + rw).toBeLessThanOrEqual(w);
      expect(y + rh).toBeLessThanOrEqual(h);
    }
    // One-way and routed peerings are told apart.
    expect(svg).toContain('>peering<');
    expect(svg).toContain('>peering (no routes)<');
  });
});

describe('the report of a hub and its spokes: linear in connections, one note per hub', () => {
  /** A hub peered with `n` spokes, routes both ways, and the given spoke pairs peered directly. */
  function hubAndSpokes(n: number, direct: Array<[number, number]> = []): Topology {
    const hub = vpc('App/Hub', ['10.0.0.0/16']);
    const spokes = Array.from({ length: n }, (_, i) => vpc(`App/S${i + 1}`, [`10.${i + 1}.0.0/16`]));
    const links: TopoLink[] = [];
    const routes: TopoRoute[] = [];
    const join = (a: TopoVpc, b: TopoVpc) => {
      const i = links.push(peering(a.path, b.path)) - 1;
      routes.push(route(a.path, b.blocks[0].cidr, i), route(b.path, a.blocks[0].cidr, i));
    };
    for (const s of spokes) join(s, hub);
    for (const [x, y] of direct) join(spokes[x - 1], spokes[y - 1]);
    return topology([hub, ...spokes], links, routes);
  }

  test('each spoke reaches the hub and back; spoke pairs are not listed, the hub is said once', () => {
    // WHEN
    const report = buildReport(hubAndSpokes(3));

    // THEN: 3 peerings, each way; no entry for a spoke pair
    expect(report.reachability.map((r) => `${r.from}>${r.to}:${r.status}`)).toEqual([
      'App/Hub>App/S1:reachable', 'App/Hub>App/S2:reachable', 'App/Hub>App/S3:reachable',
      'App/S1>App/Hub:reachable', 'App/S2>App/Hub:reachable', 'App/S3>App/Hub:reachable',
    ]);
    expect(report.notTransitive).toEqual([{
      through: 'App/Hub',
      peers: ['App/S1', 'App/S2', 'App/S3'],
      unpeeredPairs: 3,
      reason: 'VPC peering is not transitive: the 3 VPCs peered with App/Hub reach App/Hub, not each other through it (3 of their 3 pairs are not peered with each other). ' +
        'Peer the VPCs that must talk directly (a PeeredVpcPair), or connect them through a transit gateway',
    }]);
    // The matrix still answers every pair: a pair not listed is "no".
    expect(toMarkdown(report)).toContain('| 2 | ✅ | — | ❌ | ❌ |');
    expect(toMarkdown(report)).toContain('- through `App/Hub`: VPC peering is not transitive: the 3 VPCs peered with App/Hub');
    expect(toText(report)).toMatch(/\n {2}through App\/Hub\n {4}- VPC peering is not transitive: the 3 VPCs/);
  });

  test('spokes peered with each other directly are counted out, and listed with their own pair', () => {
    const report = buildReport(hubAndSpokes(3, [[1, 2]]));
    expect(report.notTransitive.map((n) => [n.through, n.unpeeredPairs])).toEqual([['App/Hub', 2]]);
    expect(report.reachability.filter((r) => r.from === 'App/S1').map((r) => r.to)).toEqual(['App/Hub', 'App/S2']);
    // Each of S1 and S2 has two peers (the hub and each other), and those are peered: nothing to say.
    expect(report.notTransitive.map((n) => n.through)).not.toContain('App/S1');
  });

  test('a full mesh has nothing to say about transit', () => {
    const report = buildReport(hubAndSpokes(3, [[1, 2], [1, 3], [2, 3]]));
    expect(report.notTransitive).toEqual([]);
    expect(report.reachability).toHaveLength(12);
  });

  test('the pairs listed grow with the connections, not with the square of the VPCs', () => {
    // 120 spokes: 240 answers (every ordered pair would be 14,520)
    expect(reachabilityOf(hubAndSpokes(120))).toHaveLength(240);
  });

  test(`above ${MATRIX_MAX_VPCS} VPCs, the renderings list the joined pairs instead of a matrix`, () => {
    // GIVEN: a hub with MATRIX_MAX_VPCS spokes (one VPC too many), and one with one spoke fewer (the control)
    const wide = buildReport(hubAndSpokes(MATRIX_MAX_VPCS));
    const fits = buildReport(hubAndSpokes(MATRIX_MAX_VPCS - 1));

    // THEN
    const md = toMarkdown(wide);
    expect(md).not.toContain('| from \\ to |');
    expect(md).toContain(`${MATRIX_MAX_VPCS + 1} VPCs, more than a matrix shows (${MATRIX_MAX_VPCS}): the pairs a connection joins, each way. No other pair of VPCs reaches each other.`);
    expect(md).toContain('| `App/S7` | `App/Hub` | ✅ | peering |');
    const table = md.split('| from | to | reaches | over |\n|---|---|---|---|\n')[1].split('\n\n')[0].split('\n');
    expect(table).toHaveLength(2 * MATRIX_MAX_VPCS);
    expect(toText(wide)).toContain('  App/Hub -> App/S20: yes');
    expect(toText(wide)).not.toMatch(/^\[1\]\s+-/m);
    expect(toMarkdown(fits)).toContain(`| from \\ to | ${Array.from({ length: MATRIX_MAX_VPCS }, (_, i) => i + 1).join(' | ')} |`);
    expect(toText(fits)).toMatch(/^\[1\]\s+-/m);
  });
});
