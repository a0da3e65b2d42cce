/**
 * What the abstraction costs: the same topology synthesized with this library's constructs and
 * hand-written with L1 resources, in one process, alternating, with the median time and heap of
 * several rounds and the ratio. The hand-written apps produce the same templates, logical IDs
 * included (each row checks it), so the ratio is the library's own work: its checks, its graph
 * and its report.
 *
 * Rows:
 * - an 8-VPC full mesh (28 peerings, routes on every route table): one subnet tier in a stack with
 *   an env; public + isolated tiers with an env; the same in an environment-agnostic stack;
 * - a VPC with a gateway endpoint set (S3, DynamoDB) and 6 interface endpoints, with the report
 *   on (as by default) and off;
 * - a hub VPC peered with 30, 60 and 120 spokes, each spoke in its own stack (quotas raised), with
 *   the time per resource, which stays flat when synth is linear in resources.
 *
 * Each round builds and synthesizes `APPS_PER_ROUND` apps of one kind and keeps them alive, so the
 * heap they hold is measured over several apps (garbage collected first) rather than one.
 *
 * Every ratio comes with a distribution-free 95% confidence interval for the median of the rounds'
 * ratios, and a calibration row compares the hand-written one-tier mesh with itself: what its
 * ratios stray from 1.00 is what this machine's noise alone does to a row in this run.
 *
 * Run alone: `node --expose-gc -r ts-node/register bench/synth.ts` (TS_NODE_PROJECT=tsconfig.dev.json).
 */
import { isDeepStrictEqual } from 'util';
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { loadText, machineLoadMeter, MachineLoad, median, medianInterval, ms } from './stats';
import {
  ConnectivityGraph,
  GatewayEndpointSet,
  InterfaceEndpointService,
  InterfaceEndpointSet,
  EndpointPolicy,
  PeeredVpcPair,
} from '../src';

const ENV = { account: '111111111111', region: 'us-east-1' };
const AZS = ['us-east-1a', 'us-east-1b'];
const APPS_PER_ROUND = 3;

/** A mesh's shape: VPC count, subnet tiers and whether the stack has an env. */
interface MeshShape {
  readonly n: number;
  readonly tiers: 1 | 2;
  readonly agnostic: boolean;
}

function newApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true, ...context } });
}

function vpcs(stack: Stack, shape: MeshShape, first = 0): ec2.Vpc[] {
  const subnetConfiguration: ec2.SubnetConfiguration[] = [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }];
  if (shape.tiers === 2) subnetConfiguration.unshift({ name: 'edge', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 });
  return Array.from({ length: shape.n }, (_, k) => {
    const i = first + k;
    return new ec2.Vpc(stack, `Vpc${i}`, {
      ipAddresses: ec2.IpAddresses.cidr(blockOf(i)),
      ...(shape.agnostic ? { maxAzs: 2 } : { availabilityZones: AZS }),
      natGateways: 0,
      subnetConfiguration,
    });
  });
}

/** The block `vpcs()` gives VPC `i` (i < 256). */
function blockOf(i: number): string {
  return `10.${i}.0.0/16`;
}

/** Every route table of a VPC, one per subnet (as the pair selects them by default). */
function routeTableIds(vpc: ec2.Vpc): string[] {
  return [...vpc.publicSubnets, ...vpc.isolatedSubnets].map((s) => s.routeTable.routeTableId);
}

function stackProps(agnostic: boolean): StackProps {
  return agnostic ? {} : { env: ENV };
}

/** Full mesh with PeeredVpcPair. */
export function meshOurs(shape: MeshShape): App {
  const app = newApp();
  const stack = new Stack(app, 'Bench', stackProps(shape.agnostic));
  const v = vpcs(stack, shape);
  for (let i = 0; i < shape.n; i++) {
    for (let j = i + 1; j < shape.n; j++) new PeeredVpcPair(stack, `Pair${i}x${j}`, { requester: v[i], accepter: v[j] });
  }
  return app;
}

