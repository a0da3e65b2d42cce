/** What the Markdown, terminal and SVG renderings share: numbering, cell symbols, grouping. */
import { ConnectivityReportData, ReportConnection, ReportReachability, ReportVpc } from './document';

/** `account · region` of a VPC, with `?` for a token. */
export function envOf(v: ReportVpc): string {
  return `${v.account ?? '(any account)'} · ${v.region ?? '(any region)'}`;
}

/**
 * The most VPCs drawn as a reachability matrix: above, the renderings list the pairs a connection
 * joins (a matrix of every pair is quadratic in VPCs, and no one reads one that wide).
 */
export const MATRIX_MAX_VPCS = 20;

/** Reachability between VPCs, by `from|to`. */
export function vpcPairs(r: ConnectivityReportData): Map<string, ReportReachability> {
  const vpcs = new Set(r.vpcs.map((v) => v.path));
  const out = new Map<string, ReportReachability>();
  for (const x of r.reachability) if (vpcs.has(x.from) && vpcs.has(x.to)) out.set(`${x.from}|${x.to}`, x);
  return out;
}

/** A matrix cell: `yes`, `yes :443`, `no`, `?`. */
export function cell(x: ReportReachability | undefined, symbols: { yes: string; no: string; unknown: string }): string {
  if (x === undefined) return symbols.no;
  if (x.status === 'unknown') return symbols.unknown;
  if (!x.reachable) return symbols.no;
  return x.ports ? `${symbols.yes} :${x.ports.join(',')}` : symbols.yes;
}

/** The ports of a connection for an edge label: ` :443,8443`, with `?` for ports unknown at synth; '' when it carries every port. */
export function portsLabel(c: ReportConnection): string {
  const parts = [...(c.ports ?? []).map(String), ...(c.unknownPorts ? ['?'] : [])];
  return parts.length > 0 ? ` :${parts.join(',')}` : '';
}

/** Whether an unreachable answer only says that nothing connects the two (the common case). */
export function isPlainNoConnection(x: ReportReachability): boolean {
  return x.reasons.length === 1 && x.reasons[0].startsWith('no peering or PrivateLink connection joins');
}

/** The state of a peering's routes, from the answers both ways: both, one-way, none, unknown. */
export function peeringState(r: Map<string, ReportReachability>, a: string, b: string): 'both' | 'one-way' | 'none' | 'unknown' {
  const ab = r.get(`${a}|${b}`);
  const ba = r.get(`${b}|${a}`);
  if (ab?.status === 'unknown' || ba?.status === 'unknown') return 'unknown';
  if (ab?.reachable && ba?.reachable) return 'both';
  if ([ab, ba].some((x) => x?.reasons.some((s) => s.startsWith('one-way')))) return 'one-way';
  return 'none';
}

/** Quota rows sorted by headroom, fullest first. */
export function quotasByHeadroom(r: ConnectivityReportData): ConnectivityReportData['quotas'] {
  return [...r.quotas].sort((a, b) => b.used / b.limit - a.used / a.limit || a.subject.localeCompare(b.subject));
}
