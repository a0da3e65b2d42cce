// The accepter side's peering lookup (Custom::PeeringConnection) against AWS behaviour that a
// plain deploy does not show: a connection that is not active yet, a connection replaced by the
// requester, and two requesters the lookup's filters cannot tell apart.
import * as path from 'path';
import { checkPeerings } from './checks';
import { Harness } from './harness';
import { EmulatedState } from './state';
import { synthAll } from './synth';

jest.setTimeout(180_000);

const entry = path.join(__dirname, 'fixtures', 'adversarial-app.ts');
let h: Harness;
let v1: string;
let v2: string;
let sameCidr: string;
let sameCidrOneRegion: string;

beforeAll(async () => {
  [h, [v1, v2, sameCidr, sameCidrOneRegion]] = await Promise.all([Harness.start(), synthAll([
    { entry, context: { case: 'cross-region', version: 1 } },
    { entry, context: { case: 'cross-region', version: 2 } },
    { entry, context: { case: 'same-cidr' } },
    { entry, context: { case: 'same-cidr-one-region' } },
  ])]);
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(async () => {
  await h.reset();
});

/** The lookup resources of the accepter stacks, by stack name. */
function lookups(): Map<string, string> {
  return new Map(h.engine.resourcesOfType('Custom::PeeringConnection')
    .filter((r) => r.properties.Operation === 'Lookup')
    .map((r) => [r.stack.stackName, r.physicalId]));
}

test('a connection that stays provisioning for a while: the accepter waits, then routes to it', async () => {
  // GIVEN: handlers in the accepter's Region see the connection as provisioning for their first 3 answers
  h.view.holdPeeringState({ state: 'provisioning', calls: 3, region: 'eu-west-1', handlersOnly: true });
  const firstCall = h.view.calls.length;

  // WHEN
  await h.deploy(v1);

  // THEN: the lookup polled through provisioning to active, and the accepter routes to that connection
  const seen = h.view.calls.slice(firstCall)
    .filter((c) => c.action === 'DescribeVpcPeeringConnections' && c.fromHandler && c.region === 'eu-west-1')
    .flatMap((c) => c.peeringStates ?? []);
  expect(seen.slice(0, 4)).toEqual(['provisioning', 'provisioning', 'provisioning', 'active']);
  const [pcx] = await checkPeerings(h.engine);
  expect([pcx.accepter.region, [...lookups().values()]]).toEqual(['eu-west-1', [pcx.id]]);
});

test('the requester replaces the connection on a second deploy: the accepter\'s routes follow', async () => {
  // GIVEN
  await h.deploy(v1);
  const [before] = await checkPeerings(h.engine);

  // WHEN: version 2 replaces the requester VPC, so the connection is replaced
  await h.deploy(v2);

  // THEN: one connection, a new one, active, routed on both sides (checkPeerings), found by the accepter's lookup; the old one deleted
  const after = await checkPeerings(h.engine);
  const live = await new EmulatedState(h.engine).peerings('111111111111', 'eu-west-1');
  expect({
    replaced: after.length === 1 && after[0].id !== before.id,
    lookup: [...lookups().values()],
    accepterSees: live.map((p) => `${p.id} ${p.status}`),
  }).toEqual({ replaced: true, lookup: [after[0].id], accepterSees: [`${after[0].id} active`] });
});

test('two requester VPCs with the same CIDR in two Regions, peered to one accepter: each accepter route goes to its own spoke\'s connection', async () => {
  // WHEN
  await h.deploy(sameCidr);

  // THEN: each lookup found its own spoke's connection, active on the accepter's side
  const state = new EmulatedState(h.engine);
  const bySpoke = Object.fromEntries(h.engine.resourcesOfType('AWS::EC2::VPCPeeringConnection').map((r) => [r.stack.stackName, r.physicalId]));
  expect(Object.fromEntries(lookups())).toEqual({
    'Spoke1-us-east-1-Pair-Accepter': bySpoke['Spoke1-us-east-1'],
    'Spoke2-us-west-2-Pair-Accepter': bySpoke['Spoke2-us-west-2'],
  });
  const accepterView = await state.peerings('111111111111', 'eu-west-1');
  expect(accepterView.map((p) => `${p.id} ${p.status}`).sort()).toEqual(Object.values(bySpoke).map((id) => `${id} active`).sort());
  // ... and each accepter route (one subnet per spoke) targets that spoke's connection.
  const hubVpc = accepterView[0].accepter.vpcId;
  const routes = await state.routes('111111111111', 'eu-west-1', hubVpc);
  const declared = h.engine.resourcesOfType('AWS::EC2::Route').filter((r) => r.stack.stackName.endsWith('-Pair-Accepter'));
  const target = (tableId: unknown) => routes.filter((x) => x.routeTableId === tableId && x.destination === '10.50.0.0/16').map((x) => x.target);
  expect(declared.map((r) => [r.stack.stackName, target(r.properties.RouteTableId)]).sort())
    .toEqual(declared.map((r) => [r.stack.stackName, [bySpoke[r.stack.stackName.replace(/-Pair-Accepter$/, '')]]]).sort());
});

test('two requester VPCs with the same CIDR in one Region, peered to one accepter: the deploy fails naming both connections', async () => {
  // WHEN
  const error = await h.deploy(sameCidrOneRegion).then(() => undefined, (e: Error) => e);

  // THEN
  const ids = h.engine.resourcesOfType('AWS::EC2::VPCPeeringConnection').map((r) => r.physicalId);
  expect(ids).toHaveLength(2);
  expect(error?.message).toMatch(new RegExp(`2 connections match, (${ids[0]}|${ids[1]}) .*; (${ids[0]}|${ids[1]}) `));
  expect(ids.every((id) => error?.message.includes(id))).toBe(true);
});
