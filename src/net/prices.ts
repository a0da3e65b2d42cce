/**
 * AWS list prices the library's cost estimates use, in US dollars, for US East (N. Virginia).
 *
 * Estimates only: prices differ by region and change over time, and tiers and discounts are not
 * modelled. Every figure names the page it was read from; `PRICES_AS_OF` is when.
 */

/** When the prices below were read from AWS's pricing pages. */
export const PRICES_AS_OF = '2026-11-26';

/** The region the prices below are for. */
export const PRICES_REGION = 'us-east-1';

/** Hours in an average month, as AWS's pricing examples use. */
export const HOURS_PER_MONTH = 730;

/** One list price: the amount, its unit, and the page it comes from. */
export interface ListPrice {
  /** US dollars per unit. */
  readonly usd: number;
  /** What one unit is. */
  readonly unit: string;
  /** The AWS pricing page. */
  readonly source: string;
}

const PRIVATELINK = 'https://aws.amazon.com/privatelink/pricing/';
const ELB = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const EC2_TRANSFER = 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer';
const ROUTE53 = 'https://aws.amazon.com/route53/pricing/';

/** The list prices, by what they charge for. */
export const PRICES = {
  /** An interface endpoint, per Availability Zone it is in, per hour. */
  interfaceEndpointAzHour: { usd: 0.01, unit: 'endpoint-AZ-hour', source: PRIVATELINK },
  /** Data processed by interface endpoints (first 1 PB a month in a region). */
  interfaceEndpointPerGb: { usd: 0.01, unit: 'GB processed', source: PRIVATELINK },
  /** A Gateway Load Balancer endpoint, per hour. */
  gatewayLoadBalancerEndpointHour: { usd: 0.01, unit: 'endpoint-hour', source: PRIVATELINK },
  /** Data processed by Gateway Load Balancer endpoints. */
  gatewayLoadBalancerEndpointPerGb: { usd: 0.0035, unit: 'GB processed', source: PRIVATELINK },
  /** A Network Load Balancer, per hour (NLCUs are extra). */
  networkLoadBalancerHour: { usd: 0.0225, unit: 'NLB-hour', source: ELB },
  /** A Network Load Balancer capacity unit, per hour. */
  networkLoadBalancerNlcuHour: { usd: 0.006, unit: 'NLCU-hour', source: ELB },
  /** A Gateway Load Balancer, per hour (GLCUs are extra). */
  gatewayLoadBalancerHour: { usd: 0.0125, unit: 'GWLB-hour', source: ELB },
  /** Gateway endpoints (S3, DynamoDB) cost nothing. */
  gatewayEndpointHour: { usd: 0, unit: 'endpoint-hour', source: PRIVATELINK },
  /** Data over a VPC peering connection that stays in one Availability Zone (free since May 2021). */
  peeringSameAzPerGb: { usd: 0, unit: 'GB', source: EC2_TRANSFER },
  /** Data over a VPC peering connection across Availability Zones, charged in each direction. */
  peeringCrossAzPerGb: { usd: 0.01, unit: 'GB, each direction', source: EC2_TRANSFER },
  /** Data between regions (inter-region peering), charged to the sender. */
  interRegionPerGb: { usd: 0.02, unit: 'GB sent', source: EC2_TRANSFER },
  /** A Route 53 hosted zone, per month (first 25 zones). */
  hostedZoneMonth: { usd: 0.5, unit: 'hosted zone-month', source: ROUTE53 },
} as const satisfies Record<string, ListPrice>;
