/** Invalid PrivateLink configurations: PrivateLinkService, PrivateLinkEndpoint, PrivateLinkEndpointAcceptance. */
import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { S } from './sources';
import { agnosticStack, InvalidCase, isolatedVpc, NETWORK, PARTNER, stackIn, THIRD } from './types';
import {
  ConnectivityGraph, PrivateLinkEndpoint, PrivateLinkEndpointAcceptance, PrivateLinkEndpointProps, PrivateLinkService,
  PrivateLinkServiceAttributes, PrivateLinkServiceProps,
} from '../../src';
import { Rules } from '../../src/core/rules';

export const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

/** A provider stack (us-east-1, network account) with a two-AZ VPC and a service built from `props`. */
function provider(app: import('aws-cdk-lib').App, props: Partial<PrivateLinkServiceProps> = {}, stack: Stack = stackIn(app, 'Provider')): PrivateLinkService {
  return new PrivateLinkService(stack, 'Orders', {
    vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'),
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
}

/** A partner consumer (three AZs) of a service known by name. */
function consumerOf(app: import('aws-cdk-lib').App, attrs: Partial<PrivateLinkServiceAttributes>, props: Partial<PrivateLinkEndpointProps> = {}, region = 'us-east-1'): void {
  const stack = stackIn(app, 'Consumer', region, PARTNER);
  const service = PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], ...attrs });
  new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.20.0.0/16', 3), service, ...props });
}

/** A provider allowing the partner, and the partner's consumer given the service object. */
function estate(app: import('aws-cdk-lib').App, props: Partial<PrivateLinkServiceProps> = {}): PrivateLinkService {
  const svc = provider(app, props);
  const consumer = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service: svc });
  return svc;
}

