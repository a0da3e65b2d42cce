// Add entries as: NAME: rule('<family>-<what>', RuleSeverity.ERROR, '<summary>', '<fix>'),
// importing { rule, RuleSeverity } from './rule-types'.
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of GatewayEndpointSet and InterfaceEndpointSet. IDs are `endpoint-<what>`. */
export const EndpointRules = {
  ENDPOINT_NO_SERVICES: rule('endpoint-no-services', E,
    'An endpoint set was given an empty list of services.',
    'List at least one service, or leave `services` unset for the defaults (gateway: S3 and DynamoDB).'),
  ENDPOINT_SERVICE_NAME_INVALID: rule('endpoint-service-name-invalid', E,
    'A service name is empty or is not shaped like an AWS service name (lowercase letters, digits, dots and dashes).',
    'Use a short name such as "sns" or a full service name such as "com.amazonaws.us-east-1.sns".'),
  ENDPOINT_GATEWAY_UNSUPPORTED: rule('endpoint-gateway-unsupported', E,
    'A gateway endpoint was requested for a service that has none; only S3, DynamoDB and S3 Express One Zone have gateway endpoints.',
    'Use GatewayEndpointService.S3, DYNAMODB or S3_EXPRESS, or reach the service through an InterfaceEndpointSet.'),
  ENDPOINT_REGION_MISMATCH: rule('endpoint-region-mismatch', E,
    'A service name names another region than the VPC\'s; an endpoint for an AWS service is created in the VPC\'s own region.',
    'Give the short service name (the VPC\'s region is filled in), or the full name with the VPC\'s region.'),
  ENDPOINT_DUPLICATE_GATEWAY: rule('endpoint-duplicate-gateway', E,
    'Two gateway endpoints for the same service are attached to one route table; AWS refuses the second (one prefix-list route per service).',
    'Attach each route table to one gateway endpoint per service: narrow `subnets`, or drop one of the endpoints.'),
  ENDPOINT_EMPTY_SUBNETS: rule('endpoint-empty-subnets', E,
    'The subnet selection of an endpoint set selects no subnet (no route table, or no subnet for interface endpoints).',
    'Select subnets that exist in the VPC, or leave `subnets` unset for the default.'),
  ENDPOINT_POLICY_TOO_LARGE: rule('endpoint-policy-too-large', E,
    'An endpoint policy is longer than the 20,480 characters AWS allows.',
    'Shorten the policy: use fewer statements, wildcards in resource ARNs, or aws:PrincipalOrgID instead of lists of principals.'),
  ENDPOINT_POLICY_SIZE_UNKNOWN: rule('endpoint-policy-size-unknown', W,
    'An endpoint policy contains values only known at deploy time (tokens) that could make it exceed 20,480 characters.',
    'Use literal ARNs in the policy so its size can be checked at synth, or keep it well under the limit.'),
  ENDPOINT_POLICY_INVALID: rule('endpoint-policy-invalid', E,
    'An endpoint policy restriction is empty or malformed (e.g. an organization ID that is not o-xxxxxxxxxx).',
    'Give at least one restriction with well-formed values, or use EndpointPolicy.allowAll() for full access.'),
  ENDPOINT_POLICY_FULL_ACCESS: rule('endpoint-policy-full-access', W,
    'A gateway endpoint gets AWS\'s default policy, which lets any principal reach any bucket or table in the region through it.',
    'Narrow it with EndpointPolicy.restrictTo({...}), or pass EndpointPolicy.allowAll() to keep full access deliberately.'),
  ENDPOINT_EDGE_TO_EDGE: rule('endpoint-edge-to-edge', W,
    'A peered VPC routes a prefix list through the peering to a VPC with gateway endpoints; AWS drops edge-to-edge traffic, so it cannot use them.',
    'Create gateway endpoints in the peered VPC itself, and route only the peer VPC\'s own CIDR blocks through the peering.'),
  ENDPOINT_PRIVATE_DNS_VPC: rule('endpoint-private-dns-vpc', E,
    'Private DNS on an interface endpoint needs the VPC\'s enableDnsSupport and enableDnsHostnames, and one of them is off.',
    'Turn on enableDnsSupport and enableDnsHostnames on the VPC, or set privateDnsEnabled: false and use the endpoint\'s own DNS names.'),
  ENDPOINT_PRIVATE_DNS_UNKNOWN: rule('endpoint-private-dns-unknown', W,
    'An imported VPC\'s DNS attributes are unknown at synth, so the private DNS requirement (DNS support and hostnames) is not checked.',
    'Make sure the VPC has enableDnsSupport and enableDnsHostnames on, then acknowledge this warning.'),
} as const;
