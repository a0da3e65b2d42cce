import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, FLAG_SETS, isolatedVpc, newApp, PARTNER, stackIn } from './fixtures';
import {
  PrivateLinkEndpoint, PrivateLinkEndpointAcceptance, PrivateLinkEndpointAcceptanceProps, PrivateLinkService, PrivateLinkServiceProps,
} from '../../src/privatelink';

const THIRD = '333333333333';

/** A provider in ACCOUNT (us-east-1) allowing PARTNER, and a PARTNER consumer given the service object. */
function estate(flags: Record<string, unknown> = {}, props: Partial<PrivateLinkServiceProps> = {}) {
  const app = newApp(flags);
  const providerStack = stackIn(app, 'Provider');
  const consumerStack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  const svc = new PrivateLinkService(providerStack, 'Orders', {
    vpc: isolatedVpc(providerStack, 'Vpc', '10.0.0.0/16'),
    listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
  const consumer = new PrivateLinkEndpoint(consumerStack, 'Client', { vpc: isolatedVpc(consumerStack, 'Vpc', '10.1.0.0/16'), service: svc });
  return { app, providerStack, consumerStack, svc, consumer };
}

/** A stack for the acceptance step in the provider's account and region. */
function acceptanceStack(app: App, region = 'us-east-1', account = ACCOUNT): Stack {
  return stackIn(app, 'Acceptance', region, account);
}

describe.each(FLAG_SETS)('PrivateLinkEndpointAcceptance under %s', (_name, flags) => {
  test('a consumer of this app in another account, nothing to accept it: warning on the service', () => {
    // GIVEN / WHEN
    const { providerStack } = estate(flags);

    // THEN
    Annotations.fromStack(providerStack).hasWarning('/Provider/Orders', Match.stringLikeRegexp(
      'acceptanceRequired is true and nothing accepts the endpoint Partner/Client of account 222222222222; .*\\[cdk-private-connectivity:privatelink-acceptance-missing\\]'));
  });

  test('no warning when the consumer is accepted, is in the service\'s account, or acceptance is not required', () => {
    // GIVEN / WHEN
    const accepted = estate(flags);
    new PrivateLinkEndpointAcceptance(acceptanceStack(accepted.app), 'Accept', { service: accepted.svc });
    const notRequired = estate(flags, { acceptanceRequired: false });
    const app = newApp(flags);
    const local = stackIn(app, 'Provider');
    const svc = new PrivateLinkService(local, 'Orders', { vpc: isolatedVpc(local, 'Vpc', '10.0.0.0/16'), listeners: [{ port: 443, targetType: elbv2.TargetType.IP }] });
    new PrivateLinkEndpoint(stackIn(app, 'Consumer'), 'Client', { vpc: isolatedVpc(stackIn(app, 'ConsumerVpc'), 'Vpc', '10.1.0.0/16'), service: svc });

    // THEN
    for (const stack of [accepted.providerStack, notRequired.providerStack, local]) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('privatelink-acceptance-missing'))).toHaveLength(0);
    }
  });

  test('the acceptance step: its own stack after the provider and the consumers, least-privilege role', () => {
    // GIVEN
    const { app, providerStack, consumerStack, svc } = estate(flags);
    const stack = acceptanceStack(app);

    // WHEN
    const acceptance = new PrivateLinkEndpointAcceptance(stack, 'Accept', { service: svc });
    // A consumer added afterwards counts too.
    const later = stackIn(app, 'PartnerLater', 'us-east-1', PARTNER);
    new PrivateLinkEndpoint(later, 'Client', { vpc: isolatedVpc(later, 'Vpc', '10.2.0.0/16'), service: svc });

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('Custom::PrivateLinkEndpointAcceptance', {
      ServiceId: Match.anyValue(),
      Accounts: [PARTNER],
      ExpectedEndpoints: { [PARTNER]: 2 },
      MaxWaitSeconds: 600,
    });
    t.hasResourceProperties('AWS::Lambda::Function', { Handler: '__entrypoint__.handler', Timeout: 900 });
    const role = Object.values(t.findResources('AWS::IAM::Role'))[0];
    const statements = (role.Properties.Policies as Array<{ PolicyDocument: { Statement: unknown[] } }>)[0].PolicyDocument.Statement;
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'ec2:DescribeVpcEndpointConnections', Resource: '*' },
      { Effect: 'Allow', Action: 'ec2:AcceptVpcEndpointConnections', Resource: [expect.anything(), expect.anything()] },
    ]);
    const accept = JSON.stringify(stack.resolve(statements[1]));
    expect(accept).toContain(`:ec2:us-east-1:${PARTNER}:vpc-endpoint/*`);
    expect(accept).toContain(`:ec2:us-east-1:${ACCOUNT}:vpc-endpoint-service/`);
    expect(accept).not.toMatch(/"Resource":"\*"/);
    expect(stack.dependencies).toEqual(expect.arrayContaining([providerStack, consumerStack, later]));
    expect(acceptance.accounts).toEqual([PARTNER]);
  });

  test('a consumer in the acceptance\'s own stack: the step depends on the endpoint', () => {
    // GIVEN
    const app = newApp(flags);
    const providerStack = stackIn(app, 'Provider');
    const svc = new PrivateLinkService(providerStack, 'Orders', {
      vpc: isolatedVpc(providerStack, 'Vpc', '10.0.0.0/16'),
      listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
      allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
    });
    const stack = acceptanceStack(app);

    // WHEN
    const acceptance = new PrivateLinkEndpointAcceptance(stack, 'Accept', { service: svc, maxWait: Duration.minutes(2) });
    const ep = new PrivateLinkEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.1.0.0/16'), service: svc });

    // THEN
    expect(acceptance.resource.node.dependencies).toContain(ep);
    Template.fromStack(stack).hasResourceProperties('Custom::PrivateLinkEndpointAcceptance', { Accounts: [ACCOUNT], ExpectedEndpoints: { [ACCOUNT]: 1 }, MaxWaitSeconds: 120 });
  });

  test('explicit accounts, cross-region consumers: endpoints of the supported regions may be accepted', () => {
    // GIVEN
    const { app, svc } = estate(flags, {
      allowedPrincipals: [new iam.AccountPrincipal(PARTNER), new iam.ArnPrincipal(`arn:aws:iam::${THIRD}:role/orders`)],
      supportedRegions: ['eu-west-1'],
    });
    const stack = acceptanceStack(app);

    // WHEN
    new PrivateLinkEndpointAcceptance(stack, 'Accept', { service: svc, accounts: [THIRD] });

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('Custom::PrivateLinkEndpointAcceptance', { Accounts: [THIRD], ExpectedEndpoints: {} });
    const policy = JSON.stringify(t.findResources('AWS::IAM::Role'));
    expect(policy).toContain(`:ec2:us-east-1:${THIRD}:vpc-endpoint/*`);
    expect(policy).toContain(`:ec2:eu-west-1:${THIRD}:vpc-endpoint/*`);
    expect(policy).not.toContain(`${PARTNER}:vpc-endpoint`);
  });
});

