// Rules of PrivateLinkResource and PrivateLinkResourceEndpoint (PrivateLink for VPC resources).
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of PrivateLinkResource and PrivateLinkResourceEndpoint. IDs are `resource-<what>`. */
export const ResourceRules = {
  // ---- provider: what is shared ----
  RESOURCE_TARGETS_INVALID: rule('resource-targets-invalid', E,
    'A PrivateLinkResource has no target, both target and targets, an empty targets list, or an ARN target in a group (a child is an IP address or a domain name).',
    'Give either target (one resource) or targets (a group of IP or DNS targets, at least one).'),
  RESOURCE_PORT_RANGE_INVALID: rule('resource-port-range-invalid', E,
    'A port range is not a port (5432) or a range (8000-8010) of ports from 1 to 65535, or there is none.',
    'Give port ranges such as [\'5432\'] or [\'8000-8010\'].'),
  RESOURCE_PROTOCOL_INVALID: rule('resource-protocol-invalid', E,
    'A resource configuration\'s protocol is not TCP, the only protocol PrivateLink for VPC resources carries.',
    'Use ec2.Protocol.TCP (the default); share UDP services through a PrivateLinkService (Network Load Balancer) instead.'),
  RESOURCE_TARGET_DNS_INVALID: rule('resource-target-dns-invalid', E,
    'A DNS target is not a valid domain name (3 to 255 characters, labels of letters, digits and hyphens).',
    'Give the target\'s fully qualified name, e.g. ResourceTarget.dnsName(\'orders-db.internal.example.com\').'),
  RESOURCE_TARGET_IP_INVALID: rule('resource-target-ip-invalid', E,
    'An IP target is not an address AWS accepts: IPv4 must be private (10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16), IPv6 must be in the provider VPC.',
    'Give the private address of the target in the provider VPC, or share it by DNS name.'),
  RESOURCE_TARGET_ARN_INVALID: rule('resource-target-arn-invalid', E,
    'An ARN target is not an Amazon RDS database ARN, the only ARN-based resources PrivateLink for VPC resources supports.',
    'Give the ARN of an RDS DB instance or cluster, or share the resource by DNS name or IP address.'),
  RESOURCE_IP_ADDRESS_TYPE_MISMATCH: rule('resource-ip-address-type-mismatch', E,
    'The resource gateway\'s IP address type does not fit its target (IPv4 gateway and IPv6 target, or the reverse), or a DNS target asks for DUALSTACK.',
    'Use a DUALSTACK gateway for IPv6 targets in dual-stack subnets, or give the target an address of the gateway\'s family.'),
  RESOURCE_GATEWAY_SETTINGS_INVALID: rule('resource-gateway-settings-invalid', E,
    'A resource gateway setting AWS refuses: IPv4 addresses per ENI outside 1–62 or set on an IPv6 gateway, or IN_VPC DNS resolution with an ARN target or an IPv6 gateway.',
    'Give ipv4AddressesPerEni from 1 to 62 on an IPv4 or dual-stack gateway; use PUBLIC DNS resolution for ARN targets.'),
  RESOURCE_GATEWAY_SUBNETS_INVALID: rule('resource-gateway-subnets-invalid', E,
    'The resource gateway\'s subnet selection selects no subnet, two subnets in one Availability Zone, or subnets shared from another account.',
    'Select one subnet per Availability Zone in subnets the provider account owns (default: the VPC\'s private subnets).'),
  RESOURCE_UNCHECKED: rule('resource-unchecked', W,
    'A target, port range or account of a resource is a token, so the checks that need it are skipped.',
    'Give the value as a literal, or check it yourself.'),

  // ---- provider: who may use it ----
  RESOURCE_NO_PRINCIPALS: rule('resource-no-principals', W,
    'A PrivateLinkResource is shared with no principal, so only VPCs of its own account can create endpoints to it.',
    'Pass allowedPrincipals (e.g. new iam.AccountPrincipal(\'<consumer account>\')), or acknowledge the warning when every consumer is in the provider\'s account.'),
  RESOURCE_PRINCIPAL_INVALID: rule('resource-principal-invalid', E,
    'An allowed principal of a resource share is an IAM user or role; VPC Lattice resource configurations are shared with accounts, organizations and OUs only.',
    'Share with the account (new iam.AccountPrincipal(\'<account>\')) or an organization / OU ARN.'),
  RESOURCE_CONSUMER_NOT_SHARED: rule('resource-consumer-not-shared', E,
    'A PrivateLinkResourceEndpoint is in an account the resource is not shared with, so the resource configuration is not visible to it.',
    'Add the consumer\'s account to the resource\'s allowedPrincipals.'),

  // ---- consumer ----
  RESOURCE_ENDPOINT_TARGET_INVALID: rule('resource-endpoint-target-invalid', E,
    'A PrivateLinkResourceEndpoint has neither or both of resource and serviceNetworkArn, a service-network endpoint has no port ranges to admit, or an imported resource configuration ARN is malformed.',
    'Give resource (a Resource-type endpoint) or serviceNetworkArn with portRanges (a ServiceNetwork-type endpoint).'),
  RESOURCE_ENDPOINT_SAME_VPC: rule('resource-endpoint-same-vpc', E,
    'A resource endpoint is in the VPC of the resource gateway; VPC Lattice does not create it there.',
    'Reach the resource directly inside its VPC, or create the endpoint in another VPC.'),
  RESOURCE_REGION_MISMATCH: rule('resource-region-mismatch', E,
    'A resource endpoint is in another region (or partition) than the resource configuration; AWS RAM shares regional resources within their region.',
    'Create the endpoint in the resource\'s region, or create a resource gateway and configuration in the consumer\'s region.'),
  RESOURCE_AZ_MISMATCH: rule('resource-az-mismatch', E,
    'No Availability Zone (by AZ ID) of the resource endpoint overlaps one of the resource gateway.',
    'Select consumer subnets in at least one of the gateway\'s zones (compare AZ IDs, not names), or add those zones to the gateway.'),
  RESOURCE_AZ_IDS_UNKNOWN: rule('resource-az-ids-unknown', W,
    'The AZ IDs of the resource gateway or of the endpoint are not known, so their zones are not compared.',
    'Declare the account\'s AZ name → ID mapping with the availabilityZoneIds prop or the cdk-private-connectivity:az-ids:account=<account>:region=<region> context key.'),

  // ---- quotas ----
  RESOURCE_GATEWAY_QUOTA: rule('resource-gateway-quota', E,
    'A VPC holds more resource gateways than the VPC Lattice quota (default 500 per VPC).',
    'Share several resource configurations through one gateway, or request a quota increase and declare it with ConnectivityGraph.declareQuotas or the cdk-private-connectivity:quotas context key.'),
  RESOURCE_CONFIGURATION_QUOTA: rule('resource-configuration-quota', E,
    'An account and region hold more resource configurations (default 2,000), or a group more child configurations (default 60), than the VPC Lattice quotas.',
    'Request a quota increase and declare it with ConnectivityGraph.declareQuotas or the cdk-private-connectivity:quotas context key, or split the group.'),
} as const;
