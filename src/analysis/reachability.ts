/**
 * Reachability between the VPCs of an app, and to the services their endpoints reach, read from
 * the topology alone: which connection, which routes, which ports, and in words why not.
 */
import { LinkKind, TopoLink, Topology, TopoRoute, TopoVpc } from './topology';
import { ConnectionKind, ReachabilityAnswer, ReachabilityStatus } from '../core/graph';

/** One answer, from one VPC to a VPC or a service. */
export interface Reach extends ReachabilityAnswer {
  readonly from: string;
  readonly to: string;
  /** The connection kinds the path uses, e.g. `['peering']`; empty when not reachable. */
  readonly via: string[];
}

/** What reachability looks up over and over, indexed once. */
export class ReachIndex {
  public readonly vpcs = new Map<string, TopoVpc>();
  private readonly routesByLinkAndVpc = new Map<string, TopoRoute[]>();
  private readonly linksByVpc = new Map<string, Array<{ link: TopoLink; i: number }>>();

  constructor(public readonly topology: Topology) {
    for (const v of topology.vpcs) this.vpcs.set(v.path, v);
    for (const r of topology.routes) {
      const k = `${r.link}|${r.vpc}`;
      const list = this.routesByLinkAndVpc.get(k);
      if (list) list.push(r);
      else this.routesByLinkAndVpc.set(k, [r]);
    }
    topology.links.forEach((link, i) => {
      for (const end of link.toVpc ? [link.from, link.to] : [link.from]) {
        const list = this.linksByVpc.get(end);
        if (list) list.push({ link, i });
        else this.linksByVpc.set(end, [{ link, i }]);
      }
    });
  }

  /** Links that touch a VPC. */
  public linksOf(vpc: string): Array<{ link: TopoLink; i: number }> {
    return this.linksByVpc.get(vpc) ?? [];
  }

  /** Routes through link `i` in the route tables of `vpc`. */
  public routes(i: number, vpc: string): TopoRoute[] {
    return this.routesByLinkAndVpc.get(`${i}|${vpc}`) ?? [];
  }
}

function answer(from: string, to: string, status: ReachabilityStatus, parts: Partial<Reach> = {}): Reach {
  return {
    from,
    to,
    status,
    reachable: status === ReachabilityStatus.REACHABLE,
    path: parts.path ?? [],
    via: parts.via ?? [],
    reasons: parts.reasons ?? [],
    notes: parts.notes ?? [],
    ports: parts.ports,
  };
}

/** Whether routes in `side`'s tables through peering `i` lead into `peer`'s blocks. */
interface SideRouting {
  readonly state: 'yes' | 'no' | 'unknown';
  readonly why?: string;
  readonly note?: string;
}

function sideRouting(ix: ReachIndex, i: number, side: TopoVpc, peer: TopoVpc, link: TopoLink): SideRouting {
  const routes = ix.routes(i, side.path);
  const hits = routes.filter((r) => r.destination && peer.blocks.some((b) => b.family === r.destination!.family && b.overlaps(r.destination!)));
  if (hits.length > 0) {
    const tables = new Set(hits.map((r) => r.routeTable));
    const missing = peer.blocks.filter((b) => !hits.some((r) => r.destination!.overlaps(b)));
    const notes: string[] = [];
    if (side.routeTables.length > 0 && tables.size < side.routeTables.length) {
      notes.push(`only ${tables.size} of the ${side.routeTables.length} route tables of ${side.path} route to ${peer.path}: subnets of the others cannot reach it`);
    }
    if (missing.length > 0) notes.push(`no route of ${side.path} leads to ${missing.map((b) => b.cidr).join(', ')} of ${peer.path}`);
    return { state: 'yes', note: notes.join('; ') || undefined };
  }
  const tokens = routes.filter((r) => r.destination === undefined);
  if (tokens.length > 0) {
    return { state: 'unknown', why: `the destination of ${tokens.length === 1 ? 'a route' : `${tokens.length} routes`} of ${side.path} through ${link.owner} (${tokens[0].destinationText}) cannot be read at synth` };
  }
  if (peer.blocks.length === 0 && peer.unknownBlocks.length > 0) {
    return { state: 'unknown', why: `the CIDR blocks of ${peer.path} cannot be read at synth (${peer.unknownBlocks.join('; ')}); give them to the construct (e.g. PeeredVpcPair requesterCidrBlocks / accepterCidrBlocks)` };
  }
  return {
    state: 'no',
    why: routes.length > 0
      ? `the routes of ${side.path} through peering ${link.owner} (${routes.map((r) => r.destinationText).join(', ')}) lead outside ${peer.path} (${peer.blocks.map((b) => b.cidr).join(', ')})`
      : `no route table of ${side.path} routes ${peer.path}'s blocks (${peer.blocks.map((b) => b.cidr).join(', ')}) through peering ${link.owner}`,
  };
}