/**
 * One peering connection and its routes in both directions, by hand, under the IDs the
 * construct gives them: the two templates are then the same, logical IDs included, and the
 * comparison measures the library's own work (a flat ID such as `Pair0x1Route1n0` would skip the
 * hash aws-cdk-lib puts in every nested resource's logical ID, a cost of the template, not of
 * the library).
 */
function peerByHand(stack: Stack, id: string, a: ec2.Vpc, ai: number, b: ec2.Vpc, bi: number): void {
  const scope = new Construct(stack, id);
  const pcx = new ec2.CfnVPCPeeringConnection(scope, 'Resource', {
    vpcId: a.vpcId,
    peerVpcId: b.vpcId,
    tags: [{ key: 'Name', value: scope.node.path }],
  });
  for (const [side, from, to] of [['Requester', a, bi], ['Accepter', b, ai]] as const) {
    for (const subnet of [...from.publicSubnets, ...from.isolatedSubnets]) {
      new ec2.CfnRoute(scope, `${side}Route-${subnet.node.id}-${blockOf(to).replace('/', '-')}`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: blockOf(to),
        vpcPeeringConnectionId: pcx.ref,
      });
    }
  }
}

/** The same mesh by hand: one peering connection and one route per route table and direction. */
export function meshL1(shape: MeshShape): App {
  const app = newApp();
  const stack = new Stack(app, 'Bench', stackProps(shape.agnostic));
  const v = vpcs(stack, shape);
  for (let i = 0; i < shape.n; i++) {
    for (let j = i + 1; j < shape.n; j++) peerByHand(stack, `Pair${i}x${j}`, v[i], i, v[j], j);
  }
  return app;
}

/** A hub VPC in its own stack, peered with `spokes` VPCs, each spoke (and its pair) in its own stack. */
export function hubOurs(spokes: number): App {
  const app = newApp();
  // A hub with this many peerings and routes needs raised quotas (Amazon VPC quotas: 125 peerings, 1,000 routes).
  ConnectivityGraph.of(app).declareQuotas({ activePeeringsPerVpc: 125, routesPerRouteTable: 1000 });
  const shape: MeshShape = { n: 1, tiers: 1, agnostic: false };
  const [hub] = vpcs(new Stack(app, 'Hub', { env: ENV }), shape);
  for (let i = 1; i <= spokes; i++) {
    const stack = new Stack(app, `Spoke${i}`, { env: ENV });
    const [spoke] = vpcs(stack, shape, i);
    new PeeredVpcPair(stack, 'ToHub', { requester: spoke, accepter: hub });
  }
  return app;
}

/** The same hub and spokes by hand. */
export function hubL1(spokes: number): App {
  const app = newApp();
  const shape: MeshShape = { n: 1, tiers: 1, agnostic: false };
  const [hub] = vpcs(new Stack(app, 'Hub', { env: ENV }), shape);
  for (let i = 1; i <= spokes; i++) {
    const stack = new Stack(app, `Spoke${i}`, { env: ENV });
    const [spoke] = vpcs(stack, shape, i);
    peerByHand(stack, 'ToHub', spoke, i, hub, 0);
  }
  return app;
}

const INTERFACE_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'sns', 'sqs'];
const ONE_VPC: MeshShape = { n: 1, tiers: 1, agnostic: false };

/**
 * A VPC with S3 and DynamoDB gateway endpoints and 6 interface endpoints, with the constructs;
 * `report: false` turns the connectivity report off (its context key), to show what the report
 * costs in an app this small.
 */
export function endpointsOurs(report = true): App {
  const app = newApp(report ? {} : { 'cdk-private-connectivity:report': false });
  const stack = new Stack(app, 'Bench', { env: ENV });
  const [vpc] = vpcs(stack, ONE_VPC);
  new GatewayEndpointSet(stack, 'Gateways', { vpc, policy: EndpointPolicy.allowAll() });
  new InterfaceEndpointSet(stack, 'Ops', {
    vpc,
    services: [
      ...InterfaceEndpointService.SSM_SESSION_MANAGER,
      InterfaceEndpointService.LOGS,
      InterfaceEndpointService.SNS,
      InterfaceEndpointService.SQS,
    ],
  });
  return app;
}

