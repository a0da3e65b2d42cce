/** `private-connectivity.md`: the report for people, with a Mermaid diagram GitHub renders. */
import { ConnectivityReportData } from './document';
import { toMermaid } from './mermaid';
import { cell, envOf, isPlainNoConnection, MATRIX_MAX_VPCS, quotasByHeadroom, vpcPairs } from './render-common';

const md = (s: string) => s.replace(/\|/g, '\\|');

/** Render the report as Markdown. */
export function toMarkdown(r: ConnectivityReportData): string {
  const out: string[] = [];
  out.push('# Private connectivity', '');
  out.push('Written at synth by cdk-private-connectivity from the app\'s connectivity graph: what the templates will build, not what is deployed.', '');
  out.push('```mermaid', toMermaid(r), '```', '');

  out.push('## VPCs', '', '| # | VPC | account · region | CIDR blocks |', '|---|---|---|---|');
  r.vpcs.forEach((v, i) => out.push(`| ${i + 1} | \`${md(v.path)}\` | ${envOf(v)} | ${v.cidrBlocks.join(', ') || '—'}${v.unknownCidrBlocks ? ` (unknown: ${md(v.unknownCidrBlocks.join('; '))})` : ''} |`));
  out.push('');

  const pairs = vpcPairs(r);
  const symbols = { yes: '✅', no: '❌', unknown: '❓' };
  if (r.vpcs.length <= MATRIX_MAX_VPCS) {
    out.push('## Reachability', '', 'Row reaches column: ✅ every port, ✅ :port only those ports (PrivateLink), ❌ no, ❓ unknown at synth.', '');
    out.push(`| from \\ to | ${r.vpcs.map((_, i) => i + 1).join(' | ')} |`, `|---|${r.vpcs.map(() => '---').join('|')}|`);
    r.vpcs.forEach((a, i) => {
      const cells = r.vpcs.map((b) => (a.path === b.path ? '—' : cell(pairs.get(`${a.path}|${b.path}`), symbols)));
      out.push(`| ${i + 1} | ${cells.join(' | ')} |`);
    });
  } else {
    out.push('## Reachability', '', `${r.vpcs.length} VPCs, more than a matrix shows (${MATRIX_MAX_VPCS}): the pairs a connection joins, each way. No other pair of VPCs reaches each other.`, '');
    out.push('| from | to | reaches | over |', '|---|---|---|---|');
    for (const x of pairs.values()) {
      out.push(`| \`${md(x.from)}\` | \`${md(x.to)}\` | ${cell(x, symbols)} | ${x.reachable ? x.via.join(', ') : '—'} |`);
    }
  }
  out.push('');
  const explained = [...pairs.values()].filter((x) => !x.reachable && !isPlainNoConnection(x));
  if (explained.length > 0 || r.notTransitive.length > 0) {
    out.push('### Why not', '');
    for (const x of explained) out.push(`- \`${md(x.from)}\` → \`${md(x.to)}\` (${x.status}): ${x.reasons.join(' ')}`);
    for (const n of r.notTransitive) out.push(`- through \`${md(n.through)}\`: ${md(n.reason)}`);
    out.push('');
  }
  const limited = r.reachability.filter((x) => pairs.has(`${x.from}|${x.to}`) && x.reachable && x.notes?.length);
  if (limited.length > 0) {
    out.push('### Limits of the paths', '');
    for (const x of limited) out.push(`- \`${md(x.from)}\` → \`${md(x.to)}\`: ${x.notes!.join('; ')}`);
    out.push('');
  }
  const services = r.reachability.filter((x) => !pairs.has(`${x.from}|${x.to}`));
  if (services.length > 0) {
    out.push('### Services', '', '| VPC | service | reaches | over / why not |', '|---|---|---|---|');
    for (const x of services) {
      out.push(`| \`${md(x.from)}\` | \`${md(x.to)}\` | ${cell(x, { yes: '✅', no: '❌', unknown: '❓' })} | ${md(x.reachable ? x.via.join(', ') : x.reasons.join(' '))} |`);
    }
    out.push('');
  }

  out.push('## Quota headroom', '', 'Counted as the synth-time validations count them, against the same quotas (AWS defaults, context, `declareQuotas`).', '');
  out.push('| subject | quota | used / limit | headroom |', '|---|---|---|---|');
  for (const q of quotasByHeadroom(r)) out.push(`| \`${md(q.subject)}\` | ${q.description} | ${q.used} / ${q.limit} | ${q.limit - q.used} |`);
  out.push('');

  const c = r.cost;
  out.push('## Cost estimate', '', `*${c.label}.*`, '');
  if (c.lines.length > 0) {
    out.push('| item | quantity | unit | USD / hour each | USD / month |', '|---|---|---|---|---|');
    for (const l of c.lines) out.push(`| ${l.item} | ${l.quantity} | ${l.unit} | ${l.usdPerHour} | ${l.usdPerMonth.toFixed(2)} |`);
    out.push(`| **total before traffic** | | | | **${c.usdPerMonth.toFixed(2)}** |`, '');
  }
  if (c.rates.length > 0) {
    out.push('Plus, by traffic:', '');
    for (const x of c.rates) out.push(`- ${x.item}: USD ${x.usd} per ${x.unit} ([prices](${x.source}))`);
    out.push('');
  }
  for (const n of c.notes) out.push(`- ${n}`);

  out.push('## Warnings', '');
  if (r.warnings.length === 0) out.push('None.');
  for (const w of r.warnings) out.push(`- \`${md(w.path)}\`: ${md(w.message)}`);
  out.push('');
  return out.join('\n');
}