/** Peering `i` between `a` and `b`, as seen from `a` sending to `b`. */
function overPeering(ix: ReachIndex, i: number, link: TopoLink, a: TopoVpc, b: TopoVpc): Reach {
  // Update your route tables for a VPC peering connection: each VPC's owner adds a route to the
  // other VPC's blocks; traffic and its replies need a route on both sides.
  const there = sideRouting(ix, i, a, b, link);
  const back = sideRouting(ix, i, b, a, link);
  const hop = `peering ${link.owner}`;
  const notes = [there.note, back.note].filter((n): n is string => n !== undefined);
  if (there.state === 'yes' && back.state === 'yes') {
    return answer(a.path, b.path, ReachabilityStatus.REACHABLE, { path: [a.path, hop, b.path], via: [LinkKind.PEERING], notes });
  }
  if (there.state === 'unknown' || back.state === 'unknown') {
    return answer(a.path, b.path, ReachabilityStatus.UNKNOWN, { reasons: [there.why, back.why].filter((r): r is string => r !== undefined), notes });
  }
  if (there.state === 'yes') {
    return answer(a.path, b.path, ReachabilityStatus.UNREACHABLE, {
      reasons: [
        `one-way: ${a.path} routes to ${b.path} through peering ${link.owner}, but ${back.why}, so replies are dropped. ` +
          `Add routes to ${a.blocks.map((x) => x.cidr).join(', ')} in ${b.path}'s route tables (the owner of ${b.path} adds them when the peering is requester-only)`,
      ],
      notes,
    });
  }
  const reasons = [`${there.why}. Add routes (PeeredVpcPair adds them unless its subnet selection leaves these route tables out)`];
  if (back.state === 'yes') reasons.push(`one-way the other way: ${b.path} routes to ${a.path}, but ${a.path} has no route back`);
  return answer(a.path, b.path, ReachabilityStatus.UNREACHABLE, { reasons, notes });
}

