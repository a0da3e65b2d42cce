// Rules of GatewayLoadBalancerService and InspectionEndpoints (Gateway Load Balancer inspection).
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of GatewayLoadBalancerService and InspectionEndpoints. IDs are `inspection-<what>`. */
export const InspectionRules = {
  // ---- provider ----
  INSPECTION_TARGET_INVALID: rule('inspection-target-invalid', E,
    'A target of a Gateway Load Balancer is not an instance or an IP address, or the targets mix both types.',
    'Use new targets.InstanceTarget(instance) or new targets.IpTarget(ip), all of one kind.'),
  INSPECTION_HEALTH_CHECK_INVALID: rule('inspection-health-check-invalid', E,
    'The health check of a GENEVE target group uses a protocol other than TCP, HTTP or HTTPS, a path with TCP, or a port outside 1-65535.',
    'Use protocol TCP (no path), HTTP or HTTPS, and the port the appliances answer health checks on.'),
  INSPECTION_SUBNETS_EMPTY: rule('inspection-subnets-empty', E,
    'A subnet selection of a Gateway Load Balancer or of inspection endpoints selects no subnet.',
    'Select at least one subnet, e.g. { subnetGroupName: \'inspection\' }.'),
  INSPECTION_SUBNET_AZ_DUPLICATE: rule('inspection-subnet-az-duplicate', E,
    'Two selected subnets are in one Availability Zone: a Gateway Load Balancer takes one subnet per zone, and a VPC one Gateway Load Balancer endpoint per zone and service.',
    'Select one subnet per Availability Zone (a single subnet group, or onePerAz: true).'),

  // ---- consumer: zones and subnets ----
  INSPECTION_PROTECTED_AZ_UNCOVERED: rule('inspection-protected-az-uncovered', E,
    'A protected subnet is in an Availability Zone without an endpoint subnet, so its traffic would bypass inspection or cross zones asymmetrically.',
    'Add an endpoint subnet in that zone, or leave the zone\'s subnets out of protectedSubnets.'),
  INSPECTION_SUBNET_OVERLAP: rule('inspection-subnet-overlap', E,
    'A subnet is both an endpoint subnet and a protected subnet: its default route would point at its own endpoint.',
    'Give the endpoints a subnet group of their own (e.g. a small PUBLIC group named \'inspection\').'),
  INSPECTION_ROUTE_TABLE_SHARED: rule('inspection-route-table-shared', E,
    'Protected subnets of different Availability Zones share a route table, so one default route cannot lead to the endpoint of each subnet\'s zone.',
    'Give each zone\'s protected subnets their own route table.'),
  INSPECTION_AZ_NOT_SERVED: rule('inspection-az-not-served', E,
    'An endpoint subnet is in an Availability Zone (by AZ ID) where the service\'s Gateway Load Balancer has no subnet.',
    'Add that zone to the service\'s load balancer subnets, or protect only subnets of the zones it serves.'),
  INSPECTION_AZ_UNKNOWN: rule('inspection-az-unknown', W,
    'The zones of the endpoints or of the service are not known (tokens, or AZ IDs of another account not declared), so the endpoints\' zones are not matched to the service\'s.',
    'Give an imported service its availabilityZoneIds, and declare the AZ IDs of each account with the cdk-private-connectivity:az-ids:account=<account>:region=<region> context key.'),

  // ---- consumer: traffic and routes ----
  INSPECTION_IPV6_UNSUPPORTED: rule('inspection-ipv6-unsupported', E,
    'The protected VPC carries IPv6 traffic (or the endpoints are asked for IPv6) but the service does not support IPv6, so IPv6 traffic would bypass inspection.',
    'Add ec2.IpAddressType.IPV6 to the service\'s supportedIpAddressTypes (its load balancer becomes dual-stack), or set ipAddressType: ec2.VpcEndpointIpAddressType.IPV4 to inspect IPv4 only.'),
  INSPECTION_IPV6_UNINSPECTED: rule('inspection-ipv6-uninspected', W,
    'The VPC has IPv6 blocks but the endpoints are IPv4 only (ipAddressType), so the protected subnets\' IPv6 traffic keeps its routes and is not inspected.',
    'Let the endpoints be dual-stack (leave ipAddressType unset, with a service that supports IPv6), or acknowledge the warning if IPv6 needs no inspection.'),
  INSPECTION_INTERNET_GATEWAY_MISSING: rule('inspection-internet-gateway-missing', E,
    'The VPC has no internet gateway (or it is not known), so there is no edge route table and no way out for inspected traffic.',
    'Give the VPC public subnets (an ec2.Vpc then has an internet gateway), or pass internetGatewayId for an imported VPC.'),
  INSPECTION_DEFAULT_ROUTE_CONFLICT: rule('inspection-default-route-conflict', E,
    'A protected or endpoint subnet\'s route table already has a default route to something other than the internet gateway; a route table holds one route per destination.',
    'Remove that route (e.g. natGateways: 0 for those subnets), or protect other subnets; routes to the internet gateway are retargeted by the construct.'),
  INSPECTION_DEFAULT_ROUTE_UNKNOWN: rule('inspection-default-route-unknown', W,
    'A subnet is imported, so its route table\'s existing default route cannot be seen; deploying fails if one is there.',
    'Remove the subnet\'s existing default route before deploying, or define the VPC in this app.'),
} as const;