export const PRIVATELINK_CASES: InvalidCase[] = [
  // ---- listeners ----
  {
    id: 'service-no-listener',
    title: 'an endpoint service with no listener',
    rule: Rules.PRIVATELINK_LISTENERS_EMPTY,
    source: S.NLB_LISTENERS,
    expect: /PrivateLinkService 'Provider\/Orders': listeners \[\]/,
    build: (app) => { provider(app, { listeners: [] }); },
  },
  {
    id: 'imported-service-no-port',
    title: 'an imported service with no port',
    rule: Rules.PRIVATELINK_LISTENERS_EMPTY,
    source: S.NLB_LISTENERS,
    expect: /ports \[\]/,
    build: (app) => consumerOf(app, { ports: [] }),
  },
  {
    id: 'listener-port-zero',
    title: 'a listener on port 0',
    rule: Rules.PRIVATELINK_LISTENER_PORT_INVALID,
    source: S.NLB_LISTENERS,
    expect: /listeners\[0\]\.port 0/,
    build: (app) => { provider(app, { listeners: [{ port: 0 }] }); },
  },
  {
    id: 'listener-port-65536',
    title: 'a listener on port 65536',
    rule: Rules.PRIVATELINK_LISTENER_PORT_INVALID,
    source: S.NLB_LISTENERS,
    expect: /listeners\[0\]\.port 65536/,
    build: (app) => { provider(app, { listeners: [{ port: 65536 }] }); },
  },
  {
    id: 'listener-target-port-70000',
    title: 'a target port out of range',
    rule: Rules.PRIVATELINK_LISTENER_PORT_INVALID,
    source: S.NLB_LISTENERS,
    expect: /targetPort\[0\]\.port 70000/,
    build: (app) => { provider(app, { listeners: [{ port: 443, targetPort: 70000 }] }); },
  },
  {
    id: 'imported-service-port-zero',
    title: 'an imported service with port 0',
    rule: Rules.PRIVATELINK_LISTENER_PORT_INVALID,
    source: S.NLB_LISTENERS,
    expect: /ports\[0\]\.port 0/,
    build: (app) => consumerOf(app, { ports: [{ port: 0 }] }),
  },
  {
    id: 'listener-port-twice',
    title: 'two listeners on port 443 (TCP and TLS)',
    rule: Rules.PRIVATELINK_LISTENER_PORT_DUPLICATE,
    source: S.NLB_LISTENERS,
    expect: /listeners\[2\]\.port 443 \(also listeners\[0\]\.port\)/,
    build: (app) => { provider(app, { listeners: [{ port: 443 }, { port: 80 }, { port: 443, protocol: elbv2.Protocol.TLS }] }); },
  },
  {
    id: 'imported-service-port-twice',
    title: 'an imported service listing port 443 twice',
    rule: Rules.PRIVATELINK_LISTENER_PORT_DUPLICATE,
    source: S.NLB_LISTENERS,
    expect: /ports\[1\]\.port 443 \(also ports\[0\]\.port\)/,
    build: (app) => consumerOf(app, { ports: [{ port: 443 }, { port: 443 }] }),
  },
  {
    id: 'listener-http',
    title: 'an HTTP listener on a Network Load Balancer',
    rule: Rules.PRIVATELINK_LISTENER_PROTOCOL_INVALID,
    source: S.NLB_LISTENERS,
    expect: /listeners\[0\]\.protocol "HTTP"/,
    build: (app) => { provider(app, { listeners: [{ port: 80, protocol: elbv2.Protocol.HTTP }] }); },
  },
  {
    id: 'listener-https',
    title: 'an HTTPS listener on a Network Load Balancer',
    rule: Rules.PRIVATELINK_LISTENER_PROTOCOL_INVALID,
    source: S.NLB_LISTENERS,
    expect: /listeners\[0\]\.protocol "HTTPS"/,
    build: (app) => { provider(app, { listeners: [{ port: 443, protocol: elbv2.Protocol.HTTPS }] }); },
  },

  // ---- allowed principals ----
  {
    id: 'principal-account-id',
    title: 'an account ID given as a principal ARN',
    rule: Rules.PRIVATELINK_PRINCIPAL_INVALID,
    source: S.PL_CONFIGURE,
    expect: /allowedPrincipals\[0\] "222222222222"; .*Use new iam\.AccountPrincipal\('222222222222'\)/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.ArnPrincipal(PARTNER)] }); },
  },
  {
    id: 'principal-bucket-arn',
    title: 'an S3 bucket ARN as a principal',
    rule: Rules.PRIVATELINK_PRINCIPAL_INVALID,
    source: S.PL_CONFIGURE,
    expect: /allowedPrincipals\[0\] "arn:aws:s3:::bucket"/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.ArnPrincipal('arn:aws:s3:::bucket')] }); },
  },
  {
    id: 'principal-star',
    title: '`*` as a principal without allowAnyPrincipal',
    rule: Rules.PRIVATELINK_PRINCIPAL_WILDCARD,
    source: S.PL_CONFIGURE,
    expect: /allowedPrincipals\[0\] "\*"; .*set allowAnyPrincipal: true/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.ArnPrincipal('*')] }); },
  },
  {
    id: 'principal-any',
    title: 'iam.AnyPrincipal without allowAnyPrincipal',
    rule: Rules.PRIVATELINK_PRINCIPAL_WILDCARD,
    source: S.PL_CONFIGURE,
    expect: /PrivateLinkService 'Provider\/Orders': allowedPrincipals\[0\]/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.AnyPrincipal()] }); },
  },
  {
    id: 'principal-token-agnostic',
    title: 'an account principal in an environment-agnostic provider stack',
    rule: Rules.PRIVATELINK_PRINCIPAL_UNKNOWN,
    source: S.CDK_ENV,
    expect: /PrivateLinkService 'Agnostic\/Orders'/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.AccountPrincipal(PARTNER)] }, agnosticStack(app, 'Agnostic')); },
  },
  {
    id: 'principal-role-of-this-app',
    title: 'a role created in the app as a principal (its ARN is a deploy-time value)',
    rule: Rules.PRIVATELINK_PRINCIPAL_UNKNOWN,
    source: S.PL_CONFIGURE,
    expect: /PrivateLinkService 'Provider\/Orders'/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const role = new iam.Role(stack, 'Client', { assumedBy: new iam.AccountPrincipal(PARTNER) });
      provider(app, { allowedPrincipals: [new iam.ArnPrincipal(role.roleArn)] }, stack);
    },
  },
  {
    id: 'service-no-principals',
    title: 'an endpoint service that allows no principal',
    rule: Rules.PRIVATELINK_NO_PRINCIPALS,
    source: S.PL_CONFIGURE,
    expect: /allowedPrincipals \(none\); only allowed principals/,
    build: (app) => { provider(app, { allowedPrincipals: [] }); },
  },
  {
    id: 'principal-other-partition',
    title: 'a principal of the aws-cn partition on a commercial service',
    rule: Rules.PRIVATELINK_PARTITION_MISMATCH,
    source: S.PL_CONFIGURE,
    expect: /is in partition aws-cn, the service in aws/,
    build: (app) => { provider(app, { allowedPrincipals: [new iam.ArnPrincipal(`arn:aws-cn:iam::${PARTNER}:root`)] }); },
  },
  {
    id: 'supported-region-other-partition',
    title: 'a China region listed as a supported region',
    rule: Rules.PRIVATELINK_PARTITION_MISMATCH,
    source: S.PL_SHARE,
    expect: /supportedRegions\[0\] "cn-north-1" is in partition aws-cn/,
    build: (app) => { provider(app, { supportedRegions: ['cn-north-1'] }); },
  },
  {
    id: 'supported-region-malformed',
    title: 'a supported region that is not a region name',
    rule: Rules.REGION_INVALID,
    source: S.AZS,
    expect: /supportedRegions\[0\] "eu-west"/,
    build: (app) => { provider(app, { supportedRegions: ['eu-west'] }); },
  },

  // ---- subnets and zones ----
  {
    id: 'service-no-subnet',
    title: 'a service subnet selection that selects nothing',
    rule: Rules.PRIVATELINK_SUBNETS_EMPTY,
    source: S.PL_SHARE,
    expect: /vpcSubnets selects no subnet of Provider\/Vpc/,
    build: (app) => { provider(app, { vpcSubnets: { subnets: [] } }); },
  },
  {
    id: 'endpoint-no-subnet',
    title: 'an endpoint subnet selection that selects nothing',
    rule: Rules.PRIVATELINK_SUBNETS_EMPTY,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /subnets selects no subnet of Consumer\/Vpc/,
    build: (app) => consumerOf(app, {}, { subnets: { subnets: [] } }),
  },
  {
    id: 'service-two-subnets-one-az',
    title: 'a load balancer given two subnets of one AZ',
    rule: Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE,
    source: S.PL_SHARE,
    expect: /'Provider\/Svc': vpcSubnets selects 2 subnets in us-east-1a/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 2, 2);
      new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], allowedPrincipals: [new iam.AccountPrincipal(PARTNER)], vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    },
  },
  {
    id: 'endpoint-two-subnets-one-az',
    title: 'an interface endpoint given two subnets of one AZ',
    rule: Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /subnets selects 2 subnets in us-east-1a/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 2, 2);
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      new PrivateLinkEndpoint(stack, 'Client', { vpc, service, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    },
  },
  {
    id: 'endpoint-zones-not-served',
    title: 'consumer subnets in no zone (by AZ ID) the service serves',
    rule: Rules.PRIVATELINK_AZ_MISMATCH,
    source: S.AZ_IDS,
    expect: /subnets are in us-east-1a \(use1-az1\), us-east-1b \(use1-az2\), us-east-1c \(use1-az3\); the service's zones are use1-az5/,
    build: (app) => consumerOf(app, { availabilityZoneIds: ['use1-az5'] }, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }, { name: 'us-east-1c', id: 'use1-az3' }] }),
  },
  {
    id: 'endpoint-az-ids-unknown',
    title: 'a service of another account known without its AZ IDs',
    rule: Rules.PRIVATELINK_AZ_IDS_UNKNOWN,
    source: S.AZ_IDS,
    expect: /service Availability Zones are not known as AZ IDs.*PrivateLinkEndpoint 'Consumer\/Client'/,
    build: (app) => consumerOf(app, {}, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }, { name: 'us-east-1c', id: 'use1-az3' }] }),
  },
  {
    id: 'endpoint-consumer-az-ids-unknown',
    title: 'a consumer account whose AZ IDs are not declared',
    rule: Rules.PRIVATELINK_AZ_IDS_UNKNOWN,
    source: S.AZ_IDS,
    expect: /consumer Availability Zones us-east-1a, us-east-1b, us-east-1c of account 222222222222 have no known AZ ID/,
    build: (app) => consumerOf(app, { availabilityZoneIds: ['use1-az1', 'use1-az2'] }),
  },
  {
    id: 'service-az-name-as-id',
    title: 'an AZ name given as the service\'s AZ ID',
    rule: Rules.PRIVATELINK_AZ_ID_INVALID,
    source: S.AZ_IDS,
    expect: /availabilityZoneIds\[0\] "us-east-1a"; this is an AZ name/,
    build: (app) => { provider(app, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }] }); },
  },
  {
    id: 'consumer-az-name-as-id',
    title: 'an AZ name given as the consumer\'s AZ ID',
    rule: Rules.PRIVATELINK_AZ_ID_INVALID,
    source: S.AZS,
    expect: /availabilityZoneIds\[0\] "us-east-1a"; this is an AZ name/,
    build: (app) => consumerOf(app, { availabilityZoneIds: ['use1-az5'] }, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }] }),
  },

  // ---- service names and regions ----
  {
    id: 'service-name-aws-service',
    title: 'an AWS service name where an endpoint service name is expected',
    rule: Rules.PRIVATELINK_SERVICE_NAME_INVALID,
    source: S.PL_SHARE,
    expect: /serviceName "com\.amazonaws\.eu-west-1\.s3"/,
    build: (app) => consumerOf(app, { serviceName: 'com.amazonaws.eu-west-1.s3' }),
  },
  {
    id: 'service-name-region-disagrees',
    title: 'a service name of us-east-1 given with region eu-west-1',
    rule: Rules.PRIVATELINK_SERVICE_NAME_INVALID,
    source: S.PL_SHARE,
    expect: /names region us-east-1, but region is "eu-west-1"/,
    build: (app) => consumerOf(app, { region: 'eu-west-1' }),
  },
  {
    id: 'service-name-bogus',
    title: 'a service name that is no name at all',
    rule: Rules.PRIVATELINK_SERVICE_NAME_INVALID,
    source: S.PL_SHARE,
    expect: /serviceName "bogus"/,
    build: (app) => consumerOf(app, { serviceName: 'bogus' }),
  },
  {
    id: 'consumer-region-not-listed',
    title: 'a consumer in eu-west-1 of a service that lists us-west-2 only',
    rule: Rules.PRIVATELINK_REGION_NOT_SUPPORTED,
    source: S.PL_SHARE,
    expect: /'Consumer\/Client': service Consumer\/Orders in us-east-1 supports us-west-2; the consumer is in eu-west-1/,
    build: (app) => consumerOf(app, { supportedRegions: ['us-west-2'] }, {}, 'eu-west-1'),
  },
  {
    id: 'consumer-region-none-listed',
    title: 'a consumer in another region of a service that lists no region',
    rule: Rules.PRIVATELINK_REGION_NOT_SUPPORTED,
    source: S.CDK_ENDPOINT_SERVICE,
    expect: /supports no other region; the consumer is in eu-west-1/,
    build: (app) => consumerOf(app, {}, {}, 'eu-west-1'),
  },
  {
    id: 'consumer-region-service-object',
    title: 'a consumer in eu-west-1 given a us-east-1 service object without supportedRegions',
    rule: Rules.PRIVATELINK_REGION_NOT_SUPPORTED,
    source: S.PL_SHARE,
    expect: /supports no other region; the consumer is in eu-west-1/,
    build: (app) => {
      const svc = provider(app);
      const consumer = stackIn(app, 'PartnerEu', 'eu-west-1', PARTNER);
      new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service: svc });
    },
  },
  {
    id: 'consumer-other-partition',
    title: 'a consumer in cn-north-1 of a commercial service',
    rule: Rules.PRIVATELINK_PARTITION_MISMATCH,
    source: S.PL_SHARE,
    expect: /service Consumer\/Orders is in us-east-1 \(partition aws\), the consumer in cn-north-1 \(partition aws-cn\)/,
    build: (app) => consumerOf(app, { supportedRegions: ['cn-north-1'] }, {}, 'cn-north-1'),
  },

  // ---- private DNS ----
  {
    id: 'private-dns-without-name',
    title: 'private DNS asked of a service without a private DNS name',
    rule: Rules.PRIVATELINK_PRIVATE_DNS_UNAVAILABLE,
    source: S.PL_SHARE,
    expect: /privateDnsEnabled true, but Consumer\/Orders has no private DNS name/,
    build: (app) => consumerOf(app, {}, { privateDnsEnabled: true }),
  },
  {
    id: 'private-dns-unverified',
    title: 'private DNS asked of a service whose name is not yet verified',
    rule: Rules.PRIVATELINK_PRIVATE_DNS_UNVERIFIED,
    source: S.PRIVATE_DNS_VERIFY,
    expect: /private DNS name "orders\.example\.com" is not declared verified.*PrivateLinkEndpoint 'Provider\/On'/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const zone = route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' });
      const svc = provider(app, { privateDnsName: 'orders.example.com', publicHostedZone: zone, allowedPrincipals: [new iam.AccountPrincipal(NETWORK)] }, stack);
      new PrivateLinkEndpoint(stack, 'On', { vpc: isolatedVpc(stack, 'Client', '10.1.0.0/16'), service: svc, privateDnsEnabled: true });
    },
  },
  {
    id: 'private-dns-vpc-hostnames-off',
    title: 'private DNS in a consumer VPC without DNS hostnames',
    rule: Rules.PRIVATELINK_PRIVATE_DNS_VPC_SETTINGS,
    source: S.PRIVATE_DNS_ENABLED,
    expect: /has enableDnsSupport true and enableDnsHostnames false/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 1, 1, { enableDnsHostnames: false });
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], privateDnsName: 'orders.example.com' });
      new PrivateLinkEndpoint(stack, 'Client', { vpc, service });
    },
  },
  {
    id: 'private-dns-zone-mismatch',
    title: 'a private DNS name outside the public hosted zone given to verify it',
    rule: Rules.PRIVATELINK_PRIVATE_DNS_ZONE_MISMATCH,
    source: S.CDK_ENDPOINT_DOMAIN,
    expect: /privateDnsName "orders\.example\.org" is not in the hosted zone "example\.com"/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const zone = route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' });
      provider(app, { privateDnsName: 'orders.example.org', publicHostedZone: zone }, stack);
    },
  },

  // ---- the consumer's security group ----
  {
    id: 'endpoint-sg-any-ipv4',
    title: 'the endpoint opened to 0.0.0.0/0 through connections',
    rule: Rules.PRIVATELINK_ENDPOINT_SG_OPEN,
    source: S.ENDPOINT_SG_BASELINE,
    expect: /'Consumer\/Client': security group Consumer\/Client\/SecurityGroup admits 0\.0\.0\.0\/0 on ports 443-443/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      const ep = new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), service });
      ep.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
    },
  },
  {
    id: 'endpoint-sg-any-ipv6-l1',
    title: 'the endpoint\'s group opened to ::/0 with a CfnSecurityGroupIngress',
    rule: Rules.PRIVATELINK_ENDPOINT_SG_OPEN,
    source: S.ENDPOINT_SG_BASELINE,
    expect: /admits ::\/0 on ports 443-443/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      const ep = new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), service });
      new ec2.CfnSecurityGroupIngress(stack, 'Wide', { groupId: ep.connections.securityGroups[0].securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0' });
    },
  },
  {
    id: 'endpoint-sg-imported',
    title: 'an imported security group on the endpoint',
    rule: Rules.PRIVATELINK_ENDPOINT_SG_UNKNOWN,
    source: S.ENDPOINT_SG_BASELINE,
    expect: /security group sg-0123456789abcdef0 is imported; .*PrivateLinkEndpoint 'Consumer\/Client'/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), service, securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0123456789abcdef0')] });
    },
  },
  {
    id: 'nlb-sg-enforced',
    title: 'load balancer security groups that filter PrivateLink traffic, enforcement left on',
    rule: Rules.PRIVATELINK_NLB_SG_ENFORCED,
    source: S.PL_SHARE,
    expect: /enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is not set/,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      const sg = new ec2.SecurityGroup(stack, 'NlbSg', { vpc, allowAllOutbound: false });
      const svc = new PrivateLinkService(stack, 'Svc', { vpc, securityGroups: [sg], allowedPrincipals: [new iam.AccountPrincipal(PARTNER)], listeners: [{ port: 443, targetType: elbv2.TargetType.IP }] });
      const consumer = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service: svc });
    },
  },

  // ---- accepting connection requests ----
  {
    id: 'acceptance-missing',
    title: 'a partner consumer of a service that requires acceptance, nothing accepts it',
    rule: Rules.PRIVATELINK_ACCEPTANCE_MISSING,
    source: S.PL_CONFIGURE,
    expect: /acceptanceRequired is true and nothing accepts the endpoint Partner\/Client of account 222222222222/,
    build: (app) => { estate(app); },
  },
  {
    id: 'acceptance-in-provider-stack',
    title: 'the acceptance step in the provider\'s own stack',
    rule: Rules.PRIVATELINK_ACCEPTANCE_PLACEMENT,
    source: S.PL_CONFIGURE,
    expect: /'Provider\/Accept': scope is the provider's stack Provider/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(Stack.of(svc), 'Accept', { service: svc });
    },
  },
  {
    id: 'acceptance-other-region',
    title: 'the acceptance step in another region than the service',
    rule: Rules.PRIVATELINK_ACCEPTANCE_PLACEMENT,
    source: S.PL_CONFIGURE,
    expect: /region "eu-west-1"\)/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance', 'eu-west-1'), 'Accept', { service: svc });
    },
  },
  {
    id: 'acceptance-agnostic',
    title: 'the acceptance step in an environment-agnostic stack',
    rule: Rules.PRIVATELINK_ACCEPTANCE_PLACEMENT,
    source: S.CDK_ENV,
    expect: /PrivateLinkEndpointAcceptance 'Agnostic\/Accept'/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(agnosticStack(app, 'Agnostic'), 'Accept', { service: svc });
    },
  },
  {
    id: 'acceptance-account-not-allowed',
    title: 'accepting an account the service does not allow',
    rule: Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS,
    source: S.PL_CONFIGURE,
    expect: /accounts\[0\] "333333333333" is not among the accounts Provider\/Orders allows \(222222222222\)/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, accounts: [THIRD] });
    },
  },
  {
    id: 'acceptance-account-name',
    title: 'accepting an account given by name',
    rule: Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS,
    source: S.PL_CONFIGURE,
    expect: /accounts\[0\] "partner"/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, accounts: ['partner'] });
    },
  },
  {
    id: 'acceptance-no-account',
    title: 'an acceptance step with an empty list of accounts',
    rule: Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS,
    source: S.PL_CONFIGURE,
    expect: /accounts \[\]/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, accounts: [] });
    },
  },
  {
    id: 'acceptance-any-principal',
    title: 'accepting everyone of a service that allows `*`, without naming accounts',
    rule: Rules.PRIVATELINK_ACCEPTANCE_ACCOUNTS,
    source: S.PL_CONFIGURE,
    expect: /accounts not given, and the allowed principals of Provider\/Orders include `\*`/,
    build: (app) => {
      const svc = estate(app, { allowedPrincipals: [], allowAnyPrincipal: true });
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc });
    },
  },
  {
    id: 'acceptance-not-required',
    title: 'an acceptance step for a service that accepts by itself',
    rule: Rules.PRIVATELINK_ACCEPTANCE_NOT_REQUIRED,
    source: S.PL_CONFIGURE,
    expect: /service Provider\/Orders has acceptanceRequired false/,
    build: (app) => {
      const svc = estate(app, { acceptanceRequired: false });
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc });
    },
  },
  {
    id: 'acceptance-wait-15-minutes',
    title: 'an acceptance maxWait of 15 minutes',
    rule: Rules.PRIVATELINK_ACCEPTANCE_WAIT_INVALID,
    source: S.LAMBDA_TIMEOUT,
    expect: /maxWait 15 minutes/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, maxWait: Duration.minutes(15) });
    },
  },
  {
    id: 'acceptance-wait-10-ms',
    title: 'an acceptance maxWait under a second',
    rule: Rules.PRIVATELINK_ACCEPTANCE_WAIT_INVALID,
    source: S.LAMBDA_TIMEOUT,
    expect: /maxWait 10 millis/,
    build: (app) => {
      const svc = estate(app);
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, maxWait: Duration.millis(10) });
    },
  },

  // ---- quota ----
  {
    id: 'quota-interface-endpoints-privatelink',
    title: 'more PrivateLink endpoints in a VPC than its declared quota',
    rule: Rules.GRAPH_INTERFACE_ENDPOINT_QUOTA,
    source: S.PL_QUOTAS,
    expect: /interface endpoints in VPC Consumer\/Vpc 3/,
    build: (app) => {
      const stack = stackIn(app, 'Consumer');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 1);
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      for (let i = 0; i < 3; i++) new PrivateLinkEndpoint(stack, `Client${i}`, { vpc, service });
      ConnectivityGraph.of(app).declareQuotas({ interfaceEndpointsPerVpc: 2 });
    },
  },
];