/** Can VPC `from` reach VPC `to`? */
export function explainVpcs(ix: ReachIndex, from: string, to: string): Reach {
  const a = ix.vpcs.get(from);
  const b = ix.vpcs.get(to);
  if (a === undefined || b === undefined) {
    const missing = a === undefined ? from : to;
    return answer(from, to, ReachabilityStatus.UNREACHABLE, {
      reasons: [`${missing} has no connection made by this library (it is not in the connectivity graph)`],
    });
  }
  if (from === to) return answer(from, to, ReachabilityStatus.REACHABLE, { path: [from], notes: ['the same VPC'] });

  const candidates: Reach[] = [];
  for (const { link, i } of ix.linksOf(from)) {
    if (!link.toVpc) continue;
    if (link.kind === LinkKind.PRIVATELINK && link.from === from && link.to === to) {
      // AWS PrivateLink concepts: consumers connect to the endpoint service, on its listener ports.
      const ports = link.ports && link.ports.length > 0 ? link.ports : undefined;
      const unknown = link.unknownPorts ?? 0;
      if (ports === undefined && unknown > 0) {
        // Every listener port is a token: not "every port", but ports unknown at synth.
        candidates.push(answer(from, to, ReachabilityStatus.UNKNOWN, {
          path: [from, `privatelink ${link.owner}`, to],
          via: [LinkKind.PRIVATELINK],
          reasons: [`the listener ports of the service ${link.owner} connects to are tokens (${unknown}): the ports ${from} reaches ${to} on are unknown at synth. Give the listener ports as literal numbers`],
        }));
        continue;
      }
      const more = unknown > 0 ? ` and ${unknown} port${unknown > 1 ? 's' : ''} unknown at synth (tokens)` : '';
      candidates.push(answer(from, to, ReachabilityStatus.REACHABLE, {
        path: [from, `privatelink ${link.owner}`, to],
        via: [LinkKind.PRIVATELINK],
        ports,
        notes: [`consumer to service only${ports ? `, on port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}${more}` : ''}; overlapping CIDR blocks do not matter`],
      }));
    } else if (link.kind === LinkKind.PRIVATELINK_RESOURCE && link.from === from && link.to === to) {
      // Access VPC resources through AWS PrivateLink: the consumer's resource endpoint reaches the
      // shared resource on the resource configuration's port ranges, through the provider's resource gateway.
      const ports = link.ports && link.ports.length > 0 ? link.ports : undefined;
      candidates.push(answer(from, to, ReachabilityStatus.REACHABLE, {
        path: [from, `privatelink-resource ${link.owner}`, to],
        via: [LinkKind.PRIVATELINK_RESOURCE],
        ports,
        notes: [`consumer to the shared resource only${ports ? `, on port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` : ''}; overlapping CIDR blocks do not matter`],
      }));
    } else if (link.kind === LinkKind.PEERING && ((link.from === from && link.to === to) || (link.from === to && link.to === from))) {
      candidates.push(overPeering(ix, i, link, a, b));
    }
  }
  const best = candidates.find((c) => c.status === ReachabilityStatus.REACHABLE)
    ?? candidates.find((c) => c.status === ReachabilityStatus.UNKNOWN)
    ?? candidates[0];
  // A port-scoped path does not make a routed one redundant: prefer the one with every port.
  const routed = candidates.find((c) => c.status === ReachabilityStatus.REACHABLE && c.ports === undefined);
  if (routed) return routed;
  if (best) return best;
  return answer(from, to, ReachabilityStatus.UNREACHABLE, { reasons: whyNoConnection(ix, a, b) });
}

/** No direct connection: say what the user may have expected to work. */
function whyNoConnection(ix: ReachIndex, a: TopoVpc, b: TopoVpc): string[] {
  const reasons: string[] = [];
  const peersOf = (v: string) => ix.linksOf(v).filter(({ link }) => link.kind === LinkKind.PEERING && link.toVpc)
    .map(({ link }) => (link.from === v ? link.to : link.from));
  const middle = peersOf(a.path).filter((m) => peersOf(b.path).includes(m));
  for (const m of middle) {
    // VPC peering basics: no transitive peering.
    reasons.push(`VPC peering is not transitive: ${a.path}–${m} and ${m}–${b.path} are peered, ${a.path}–${b.path} is not. ` +
      `Peer ${a.path} and ${b.path} directly (a PeeredVpcPair), or connect them through a transit gateway`);
  }
  const reverse = ix.linksOf(b.path).filter(({ link }) => link.kind === LinkKind.PRIVATELINK && link.from === b.path && link.to === a.path);
  for (const { link } of reverse) {
    reasons.push(`PrivateLink is one-directional: ${b.path} consumes a service of ${a.path} (${link.owner}), so ${b.path} can open connections to ${a.path}, not the reverse. ` +
      `Give ${b.path} an endpoint service of its own for ${a.path} to consume, or peer them`);
  }
  const reverseResource = ix.linksOf(b.path)
    .filter(({ link }) => link.kind === LinkKind.PRIVATELINK_RESOURCE && link.from === b.path && link.to === a.path);
  for (const { link } of reverseResource) {
    reasons.push(`PrivateLink for VPC resources is one-directional: ${b.path} reaches a resource shared from ${a.path} (${link.owner}), not the reverse. ` +
      `Share a resource of ${b.path} with ${a.path} (a PrivateLinkResource and a PrivateLinkResourceEndpoint), or peer them`);
  }
  const viaPrivateLink = ix.linksOf(a.path).filter(({ link }) => link.kind === LinkKind.PRIVATELINK && link.from === a.path && link.toVpc)
    .map(({ link }) => link.to).filter((p) => peersOf(b.path).includes(p));
  for (const p of viaPrivateLink) {
    reasons.push(`${a.path} reaches the endpoint service in ${p} through PrivateLink, which carries traffic to the service only, not on to ${p}'s peer ${b.path}`);
  }
  if (reasons.length === 0) {
    reasons.push(`no peering or PrivateLink connection joins ${a.path} and ${b.path} in this app. Add a PeeredVpcPair (both directions, every port) or a PrivateLinkService in ${b.path} with a PrivateLinkEndpoint in ${a.path} (one direction, listener ports)`);
  }
  return reasons;
}

