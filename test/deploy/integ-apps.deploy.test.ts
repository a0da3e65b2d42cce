// The deploy tier: each test/*.integ.ts app, synthesized and deployed into the emulator, its
// state asserted as AWS would show it.
import { checkEndpoints, checkPeerings, deployedServiceName } from './checks';
import { Harness } from './harness';
import { EmulatedState } from './state';
import { initContext, integApp, synthAll } from './synth';

jest.setTimeout(240_000);

const PLACEHOLDER = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const CONTEXTS: Array<[string, Record<string, unknown>]> = [['no extra context', {}], ['the cdk init feature flags', initContext()]];
const APPS = ['peering', 'privatelink', 'endpoints'] as const;

let h: Harness;
const dirs = new Map<string, string>();

beforeAll(async () => {
  const keys = CONTEXTS.flatMap(([label]) => APPS.map((app) => `${label}/${app}`));
  const [harness, outs] = await Promise.all([Harness.start(), synthAll(CONTEXTS.flatMap(([, ctx]) => APPS.map((app) => integApp(app, ctx))))]);
  h = harness;
  keys.forEach((k, i) => dirs.set(k, outs[i]));
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(async () => {
  await h.reset();
});

describe.each(CONTEXTS)('with %s', (label) => {
  test('peering: every connection active, routes on both sides, DNS resolution where asked', async () => {
    // WHEN
    await h.deploy(dirs.get(`${label}/peering`)!);

    // THEN
    const peerings = await checkPeerings(h.engine);
    expect(peerings.map((p) => p.stack).sort()).toEqual(['PeeringEast', 'PeeringLocal', 'PeeringRequester', 'PeeringRight']);
    const local = peerings.find((p) => p.stack === 'PeeringLocal')!;
    expect([local.requesterView.requester.allowDns, local.requesterView.accepter.allowDns]).toEqual([true, true]);
    for (const p of peerings.filter((x) => x.stack !== 'PeeringLocal')) {
      expect([p.requesterView.requester.allowDns, p.requesterView.accepter.allowDns]).toEqual([false, false]);
    }
    const east = peerings.find((p) => p.stack === 'PeeringEast')!;
    expect([east.requester.region, east.accepter.region]).toEqual(['us-east-1', 'eu-west-1']);
    const cross = peerings.find((p) => p.stack === 'PeeringRequester')!;
    expect([cross.requester.account, cross.accepter.account]).toEqual(['111111111111', '222222222222']);
  });

  test('privatelink: NLB-fronted service with its permissions, consumers in other stacks, accounts and regions', async () => {
    // WHEN: consumers outside the provider's stack take the service name as a literal, pasted in once the provider is deployed
    await h.deploy(dirs.get(`${label}/privatelink`)!, { placeholders: { [PLACEHOLDER]: (e) => deployedServiceName(e, 'LinkProvider') } });

    // THEN
    const state = new EmulatedState(h.engine);
    const [svc] = await state.endpointServices('111111111111', 'us-east-1');
    expect(svc).toMatchObject({ acceptanceRequired: true, supportedRegions: ['eu-west-1'], allowedPrincipals: ['arn:aws:iam::222222222222:root'] });
    const lbs = await state.loadBalancers('111111111111', 'us-east-1');
    expect(lbs).toEqual([{ arn: svc.loadBalancers[0], type: 'network' }]);
    const endpoints = await checkEndpoints(h.engine);
    expect(endpoints.map((e) => [e.stack, e.type, e.serviceName, e.state]).sort()).toEqual([
      ['LinkConsumer', 'Interface', svc.serviceName, 'pendingAcceptance'],
      ['LinkPartner', 'Interface', svc.serviceName, 'pendingAcceptance'],
      ['LinkRemote', 'Interface', svc.serviceName, 'pendingAcceptance'],
    ]);
  });

  test('endpoints: gateway and interface endpoints with their service names, subnets, route tables and security group', async () => {
    // WHEN
    await h.deploy(dirs.get(`${label}/endpoints`)!);

    // THEN
    const endpoints = await checkEndpoints(h.engine);
    const names = (stack: string, type: string) => endpoints.filter((e) => e.stack === stack && e.type === type).map((e) => e.serviceName).sort();
    expect(names('Endpoints', 'Gateway')).toEqual(['com.amazonaws.us-east-1.dynamodb', 'com.amazonaws.us-east-1.s3']);
    expect(names('Endpoints', 'Interface')).toEqual(['ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'ssm', 'ssmmessages'].map((s) => `com.amazonaws.us-east-1.${s}`));
    expect(names('EndpointsGov', 'Gateway')).toEqual(['com.amazonaws.us-gov-west-1.dynamodb', 'com.amazonaws.us-gov-west-1.s3']);
    expect(endpoints.filter((e) => e.type === 'Interface').every((e) => e.privateDnsEnabled)).toBe(true);
  });
});
