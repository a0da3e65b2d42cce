/** Values that must name something real: region names and DNS names (core rules reached through PrivateLink constructs). */
import { App, CfnWaitConditionHandle } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { S } from './sources';
import { InvalidCase, isolatedVpc, PARTNER, stackIn } from './types';
import { PrivateLinkService, PrivateLinkServiceProps } from '../../src';
import { Rules } from '../../src/core/rules';

const SVC = 'vpce-svc-0123456789abcdef0';

/** The orders service of the network account, in `region`, built from `props`. */
function orders(app: App, props: Partial<PrivateLinkServiceProps> = {}, region = 'us-east-1'): void {
  const stack = stackIn(app, 'Provider', region);
  new PrivateLinkService(stack, 'Orders', {
    vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'),
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
}

/** A consumer stack that imports a service by name (a template needs a resource of its own). */
function imported(app: App, serviceName: string, attrs: { region?: string; privateDnsName?: string; supportedRegions?: string[] } = {}): void {
  const stack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
  new CfnWaitConditionHandle(stack, 'Keep');
  PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName, ports: [{ port: 443 }], ...attrs });
}

export const NAME_CASES: InvalidCase[] = [
  // ---- region-unknown: well formed, not a region this library knows (warned: a new region must keep working) ----
  {
    id: 'supported-region-unknown',
    title: 'a supported region mistyped as us-east-7',
    rule: Rules.REGION_UNKNOWN,
    source: S.DESCRIBE_REGIONS,
    expect: /PrivateLinkService 'Provider\/Orders': supportedRegions\[1\] "us-east-7" is not a region this library knows/,
    build: (app) => orders(app, { supportedRegions: ['eu-west-1', 'us-east-7'] }),
  },
  {
    id: 'stack-region-unknown',
    title: 'a provider stack in a region this library does not know',
    rule: Rules.REGION_UNKNOWN,
    source: S.DESCRIBE_REGIONS,
    expect: /Stack 'Provider': env\.region "ap-southeast-9" is not a region this library knows/,
    build: (app) => orders(app, {}, 'ap-southeast-9'),
  },
  {
    id: 'service-name-region-unknown',
    title: 'an imported service whose name carries an unknown region',
    rule: Rules.REGION_UNKNOWN,
    source: S.DESCRIBE_REGIONS,
    expect: /'Consumer\/Orders': serviceName "eu-east-9" is not a region this library knows/,
    build: (app) => imported(app, `com.amazonaws.vpce.eu-east-9.${SVC}`),
  },
  {
    id: 'imported-supported-region-unknown',
    title: 'an imported service declaring an unknown supported region',
    rule: Rules.REGION_UNKNOWN,
    source: S.DESCRIBE_REGIONS,
    expect: /supportedRegions\[0\] "sa-west-4" is not a region this library knows/,
    build: (app) => imported(app, `com.amazonaws.vpce.us-east-1.${SVC}`, { supportedRegions: ['sa-west-4'] }),
  },

  // ---- dns-name-invalid: RFC 1035 ----
  {
    id: 'private-dns-underscore',
    title: 'a private DNS name with an underscore',
    rule: Rules.DNS_NAME_INVALID,
    source: S.PL_DNS_NAMES,
    expect: /PrivateLinkService 'Provider\/Orders': privateDnsName "orders_v2\.example\.com" has the label "orders_v2"/,
    build: (app) => orders(app, { privateDnsName: 'orders_v2.example.com' }),
  },
  {
    id: 'private-dns-long-label',
    title: 'a private DNS name with a 64-character label',
    rule: Rules.DNS_NAME_INVALID,
    source: S.RFC_1035,
    expect: /privateDnsName "a{64}\.example\.com" .*a label of 64 characters/,
    build: (app) => orders(app, { privateDnsName: `${'a'.repeat(64)}.example.com` }),
  },
  {
    id: 'private-dns-long-name',
    title: 'a private DNS name longer than 253 characters',
    rule: Rules.DNS_NAME_INVALID,
    source: S.RFC_1035,
    expect: /is 308 characters long, more than 253/,
    build: (app) => orders(app, { privateDnsName: `${'a'.repeat(60)}.`.repeat(5) + 'com' }),
  },
  {
    id: 'private-dns-empty-label',
    title: 'a private DNS name with two dots in a row',
    rule: Rules.DNS_NAME_INVALID,
    source: S.RFC_1035,
    expect: /privateDnsName "orders\.\.example\.com" .*an empty label/,
    build: (app) => orders(app, { privateDnsName: 'orders..example.com' }),
  },
  {
    id: 'private-dns-single-label',
    title: 'a private DNS name of one label',
    rule: Rules.DNS_NAME_INVALID,
    source: S.PL_DNS_NAMES,
    expect: /privateDnsName "orders" .*a single label/,
    build: (app) => orders(app, { privateDnsName: 'orders' }),
  },
  {
    id: 'imported-private-dns-leading-hyphen',
    title: 'an imported service whose private DNS name starts with a hyphen',
    rule: Rules.DNS_NAME_INVALID,
    source: S.RFC_1035,
    expect: /privateDnsName "-orders\.example\.com" has the label "-orders"/,
    build: (app) => imported(app, `com.amazonaws.vpce.us-east-1.${SVC}`, { privateDnsName: '-orders.example.com' }),
  },
];
