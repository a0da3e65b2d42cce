import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, isolatedVpc, newApp, stackIn } from './fixtures';
import { PrivateLinkEndpoint, PrivateLinkService, PrivateLinkServiceProps } from '../../src/privatelink';

function service(props: Partial<PrivateLinkServiceProps> = {}, region = 'us-east-1') {
  const app = newApp();
  const stack = stackIn(app, 'Provider', region);
  const make = () => new PrivateLinkService(stack, 'Svc', {
    vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'),
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
    ...props,
  });
  return { app, stack, make };
}

function warnings(stack: Stack, rule: string): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(rule)).map((w) => String(w.entry.data));
}

describe('region names PrivateLink constructs take', () => {
  test('valid control: known regions pass with no warning', () => {
    // GIVEN
    const { stack, make } = service({ supportedRegions: ['eu-west-1', 'ap-southeast-7', 'mx-central-1'] });

    // WHEN
    make();

    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('region-unknown: a well-formed supported region this library does not know is warned, not refused', () => {
    // GIVEN
    const { stack, make } = service({ supportedRegions: ['eu-west-1', 'us-east-7'] });

    // WHEN
    make();

    // THEN
    expect(warnings(stack, 'region-unknown')).toEqual([
      expect.stringMatching(/^PrivateLinkService 'Provider\/Svc': supportedRegions\[1\] "us-east-7" is not a region this library knows; .*\[cdk-private-connectivity:region-unknown\]/),
    ]);
  });

  test('region-unknown: a stack region this library does not know is warned once, on the stack', () => {
    // GIVEN
    const { stack, make } = service({}, 'ap-southeast-9');

    // WHEN
    make();
    new PrivateLinkEndpoint(stack, 'Endpoint', { vpc: isolatedVpc(stack, 'Consumer', '10.1.0.0/16'), service: stack.node.findChild('Svc') as PrivateLinkService });

    // THEN
    const found = Annotations.fromStack(stack).findWarning('/Provider', Match.stringLikeRegexp('region-unknown'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(/^Stack 'Provider': env.region "ap-southeast-9" is not a region this library knows; it affects 2 constructs/);
  });

  test('region-invalid: a supported region whose partition part is no partition\'s is refused', () => {
    // GIVEN
    const { make } = service({ supportedRegions: ['us-gvo-west-1'] });

    // WHEN / THEN
    expect(make).toThrow(/'Provider\/Svc': supportedRegions\[0\] "us-gvo-west-1"; its partition part "us-gvo" is no AWS partition's.*\[cdk-private-connectivity:region-invalid\]/);
  });

  test('region-unknown and region-invalid: the region of an imported service, given or named in its service name', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Consumer', { env: { account: ACCOUNT, region: 'us-east-1' } });

    new CfnWaitConditionHandle(stack, 'AnyResource');

    // WHEN
    PrivateLinkService.fromServiceAttributes(stack, 'Named', { serviceName: 'com.amazonaws.vpce.eu-east-9.vpce-svc-0123456789abcdef0', ports: [{ port: 443 }] });

    // THEN
    expect(warnings(stack, 'region-unknown')).toEqual([expect.stringMatching(/'Consumer\/Named': serviceName "eu-east-9" is not a region this library knows/)]);
    expect(() => PrivateLinkService.fromServiceAttributes(stack, 'Bad', {
      serviceName: 'com.amazonaws.vpce.us-gvo-west-1.vpce-svc-0123456789abcdef0', ports: [{ port: 443 }],
    })).toThrow(/serviceName "us-gvo-west-1".*\[cdk-private-connectivity:region-invalid\]/);
  });
});

describe('private DNS names', () => {
  test('valid control: an RFC 1035 name and a wildcard name pass', () => {
    // GIVEN / WHEN / THEN
    expect(service({ privateDnsName: 'orders.example.com' }).make).not.toThrow();
    expect(service({ privateDnsName: '*.orders.example.com' }).make).not.toThrow();
  });

  test.each([
    ['an underscore', 'orders_v2.example.com', /the label "orders_v2"/],
    ['a 64-character label', `${'a'.repeat(64)}.example.com`, /a label of 64 characters/],
    ['a name longer than 253 characters', `${'a'.repeat(60)}.`.repeat(5) + 'com', /is 308 characters long, more than 253/],
    ['an empty label', 'orders..example.com', /an empty label/],
    ['a single label', 'orders', /a single label/],
  ])('dns-name-invalid: a private DNS name with %s is refused', (_, name, problem) => {
    // GIVEN
    const { make } = service({ privateDnsName: name });

    // WHEN / THEN
    expect(make).toThrow(new RegExp(`'Provider/Svc': privateDnsName ".*" .*${problem.source}.*\\[cdk-private-connectivity:dns-name-invalid\\]`));
  });

  test('dns-name-invalid: the private DNS name of an imported service is checked too', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Consumer', { env: { account: ACCOUNT, region: 'us-east-1' } });

    // WHEN / THEN
    expect(() => PrivateLinkService.fromServiceAttributes(stack, 'Svc', {
      serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', ports: [{ port: 443 }], privateDnsName: '-orders.example.com',
    })).toThrow(/privateDnsName "-orders.example.com" has the label "-orders".*\[cdk-private-connectivity:dns-name-invalid\]/);
  });
});
