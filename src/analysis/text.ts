/** The report for a terminal: the reachability matrix, why not, quota headroom and the cost estimate. */
import { ConnectivityReportData } from './document';
import { cell, envOf, isPlainNoConnection, MATRIX_MAX_VPCS, quotasByHeadroom, vpcPairs } from './render-common';

/** Render the report as plain text lines. */
export function toText(r: ConnectivityReportData): string {
  const out: string[] = [];
  const n = r.vpcs.length;
  out.push(`VPCs (${n})`);
  r.vpcs.forEach((v, i) => out.push(`  [${i + 1}] ${v.path}  ${envOf(v)}  ${v.cidrBlocks.join(', ') || 'CIDR unknown'}`));
  const pairs = vpcPairs(r);
  const symbols = { yes: 'yes', no: 'no', unknown: '?' };
  if (n <= MATRIX_MAX_VPCS) {
    out.push('', 'Reachability (row reaches column; yes = every port, yes :N = those ports only, ? = unknown at synth)');
    const cells = r.vpcs.map((a) => r.vpcs.map((b) => (a.path === b.path ? '-' : cell(pairs.get(`${a.path}|${b.path}`), symbols))));
    const width = Math.max(4, ...cells.flat().map((c) => c.length)) + 1;
    const label = String(n).length + 3;
    out.push(' '.repeat(label) + r.vpcs.map((_, i) => `[${i + 1}]`.padStart(width)).join(''));
    cells.forEach((row, i) => out.push(`[${i + 1}]`.padEnd(label) + row.map((c) => c.padStart(width)).join('')));
  } else {
    out.push('', `Reachability: ${n} VPCs, more than a matrix shows (${MATRIX_MAX_VPCS}); the pairs a connection joins, each way (no other pair reaches each other)`);
    for (const x of pairs.values()) out.push(`  ${x.from} -> ${x.to}: ${cell(x, symbols)}`);
  }
  const explained = r.reachability.filter((x) => !x.reachable && !isPlainNoConnection(x));
  if (explained.length > 0 || r.notTransitive.length > 0) {
    out.push('', 'Why not');
    for (const x of explained) out.push(`  ${x.from} -> ${x.to} (${x.status})`, ...x.reasons.map((reason) => `    - ${reason}`));
    for (const t of r.notTransitive) out.push(`  through ${t.through}`, `    - ${t.reason}`);
  }
  const services = r.reachability.filter((x) => !pairs.has(`${x.from}|${x.to}`) && x.reachable);
  if (services.length > 0) {
    out.push('', 'Services');
    for (const x of services) out.push(`  ${x.from} -> ${x.to} via ${x.via.join(', ')}`);
  }
  out.push('', 'Quota headroom (fullest first)');
  for (const q of quotasByHeadroom(r)) {
    out.push(`  ${`${q.used}/${q.limit}`.padStart(9)}  ${q.description}: ${q.subject}`);
  }
  out.push('', `Cost: USD ${r.cost.usdPerMonth.toFixed(2)} a month before traffic (${r.cost.label})`);
  for (const l of r.cost.lines) out.push(`  ${l.usdPerMonth.toFixed(2).padStart(9)}  ${l.item}: ${l.quantity} × ${l.unit}`);
  for (const x of r.cost.rates) out.push(`  + USD ${x.usd} per ${x.unit}: ${x.item}`);
  if (r.warnings.length > 0) out.push('', `Warnings: ${r.warnings.length} (see private-connectivity.md)`);
  return out.join('\n');
}