/** The same by hand, under the construct's IDs (see `peerByHand`). */
export function endpointsL1(): App {
  const app = newApp();
  const stack = new Stack(app, 'Bench', { env: ENV });
  const [vpc] = vpcs(stack, ONE_VPC);
  const gateways = new Construct(stack, 'Gateways');
  for (const [id, svc] of [['S3', 's3'], ['Dynamodb', 'dynamodb']]) {
    new ec2.CfnVPCEndpoint(new Construct(gateways, id), 'Resource', {
      vpcId: vpc.vpcId,
      serviceName: `com.amazonaws.us-east-1.${svc}`,
      vpcEndpointType: 'Gateway',
      routeTableIds: routeTableIds(vpc),
    });
  }
  const ops = new Construct(stack, 'Ops');
  const sg = new ec2.CfnSecurityGroup(new Construct(ops, 'SecurityGroup'), 'Resource', {
    vpcId: vpc.vpcId,
    groupDescription: 'HTTPS from the VPC to its interface endpoints',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: blockOf(0), description: 'HTTPS from IPv4 block of the VPC' }],
    securityGroupEgress: [{ ipProtocol: 'icmp', fromPort: 252, toPort: 86, cidrIp: '255.255.255.255/32', description: 'Disallow all traffic' }],
  });
  for (const svc of INTERFACE_SERVICES) {
    new ec2.CfnVPCEndpoint(new Construct(ops, svc.charAt(0).toUpperCase() + svc.slice(1)), 'Resource', {
      vpcId: vpc.vpcId,
      serviceName: `com.amazonaws.us-east-1.${svc}`,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
      securityGroupIds: [sg.attrGroupId],
    });
  }
  return app;
}

