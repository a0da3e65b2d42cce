/** Invalid configurations of PrivateLink for VPC resources: PrivateLinkResource and PrivateLinkResourceEndpoint. */
import { App, ArnFormat, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { S } from './sources';
import { InvalidCase, isolatedVpc, NETWORK, PARTNER, stackIn, THIRD } from './types';
import {
  AvailabilityZoneIds, PrivateLinkResource, PrivateLinkResourceEndpoint, PrivateLinkResourceEndpointProps, PrivateLinkResourceProps,
  ResourceDnsResolution, ResourceGatewayIpAddressType, ResourceIpAddressType, ResourceTarget,
} from '../../src';
import { Rules } from '../../src/core/rules';

/** AZ IDs of both accounts in us-east-1 (the partner's names map to other physical zones). */
export const RESOURCE_AZ_IDS = {
  [AvailabilityZoneIds.contextKey(NETWORK, 'us-east-1')]: { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2', 'us-east-1c': 'use1-az3' },
  [AvailabilityZoneIds.contextKey(PARTNER, 'us-east-1')]: { 'us-east-1a': 'use1-az3', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az2' },
};

/** A resource configuration ARN of the network account, as the provider hands it to a partner. */
export const CONFIG_ARN = `arn:aws:vpc-lattice:us-east-1:${NETWORK}:resourceconfiguration/rcfg-0123456789abcdef0`;

/** The orders database shared by the network account (us-east-1, 10.60.0.0/16), built from `props`. */
function ordersDb(app: App, props: Partial<PrivateLinkResourceProps> = {}, stack: Stack = stackIn(app, 'Provider')): PrivateLinkResource {
  return new PrivateLinkResource(stack, 'OrdersDb', {
    vpc: isolatedVpc(stack, 'Vpc', '10.60.0.0/16'),
    target: ResourceTarget.ipAddress('10.60.0.10'),
    portRanges: ['5432'],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
}

/** The orders database shared by DNS name, and the partner's endpoint to it (three AZs). */
function sharedWithPartner(app: App, props: Partial<PrivateLinkResourceProps> = {}, endpoint: Partial<PrivateLinkResourceEndpointProps> = {}): void {
  const db = ordersDb(app, { target: ResourceTarget.dnsName('orders-db.internal.example.com'), ...props });
  const consumer = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  new PrivateLinkResourceEndpoint(consumer, 'OrdersDbEndpoint', { vpc: isolatedVpc(consumer, 'Vpc', '10.61.0.0/16', 3), resource: db, ...endpoint });
}

/** The partner's endpoint to a resource configuration known by ARN. */
function partnerEndpoint(app: App, attrs: { resourceConfigurationArn?: string; availabilityZoneIds?: string[] } = {}, region = 'us-east-1',
  endpoint: Partial<PrivateLinkResourceEndpointProps> = {}): void {
  const stack = stackIn(app, 'Partner', region, PARTNER);
  const resource = PrivateLinkResource.fromResourceAttributes(stack, 'OrdersDb', {
    resourceConfigurationArn: attrs.resourceConfigurationArn ?? CONFIG_ARN,
    portRanges: ['5432'],
    availabilityZoneIds: attrs.availabilityZoneIds,
  });
  new PrivateLinkResourceEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.61.0.0/16', 3), resource, ...endpoint });
}

const RDS_ARN = `arn:aws:rds:us-east-1:${NETWORK}:db:orders`;

export const RESOURCE_CASES: InvalidCase[] = [
  // ---- what is shared ----
  {
    id: 'resource-no-target',
    title: 'a resource with neither target nor targets',
    rule: Rules.RESOURCE_TARGETS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /PrivateLinkResource 'Provider\/OrdersDb': target \/ targets are both missing/,
    build: (app) => { ordersDb(app, { target: undefined }); },
  },
  {
    id: 'resource-target-and-targets',
    title: 'a resource given both one target and a group of targets',
    rule: Rules.RESOURCE_TARGETS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /target \/ targets are both given/,
    build: (app) => { ordersDb(app, { targets: [ResourceTarget.ipAddress('10.60.0.11')] }); },
  },
  {
    id: 'resource-empty-group',
    title: 'a group resource with an empty list of targets',
    rule: Rules.RESOURCE_TARGETS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /target \/ targets is \[\] \(targets\)/,
    build: (app) => { ordersDb(app, { target: undefined, targets: [] }); },
  },
  {
    id: 'resource-arn-in-group',
    title: 'an RDS ARN as a child of a group resource',
    rule: Rules.RESOURCE_TARGETS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /target \/ targets targets\[1\] is arn\(/,
    build: (app) => { ordersDb(app, { target: undefined, targets: [ResourceTarget.ipAddress('10.60.0.11'), ResourceTarget.arn(RDS_ARN)] }); },
  },
  {
    id: 'resource-port-zero',
    title: 'port 0 shared',
    rule: Rules.RESOURCE_PORT_RANGE_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /portRanges\[0\] "0"; a port range is a TCP port or a range/,
    build: (app) => { ordersDb(app, { portRanges: ['0'] }); },
  },
  {
    id: 'resource-port-range-reversed',
    title: 'a port range written high to low',
    rule: Rules.RESOURCE_PORT_RANGE_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /portRanges\[0\] "8010-8000"/,
    build: (app) => { ordersDb(app, { portRanges: ['8010-8000'] }); },
  },
  {
    id: 'resource-port-ranges-comma-list',
    title: 'the CLI\'s comma-separated form in one entry',
    rule: Rules.RESOURCE_PORT_RANGE_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /Give each range as its own entry: \["1","2","22-30"\]/,
    build: (app) => { ordersDb(app, { portRanges: ['1,2,22-30'] }); },
  },
  {
    id: 'resource-no-port-ranges',
    title: 'an empty list of port ranges',
    rule: Rules.RESOURCE_PORT_RANGE_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /portRanges \[\]/,
    build: (app) => { ordersDb(app, { portRanges: [] }); },
  },
  {
    id: 'resource-udp',
    title: 'a UDP service shared as a resource',
    rule: Rules.RESOURCE_PROTOCOL_INVALID,
    source: S.PL_RESOURCES,
    expect: /protocol "udp"; resource configurations accept TCP only/,
    build: (app) => { ordersDb(app, { protocol: ec2.Protocol.UDP, portRanges: ['53'] }); },
  },
  {
    id: 'resource-dns-underscore',
    title: 'a DNS target with an underscore',
    rule: Rules.RESOURCE_TARGET_DNS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /target "orders_db\.example\.com" has the label "orders_db"/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.dnsName('orders_db.example.com') }); },
  },
  {
    id: 'resource-dns-is-an-ip',
    title: 'an IP address given as a DNS target',
    rule: Rules.RESOURCE_TARGET_DNS_INVALID,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /is an IP address, not a domain name.*Use ResourceTarget\.ipAddress\("10\.60\.0\.10"\)/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.dnsName('10.60.0.10') }); },
  },
  {
    id: 'resource-ip-public',
    title: 'a public IPv4 address as target',
    rule: Rules.RESOURCE_TARGET_IP_INVALID,
    source: S.PL_RESOURCES,
    expect: /target "8\.8\.8\.8" is not a private IPv4 address/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.ipAddress('8.8.8.8') }); },
  },
  {
    id: 'resource-ip-malformed',
    title: 'an IPv4 address with an octet above 255',
    rule: Rules.RESOURCE_TARGET_IP_INVALID,
    source: S.PL_RESOURCES,
    expect: /target "10\.60\.0\.300": /,
    build: (app) => { ordersDb(app, { target: ResourceTarget.ipAddress('10.60.0.300') }); },
  },
  {
    id: 'resource-ipv6-outside-vpc',
    title: 'an IPv6 target outside the provider VPC\'s blocks',
    rule: Rules.RESOURCE_TARGET_IP_INVALID,
    source: S.PL_RESOURCES,
    expect: /is not in the IPv6 blocks of Provider\/Vpc \(none\)/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.ipAddress('2001:db8::10'), ipAddressType: ResourceGatewayIpAddressType.DUALSTACK }); },
  },
  {
    id: 'resource-arn-elasticache',
    title: 'an ElastiCache cluster ARN as target',
    rule: Rules.RESOURCE_TARGET_ARN_INVALID,
    source: S.PL_RESOURCES,
    expect: /the only ARN-based resources.*Amazon RDS/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.arn(`arn:aws:elasticache:us-east-1:${NETWORK}:cluster:orders`) }); },
  },
  {
    id: 'resource-arn-ec2-instance',
    title: 'an EC2 instance ARN as target',
    rule: Rules.RESOURCE_TARGET_ARN_INVALID,
    source: S.PL_RESOURCES,
    expect: /the only ARN-based resources.*Amazon RDS/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.arn(`arn:aws:ec2:us-east-1:${NETWORK}:instance/i-0123456789abcdef0`) }); },
  },
  {
    id: 'resource-ipv6-name-ipv4-gateway',
    title: 'an IPv6 DNS target behind an IPv4 resource gateway',
    rule: Rules.RESOURCE_IP_ADDRESS_TYPE_MISMATCH,
    source: S.RESOURCE_GATEWAY,
    expect: /target dnsName\("db\.example\.com"\) is IPV6, the resource gateway IPV4/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.dnsName('db.example.com', { ipAddressType: ResourceIpAddressType.IPV6 }) }); },
  },
  {
    id: 'resource-ipv4-target-ipv6-gateway',
    title: 'an IPv4 target behind an IPv6 resource gateway',
    rule: Rules.RESOURCE_IP_ADDRESS_TYPE_MISMATCH,
    source: S.RESOURCE_GATEWAY,
    expect: /is IPV4, the resource gateway IPV6/,
    build: (app) => { ordersDb(app, { ipAddressType: ResourceGatewayIpAddressType.IPV6 }); },
  },
  {
    id: 'resource-63-addresses-per-eni',
    title: '63 IPv4 addresses per resource gateway interface',
    rule: Rules.RESOURCE_GATEWAY_SETTINGS_INVALID,
    source: S.RESOURCE_GATEWAY,
    expect: /ipv4AddressesPerEni 63 on a IPV4 gateway/,
    build: (app) => { ordersDb(app, { ipv4AddressesPerEni: 63 }); },
  },
  {
    id: 'resource-in-vpc-dns-arn-target',
    title: 'IN_VPC DNS resolution on a gateway sharing an RDS ARN',
    rule: Rules.RESOURCE_GATEWAY_SETTINGS_INVALID,
    source: S.RESOURCE_GATEWAY,
    expect: /dnsResolution IN_VPC with an ARN target/,
    build: (app) => { ordersDb(app, { dnsResolution: ResourceDnsResolution.IN_VPC, target: ResourceTarget.arn(RDS_ARN) }); },
  },
  {
    id: 'resource-gateway-no-subnet',
    title: 'a resource gateway whose subnet selection selects nothing',
    rule: Rules.RESOURCE_GATEWAY_SUBNETS_INVALID,
    source: S.RESOURCE_GATEWAY,
    expect: /subnets selects no subnet of Provider\/Vpc/,
    build: (app) => { ordersDb(app, { subnets: { subnets: [] } }); },
  },
  {
    id: 'resource-gateway-two-subnets-one-zone',
    title: 'a resource gateway in two subnet groups of the same zones',
    rule: Rules.RESOURCE_GATEWAY_SUBNETS_INVALID,
    source: S.RESOURCE_GATEWAY,
    expect: /selects 2 subnets in us-east-1a/,
    build: (app) => {
      const s = stackIn(app, 'Provider');
      new PrivateLinkResource(s, 'OrdersDb', {
        vpc: isolatedVpc(s, 'Vpc', '10.60.0.0/16', 2, 2),
        target: ResourceTarget.ipAddress('10.60.0.10'),
        portRanges: ['5432'],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
        subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: false },
      });
    },
  },
  {
    id: 'resource-unchecked-dns-token',
    title: 'a DNS target read from another resource at deploy time',
    rule: Rules.RESOURCE_UNCHECKED,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /target dnsName\(\(unresolved token\)\)/,
    build: (app) => { ordersDb(app, { target: ResourceTarget.dnsName(Fn.importValue('OrdersDbAddress')) }); },
  },
  {
    id: 'resource-unchecked-port-token',
    title: 'a port range from a stack parameter',
    rule: Rules.RESOURCE_UNCHECKED,
    source: S.LATTICE_CREATE_CONFIGURATION,
    expect: /portRanges\[0\] \(unresolved token/,
    build: (app) => { ordersDb(app, { portRanges: [Fn.importValue('OrdersDbPort')] }); },
  },
  {
    id: 'resource-unchecked-org-share',
    title: 'a partner endpoint to a resource shared with an organization',
    rule: Rules.RESOURCE_UNCHECKED,
    source: S.RAM_CREATE_SHARE,
    context: RESOURCE_AZ_IDS,
    expect: /whether account 222222222222 may use it is not checked/,
    build: (app) => sharedWithPartner(app, { allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:organizations::${NETWORK}:organization/o-abcdef1234`)] }),
  },

  // ---- who may use it ----
  {
    id: 'resource-shared-with-nobody',
    title: 'a resource shared with no principal',
    rule: Rules.RESOURCE_NO_PRINCIPALS,
    source: S.RAM_CREATE_SHARE,
    expect: /PrivateLinkResource 'Provider\/OrdersDb': allowedPrincipals \(none\)/,
    build: (app) => { ordersDb(app, { allowedPrincipals: [] }); },
  },
  {
    id: 'resource-shared-with-role',
    title: 'a resource shared with an IAM role',
    rule: Rules.RESOURCE_PRINCIPAL_INVALID,
    source: S.RAM_CREATE_SHARE,
    expect: /allowedPrincipals\[0\] "arn:aws:iam::222222222222:role\/Db"; VPC Lattice resource configurations are shared with AWS accounts/,
    build: (app) => { ordersDb(app, { allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${PARTNER}:role/Db`)] }); },
  },
  {
    id: 'resource-shared-with-user',
    title: 'a resource shared with an IAM user',
    rule: Rules.RESOURCE_PRINCIPAL_INVALID,
    source: S.RAM_CREATE_SHARE,
    expect: /allowedPrincipals\[0\] "arn:aws:iam::222222222222:user\/alice"/,
    build: (app) => { ordersDb(app, { allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${PARTNER}:user/alice`)] }); },
  },
  {
    id: 'resource-consumer-other-account',
    title: 'a partner endpoint to a resource shared with a third account',
    rule: Rules.RESOURCE_CONSUMER_NOT_SHARED,
    source: S.RESOURCE_ENDPOINT,
    context: RESOURCE_AZ_IDS,
    expect: /resource Provider\/OrdersDb of account 111111111111 is shared with 333333333333; the endpoint is in 222222222222/,
    build: (app) => sharedWithPartner(app, { allowedPrincipals: [new iam.AccountPrincipal(THIRD)] }),
  },
  {
    id: 'resource-consumer-no-share',
    title: 'a partner endpoint to a resource shared with nobody',
    rule: Rules.RESOURCE_CONSUMER_NOT_SHARED,
    source: S.RESOURCE_ENDPOINT,
    context: RESOURCE_AZ_IDS,
    expect: /is shared with no account/,
    build: (app) => sharedWithPartner(app, { allowedPrincipals: [] }),
  },

  // ---- the consumer ----
  {
    id: 'resource-endpoint-no-target',
    title: 'a resource endpoint with neither resource nor service network',
    rule: Rules.RESOURCE_ENDPOINT_TARGET_INVALID,
    source: S.CFN_VPC_ENDPOINT,
    expect: /resource \/ serviceNetworkArn are both missing/,
    build: (app) => {
      const s = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PrivateLinkResourceEndpoint(s, 'Client', { vpc: isolatedVpc(s, 'Vpc', '10.61.0.0/16') });
    },
  },
  {
    id: 'resource-endpoint-service-network-no-ports',
    title: 'a service-network endpoint without the ports it admits',
    rule: Rules.RESOURCE_ENDPOINT_TARGET_INVALID,
    source: S.CFN_VPC_ENDPOINT,
    expect: /portRanges is not given for a service-network endpoint/,
    build: (app) => {
      const s = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PrivateLinkResourceEndpoint(s, 'Client', {
        vpc: isolatedVpc(s, 'Vpc', '10.61.0.0/16'),
        serviceNetworkArn: `arn:aws:vpc-lattice:us-east-1:${NETWORK}:servicenetwork/sn-0123456789abcdef0`,
      });
    },
  },
  {
    id: 'resource-endpoint-bare-id',
    title: 'a resource configuration imported by its ID instead of its ARN',
    rule: Rules.RESOURCE_ENDPOINT_TARGET_INVALID,
    source: S.CFN_VPC_ENDPOINT,
    expect: /resourceConfigurationArn "rcfg-0123456789abcdef0"; a resource configuration ARN looks like/,
    build: (app) => partnerEndpoint(app, { resourceConfigurationArn: 'rcfg-0123456789abcdef0' }),
  },
  {
    id: 'resource-endpoint-in-gateway-vpc',
    title: 'a resource endpoint in the resource gateway\'s own VPC',
    rule: Rules.RESOURCE_ENDPOINT_SAME_VPC,
    source: S.RESOURCE_ENDPOINT,
    expect: /vpc Provider\/Vpc is the VPC of Provider\/OrdersDb's resource gateway/,
    build: (app) => {
      const db = ordersDb(app);
      new PrivateLinkResourceEndpoint(Stack.of(db), 'Client', { vpc: db.vpc, resource: db });
    },
  },
  {
    id: 'resource-endpoint-other-region',
    title: 'a partner endpoint in eu-west-1 to a resource of us-east-1',
    rule: Rules.RESOURCE_REGION_MISMATCH,
    source: S.RAM_REGIONAL,
    expect: /resource Partner\/OrdersDb is in us-east-1, the endpoint in eu-west-1/,
    build: (app) => partnerEndpoint(app, {}, 'eu-west-1'),
  },
  {
    id: 'resource-endpoint-other-partition',
    title: 'an endpoint in us-east-1 to a resource of the China partition',
    rule: Rules.RESOURCE_REGION_MISMATCH,
    source: S.RAM_REGIONAL,
    expect: /is in cn-north-1 \(partition aws-cn\), the endpoint in us-east-1 \(partition aws\)/,
    build: (app) => partnerEndpoint(app, { resourceConfigurationArn: `arn:aws-cn:vpc-lattice:cn-north-1:${NETWORK}:resourceconfiguration/rcfg-0123456789abcdef0` }),
  },
  {
    id: 'resource-endpoint-no-common-zone',
    title: 'a partner endpoint only in a zone the gateway is not in (by AZ ID)',
    rule: Rules.RESOURCE_AZ_MISMATCH,
    source: S.RESOURCE_GATEWAY,
    context: RESOURCE_AZ_IDS,
    expect: /subnets are in us-east-1c \(use1-az2\); the gateway's zones are use1-az1/,
    build: (app) => partnerEndpoint(app, { availabilityZoneIds: ['use1-az1'] }, 'us-east-1', { subnets: { availabilityZones: ['us-east-1c'] } }),
  },
  {
    id: 'resource-endpoint-no-common-zone-same-app',
    title: 'a partner endpoint in the zone the provider calls us-east-1c, which the gateway is not in',
    rule: Rules.RESOURCE_AZ_MISMATCH,
    source: S.RESOURCE_GATEWAY,
    context: RESOURCE_AZ_IDS,
    expect: /subnets are in us-east-1a \(use1-az3\); the gateway's zones are use1-az1, use1-az2/,
    build: (app) => sharedWithPartner(app, {}, { subnets: { availabilityZones: ['us-east-1a'] } }),
  },
  {
    id: 'resource-endpoint-az-ids-unknown',
    title: 'a resource imported without its AZ IDs',
    rule: Rules.RESOURCE_AZ_IDS_UNKNOWN,
    source: S.RESOURCE_GATEWAY,
    context: RESOURCE_AZ_IDS,
    expect: /Availability Zones of the resource gateway are not known as AZ IDs/,
    build: (app) => partnerEndpoint(app),
  },
  {
    id: 'resource-endpoint-consumer-az-ids-unknown',
    title: 'a partner endpoint whose account\'s AZ IDs are not declared',
    rule: Rules.RESOURCE_AZ_IDS_UNKNOWN,
    source: S.RESOURCE_GATEWAY,
    context: { [AvailabilityZoneIds.contextKey(NETWORK, 'us-east-1')]: RESOURCE_AZ_IDS[AvailabilityZoneIds.contextKey(NETWORK, 'us-east-1')] },
    expect: /Availability Zones us-east-1a, us-east-1b, us-east-1c of account 222222222222 have no known AZ ID/,
    build: (app) => sharedWithPartner(app),
  },

  // ---- quotas ----
  {
    id: 'resource-gateways-per-vpc',
    title: 'a second resource gateway in a VPC whose quota is declared as 1',
    rule: Rules.RESOURCE_GATEWAY_QUOTA,
    source: S.LATTICE_QUOTAS,
    context: { 'cdk-private-connectivity:quotas': { resourceGatewaysPerVpc: 1 } },
    expect: /PrivateLinkResource 'Provider\/Replica': resource gateways in Provider\/Vpc 2; a VPC may have 1 resource gateways/,
    build: (app) => {
      const db = ordersDb(app);
      new PrivateLinkResource(Stack.of(db), 'Replica', { vpc: db.vpc, target: ResourceTarget.ipAddress('10.60.0.11'), portRanges: ['5432'], allowedPrincipals: [new iam.AccountPrincipal(PARTNER)] });
    },
  },
  {
    id: 'resource-configurations-per-region',
    title: 'a second resource configuration where the account\'s quota is declared as 1',
    rule: Rules.RESOURCE_CONFIGURATION_QUOTA,
    source: S.LATTICE_QUOTAS,
    context: { 'cdk-private-connectivity:quotas': { resourceConfigurationsPerRegion: 1 } },
    expect: /resource configurations in 111111111111\/us-east-1 2; an account may have 1 resource configurations per region/,
    build: (app) => {
      ordersDb(app);
      const other = stackIn(app, 'Reports');
      new PrivateLinkResource(other, 'ReportsDb', {
        vpc: isolatedVpc(other, 'Vpc', '10.62.0.0/16'),
        target: ResourceTarget.arn(other.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'reports', arnFormat: ArnFormat.COLON_RESOURCE_NAME })),
        portRanges: ['5432'],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
      });
    },
  },
  {
    id: 'resource-children-per-group',
    title: 'a group with more children than the declared quota',
    rule: Rules.RESOURCE_CONFIGURATION_QUOTA,
    source: S.LATTICE_QUOTAS,
    context: { 'cdk-private-connectivity:quotas': { childConfigurationsPerGroup: 2 } },
    expect: /targets has 3 targets; a group resource configuration may have 2 child configurations/,
    build: (app) => {
      ordersDb(app, { target: undefined, targets: ['10.60.0.10', '10.60.0.11', '10.60.0.12'].map((ip) => ResourceTarget.ipAddress(ip)) });
    },
  },
];
