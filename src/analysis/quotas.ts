/**
 * Quota headroom: used / limit per VPC, per route table and per account and region, counted as
 * the graph's validations count them and against the same quotas (AWS defaults, then the
 * `cdk-private-connectivity:quotas` context, then `ConnectivityGraph.declareQuotas`).
 */
import { LinkKind, Topology } from './topology';
import { quotaRow } from '../net/quota-table';
import { QuotaValues } from '../net/quotas';

/** One quota of one VPC, route table or account/region. */
export interface QuotaUse {
  /** `vpc`, `route-table` or `region`. */
  readonly scope: 'vpc' | 'route-table' | 'region';
  /** The VPC path, route table name, or `account/region`. */
  readonly subject: string;
  /** The key in `QuotaValues`. */
  readonly quota: keyof QuotaValues;
  /** What is counted, in AWS's words. */
  readonly description: string;
  readonly used: number;
  readonly limit: number;
}

/** Every quota the app uses, by subject. */
export function quotaHeadroom(t: Topology): QuotaUse[] {
  const out: QuotaUse[] = [];
  const use = (scope: QuotaUse['scope'], subject: string, quota: keyof QuotaValues, used: number, description = quotaRow(quota).description) =>
    out.push({ scope, subject, quota, description, used, limit: t.quotas[quota] });

  for (const v of t.vpcs) {
    const peerings = t.links.filter((l) => l.kind === LinkKind.PEERING && (l.from === v.path || (l.toVpc && l.to === v.path))).length;
    use('vpc', v.path, 'activePeeringsPerVpc', peerings);
    const v4 = v.blocks.filter((b) => b.family === 'ipv4').length + v.unknownBlocks.filter((r) => r.includes('ipv4')).length;
    const v6 = v.blocks.filter((b) => b.family === 'ipv6').length + v.unknownBlocks.filter((r) => r.includes('ipv6')).length;
    use('vpc', v.path, 'ipv4CidrBlocksPerVpc', Math.max(v4, 1));
    if (v6 > 0) use('vpc', v.path, 'ipv6CidrBlocksPerVpc', v6);
    const interfaces = t.endpoints.filter((e) => e.vpc === v.path && (e.type === 'Interface' || e.type === 'GatewayLoadBalancer')).length;
    use('vpc', v.path, 'interfaceEndpointsPerVpc', interfaces);
  }
  for (const rt of [...t.routeTables].sort((a, b) => a.name.localeCompare(b.name))) {
    use('route-table', rt.name, 'routesPerRouteTable', rt.ipv4, 'IPv4 routes per route table');
    if (rt.ipv6 > 0) use('route-table', rt.name, 'routesPerRouteTable', rt.ipv6, 'IPv6 routes per route table');
  }
  const perEnv = new Map<string, number>();
  for (const e of t.endpoints) if (e.type === 'Gateway' && e.env) perEnv.set(e.env, (perEnv.get(e.env) ?? 0) + 1);
  for (const [env, n] of [...perEnv].sort()) use('region', env, 'gatewayEndpointsPerRegion', n);
  return out;
}
