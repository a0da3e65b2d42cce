/**
 * The catalogue of every rule this library enforces at synth time.
 *
 * One entry per rule, spelled once: errors thrown, validation messages and warning IDs all take
 * their ID from here, and `docs/validations.md` is checked against this table by a test.
 * Each construct family keeps its entries in its own `rules-<family>.ts` beside this file.
 */
import { rule, RuleDefinition, RuleSeverity, WARNING_PREFIX } from './rule-types';
import { EndpointRules } from './rules-endpoints';
import { HubRules } from './rules-hub';
import { InspectionRules } from './rules-inspection';
import { PeeringRules } from './rules-peering';
import { PrivateLinkRules } from './rules-privatelink';
import { ResourceRules } from './rules-resources';

export type { RuleDefinition } from './rule-types';
export { RuleSeverity, WARNING_PREFIX } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of the net and core layers. */
const CoreRules = {
  // ---- net: values ----
  CIDR_INVALID: rule('cidr-invalid', E,
    'A CIDR block is not a valid IPv4 or IPv6 block (bad address, prefix out of range, or host bits set).',
    'Write the block in canonical form, e.g. 10.0.0.0/16 or 2001:db8::/56.'),
  REGION_INVALID: rule('region-invalid', E,
    'A region name does not look like an AWS region (e.g. us-east-1).',
    'Pass a region name such as eu-west-1, or leave it unset to use the stack\'s region.'),
  QUOTA_INVALID: rule('quota-invalid', E,
    'A quota override is not a positive integer or exceeds the maximum AWS allows.',
    'Give the quota your account actually has, between 1 and the documented maximum.'),

  // ---- core: facts and graph ----
  VPC_CIDR_UNKNOWN: rule('vpc-cidr-unknown', W,
    'A VPC\'s CIDR block is a token (IPAM, Amazon-provided IPv6, parameter), so overlap checks skip it.',
    'Pass the block explicitly (the construct\'s CIDR override prop) so it can be checked at synth.'),
  VPC_REGION_UNKNOWN: rule('vpc-region-unknown', W,
    'A VPC\'s stack is environment-agnostic, so region and partition checks are skipped.',
    'Give the stack an explicit env: { account, region }.'),
  VPC_ROUTE_TABLE_UNKNOWN: rule('vpc-route-table-unknown', E,
    'A selected subnet of an imported VPC has no route table ID, so no route can be added to it.',
    'Import the VPC with Vpc.fromLookup, or pass the *SubnetRouteTableIds attributes to Vpc.fromVpcAttributes.'),
  VPC_PENDING_LOOKUP: rule('vpc-pending-lookup', W,
    'A VPC from Vpc.fromLookup still holds placeholder values, so checks that need its facts are skipped.',
    'Run the synth through the CDK CLI (it fills cdk.context.json) or commit the lookup to cdk.context.json.'),
  VALUE_UNKNOWN: rule('value-unknown', W,
    'A value a check needs is an unresolved token the library cannot read at synth (a route destination through a peering that is not a VPC\'s or subnet\'s own CIDR attribute, an endpoint type, a private DNS name, a subnet\'s block), so that check skips it; the message names the check skipped.',
    'Give the value as a literal (a route destination may be the peer VPC\'s own attribute, vpc.vpcCidrBlock), or acknowledge the warning once you have checked it yourself.'),
  GRAPH_CIDR_OVERLAP: rule('graph-cidr-overlap', E,
    'Two connected VPCs (peered) have overlapping IPv4 or IPv6 CIDR blocks.',
    'Choose non-overlapping ranges, or connect the VPCs with PrivateLink, which allows overlap.'),
  GRAPH_DUPLICATE_PEERING: rule('graph-duplicate-peering', E,
    'The same pair of VPCs is peered more than once; AWS allows one peering connection per pair.',
    'Keep one PeeredVpcPair per pair of VPCs and widen its subnet selection instead.'),
  GRAPH_PEERING_QUOTA: rule('graph-peering-quota', E,
    'A VPC has more active peering connections than its quota (default 50, max 125).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key, or use Transit Gateway.'),
  GRAPH_ROUTE_QUOTA: rule('graph-route-quota', E,
    'A route table holds more routes (per IP family) than its quota (default 50, max 1,000).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key, or summarise routes / use a prefix list.'),
  GRAPH_GATEWAY_ENDPOINT_QUOTA: rule('graph-gateway-endpoint-quota', E,
    'An account and region hold more gateway endpoints than the quota (default 20, max 255 per VPC).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key.'),
  GRAPH_INTERFACE_ENDPOINT_QUOTA: rule('graph-interface-endpoint-quota', E,
    'A VPC holds more interface and Gateway Load Balancer endpoints than its quota (default 50).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key, or share endpoints from a hub VPC.'),
  GRAPH_PARTITION_MISMATCH: rule('graph-partition-mismatch', E,
    'Two connected VPCs are in different AWS partitions (aws, aws-cn, aws-us-gov, ...).',
    'Connect VPCs in the same partition; partitions have no private path between them.'),
  GRAPH_CIDR_QUOTA: rule('graph-cidr-quota', E,
    'A VPC has more IPv4 CIDR blocks than its quota (default 5, max 50).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key.'),
  GRAPH_DUPLICATE_ROUTE: rule('graph-duplicate-route', E,
    'Two routes in one route table have the same destination; CloudFormation fails on the second.',
    'Remove one of the routes, or select subnets so the route table is covered once.'),
  GRAPH_TRANSITIVE_ROUTE: rule('graph-transitive-route', E,
    'A route sends traffic through a peering connection to a destination outside the peer VPC (transitive or edge-to-edge routing).',
    'Route only the peer VPC\'s own blocks through a peering; for transitive routing use Transit Gateway.'),

  // ---- net: values that must name something real ----
  REGION_UNKNOWN: rule('region-unknown', W,
    'A region name is well formed but not among the regions this library knows (a region launched after it, or a typo).',
    'Check the spelling against `aws ec2 describe-regions`; if the region is new, acknowledge the warning.'),
  DNS_NAME_INVALID: rule('dns-name-invalid', E,
    'A DNS name breaks RFC 1035: a label longer than 63 characters or empty, a character other than letters, digits and hyphens, a label that starts or ends with a hyphen, a name longer than 253 characters, or a single label.',
    'Write the name as dot-separated labels of letters, digits and hyphens, e.g. orders.example.com.'),
} as const;

/** Every rule, by constant name. */
export const Rules = {
  ...CoreRules,
  ...PeeringRules,
  ...PrivateLinkRules,
  ...EndpointRules,
  ...HubRules,
  ...InspectionRules,
  ...ResourceRules,
} as const;

/** Every rule in catalogue order. */
export function allRules(): RuleDefinition[] {
  return Object.values(Rules);
}

/** The warning ID of a rule, as given to `Annotations.addWarningV2`. */
export function warningId(r: RuleDefinition): string {
  return `${WARNING_PREFIX}:${r.id}`;
}