/**
 * Reachability to services: the VPC that holds an endpoint reaches its service; a VPC peered with
 * it does not through that endpoint (and says so), unless it has an endpoint of its own.
 */
export function explainServices(ix: ReachIndex): Reach[] {
  const out: Reach[] = [];
  const serviceLinks = ix.topology.links.filter((l) => !l.toVpc);
  const holders = new Map<string, TopoLink[]>();
  for (const l of serviceLinks) holders.set(l.to, [...(holders.get(l.to) ?? []), l]);
  for (const [service, links] of [...holders].sort(([x], [y]) => x.localeCompare(y))) {
    const has = new Set(links.map((l) => l.from));
    for (const l of links) {
      const ports = l.ports && l.ports.length > 0 ? l.ports : undefined;
      out.push(answer(l.from, service, ReachabilityStatus.REACHABLE, {
        path: [l.from, `${l.kind} ${l.owner}`, service],
        via: [l.kind],
        ports,
        notes: l.kind === LinkKind.GATEWAY_ENDPOINT ? ['from the subnets whose route tables the endpoint is attached to'] : [],
      }));
    }
    for (const l of links) {
      for (const { link } of ix.linksOf(l.from)) {
        if (link.kind !== LinkKind.PEERING || !link.toVpc) continue;
        const peer = link.from === l.from ? link.to : link.from;
        if (has.has(peer) || out.some((r) => r.from === peer && r.to === service)) continue;
        // A spoke of an interface endpoint hub in l.from uses its endpoints through the hub's zones
        // (the hub refuses at synth a spoke without routes both ways).
        const hub = ix.linksOf(peer).find(({ link: h }) => h.kind === INTERFACE_ENDPOINT_HUB && h.from === peer && h.to === l.from);
        if (hub && l.kind === LinkKind.INTERFACE_ENDPOINT) {
          out.push(answer(peer, service, ReachabilityStatus.REACHABLE, {
            path: [peer, `peering ${link.owner}`, l.from, `${l.kind} ${l.owner}`, service],
            via: [LinkKind.PEERING, INTERFACE_ENDPOINT_HUB, l.kind],
            notes: [`through the interface endpoint hub ${hub.link.owner}: its private hosted zones answer the service's name in ${peer}`],
          }));
          continue;
        }
        out.push(answer(peer, service, ReachabilityStatus.UNREACHABLE, { reasons: [endpointNotShared(l, peer)] }));
      }
    }
  }
  return out;
}

/** The kind of the graph's connection from a spoke to an interface endpoint hub's VPC. */
const INTERFACE_ENDPOINT_HUB: string = ConnectionKind.INTERFACE_ENDPOINT_HUB;

function endpointNotShared(l: TopoLink, peer: string): string {
  if (l.kind === LinkKind.GATEWAY_ENDPOINT) {
    // Gateway endpoints (AWS PrivateLink guide): endpoint connections cannot be extended out of a VPC.
    return `the gateway endpoint ${l.owner} serves ${l.from} only: a peer cannot use a gateway endpoint across VPC peering (no edge-to-edge routing). Give ${peer} a GatewayEndpointSet of its own (gateway endpoints are free)`;
  }
  return `the ${l.kind.replace(/-/g, ' ')} ${l.owner} is in ${l.from}: its private DNS name resolves inside ${l.from} only, so ${peer} does not use it. ` +
    `Give ${peer} an endpoint of its own, or share ${l.from}'s endpoints through an interface-endpoint hub`;
}

