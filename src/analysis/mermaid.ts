/** The topology as a Mermaid flowchart (GitHub renders it in Markdown). */
import { ConnectivityReportData } from './document';
import { envOf, peeringState, portsLabel, vpcPairs } from './render-common';

const text = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** Mermaid source of the report's VPCs, services and connections, grouped by account and region. */
export function toMermaid(r: ConnectivityReportData): string {
  const lines = ['flowchart LR'];
  const id = new Map<string, string>();
  r.vpcs.forEach((v, i) => id.set(v.path, `v${i}`));
  const services = [...new Set(r.connections.filter((c) => !id.has(c.to)).map((c) => c.to))].sort();
  services.forEach((s, i) => id.set(s, `s${i}`));

  const envs = new Map<string, typeof r.vpcs>();
  for (const v of r.vpcs) envs.set(envOf(v), [...(envs.get(envOf(v)) ?? []), v]);
  [...envs.entries()].sort(([a], [b]) => a.localeCompare(b)).forEach(([env, vpcs], i) => {
    lines.push(`  subgraph e${i}["${text(env)}"]`);
    for (const v of vpcs) lines.push(`    ${id.get(v.path)}["${text(v.path)}<br/>${text(v.cidrBlocks.join(', ') || 'CIDR unknown')}"]`);
    lines.push('  end');
  });
  for (const s of services) lines.push(`  ${id.get(s)}(["${text(s)}"])`);

  const pairs = vpcPairs(r);
  for (const c of r.connections) {
    const [a, b] = [id.get(c.from)!, id.get(c.to)!];
    if (c.kind === 'peering') {
      const state = peeringState(pairs, c.from, c.to);
      if (state === 'both') lines.push(`  ${a} <-->|peering| ${b}`);
      else if (state === 'one-way') lines.push(`  ${a} -.->|"peering (one-way routes)"| ${b}`);
      else lines.push(`  ${a} -.-|"peering (${state === 'unknown' ? 'routes unknown' : 'no routes'})"| ${b}`);
    } else if (c.kind === 'privatelink' || c.kind === 'privatelink-resource') {
      lines.push(`  ${a} -->|"${c.kind}${portsLabel(c)}"| ${b}`);
    } else {
      lines.push(`  ${a} -.->|"${text(c.kind.replace(/-/g, ' '))}"| ${b}`);
    }
  }
  return lines.join('\n');
}
