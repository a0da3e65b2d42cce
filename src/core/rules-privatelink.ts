// Add entries as: NAME: rule('<family>-<what>', RuleSeverity.ERROR, '<summary>', '<fix>'),
// importing { rule, RuleSeverity } from './rule-types'.
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of PrivateLinkService and PrivateLinkEndpoint (GatewayLoadBalancerService shares the principal, AZ ID and service-name rules). IDs are `<family>-<what>`, e.g. `privatelink-...`. */
export const PrivateLinkRules = {
  // ---- provider: listeners ----
  PRIVATELINK_LISTENERS_EMPTY: rule('privatelink-listeners-empty', E,
    'A PrivateLinkService has no listener, so its load balancer accepts no traffic.',
    'Give at least one listener, e.g. listeners: [{ port: 443, targets: [...] }].'),
  PRIVATELINK_LISTENER_PORT_INVALID: rule('privatelink-listener-port-invalid', E,
    'A listener or service port is not an integer from 1 to 65535.',
    'Use a port from 1 to 65535.'),
  PRIVATELINK_LISTENER_PORT_DUPLICATE: rule('privatelink-listener-port-duplicate', E,
    'Two listeners of one Network Load Balancer use the same port.',
    'Give each listener its own port; for TCP and UDP on one port use protocol TCP_UDP.'),
  PRIVATELINK_LISTENER_PROTOCOL_INVALID: rule('privatelink-listener-protocol-invalid', E,
    'A listener protocol is not one a Network Load Balancer supports (TCP, TLS, UDP, TCP_UDP).',
    'Use elbv2.Protocol.TCP, TLS, UDP or TCP_UDP.'),

  // ---- provider: who may connect ----
  PRIVATELINK_PRINCIPAL_INVALID: rule('privatelink-principal-invalid', E,
    'An allowed principal is not an IAM ARN (account root, user or role).',
    'Use new iam.AccountPrincipal(\'<account>\') or new iam.ArnPrincipal(\'arn:aws:iam::<account>:root\').'),
  PRIVATELINK_PRINCIPAL_WILDCARD: rule('privatelink-principal-wildcard', E,
    'An allowed principal is `*` (anyone may request a connection) without the explicit opt-in.',
    'List the consumers\' accounts or roles; if the service really is public, set allowAnyPrincipal: true.'),
  PRIVATELINK_PRINCIPAL_UNKNOWN: rule('privatelink-principal-unknown', W,
    'An allowed principal\'s ARN is a token, so it cannot be checked at synth.',
    'Give the principal as a literal ARN, or the stack an explicit env so its partition is known.'),
  PRIVATELINK_NO_PRINCIPALS: rule('privatelink-no-principals', W,
    'An endpoint service (PrivateLinkService or GatewayLoadBalancerService) allows no principal, so no one outside the service account can connect yet.',
    'Pass allowedPrincipals (e.g. new iam.AccountPrincipal(\'<consumer account>\')), or acknowledge the warning.'),
  PRIVATELINK_NLB_SG_ENFORCED: rule('privatelink-nlb-sg-enforced', W,
    'The load balancer has security groups whose inbound rules filter PrivateLink traffic; they admit only the consumers this app holds, so other consumers are dropped.',
    'Set enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false (or true, once the groups admit every consumer\'s CIDR blocks on the listener ports).'),

  // ---- provider: accepting connection requests ----
  PRIVATELINK_ACCEPTANCE_MISSING: rule('privatelink-acceptance-missing', W,
    'The app holds a consumer in another account of a service that requires acceptance, and nothing accepts its endpoint: it stays pendingAcceptance.',
    'Add a PrivateLinkEndpointAcceptance for the service in a stack of the provider\'s account and region, or accept the request yourself (aws ec2 accept-vpc-endpoint-connections).'),
  PRIVATELINK_ACCEPTANCE_PLACEMENT: rule('privatelink-acceptance-placement', E,
    'A PrivateLinkEndpointAcceptance is not in a stack of its own in the provider\'s account and region (it must deploy after the provider and after the consumers).',
    'Create it in a separate stack with the provider stack\'s env, e.g. new Stack(app, \'OrdersAcceptance\', { env: providerEnv }).'),
  PRIVATELINK_ACCEPTANCE_ACCOUNTS: rule('privatelink-acceptance-accounts', E,
    'A PrivateLinkEndpointAcceptance has no account to accept, an account that is not a 12-digit ID, or an account the service does not allow.',
    'List accounts among the service\'s allowed principals (accounts: [\'222222222222\']), or allow them on the service first.'),
  PRIVATELINK_ACCEPTANCE_NOT_REQUIRED: rule('privatelink-acceptance-not-required', E,
    'A PrivateLinkEndpointAcceptance is given a service with acceptanceRequired: false, whose requests AWS accepts by itself.',
    'Remove the acceptance, or leave acceptanceRequired at its default (true).'),
  PRIVATELINK_ACCEPTANCE_WAIT_INVALID: rule('privatelink-acceptance-wait-invalid', E,
    'The acceptance\'s maxWait is not between 1 second and 14 minutes (its Lambda function runs 15 minutes at most).',
    'Give maxWait a Duration from Duration.seconds(1) to Duration.minutes(14).'),

  PRIVATELINK_PRIVATE_DNS_ZONE_MISMATCH: rule('privatelink-private-dns-zone-mismatch', E,
    'The private DNS name is not inside the public hosted zone given to verify it.',
    'Give the public hosted zone of the private DNS name\'s domain (or of a parent domain).'),

  // ---- both sides: subnets and zones ----
  PRIVATELINK_SUBNETS_EMPTY: rule('privatelink-subnets-empty', E,
    'The subnet selection of a load balancer or interface endpoint selects no subnet.',
    'Select at least one subnet (default: the VPC\'s private subnets), e.g. subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }.'),
  PRIVATELINK_SUBNET_AZ_DUPLICATE: rule('privatelink-subnet-az-duplicate', E,
    'Two selected subnets are in the same Availability Zone; load balancers and interface endpoints take one subnet per zone.',
    'Select one subnet per Availability Zone (e.g. a single subnet group, or onePerAz: true).'),
  PRIVATELINK_AZ_MISMATCH: rule('privatelink-az-mismatch', E,
    'No selected consumer subnet is in an Availability Zone (by AZ ID) where the service has a load balancer node.',
    'Select consumer subnets in the service\'s zones (compare AZ IDs, not names), or add those zones to the service\'s load balancer.'),
  PRIVATELINK_AZ_IDS_UNKNOWN: rule('privatelink-az-ids-unknown', W,
    'The AZ IDs of the consumer or the service are not known, so the endpoint\'s zones are not matched to the service\'s.',
    'Declare the account\'s AZ name → ID mapping with the availabilityZoneIds prop or the cdk-private-connectivity:az-ids:account=<account>:region=<region> context key.'),
  PRIVATELINK_AZ_ID_INVALID: rule('privatelink-az-id-invalid', E,
    'An AZ ID does not look like an AZ ID (use1-az1); AZ names (us-east-1a) differ between accounts and cannot be used as IDs.',
    'Give AZ IDs as shown by `aws ec2 describe-availability-zones` (ZoneId), e.g. use1-az4.'),

  // ---- consumer: service, region, DNS ----
  PRIVATELINK_SERVICE_NAME_INVALID: rule('privatelink-service-name-invalid', E,
    'A service name is not an endpoint service name (com.amazonaws.vpce.<region>.vpce-svc-<id>), or names another region than given.',
    'Copy the service name from the provider (PrivateLinkService.serviceName, GatewayLoadBalancerService.serviceName or the console), and give the region it names.'),
  PRIVATELINK_REGION_NOT_SUPPORTED: rule('privatelink-region-not-supported', E,
    'The consumer is in a region the endpoint service does not list in SupportedRegions; with none listed, access is local-region only.',
    'Add the consumer\'s region to the service\'s supportedRegions, or create the endpoint in the service\'s region.'),
  PRIVATELINK_PARTITION_MISMATCH: rule('privatelink-partition-mismatch', E,
    'The consumer and the endpoint service (or an allowed principal) are in different AWS partitions.',
    'Connect consumers in the service\'s partition; partitions have no private path between them.'),
  PRIVATELINK_PRIVATE_DNS_UNAVAILABLE: rule('privatelink-private-dns-unavailable', E,
    'Private DNS is enabled on an endpoint whose service has no private DNS name.',
    'Leave privateDnsEnabled unset (or false), or give the service a private DNS name.'),
  PRIVATELINK_PRIVATE_DNS_UNVERIFIED: rule('privatelink-private-dns-unverified', W,
    'Private DNS is enabled on an endpoint whose service\'s private DNS name is not known to be verified; creating the endpoint fails until it is.',
    'Deploy the provider, wait until the name\'s state is verified, then set privateDnsNameVerified: true on the service.'),
  PRIVATELINK_PRIVATE_DNS_VPC_SETTINGS: rule('privatelink-private-dns-vpc-settings', E,
    'Private DNS is enabled on an endpoint in a VPC without DNS support or DNS hostnames.',
    'Enable enableDnsSupport and enableDnsHostnames on the consumer VPC, or set privateDnsEnabled: false.'),

  // ---- consumer: security group ----
  PRIVATELINK_ENDPOINT_SG_OPEN: rule('privatelink-endpoint-sg-open', E,
    'A security group of an interface endpoint admits 0.0.0.0/0 or ::/0.',
    'Admit only the consumers\' CIDR blocks or security groups (endpoint.connections.allowFrom(...)).'),
  PRIVATELINK_ENDPOINT_SG_UNKNOWN: rule('privatelink-endpoint-sg-unknown', W,
    'A security group of an interface endpoint is imported, so its rules cannot be checked at synth.',
    'Let the endpoint create its security group, or check the imported group\'s inbound rules yourself.'),
} as const;
