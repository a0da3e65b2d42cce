/**
 * The connectivity report as data: what `private-connectivity.json` holds. Names are construct
 * paths; a service outside the app is named by its service name.
 */
import { CostEstimate, estimateCost } from './cost';
import { QuotaUse, quotaHeadroom } from './quotas';
import { noTransitOf, Reach, ReachIndex, reachabilityOf } from './reachability';
import { Topology, TopoWarning } from './topology';

/**
 * The schema version of `private-connectivity.json`. Version 2 lists the pairs of VPCs a
 * connection joins (version 1 listed every ordered pair) and adds `notTransitive`.
 */
export const REPORT_VERSION = 2;

export interface ReportVpc {
  readonly path: string;
  /** Account, or null when a token (environment-agnostic stack). */
  readonly account: string | null;
  readonly region: string | null;
  /** Known blocks, IPv4 and IPv6. */
  readonly cidrBlocks: string[];
  /** Why each block that cannot be read at synth is unknown. */
  readonly unknownCidrBlocks?: string[];
}

export interface ReportConnection {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  /** What made it. */
  readonly owner: string;
  readonly ports?: number[];
  /** How many ports are tokens, unknown at synth. */
  readonly unknownPorts?: number;
}

export interface ReportReachability {
  readonly from: string;
  readonly to: string;
  /** true, false, or null when unknown (see `status` and `reasons`). */
  readonly reachable: boolean | null;
  readonly status: string;
  /** The connection kinds used, e.g. ["peering"]. */
  readonly via: string[];
  readonly path: string[];
  readonly ports?: number[];
  readonly reasons: string[];
  readonly notes?: string[];
}

/** A VPC that its peers reach, not each other through it (VPC peering is not transitive). */
export interface ReportNotTransitive {
  /** The VPC in the middle, e.g. a hub. */
  readonly through: string;
  /** The VPCs peered with it. */
  readonly peers: string[];
  /** How many pairs of `peers` are not peered with each other. */
  readonly unpeeredPairs: number;
  readonly reason: string;
}

export interface ConnectivityReportData {
  readonly version: number;
  readonly vpcs: ReportVpc[];
  readonly connections: ReportConnection[];
  /**
   * Both directions of every pair of VPCs a connection joins, then the services. A pair of VPCs
   * not listed has no connection between them: not reachable (`ConnectivityGraph.explain` says why).
   */
  readonly reachability: ReportReachability[];
  /** Where peering stops: once per VPC whose peers are not all peered with each other. */
  readonly notTransitive: ReportNotTransitive[];
  readonly quotas: QuotaUse[];
  readonly cost: CostEstimate;
  readonly warnings: TopoWarning[];
}

function reach(r: Reach): ReportReachability {
  return {
    from: r.from,
    to: r.to,
    reachable: r.status === 'unknown' ? null : r.reachable,
    status: r.status,
    via: r.via,
    path: r.path,
    ...(r.ports ? { ports: r.ports } : {}),
    reasons: r.reasons,
    ...(r.notes.length > 0 ? { notes: r.notes } : {}),
  };
}

/** Build the report from a topology. */
export function buildReport(t: Topology): ConnectivityReportData {
  const ix = new ReachIndex(t);
  return {
    version: REPORT_VERSION,
    vpcs: t.vpcs.map((v) => ({
      path: v.path,
      account: v.account ?? null,
      region: v.region ?? null,
      cidrBlocks: v.blocks.map((b) => b.cidr),
      ...(v.unknownBlocks.length > 0 ? { unknownCidrBlocks: v.unknownBlocks } : {}),
    })),
    connections: t.links.map((l) => ({
      kind: l.kind,
      from: l.from,
      to: l.to,
      owner: l.owner,
      ...(l.ports ? { ports: l.ports } : {}),
      ...(l.unknownPorts ? { unknownPorts: l.unknownPorts } : {}),
    })),
    reachability: reachabilityOf(t, ix).map(reach),
    notTransitive: noTransitOf(ix).map((n) => ({ through: n.through, peers: n.peers, unpeeredPairs: n.unpeeredPairs, reason: n.reason })),
    quotas: quotaHeadroom(t),
    cost: estimateCost(t),
    warnings: t.warnings,
  };
}
