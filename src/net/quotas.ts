/**
 * The AWS quotas the connectivity checks count against, when an account's differ from the
 * defaults. Each value must be a positive integer no larger than the maximum AWS allows; the
 * defaults, maxima and the doc pages they come from are in `quota-table.ts`.
 */
export interface QuotaValues {
  /**
   * Active VPC peering connections per VPC (Amazon VPC quotas; adjustable up to 125).
   * @default 50
   */
  readonly activePeeringsPerVpc?: number;

  /**
   * Routes per route table, counted separately for IPv4 and IPv6 (Amazon VPC quotas; adjustable up to 1,000).
   * @default 50
   */
  readonly routesPerRouteTable?: number;

  /**
   * IPv4 CIDR blocks per VPC, primary and secondary (Amazon VPC quotas; adjustable up to 50).
   * @default 5
   */
  readonly ipv4CidrBlocksPerVpc?: number;

  /**
   * IPv6 CIDR blocks per VPC (Amazon VPC quotas; adjustable up to 50).
   * @default 5
   */
  readonly ipv6CidrBlocksPerVpc?: number;

  /**
   * Gateway VPC endpoints per Region (AWS PrivateLink quotas; at most 255 per VPC).
   * @default 20
   */
  readonly gatewayEndpointsPerRegion?: number;

  /**
   * Interface and Gateway Load Balancer endpoints per VPC (AWS PrivateLink quotas; adjustable, no documented maximum).
   * @default 50
   */
  readonly interfaceEndpointsPerVpc?: number;

  /**
   * VPCs that can be associated with one private hosted zone (Amazon Route 53 quotas; adjustable).
   * @default 300
   */
  readonly vpcsPerPrivateHostedZone?: number;

  /**
   * Hosted zones per account (Amazon Route 53 quotas; adjustable).
   * @default 500
   */
  readonly hostedZonesPerAccount?: number;

  /**
   * Resource gateways per VPC (Quotas for Amazon VPC Lattice; adjustable, no documented maximum).
   * @default 500
   */
  readonly resourceGatewaysPerVpc?: number;

  /**
   * Resource configurations per account and Region (Quotas for Amazon VPC Lattice; adjustable, no documented maximum).
   * @default 2000
   */
  readonly resourceConfigurationsPerRegion?: number;

  /**
   * Child resource configurations per group resource configuration (Quotas for Amazon VPC Lattice; adjustable, no documented maximum).
   * @default 60
   */
  readonly childConfigurationsPerGroup?: number;
}