describe('PrivateLinkEndpointAcceptance refused at synth', () => {
  const cases: Array<[string, (e: ReturnType<typeof estate>) => PrivateLinkEndpointAcceptanceProps & { scope?: Stack }, RegExp]> = [
    ['in the provider\'s stack', (e) => ({ service: e.svc, scope: e.providerStack }),
      /'Provider\/Accept': scope is the provider's stack Provider; .*\[cdk-private-connectivity:privatelink-acceptance-placement\]/],
    ['in another account', (e) => ({ service: e.svc, scope: acceptanceStack(e.app, 'us-east-1', PARTNER) }),
      /scope is in Acceptance \(account "222222222222", region "us-east-1"\); the service Provider\/Orders is in Provider .*privatelink-acceptance-placement/],
    ['in another region', (e) => ({ service: e.svc, scope: acceptanceStack(e.app, 'eu-west-1') }), /region "eu-west-1"\).*privatelink-acceptance-placement/],
    ['in an environment-agnostic stack', (e) => ({ service: e.svc, scope: new Stack(e.app, 'Agnostic') }), /privatelink-acceptance-placement/],
    ['an account the service does not allow', (e) => ({ service: e.svc, accounts: [THIRD] }),
      /accounts\[0\] "333333333333" is not among the accounts Provider\/Orders allows \(222222222222\); .*\[cdk-private-connectivity:privatelink-acceptance-accounts\]/],
    ['an account that is not an ID', (e) => ({ service: e.svc, accounts: ['partner'] }), /accounts\[0\] "partner"; .*privatelink-acceptance-accounts/],
    ['no account', (e) => ({ service: e.svc, accounts: [] }), /accounts \[\]; .*privatelink-acceptance-accounts/],
    ['maxWait over 14 minutes', (e) => ({ service: e.svc, maxWait: Duration.minutes(15) }), /maxWait 15 minutes; .*\[cdk-private-connectivity:privatelink-acceptance-wait-invalid\]/],
    ['maxWait under a second', (e) => ({ service: e.svc, maxWait: Duration.millis(10) }), /maxWait 10 millis; .*privatelink-acceptance-wait-invalid/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    const e = estate();
    const { scope, ...rest } = props(e);
    expect(() => new PrivateLinkEndpointAcceptance(scope ?? acceptanceStack(e.app), 'Accept', rest)).toThrow(message);
  });

  test('a service that allows anyone, without accounts', () => {
    const e = estate({}, { allowedPrincipals: [], allowAnyPrincipal: true });
    expect(() => new PrivateLinkEndpointAcceptance(acceptanceStack(e.app), 'Accept', { service: e.svc }))
      .toThrow(/accounts not given, and the allowed principals of Provider\/Orders include `\*` .*privatelink-acceptance-accounts/);
    // Naming the accounts is the deliberate way.
    expect(() => new PrivateLinkEndpointAcceptance(stackIn(e.app, 'Acceptance2'), 'Accept', { service: e.svc, accounts: [PARTNER] })).not.toThrow();
  });

  test('a service without required acceptance', () => {
    const e = estate({}, { acceptanceRequired: false });
    expect(() => new PrivateLinkEndpointAcceptance(acceptanceStack(e.app), 'Accept', { service: e.svc }))
      .toThrow(/service Provider\/Orders has acceptanceRequired false; .*\[cdk-private-connectivity:privatelink-acceptance-not-required\]/);
  });
});
