/**
 * When an interface endpoint hub costs less than endpoints in every VPC: a pure estimate from the
 * list prices in src/net/prices.ts (US East (N. Virginia), see `PRICES_AS_OF`).
 */
import { HOURS_PER_MONTH, PRICES } from '../net/prices';

/** What the estimate assumes about the estate. */
export interface HubCostInput {
  /** Services shared (one interface endpoint each). */
  readonly services: number;
  /** Availability Zones each endpoint is in. */
  readonly availabilityZones: number;
  /** GB each spoke sends to and receives from the endpoints in a month. */
  readonly gbPerSpokePerMonth: number;
  /**
   * Share (0 to 1) of that traffic crossing Availability Zones over the peering.
   * @default 0.5
   */
  readonly crossAzShare?: number;
  /**
   * Whether the spokes are in another region than the hub (inter-region transfer on every GB).
   * @default false
   */
  readonly interRegion?: boolean;
}

/** Monthly cost of both designs for a number of spokes, in US dollars. */
export interface HubCostEstimate {
  /** Endpoints in every spoke. */
  readonly perVpcUsd: number;
  /** One set of endpoints in the hub, its hosted zones and the peering transfer. */
  readonly hubUsd: number;
}

/** Peering transfer per GB a spoke exchanges with the hub's endpoints. */
export function hubTransferPerGb(input: HubCostInput): number {
  if (input.interRegion) return PRICES.interRegionPerGb.usd;
  // Cross-AZ data over a peering is charged in each direction; same-AZ data is free.
  const crossAz = input.crossAzShare ?? 0.5;
  if (crossAz < 0 || crossAz > 1) throw new Error(`crossAzShare must be between 0 and 1, got ${crossAz}`);
  return crossAz * 2 * PRICES.peeringCrossAzPerGb.usd;
}

/** The monthly cost of `spokes` VPCs using per-VPC endpoints versus one hub. */
export function hubCost(input: HubCostInput, spokes: number): HubCostEstimate {
  const endpointsMonth = input.services * input.availabilityZones * PRICES.interfaceEndpointAzHour.usd * HOURS_PER_MONTH;
  const processing = spokes * input.gbPerSpokePerMonth * PRICES.interfaceEndpointPerGb.usd;
  return {
    perVpcUsd: round(spokes * endpointsMonth + processing),
    hubUsd: round(endpointsMonth + input.services * PRICES.hostedZoneMonth.usd + processing
      + spokes * input.gbPerSpokePerMonth * hubTransferPerGb(input)),
  };
}

/**
 * The fewest spokes for which a hub costs less than endpoints in every spoke, or undefined when
 * it never does (each spoke's peering transfer costs more than the endpoints it saves).
 */
export function hubBreakEvenSpokes(input: HubCostInput): number | undefined {
  const savedPerSpoke = input.services * input.availabilityZones * PRICES.interfaceEndpointAzHour.usd * HOURS_PER_MONTH;
  const addedPerSpoke = input.gbPerSpokePerMonth * hubTransferPerGb(input);
  if (addedPerSpoke >= savedPerSpoke) return undefined;
  const fixed = savedPerSpoke + input.services * PRICES.hostedZoneMonth.usd;
  // hub(n) < perVpc(n)  <=>  fixed + n * added < n * saved
  return Math.floor(fixed / (savedPerSpoke - addedPerSpoke)) + 1;
}

function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
