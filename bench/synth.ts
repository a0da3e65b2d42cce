/**
 * What the abstraction costs: the same topology synthesized with this library's constructs and
 * hand-written with L1 resources producing the same resources, in one process, alternating, with
 * the median time and heap of several runs and the ratio.
 *
 * - an N-VPC full mesh (N(N-1)/2 peerings, routes on every route table), N = 4, 8, 12;
 * - a VPC with a gateway endpoint set (S3, DynamoDB) and 6 interface endpoints.
 *
 * Run alone: `node --expose-gc -r ts-node/register bench/synth.ts` (TS_NODE_PROJECT=tsconfig.dev.json).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { median, ms } from './stats';
import {
  GatewayEndpointSet,
  InterfaceEndpointService,
  InterfaceEndpointSet,
  EndpointPolicy,
  PeeredVpcPair,
} from '../src';

const ENV = { account: '111111111111', region: 'us-east-1' };
const AZS = ['us-east-1a', 'us-east-1b'];

function newStack(): { app: App; stack: Stack } {
  const app = new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true } });
  return { app, stack: new Stack(app, 'Bench', { env: ENV }) };
}

function vpcs(stack: Stack, n: number): ec2.Vpc[] {
  return Array.from({ length: n }, (_, i) => new ec2.Vpc(stack, `Vpc${i}`, {
    ipAddresses: ec2.IpAddresses.cidr(`10.${i}.0.0/16`),
    availabilityZones: AZS,
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  }));
}

function routeTableIds(vpc: ec2.Vpc): string[] {
  return vpc.isolatedSubnets.map((s) => s.routeTable.routeTableId);
}

/** Full mesh with PeeredVpcPair. */
function meshOurs(n: number): App {
  const { app, stack } = newStack();
  const v = vpcs(stack, n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) new PeeredVpcPair(stack, `Pair${i}x${j}`, { requester: v[i], accepter: v[j] });
  }
  return app;
}

/** The same mesh by hand: one peering connection and one route per route table and direction. */
function meshL1(n: number): App {
  const { app, stack } = newStack();
  const v = vpcs(stack, n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const pcx = new ec2.CfnVPCPeeringConnection(stack, `Pair${i}x${j}`, {
        vpcId: v[i].vpcId,
        peerVpcId: v[j].vpcId,
        tags: [{ key: 'Name', value: `Bench/Pair${i}x${j}` }],
      });
      for (const [from, to] of [[i, j], [j, i]]) {
        routeTableIds(v[from]).forEach((rt, k) => new ec2.CfnRoute(stack, `Pair${i}x${j}Route${from}To${to}n${k}`, {
          routeTableId: rt,
          destinationCidrBlock: `10.${to}.0.0/16`,
          vpcPeeringConnectionId: pcx.ref,
        }));
      }
    }
  }
  return app;
}

const INTERFACE_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'sns', 'sqs'];

