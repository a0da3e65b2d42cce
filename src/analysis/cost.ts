/**
 * A monthly cost estimate of the topology: hourly charges (endpoint-AZ-hours, load balancer
 * hours) times the hours of a month, and per-GB charges as rates, from the list prices in
 * src/net/prices.ts. An estimate: us-east-1 list prices, no tiers, no capacity units, no traffic.
 */
import { Topology } from './topology';
import { HOURS_PER_MONTH, ListPrice, PRICES, PRICES_AS_OF, PRICES_REGION } from '../net/prices';

/** One hourly charge, over a month. */
export interface CostLine {
  readonly item: string;
  /** How many units run all month (e.g. endpoint-AZs). */
  readonly quantity: number;
  readonly unit: string;
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  readonly source: string;
}

/** A charge by traffic (per GB, or per capacity unit) that the app cannot know. */
export interface CostRate {
  readonly item: string;
  readonly usd: number;
  readonly unit: string;
  readonly source: string;
}

/** The estimate. */
export interface CostEstimate {
  /** Always says it is an estimate, and on what. */
  readonly label: string;
  readonly pricesAsOf: string;
  readonly pricesRegion: string;
  readonly hoursPerMonth: number;
  readonly lines: CostLine[];
  readonly usdPerMonth: number;
  readonly rates: CostRate[];
  /** What the estimate could not count. */
  readonly notes: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

function line(item: string, quantity: number, price: ListPrice): CostLine {
  return {
    item,
    quantity,
    unit: price.unit,
    usdPerHour: price.usd,
    usdPerMonth: round(quantity * price.usd * HOURS_PER_MONTH),
    source: price.source,
  };
}

/** Estimate what the topology costs a month before traffic, and the per-GB rates on top. */
export function estimateCost(t: Topology): CostEstimate {
  const lines: CostLine[] = [];
  const rates: CostRate[] = [];
  const notes: string[] = [];
  const interfaces = t.endpoints.filter((e) => e.type === 'Interface');
  const azs = interfaces.reduce((n, e) => n + (e.subnetCount ?? 0), 0);
  const unknownAzs = interfaces.filter((e) => e.subnetCount === undefined).length;
  if (unknownAzs > 0) notes.push(`${unknownAzs} interface endpoint(s) have subnets that cannot be counted at synth: not included`);
  if (interfaces.length > 0) {
    lines.push(line(`interface endpoints (${interfaces.length}), one charge per Availability Zone`, azs, PRICES.interfaceEndpointAzHour));
    rates.push({ item: 'data processed by interface endpoints', usd: PRICES.interfaceEndpointPerGb.usd, unit: PRICES.interfaceEndpointPerGb.unit, source: PRICES.interfaceEndpointPerGb.source });
  }
  // Cross-region interface endpoints send data to the service region: the inter-region
  // data-transfer rate (EC2 data transfer pricing), on top of the endpoints' per-GB charge.
  const remote = [...new Set(t.links.filter((l) => l.kind === 'interface-endpoint' && l.serviceRegion !== undefined).map((l) => l.serviceRegion!))];
  if (remote.length > 0) {
    rates.push({
      item: `data to the service region (cross-region interface endpoints to ${remote.join(', ')})`,
      usd: PRICES.interRegionPerGb.usd,
      unit: PRICES.interRegionPerGb.unit,
      source: PRICES.interRegionPerGb.source,
    });
  }
  const gwlbe = t.endpoints.filter((e) => e.type === 'GatewayLoadBalancer').length;
  if (gwlbe > 0) {
    lines.push(line('Gateway Load Balancer endpoints', gwlbe, PRICES.gatewayLoadBalancerEndpointHour));
    rates.push({ item: 'data processed by Gateway Load Balancer endpoints', usd: PRICES.gatewayLoadBalancerEndpointPerGb.usd, unit: PRICES.gatewayLoadBalancerEndpointPerGb.unit, source: PRICES.gatewayLoadBalancerEndpointPerGb.source });
  }
  const gateways = t.endpoints.filter((e) => e.type === 'Gateway').length;
  if (gateways > 0) lines.push(line('gateway endpoints (S3, DynamoDB)', gateways, PRICES.gatewayEndpointHour));
  if (t.networkLoadBalancers > 0) {
    lines.push(line('Network Load Balancers (endpoint services)', t.networkLoadBalancers, PRICES.networkLoadBalancerHour));
    rates.push({ item: 'NLB capacity units (per NLCU-hour, by traffic)', usd: PRICES.networkLoadBalancerNlcuHour.usd, unit: PRICES.networkLoadBalancerNlcuHour.unit, source: PRICES.networkLoadBalancerNlcuHour.source });
  }
  if (t.gatewayLoadBalancers > 0) lines.push(line('Gateway Load Balancers', t.gatewayLoadBalancers, PRICES.gatewayLoadBalancerHour));
  const lattice = t.endpoints.filter((e) => e.type === 'Resource' || e.type === 'ServiceNetwork').length;
  if (lattice > 0) notes.push(`${lattice} resource or service-network endpoint(s) (PrivateLink for VPC resources): no list price in src/net/prices.ts, not included`);
  const peerings = t.links.filter((l) => l.kind === 'peering' && l.toVpc);
  if (peerings.length > 0) {
    rates.push({ item: 'VPC peering within one Availability Zone', usd: PRICES.peeringSameAzPerGb.usd, unit: PRICES.peeringSameAzPerGb.unit, source: PRICES.peeringSameAzPerGb.source });
    rates.push({ item: 'VPC peering across Availability Zones', usd: PRICES.peeringCrossAzPerGb.usd, unit: PRICES.peeringCrossAzPerGb.unit, source: PRICES.peeringCrossAzPerGb.source });
    const region = new Map(t.vpcs.map((v) => [v.path, v.region]));
    if (peerings.some((l) => region.get(l.from) && region.get(l.to) && region.get(l.from) !== region.get(l.to))) {
      rates.push({ item: 'inter-region peering', usd: PRICES.interRegionPerGb.usd, unit: PRICES.interRegionPerGb.unit, source: PRICES.interRegionPerGb.source });
    }
  }
  return {
    label: `Estimate: ${PRICES_REGION} list prices as of ${PRICES_AS_OF}, ${HOURS_PER_MONTH} hours a month, before traffic; prices differ by region, tiers and discounts are not modelled`,
    pricesAsOf: PRICES_AS_OF,
    pricesRegion: PRICES_REGION,
    hoursPerMonth: HOURS_PER_MONTH,
    lines,
    usdPerMonth: round(lines.reduce((n, l) => n + l.usdPerMonth, 0)),
    rates,
    notes,
  };
}
