// Add entries as: NAME: rule('hub-<what>', RuleSeverity.ERROR, '<summary>', '<fix>'),
// importing { rule, RuleSeverity } from './rule-types'.
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of InterfaceEndpointHub. IDs are `hub-<what>`. */
export const HubRules = {
  HUB_GATEWAY_ENDPOINT: rule('hub-gateway-endpoint', E,
    'A gateway endpoint service (S3, DynamoDB) was given to an interface endpoint hub; a gateway endpoint cannot be used across a peering (edge-to-edge).',
    'Share the service\'s interface endpoint from the hub (InterfaceEndpointService.of(\'s3\')), or give each spoke its own GatewayEndpointSet.'),
  HUB_SPOKE_INVALID: rule('hub-spoke-invalid', E,
    'A VPC was shared with its own hub, or a spoke is in another partition than the hub.',
    'Share the hub with other VPCs of the same partition only; the hub VPC reaches its endpoints already.'),
  HUB_SPOKE_UNREACHABLE: rule('hub-spoke-unreachable', E,
    'A spoke has no peering with the hub, or no route on one side toward the hub\'s endpoint subnets, so the service names would resolve to addresses it cannot reach.',
    'Peer the spoke with the hub VPC (PeeredVpcPair) with routes in the spoke toward the hub\'s blocks and in the endpoint subnets\' route tables back to the spoke.'),
  HUB_DUPLICATE_PRIVATE_DNS: rule('hub-duplicate-private-dns', E,
    'A spoke (or the hub VPC) has its own interface endpoint with private DNS for a service the hub shares: one name would have two answers.',
    'Remove the VPC\'s own endpoint for that service (the hub serves it), or set privateDnsEnabled: false on it, or leave the service out of the hub.'),
  HUB_CIDR_OVERLAP: rule('hub-cidr-overlap', E,
    'A spoke\'s CIDR block overlaps the hub\'s or another spoke\'s of the same hub.',
    'Give every spoke and the hub disjoint IPv4 and IPv6 blocks, or give the overlapping VPC its own InterfaceEndpointSet.'),
  HUB_ZONE_VPC_QUOTA: rule('hub-zone-vpc-quota', E,
    'A hub\'s private hosted zones would be associated with more VPCs (hub and spokes) than the Route 53 quota (default 300 per zone).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key, split the spokes over two hubs, or use Route 53 Profiles.'),
  HUB_HOSTED_ZONE_QUOTA: rule('hub-hosted-zone-quota', E,
    'An account holds more hosted zones in this app than the Route 53 quota (default 500 per account).',
    'Request a quota increase and declare it with ConnectivityGraph.of(app).declareQuotas() or the cdk-private-connectivity:quotas context key, or share fewer services.'),
  HUB_SERVICE_NO_PRIVATE_DNS: rule('hub-service-no-private-dns', W,
    'A shared service offers no private DNS name, so the hub creates its endpoint but no hosted zone: spokes must call the endpoint\'s own DNS name.',
    'Configure clients with the endpoint-specific name (hub.endpointDnsName(service)), then acknowledge this warning.'),
  HUB_GLOBAL_SERVICE_REGION: rule('hub-global-service-region', E,
    'A global service (region-less name such as com.amazonaws.iam) was shared from a hub outside the one region that offers its endpoint.',
    'Create the hub that shares this service in the region its endpoint lives in (e.g. us-east-1 for IAM).'),
} as const;