/** A VPC with S3 and DynamoDB gateway endpoints and 6 interface endpoints, with the constructs. */
function endpointsOurs(): App {
  const { app, stack } = newStack();
  const [vpc] = vpcs(stack, 1);
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

/** The same by hand. */
function endpointsL1(): App {
  const { app, stack } = newStack();
  const [vpc] = vpcs(stack, 1);
  for (const svc of ['s3', 'dynamodb']) {
    new ec2.CfnVPCEndpoint(stack, `Gateway${svc}`, {
      vpcId: vpc.vpcId,
      serviceName: `com.amazonaws.us-east-1.${svc}`,
      vpcEndpointType: 'Gateway',
      routeTableIds: routeTableIds(vpc),
    });
  }
  const sg = new ec2.CfnSecurityGroup(stack, 'OpsSecurityGroup', {
    vpcId: vpc.vpcId,
    groupDescription: 'HTTPS from the VPC to its interface endpoints',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
    securityGroupEgress: [{ ipProtocol: 'icmp', fromPort: 252, toPort: 86, cidrIp: '255.255.255.255/32' }],
  });
  for (const svc of INTERFACE_SERVICES) {
    new ec2.CfnVPCEndpoint(stack, `Ops${svc}`, {
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

interface Measure {
  readonly ms: number;
  readonly heapMb: number;
  readonly counts: Map<string, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Holds the last app until the next measurement, so it is not collected before its heap is read. */
export let keepAlive: App | undefined;

/** Build and synthesize one app; time it and measure the heap it holds at the end. */
function measure(build: () => App): Measure {
  keepAlive = undefined;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const app = build();
  const assembly = app.synth();
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  // Heap the app still holds once synthesized (garbage collected first, the app kept alive).
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  keepAlive = app;
  const counts = new Map<string, number>();
  for (const stack of assembly.stacks) {
    for (const r of Object.values((stack.template as { Resources: Record<string, { Type: string }> }).Resources)) {
      counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
    }
  }
  return { ms: elapsed, heapMb, counts };
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].every((k) => a.get(k) === b.get(k));
}

function total(c: Map<string, number>): number {
  return [...c.values()].reduce((x, y) => x + y, 0);
}

/** Alternate the two builds `runs` times (after a warm-up) and compare medians. */
function compare(title: string, ours: () => App, l1: () => App, runs: number): string[] {
  for (let i = 0; i < 3; i++) {
    measure(ours);
    measure(l1);
  }
  const a: Measure[] = [];
  const b: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(measure(ours));
    b.push(measure(l1));
  }
  const tA = median(a.map((m) => m.ms));
  const tB = median(b.map((m) => m.ms));
  const hA = median(a.map((m) => m.heapMb));
  const hB = median(b.map((m) => m.heapMb));
  const same = sameCounts(a[0].counts, b[0].counts);
  const diff = same ? '' : ` (constructs: ${JSON.stringify([...a[0].counts])}, L1: ${JSON.stringify([...b[0].counts])})`;
  return [
    `${title}: ${total(a[0].counts)} resources with the constructs, ${total(b[0].counts)} by hand; counts by type ${same ? 'equal' : 'DIFFER'}${diff}`,
    `  synth time  constructs ${ms(tA)}  L1 ${ms(tB)}  ratio ${(tA / tB).toFixed(2)}x   (median of ${runs})`,
    `  heap held   constructs ${hA.toFixed(1)} MB  L1 ${hB.toFixed(1)} MB  ratio ${(hA / hB).toFixed(2)}x${gc ? '' : '  (run with --expose-gc for stable heap figures)'}`,
  ];
}

/** Printable lines: the comparisons and the growth from 4 to 8 to 12 VPCs. */
export function benchSynth(runs = 9): string[] {
  const lines: string[] = [];
  lines.push(...compare('8-VPC full mesh (28 pairs)', () => meshOurs(8), () => meshL1(8), runs));
  lines.push(...compare('gateway set + 6 interface endpoints', endpointsOurs, endpointsL1, runs * 3));
  const growth: Array<[number, number, number]> = [];
  for (const n of [4, 8, 12]) {
    measure(() => meshOurs(n));
    const m = Array.from({ length: runs }, () => measure(() => meshOurs(n)));
    growth.push([n, total(m[0].counts), median(m.map((x) => x.ms))]);
  }
  const [base] = growth;
  lines.push('full-mesh growth with the constructs (time per resource should stay flat if synth is linear in resources):');
  for (const [n, resources, t] of growth) {
    lines.push(`  ${String(n).padStart(2)} VPCs  ${String(resources).padStart(4)} resources  ${ms(t).padStart(9)}  ` +
      `${(t / resources).toFixed(2)} ms/resource  (x${(t / base[2]).toFixed(2)} time for x${(resources / base[1]).toFixed(2)} resources)`);
  }
  return lines;
}

if (require.main === module) {
  console.log(benchSynth().join('\n'));
}