/**
 * A VPC that several VPCs are peered with, some of which are not peered with each other: they
 * reach it, not each other through it. Said once per such VPC, not once per pair of its peers.
 */
export interface NoTransit {
  /** The VPC in the middle (e.g. a hub). */
  readonly through: string;
  /** The VPCs peered with it, in the topology's order. */
  readonly peers: string[];
  /** How many pairs of `peers` are not peered with each other. */
  readonly unpeeredPairs: number;
  readonly reason: string;
}

/** The VPCs peered with `vpc`, once each, in the topology's order. */
function peeringPeers(ix: ReachIndex, vpc: string, order: Map<string, number>): string[] {
  const peers = new Set<string>();
  for (const { link } of ix.linksOf(vpc)) {
    if (link.kind === LinkKind.PEERING && link.toVpc) peers.add(link.from === vpc ? link.to : link.from);
  }
  peers.delete(vpc);
  return [...peers].sort((x, y) => order.get(x)! - order.get(y)!);
}

/** Every VPC whose peers are not all peered with each other (VPC peering basics: no transitive peering). */
export function noTransitOf(ix: ReachIndex): NoTransit[] {
  const order = new Map(ix.topology.vpcs.map((v, i) => [v.path, i]));
  const peersOf = new Map(ix.topology.vpcs.map((v) => [v.path, peeringPeers(ix, v.path, order)]));
  const out: NoTransit[] = [];
  for (const [through, peers] of peersOf) {
    if (peers.length < 2) continue;
    const inGroup = new Set(peers);
    // Each peered pair inside the group is counted from both ends.
    const peeredEnds = peers.reduce((n, p) => n + peersOf.get(p)!.filter((q) => inGroup.has(q)).length, 0);
    const unpeeredPairs = (peers.length * (peers.length - 1)) / 2 - peeredEnds / 2;
    if (unpeeredPairs === 0) continue;
    out.push({
      through,
      peers,
      unpeeredPairs,
      reason: `VPC peering is not transitive: the ${peers.length} VPCs peered with ${through} reach ${through}, not each other through it ` +
        `(${unpeeredPairs} of their ${(peers.length * (peers.length - 1)) / 2} pairs are not peered with each other). ` +
        'Peer the VPCs that must talk directly (a PeeredVpcPair), or connect them through a transit gateway',
    });
  }
  return out;
}

/**
 * The ordered pairs of VPCs that a connection of the app joins, in either direction, in the
 * topology's order: the pairs whose answer can be anything but "nothing connects them". Linear
 * in connections, where every ordered pair would be quadratic in VPCs.
 */
function joinedPairs(ix: ReachIndex): Array<[string, string]> {
  const order = new Map(ix.topology.vpcs.map((v, i) => [v.path, i]));
  const out: Array<[string, string]> = [];
  for (const a of ix.topology.vpcs) {
    const joined = new Set<string>();
    for (const { link } of ix.linksOf(a.path)) {
      if (!link.toVpc) continue;
      const other = link.from === a.path ? link.to : link.from;
      if (other !== a.path && order.has(other)) joined.add(other);
    }
    for (const b of [...joined].sort((x, y) => order.get(x)! - order.get(y)!)) out.push([a.path, b]);
  }
  return out;
}

/**
 * Every ordered pair of VPCs that a connection joins (either way), then the services. A pair of
 * VPCs not listed has no connection of this library between them: it is not reachable
 * (`explainVpcs` answers it in words, and `noTransitOf` says once per VPC where peering stops).
 */
export function reachabilityOf(topology: Topology, ix: ReachIndex = new ReachIndex(topology)): Reach[] {
  return [...joinedPairs(ix).map(([a, b]) => explainVpcs(ix, a, b)), ...explainServices(ix)];
}
