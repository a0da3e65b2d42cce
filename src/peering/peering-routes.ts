// Internal (not re-exported): the routes of one side of a peering.
import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { indexApp } from '../core/app-index';
import { fail } from '../core/errors';
import { ConnectivityGraph } from '../core/graph';
import { Rules } from '../core/rules';
import { isPendingLookup, routeTableIdOrFail, selectSubnets, VpcFacts } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';

/** One side's routes: its route tables, each with a route to every block of the peer. */
export interface SideRoutesInput {
  /** The pair (graph owner, warnings). */
  readonly owner: IConstruct;
  /** Where the routes go (a construct in the side's stack). */
  readonly scope: Construct;
  /** `Requester` or `Accepter`: prefixes child IDs and names the prop in messages. */
  readonly side: string;
  readonly vpc: ec2.IVpc;
  readonly selections?: ec2.SubnetSelection[];
  /** Facts of the peer VPC (its blocks are the destinations). */
  readonly peer: VpcFacts;
  /** The peering connection ID, as the side's stack sees it. */
  readonly connectionId: string;
}

/** What {@link addSideRoutes} did. */
export interface SideRoutes {
  readonly routes: ec2.CfnRoute[];
  /** Literal destinations routed (canonical CIDRs). */
  readonly destinations: string[];
}

/** Add one `AWS::EC2::CfnRoute` per (route table × peer block), route tables deduplicated. */
export function addSideRoutes(input: SideRoutesInput): SideRoutes {
  const { owner, scope, side, vpc, peer } = input;
  const prop = `${side.toLowerCase()}Subnets`;
  const graph = ConnectivityGraph.of(owner);

  const subnets = selectSubnets(vpc, input.selections);
  const tables = new Map<string, string>(); // routeTableId -> stable key
  for (const subnet of subnets) {
    const id = routeTableIdOrFail(owner, prop, vpc, subnet); // refuses a selected subnet without a route table ID
    if (tables.has(id)) continue;
    tables.set(id, Token.isUnresolved(id) ? subnetKeyIn(vpc, subnet) : id);
  }

  if (tables.size === 0 && !isPendingLookup(vpc)) checkReturnPath(owner, side, vpc, input.selections);

  const destinations = peerDestinations(owner, scope, side, peer);
  // Sized up front: the pair keeps this list, and one grown by push holds room for 17 routes.
  const routes: ec2.CfnRoute[] = new Array(tables.size * destinations.length);
  let n = 0;
  for (const [routeTableId, tableKey] of tables) {
    for (const d of destinations) {
      const route = new ec2.CfnRoute(scope, `${side}Route-${tableKey}-${d.key}`.replace(/\//g, '-'), {
        routeTableId,
        vpcPeeringConnectionId: input.connectionId,
        ...(d.ipv6 ? { destinationIpv6CidrBlock: d.destination } : { destinationCidrBlock: d.destination }),
      });
      if (d.dependsOn) route.node.addDependency(d.dependsOn);
      routes[n++] = route;
    }
  }
  if (routes.length > 0) graph._addPeeringRoutes({ owner, vpc, peerVpc: peer.vpc, resources: routes });
  return { routes, destinations: destinations.filter((d) => d.literal).map((d) => d.destination) };
}

/** A subnet's path inside its VPC (its ID when it is a direct child), else its ID: the stable part of a route's ID. */
function subnetKeyIn(vpc: ec2.IVpc, subnet: ec2.ISubnet): string {
  if (subnet.node.scope === vpc) return subnet.node.id;
  const path = subnet.node.path;
  const vpcPrefix = `${vpc.node.path}/`;
  return path.startsWith(vpcPrefix) ? path.slice(vpcPrefix.length) : subnet.node.id;
}

interface Destination {
  readonly destination: string;
  readonly ipv6: boolean;
  /** Part of the child ID. */
  readonly key: string;
  /** Whether the destination is a literal block. */
  readonly literal: boolean;
  /** The resource that must exist before the destination can be read. */
  readonly dependsOn?: IConstruct;
}

/** The peer's blocks as route destinations; blocks that are tokens are warned about. */
function peerDestinations(owner: IConstruct, scope: Construct, side: string, peer: VpcFacts): Destination[] {
  const out: Destination[] = [];
  const ipv6Facts = peer.cidrs.filter((c) => c.family === 'ipv6');
  for (const c of peer.cidrs) {
    if (c.block) {
      out.push({ destination: c.block.cidr, ipv6: c.family === 'ipv6', key: c.block.cidr, literal: true });
      continue;
    }
    if (peer.pendingLookup) continue; // the graph warns once; the CLI synthesizes again with real values
    const owned = peer.vpc instanceof ec2.Vpc ? peer.vpc : undefined;
    if (c.family === 'ipv6' && c.amazonProvided && owned && ipv6Facts.length === 1 && Stack.of(scope) === Stack.of(owned)) {
      // The only IPv6 block of a VPC in this stack: unambiguous as the first of its Ipv6CidrBlocks.
      const block = indexApp(owned).cidrBlocks.find((b) => b.vpcId === owned.vpcId && b.cidrBlock === undefined && b.ipv6CidrBlock === undefined);
      out.push({ destination: Fn.select(0, owned.vpcIpv6CidrBlocks), ipv6: true, key: 'Ipv6Block0', literal: false, dependsOn: block });
      continue;
    }
    warnOnce(owner, { scope: peer.vpc, key: `${c.source} ${c.family}` }, Rules.PEERING_PEER_CIDR_UNKNOWN, {
      prop: `${c.source} ${c.family} block`,
      received: `is ${c.text === '' ? 'not given' : 'an unresolved token'} (${c.unknownReason ?? 'known at deploy time'})`,
      rule: `no ${side.toLowerCase()} route to it is added`,
    });
  }
  return out;
}

/**
 * A side without a route table gets no route back to the other side, whose routes then carry
 * traffic one way only (Amazon VPC peering guide, "Update your route tables for a VPC peering
 * connection": a route is needed in the route tables of the subnets on both sides). Refused when
 * the user's own selection selects nothing; a warning when the VPC shows no subnets at all (an
 * import without subnets, whose routes may be managed elsewhere).
 */
function checkReturnPath(owner: IConstruct, side: string, vpc: ec2.IVpc, selections: ec2.SubnetSelection[] | undefined): void {
  const prop = `${side.toLowerCase()}Subnets`;
  const other = side === 'Requester' ? 'accepter' : 'requester';
  const consequence = `the ${side.toLowerCase()} gets no route to the ${other}, so the ${other}'s routes carry traffic one way only (no return path)`;
  if (selections !== undefined) {
    fail(owner, Rules.PEERING_SIDE_NO_ROUTES, {
      prop,
      received: `${show(selections.map(describeSelection))} select no subnet with a route table in ${vpc.node.path}`,
      rule: consequence,
    });
  }
  warn(owner, Rules.PEERING_SIDE_ROUTES_UNKNOWN, {
    prop: `${side.toLowerCase()} ${vpc.node.path}`,
    received: 'has no subnets the pair can see (imported without subnets), so its route tables are unknown',
    rule: consequence,
  });
}

function describeSelection(s: ec2.SubnetSelection): string {
  if (s.subnets) return `${s.subnets.length} subnet(s)`;
  return [s.subnetType, s.subnetGroupName, s.availabilityZones?.join('/'), s.subnetFilters ? 'filters' : undefined].filter((x) => x).join(' ') || '{}';
}
