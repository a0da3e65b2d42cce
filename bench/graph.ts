/**
 * Benchmark of the connectivity graph's app-wide validation on an 8-VPC full mesh (28 peerings).
 *
 * Run alone: `npx ts-node --project tsconfig.dev.json bench/graph.ts`.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { median, ms, timeRuns } from './stats';
import { ConnectivityGraph } from '../src/core/graph';
import { PeeredVpcPair } from '../src/peering';

/** An app with `n` VPCs in one stack, every pair peered (routes on every route table), and the graph. */
export function meshApp(n: number): { app: App; graph: ConnectivityGraph } {
  const app = new App();
  const stack = new Stack(app, 'Mesh', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpcs = Array.from({ length: n }, (_, i) => new ec2.Vpc(stack, `Vpc${i}`, {
    ipAddresses: ec2.IpAddresses.cidr(`10.${i}.0.0/16`),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  }));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) new PeeredVpcPair(stack, `Peering${i}to${j}`, { requester: vpcs[i], accepter: vpcs[j] });
  }
  return { app, graph: ConnectivityGraph.of(app) };
}

/** Printable lines: median validation time of the 8-VPC mesh. */
export function benchGraph(): string[] {
  const { graph } = meshApp(8);
  const runs = timeRuns(() => {
    const errors = graph.node.validate();
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }, 15, 3);
  return [`graph validation, 8-VPC full mesh (28 peerings, 112 routes): median ${ms(median(runs))} over ${runs.length} runs`];
}

if (require.main === module) {
  console.log(benchGraph().join('\n'));
}