interface Round {
  /** Milliseconds per app (wall clock). */
  readonly ms: number;
  /** CPU milliseconds per app (this process, user + system): what other tenants of the machine disturb less. */
  readonly cpuMs: number;
  /** Heap held per app, in MB. */
  readonly heapMb: number;
  readonly counts: Map<string, number>;
  /** Every stack's template, by stack name. */
  readonly templates: Record<string, unknown>;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Holds the last round's apps until the next round, so they are not collected before their heap is read. */
export let keepAlive: App[] = [];

/** Build and synthesize `apps` apps; time them and measure the heap they hold at the end. */
function round(build: () => App, apps = APPS_PER_ROUND): Round {
  keepAlive = [];
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const held: App[] = [];
  let assembly;
  for (let i = 0; i < apps; i++) {
    const app = build();
    assembly = app.synth();
    held.push(app);
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6 / apps;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1e3 / apps;
  // Heap the apps still hold once synthesized (garbage collected first, the apps kept alive).
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20 / apps;
  keepAlive = held;
  const counts = new Map<string, number>();
  const templates: Record<string, unknown> = {};
  for (const stack of assembly!.stacks) {
    templates[stack.stackName] = stack.template;
    for (const r of Object.values((stack.template as { Resources: Record<string, { Type: string }> }).Resources)) {
      counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
    }
  }
  return { ms: elapsed, cpuMs, heapMb, counts, templates };
}

/** '' when the two apps' templates are the same, logical IDs included; else where they first differ. */
function templateDifference(a: Record<string, unknown>, b: Record<string, unknown>): string {
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const ra = (a[name] as { Resources?: Record<string, unknown> } | undefined)?.Resources ?? {};
    const rb = (b[name] as { Resources?: Record<string, unknown> } | undefined)?.Resources ?? {};
    for (const id of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      if (!isDeepStrictEqual(ra[id], rb[id])) return `stack ${name}, resource ${id}`;
    }
    if (!isDeepStrictEqual(a[name], b[name])) return `stack ${name}, outside Resources`;
  }
  return '';
}

function total(c: Map<string, number>): number {
  return [...c.values()].reduce((x, y) => x + y, 0);
}

/** The target: the constructs at most this many times hand-written L1, in time and in heap. */
const TARGET = 1.05;

/** A ratio: the median of the rounds' ratios, and its confidence interval. */
export interface Ratio {
  readonly median: number;
  readonly low?: number;
  readonly high?: number;
}

/** The median of the rounds' ratios, with its 95% interval. */
function ratioOf(xs: number[]): Ratio {
  const ci = medianInterval(xs);
  return { median: median(xs), low: ci?.low, high: ci?.high };
}

/** `1.07x (0.98-1.15)`: the median and its 95% interval. */
export function ratioText(r: Ratio): string {
  return `${r.median.toFixed(2)}x${r.low === undefined || r.high === undefined ? '' : ` (${r.low.toFixed(2)}-${r.high.toFixed(2)})`}`;
}

/**
 * What one run shows about a ratio against the target: within it when the whole interval is,
 * over it when the whole interval is above, and neither when the interval straddles it.
 */
export function verdict(r: Ratio, target = TARGET): string {
  if (r.low === undefined || r.high === undefined) return 'too few rounds to tell';
  if (r.high <= target) return `<= ${target.toFixed(2)}x`;
  if (r.low > target) return `over ${target.toFixed(2)}x`;
  return 'not resolved by this run';
}

/** One row of the summary table. */
export interface Row {
  readonly title: string;
  readonly time: Ratio;
  readonly cpu: Ratio;
  readonly heap: Ratio;
  /** What else used the machine while the row ran. */
  readonly load: MachineLoad | undefined;
  /** The calibration row (hand-written against itself): printed apart, not held to the target. */
  readonly calibration?: boolean;
}

/** Alternate the two builds `rounds` times (after a warm-up) and compare medians. */
function compare(title: string, ours: () => App, l1: () => App, rounds: number, rows: Row[], apps = APPS_PER_ROUND, calibration = false): string[] {
  const load = machineLoadMeter();
  round(ours, 1);
  round(l1, 1);
  const a: Round[] = [];
  const b: Round[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so neither always runs on the other's garbage.
    if (i % 2 === 0) {
      a.push(round(ours, apps));
      b.push(round(l1, apps));
    } else {
      b.push(round(l1, apps));
      a.push(round(ours, apps));
    }
  }
  const tA = median(a.map((m) => m.ms));
  const tB = median(b.map((m) => m.ms));
  const hA = median(a.map((m) => m.heapMb));
  const hB = median(b.map((m) => m.heapMb));
  // The ratio is the median of each round's own ratio (the two builds of a round ran back to back),
  // which a machine whose speed drifts over the run disturbs less than a ratio of two medians.
  const time = ratioOf(a.map((m, i) => m.ms / b[i].ms));
  const cpu = ratioOf(a.map((m, i) => m.cpuMs / b[i].cpuMs));
  const heap = ratioOf(a.map((m, i) => m.heapMb / b[i].heapMb));
  const machine = load();
  rows.push({ title, time, cpu, heap, load: machine, calibration });
  const difference = templateDifference(a[0].templates, b[0].templates);
  const [first, second] = calibration ? ['first', 'second'] : ['constructs', 'L1'];
  return [
    `${title}: ${total(a[0].counts)} resources ${calibration ? 'in each' : `with the constructs, ${total(b[0].counts)} by hand`}; templates ${difference === '' ? 'identical' : `DIFFER (${difference})`}`,
    `  synth time  ${first} ${ms(tA)}  ${second} ${ms(tB)}  ratio ${ratioText(time)}   (medians of ${rounds} rounds of ${apps} apps; ratio: median of the rounds' ratios, 95% interval)`,
    `  CPU time    ${first} ${ms(median(a.map((m) => m.cpuMs)))}  ${second} ${ms(median(b.map((m) => m.cpuMs)))}  ratio ${ratioText(cpu)}`,
    `  heap held   ${first} ${hA.toFixed(2)} MB  ${second} ${hB.toFixed(2)} MB  ratio ${ratioText(heap)}${gc ? '' : '  (run with --expose-gc for heap figures)'}`,
    `  machine     ${loadText(machine)} during this row`,
  ];
}

/** Printable lines: the comparisons, the hub-and-spoke growth and a summary table. */
export function benchSynth(rounds = 15): string[] {
  const lines: string[] = [];
  const rows: Row[] = [];
  const meshes: Array<[string, MeshShape]> = [
    ['8-VPC mesh, one subnet tier, stack with env', { n: 8, tiers: 1, agnostic: false }],
    ['8-VPC mesh, public + isolated tiers, stack with env', { n: 8, tiers: 2, agnostic: false }],
    ['8-VPC mesh, public + isolated tiers, environment-agnostic stack', { n: 8, tiers: 2, agnostic: true }],
  ];
  // Calibration: identical work on both sides, so its ratios are the noise of this machine and run.
  const [, oneTier] = meshes[0];
  lines.push(...compare('calibration: the hand-written one-tier mesh against itself', () => meshL1(oneTier), () => meshL1(oneTier), rounds, rows, APPS_PER_ROUND, true));
  for (const [title, shape] of meshes) lines.push(...compare(title, () => meshOurs(shape), () => meshL1(shape), rounds, rows));
  lines.push(...compare('gateway set + 6 interface endpoints', () => endpointsOurs(), endpointsL1, rounds, rows, APPS_PER_ROUND * 4));
  lines.push(...compare('same, report off (context cdk-private-connectivity:report=false)', () => endpointsOurs(false), endpointsL1, rounds, rows, APPS_PER_ROUND * 4));
  lines.push(...compare('hub peered with 120 spokes, one stack per spoke', () => hubOurs(120), () => hubL1(120), rounds, rows, 1));

  const growth: Array<[number, number, number]> = [];
  for (const n of [30, 60, 120]) {
    round(() => hubOurs(n), 1);
    const m = Array.from({ length: rounds }, () => round(() => hubOurs(n), 1));
    growth.push([n, total(m[0].counts), median(m.map((x) => x.ms))]);
  }
  const [base] = growth;
  lines.push('hub-and-spoke growth with the constructs (time per resource stays flat when synth is linear in resources):');
  for (const [n, resources, t] of growth) {
    lines.push(`  ${String(n).padStart(3)} spokes  ${String(resources).padStart(5)} resources  ${ms(t).padStart(9)}  ` +
      `${(t / resources).toFixed(2)} ms/resource  (x${(t / base[2]).toFixed(2)} time for x${(resources / base[1]).toFixed(2)} resources)`);
  }

  lines.push(...summary(rows));
  return lines;
}

/**
 * The summary table: each row's ratios with their 95% intervals, and what this run shows about
 * time and heap against the target; the calibration row last, as the yardstick for the others.
 */
export function summary(rows: Row[]): string[] {
  const lines = [`summary (constructs / hand-written L1, median of the rounds' ratios and its 95% interval; target <= ${TARGET.toFixed(2)}x):`];
  const line = (r: Row) => {
    const busy = r.load === undefined ? '' : `  (machine: ${Math.round((r.load.others + r.load.steal) * 100)}% used elsewhere)`;
    return `  ${ratioText(r.time)} time  ${ratioText(r.cpu)} CPU  ${ratioText(r.heap)} heap  ${r.title}${busy}`;
  };
  for (const r of rows.filter((x) => !x.calibration)) {
    lines.push(line(r));
    lines.push(`      time: ${verdict(r.time)}; heap: ${verdict(r.heap)}`);
  }
  for (const r of rows.filter((x) => x.calibration)) {
    lines.push(`noise of this run (${r.title}; 1.00x is no difference):`);
    lines.push(line(r));
  }
  return lines;
}

if (require.main === module) {
  console.log(benchSynth().join('\n'));
}
