/**
 * App-wide checks of gateway endpoints: one endpoint per service per route table, and the
 * edge-to-edge heuristic for peered VPCs. Internal: import by path.
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { normaliseServiceName } from './service-name';
import { AppIndex, endpointTypeOf } from '../core/app-index';
import { formatProblem } from '../core/errors';
import { ConnectionKind, ConnectivityGraph } from '../core/graph';
import { Rules } from '../core/rules';
import { describeId, knownBlocks, selectSubnets } from '../core/vpc-facts';
import { show, warn } from '../core/warnings';
import { CidrBlock } from '../net/cidr';
import { tryParseCidr } from '../net/cidr-parse';

/** The route table IDs of a gateway endpoint resource, or undefined when the list is a token. */
export function routeTablesOf(ep: ec2.CfnVPCEndpoint): string[] | undefined {
  const ids = ep.routeTableIds as unknown;
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || Token.isUnresolved(ids)) return undefined;
  return ids.map((i) => (typeof i === 'string' ? i : (i as ec2.IRouteTableRef).routeTableRef.routeTableId));
}

/**
 * Two gateway endpoints for the same service on one route table, anywhere in the app: AWS
 * refuses the second, since the table can hold one route to the service's prefix list.
 * A pair of endpoints that both belong to endpoint sets is reported once, by the later one.
 */
export function duplicateGatewayProblems(
  owner: IConstruct,
  mine: ec2.CfnVPCEndpoint[],
  index: AppIndex,
  ownedBySet: (ep: ec2.CfnVPCEndpoint) => boolean,
): string[] {
  const gateways = index.endpoints.filter((ep) => endpointTypeOf(ep) === 'Gateway');
  const order = new Map(gateways.map((ep, i) => [ep, i]));
  const names = new Map(gateways.map((ep) => [ep, normaliseServiceName(Stack.of(ep), ep.serviceName)]));
  const problems: string[] = [];
  for (const m of mine) {
    const myTables = new Set(routeTablesOf(m) ?? []);
    for (const other of gateways) {
      if (other === m || names.get(other) !== names.get(m)) continue;
      if (ownedBySet(other) && order.get(other)! > order.get(m)!) continue;
      const shared = (routeTablesOf(other) ?? []).filter((t) => myTables.has(t));
      if (shared.length === 0) continue;
      problems.push(formatProblem(owner, Rules.ENDPOINT_DUPLICATE_GATEWAY, {
        prop: `gateway endpoint '${m.node.path}' on route table${shared.length > 1 ? 's' : ''} ${shared.map((t) => describeId(m, t)).join(', ')}`,
        received: `duplicates '${other.node.path}' (both ${names.get(m)})`,
        rule: 'a route table can be attached to one gateway endpoint per service (AWS PrivateLink guide, "Gateway endpoints")',
      }));
    }
  }
  return problems;
}

/**
 * The edge-to-edge heuristic. For each peering (graph connection of kind PEERING) of `vpc`, a
 * route in the peer VPC's route tables that targets that peering and whose destination is a
 * prefix list suggests the peer expects to reach S3 or DynamoDB through `vpc` (gateway endpoint
 * services are addressed by AWS-managed prefix lists). It is not reported when the prefix list is
 * defined in the app with entries that all lie inside `vpc`'s own CIDR blocks.
 */
export function warnEdgeToEdge(owner: IConstruct, vpc: ec2.IVpc, index: AppIndex): void {
  const graph = ConnectivityGraph.of(owner);
  const peerings = graph.connections.filter((c) => c.kind === ConnectionKind.PEERING && c.target && (c.source === vpc || c.target === vpc));
  if (peerings.length === 0) return; // nothing peered with `vpc`: no route to look at
  const ownTables = new Set(selectSubnets(vpc).map((s) => s.routeTable?.routeTableId));
  // Read only when a route sends a prefix list through a peering (walking the app is not free).
  let blocks: CidrBlock[] | undefined;
  let prefixLists: ec2.CfnPrefixList[] | undefined;

  // Whether a prefix list destination is one of the app's own lists with every entry inside `vpc`.
  const insideVpc = (destination: string): boolean => {
    blocks ??= knownBlocks(graph._facts(vpc, index));
    prefixLists ??= owner.node.root.node.findAll().filter((c): c is ec2.CfnPrefixList => c instanceof ec2.CfnPrefixList);
    const inside = blocks;
    const list = prefixLists.find((p) => p.ref === destination || p.attrPrefixListId === destination);
    const entries = list?.entries as unknown;
    if (!Array.isArray(entries) || entries.length === 0) return false;
    return entries.every((e: { cidr?: unknown }) => {
      if (typeof e?.cidr !== 'string') return false;
      const parsed = tryParseCidr(e.cidr);
      return parsed.ok && inside.some((b) => b.contains(parsed.block));
    });
  };
  const report = (peeringOwner: IConstruct, peer: ec2.IVpc, table: string, destination: string) => {
    warn(owner, Rules.ENDPOINT_EDGE_TO_EDGE, {
      prop: `route in route table ${describeId(owner, table)} of peer VPC ${peer.node.path}`,
      received: `sends prefix list ${Token.isUnresolved(destination) ? describeId(owner, destination) : show(destination)} through peering '${peeringOwner.node.path}' to ${vpc.node.path}`,
      rule: 'VPC peering does not support edge-to-edge routing: a peered VPC cannot use this VPC\'s gateway endpoints (Amazon VPC peering guide, "Unsupported VPC peering configurations")',
    });
  };

  for (const c of peerings) {
    const peer = c.source === vpc ? c.target! : c.source;
    if (c.connectionId !== undefined) {
      for (const r of index.routes) {
        const pl = r.resource.destinationPrefixListId;
        if (r.peeringConnectionId !== c.connectionId || pl === undefined || ownTables.has(r.routeTableId)) continue;
        if (!insideVpc(pl)) report(c.owner, peer, r.routeTableId, pl);
      }
    }
    for (const r of graph.routes) {
      if (r.peerVpc !== vpc || r.vpc !== peer || Token.isUnresolved(r.destination) || tryParseCidr(r.destination).ok) continue;
      if (!insideVpc(r.destination)) report(r.owner, peer, r.routeTableId, r.destination);
    }
  }
}
