import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import {
  ConnectivityGraph, ConnectivityReport, GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointHub, InterfaceEndpointService,
  InterfaceEndpointSet, PeeredVpcPair, PrivateLinkEndpoint, PrivateLinkService,
} from '../../src';
import { buildReport, ConnectivityReportData } from '../../src/analysis/document';
import { writeReport } from '../../src/analysis/register';
import { readTopology } from '../../src/analysis/topology';
import { HOURS_PER_MONTH, PRICES } from '../../src/net/prices';
import { stackIn, vpcIn } from '../peering/helpers';

const AZ_IDS = [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }];

/** A small estate: A–B peered, A with S3 and SSM endpoints, C consuming a service in B. */
function estate(context: Record<string, unknown> = {}): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-report-'));
  const withOut = new App({ outdir, context: { 'aws:cdk:disable-creation-stack-traces': true, ...context } });
  const s = stackIn(withOut, 'Net');
  const a = vpcIn(s, 'A', '10.0.0.0/16');
  const b = vpcIn(s, 'B', '10.1.0.0/16');
  const c = vpcIn(s, 'C', '10.1.0.0/16'); // overlaps B: fine for PrivateLink
  new PeeredVpcPair(s, 'AB', { requester: a, accepter: b });
  new GatewayEndpointSet(s, 'Gw', { vpc: a, services: [GatewayEndpointService.S3] });
  new InterfaceEndpointSet(s, 'Ops', { vpc: a, services: [InterfaceEndpointService.SSM], subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
  const service = new PrivateLinkService(s, 'Orders', {
    vpc: b,
    listeners: [{ port: 443, targets: [new targets.IpTarget('10.1.0.10')] }],
    availabilityZoneIds: AZ_IDS,
  });
  new PrivateLinkEndpoint(s, 'Client', { vpc: c, service, availabilityZoneIds: AZ_IDS });
  return { app: withOut, outdir };
}

function readReport(outdir: string): ConnectivityReportData {
  return JSON.parse(fs.readFileSync(path.join(outdir, ConnectivityReport.JSON_FILE), 'utf-8'));
}

describe('the report files of a synth', () => {
  let report: ConnectivityReportData;
  let markdown: string;
  let outdir: string;
  beforeAll(() => {
    const e = estate();
    outdir = e.outdir;
    e.app.synth();
    report = readReport(outdir);
    markdown = fs.readFileSync(path.join(outdir, ConnectivityReport.MARKDOWN_FILE), 'utf-8');
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('both files sit next to manifest.json', () => {
    expect(fs.readdirSync(outdir)).toEqual(expect.arrayContaining(['manifest.json', 'private-connectivity.json', 'private-connectivity.md']));
  });

  test('vpcs: path, account, region, CIDR blocks', () => {
    expect(report.vpcs).toEqual([
      { path: 'Net/A', account: '111111111111', region: 'us-east-1', cidrBlocks: ['10.0.0.0/16'] },
      { path: 'Net/B', account: '111111111111', region: 'us-east-1', cidrBlocks: ['10.1.0.0/16'] },
      { path: 'Net/C', account: '111111111111', region: 'us-east-1', cidrBlocks: ['10.1.0.0/16'] },
    ]);
  });

  test('connections: kind, from, to, and ports where port-scoped', () => {
    expect(report.connections).toEqual(expect.arrayContaining([
      { kind: 'peering', from: 'Net/A', to: 'Net/B', owner: 'Net/AB' },
      { kind: 'privatelink', from: 'Net/C', to: 'Net/B', owner: 'Net/Client', ports: [443] },
      { kind: 'gateway-endpoint', from: 'Net/A', to: 'com.amazonaws.us-east-1.s3', owner: 'Net/Gw/S3' },
      { kind: 'interface-endpoint', from: 'Net/A', to: 'com.amazonaws.us-east-1.ssm', owner: 'Net/Ops/Ssm', ports: [443] },
    ]));
    // The PrivateLink endpoint is one connection, not also an interface endpoint.
    expect(report.connections.filter((c) => c.owner === 'Net/Client')).toHaveLength(1);
    expect(report.connections).toHaveLength(4);
  });

  test('reachability: both directions of every pair of VPCs a connection joins, then the services', () => {
    const pair = (from: string, to: string) => report.reachability.find((r) => r.from === from && r.to === to);
    expect(report.version).toBe(2);
    // A–B (peering) and B–C (PrivateLink), each way; A and C share no connection, so they are not listed.
    expect(report.reachability.filter((r) => r.from.startsWith('Net/') && r.to.startsWith('Net/')).map((r) => `${r.from}>${r.to}`))
      .toEqual(['Net/A>Net/B', 'Net/B>Net/A', 'Net/B>Net/C', 'Net/C>Net/B']);
    expect(pair('Net/A', 'Net/C')).toBeUndefined();
    // B's peers (A only) cannot be short of a peering with each other.
    expect(report.notTransitive).toEqual([]);
    expect(pair('Net/A', 'Net/B')).toEqual({ from: 'Net/A', to: 'Net/B', reachable: true, status: 'reachable', via: ['peering'], path: ['Net/A', 'peering Net/AB', 'Net/B'], reasons: [] });
    expect(pair('Net/C', 'Net/B')).toMatchObject({ reachable: true, via: ['privatelink'], ports: [443] });
    expect(pair('Net/B', 'Net/C')).toMatchObject({ reachable: false, status: 'unreachable', via: [], path: [], reasons: [expect.stringMatching(/^PrivateLink is one-directional/)] });
    expect(pair('Net/A', 'com.amazonaws.us-east-1.s3')).toMatchObject({ reachable: true, via: ['gateway-endpoint'] });
    // Endpoints serve the VPC that holds them: the peer is told so.
    expect(pair('Net/B', 'com.amazonaws.us-east-1.s3')).toMatchObject({
      reachable: false,
      reasons: [expect.stringMatching(/gateway endpoint Net\/Gw\/S3 serves Net\/A only: a peer cannot use a gateway endpoint across VPC peering/)],
    });
    expect(pair('Net/B', 'com.amazonaws.us-east-1.ssm')).toMatchObject({
      reachable: false,
      reasons: [expect.stringMatching(/interface endpoint Net\/Ops\/Ssm is in Net\/A: its private DNS name resolves inside Net\/A only/)],
    });
  });

  test('quotas: used / limit per VPC, per route table and per region', () => {
    const q = (subject: string, quota: string) => report.quotas.find((x) => x.subject === subject && x.quota === quota);
    expect(q('Net/A', 'activePeeringsPerVpc')).toMatchObject({ scope: 'vpc', used: 1, limit: 50 });
    expect(q('Net/A', 'interfaceEndpointsPerVpc')).toMatchObject({ used: 1, limit: 50 });
    expect(q('Net/C', 'interfaceEndpointsPerVpc')).toMatchObject({ used: 1 });
    expect(q('111111111111/us-east-1', 'gatewayEndpointsPerRegion')).toMatchObject({ scope: 'region', used: 1, limit: 20 });
    // Net/A's four route tables: a peering route each, and the default route to the internet
    // gateway in the public ones (every CfnRoute counts, as for the route quota validation).
    const tables = report.quotas.filter((x) => x.scope === 'route-table' && x.subject.startsWith('Net/A/'));
    expect(tables.map((t) => [t.subject, t.used, t.limit, t.description])).toEqual([
      ['Net/A/isoSubnet1/RouteTable', 1, 50, 'IPv4 routes per route table'],
      ['Net/A/isoSubnet2/RouteTable', 1, 50, 'IPv4 routes per route table'],
      ['Net/A/pubSubnet1/RouteTable', 2, 50, 'IPv4 routes per route table'],
      ['Net/A/pubSubnet2/RouteTable', 2, 50, 'IPv4 routes per route table'],
    ]);
  });

  test('cost: endpoint-AZ-hours and NLB hours from the list prices, labelled an estimate', () => {
    const { cost } = report;
    expect(cost.label).toMatch(/^Estimate: us-east-1 list prices as of \d{4}-\d{2}-\d{2}/);
    // SSM in 2 isolated subnets + the PrivateLink endpoint in 2 AZs.
    expect(cost.lines.find((l) => l.item.startsWith('interface endpoints'))).toMatchObject({
      quantity: 4,
      usdPerMonth: Math.round(4 * PRICES.interfaceEndpointAzHour.usd * HOURS_PER_MONTH * 100) / 100,
      source: PRICES.interfaceEndpointAzHour.source,
    });
    expect(cost.lines.find((l) => l.item.startsWith('Network Load Balancers'))).toMatchObject({ quantity: 1, usdPerHour: PRICES.networkLoadBalancerHour.usd });
    expect(cost.lines.find((l) => l.item.startsWith('gateway endpoints'))).toMatchObject({ quantity: 1, usdPerMonth: 0 });
    expect(cost.usdPerMonth).toBeCloseTo(cost.lines.reduce((n, l) => n + l.usdPerMonth, 0), 2);
    expect(cost.rates.map((r) => r.item)).toEqual(expect.arrayContaining(['data processed by interface endpoints', 'VPC peering across Availability Zones']));
  });

  test('markdown: a Mermaid diagram, the matrix, quota headroom, the estimate', () => {
    expect(markdown).toContain('```mermaid\nflowchart LR');
    expect(markdown).toMatch(/v0 <-->\|peering\| v1/);
    expect(markdown).toMatch(/v2 -->\|"privatelink :443"\| v1/);
    expect(markdown).toContain('| from \\ to | 1 | 2 | 3 |');
    expect(markdown).toContain('| 3 | ❌ | ✅ :443 | — |');
    expect(markdown).toContain('## Quota headroom');
    expect(markdown).toMatch(/## Cost estimate\n\n\*Estimate: /);
  });
});

describe('the report reuses what the synth\'s validation read', () => {
  test('the report of a synth is the report of a fresh read of the same app', () => {
    // GIVEN
    const { app, outdir } = estate();

    // WHEN
    app.synth();
    const written = readReport(outdir);
    const fresh = buildReport(readTopology(ConnectivityGraph.of(app)));
    fs.rmSync(outdir, { recursive: true, force: true });

    // THEN
    expect(written).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  test('explain after a validation reads the app afresh: a block and a pair added after it count', () => {
    // GIVEN: the graph validated (as a synth would), then a secondary block for A and a new peering
    const { app, outdir } = estate();
    fs.rmSync(outdir, { recursive: true, force: true });
    const graph = ConnectivityGraph.of(app);
    expect(graph.node.validate()).toEqual([]);
    const s = app.node.findChild('Net') as Stack;
    const [a, b] = ['A', 'B'].map((id) => s.node.findChild(id) as ec2.IVpc);
    new ec2.CfnVPCCidrBlock(s, 'ASecondary', { vpcId: a.vpcId, cidrBlock: '10.50.0.0/16' });
    const d = vpcIn(s, 'D', '10.9.0.0/16');
    new PeeredVpcPair(s, 'AD', { requester: a, accepter: d });

    // THEN
    expect(graph.explain(a, d)).toMatchObject({ reachable: true, path: ['Net/A', 'peering Net/AD', 'Net/D'] });
    expect(graph.explain(b, a).notes.join()).toContain('no route of Net/B leads to 10.50.0.0/16 of Net/A');
  });
});

describe('turning the report off', () => {
  test.each([[false], ['false']])('context cdk-private-connectivity:report = %j writes no file', (value) => {
    const { app, outdir } = estate({ [ConnectivityReport.CONTEXT_KEY]: value });
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, ConnectivityReport.JSON_FILE))).toBe(false);
    expect(fs.existsSync(path.join(outdir, ConnectivityReport.MARKDOWN_FILE))).toBe(false);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('a report that cannot be written', () => {
  test('is said on stderr and does not stop the synth', () => {
    // GIVEN: an assembly directory that does not exist
    const app = new App();
    const s = stackIn(app, 'Net');
    new PeeredVpcPair(s, 'AB', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    const lines: string[] = [];

    // WHEN
    writeReport(ConnectivityGraph.of(app), path.join(os.tmpdir(), 'pc-missing', 'nested'), (l) => lines.push(l));

    // THEN
    expect(lines).toEqual([expect.stringMatching(/^cdk-private-connectivity: the connectivity report could not be written \(ENOENT.*\); the synth goes on\. Turn the report off with the context cdk-private-connectivity:report=false\.$/)]);
  });
});

describe('quota overrides', () => {
  test('the report uses the quotas the validations use (context, then declareQuotas)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-report-'));
    const app = new App({ outdir, context: { 'cdk-private-connectivity:quotas': { activePeeringsPerVpc: 80, routesPerRouteTable: 100 } } });
    const s = stackIn(app, 'Net');
    new PeeredVpcPair(s, 'AB', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 200 });
    app.synth();
    const report = readReport(outdir);
    expect(report.quotas.find((q) => q.quota === 'activePeeringsPerVpc')?.limit).toBe(80);
    expect(report.quotas.find((q) => q.quota === 'routesPerRouteTable')?.limit).toBe(200);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('warnings', () => {
  test('the library\'s synth warnings are listed in the report', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-report-'));
    const app = new App({ outdir });
    const s = stackIn(app, 'Net');
    // No policy: the gateway endpoint set warns that AWS's default policy allows everything.
    new GatewayEndpointSet(s, 'Gw', { vpc: vpcIn(s, 'A', '10.0.0.0/16'), services: [GatewayEndpointService.S3] });
    app.synth();
    const report = readReport(outdir);
    expect(report.warnings).toEqual(expect.arrayContaining([
      { path: 'Net/Gw', message: expect.stringMatching(/^GatewayEndpointSet 'Net\/Gw': policy \(not given\); without a policy AWS attaches its default/) },
    ]));
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('the report on an interface endpoint hub', () => {
  test('a spoke reaches the hub\'s services through the hub; a peer of the hub that is no spoke does not', () => {
    // GIVEN: a hub sharing SQS with one peered spoke; a second VPC peered with the hub, not shared with
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-report-hub-'));
    const app = new App({ outdir, context: { 'aws:cdk:disable-creation-stack-traces': true } });
    const s = stackIn(app, 'Net');
    const hubVpc = vpcIn(s, 'Hub', '10.0.0.0/16');
    const spoke = vpcIn(s, 'Spoke', '10.1.0.0/16');
    const other = vpcIn(s, 'Other', '10.2.0.0/16');
    const hub = new InterfaceEndpointHub(s, 'Shared', { vpc: hubVpc, services: [InterfaceEndpointService.of('sqs')] });
    hub.shareWith(spoke);
    new PeeredVpcPair(s, 'SpokeToHub', { requester: spoke, accepter: hubVpc });
    new PeeredVpcPair(s, 'OtherToHub', { requester: other, accepter: hubVpc });

    // WHEN
    app.synth();
    const report = readReport(outdir);
    const pair = (from: string) => report.reachability.find((r) => r.from === from && r.to === 'com.amazonaws.us-east-1.sqs');

    // THEN
    expect(pair('Net/Spoke')).toMatchObject({ reachable: true, via: ['peering', 'interface-endpoint-hub', 'interface-endpoint'] });
    expect(pair('Net/Other')).toMatchObject({ reachable: false, reasons: [expect.stringMatching(/is in Net\/Hub: its private DNS name resolves inside Net\/Hub only/)] });
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
