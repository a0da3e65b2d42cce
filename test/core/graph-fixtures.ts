/** Stacks, VPCs and stand-in peerings shared by the graph's tests (graph.test.ts, graph-quotas.test.ts). */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ConnectionKind, ConnectivityGraph } from '../../src/core/graph';

export const ACCOUNT = '111111111111';

/** A stack in ACCOUNT and `region`; `null` makes it environment-agnostic. */
export function stackIn(app: App, id: string, region: string | null = 'us-east-1'): Stack {
  return new Stack(app, id, region ? { env: { account: ACCOUNT, region } } : undefined);
}

/** A one-AZ VPC with one isolated subnet. */
export function vpcIn(stack: Stack, id: string, cidr: string): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** Stand-in for a peering construct: registers an edge the way PeeredVpcPair does. */
export function peer(scope: Construct, id: string, requester: ec2.IVpc, accepter: ec2.IVpc, connectionId?: string): Construct {
  const owner = new Construct(scope, id);
  ConnectivityGraph.of(scope)._addConnection({ owner, kind: ConnectionKind.PEERING, source: requester, target: accepter, connectionId });
  return owner;
}
