// A requester-only peering: the partner's VPC and its accepter role exist first (deployed by the
// partner); the network account's app peers with the VPC by its ID and deploys nothing into the
// partner's account. The connection is accepted through the partner's role, as CloudFormation
// does with PeerRoleArn.
import * as path from 'path';
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import { NETWORK_ACCOUNT, PARTNER_ACCOUNT, PARTNER_CIDR, REGION, vpcLookupKey } from './fixtures/requester-only-app';
import { Harness } from './harness';
import { EmulatedState } from './state';
import { synthAll } from './synth';

jest.setTimeout(180_000);

const entry = path.join(__dirname, 'fixtures', 'requester-only-app.ts');
let h: Harness;
let partnerApp: string;

beforeAll(async () => {
  [h, [partnerApp]] = await Promise.all([Harness.start(), synthAll([{ entry, context: { case: 'partner' } }])]);
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(async () => {
  await h.reset();
});

/**
 * The partner's deploy, then the network app synthesized with the partner VPC's real ID and the
 * answer `cdk synth` would cache for `Vpc.fromLookup` (read from the emulated partner account).
 */
async function partnerThenNetworkApp(extra: Record<string, unknown> = {}): Promise<{ network: string; partnerVpcId: string }> {
  await h.deploy(partnerApp);
  const c = (await h.engine.accounts.for(PARTNER_ACCOUNT, REGION)).ec2;
  const vpc = (await c.send(new ec2.DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: [PARTNER_CIDR] }] }))).Vpcs![0];
  const subnets = (await c.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets!;
  const tables = (await c.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).RouteTables!;
  const tableOf = (subnetId: string) => tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId))?.RouteTableId;
  const lookup = {
    vpcId: vpc.VpcId,
    vpcCidrBlock: vpc.CidrBlock,
    ownerAccountId: PARTNER_ACCOUNT,
    availabilityZones: [],
    subnetGroups: [{
      name: 'app',
      type: 'Isolated',
      subnets: subnets.map((s) => ({
        subnetId: s.SubnetId, cidr: s.CidrBlock, availabilityZone: s.AvailabilityZone, routeTableId: tableOf(s.SubnetId!),
      })),
    }],
  };
  const [network] = await synthAll([{ entry, context: { case: 'network', partnerVpcId: vpc.VpcId, [vpcLookupKey(vpc.VpcId!)]: lookup, ...extra } }]);
  return { network, partnerVpcId: vpc.VpcId! };
}

/** Everything the partner account holds in the Region that a deploy could add or change (peering connections aside). */
async function partnerInventory(): Promise<Record<string, unknown>> {
  const c = await h.engine.accounts.for(PARTNER_ACCOUNT, REGION);
  const roles = (await c.iam.send(new iam.ListRolesCommand({}))).Roles ?? [];
  const inline: Record<string, string[]> = {};
  for (const r of roles) inline[r.RoleName!] = (await c.iam.send(new iam.ListRolePoliciesCommand({ RoleName: r.RoleName }))).PolicyNames ?? [];
  return {
    vpcs: ((await c.ec2.send(new ec2.DescribeVpcsCommand({}))).Vpcs ?? []).map((v) => `${v.VpcId} ${v.CidrBlock}`).sort(),
    subnets: ((await c.ec2.send(new ec2.DescribeSubnetsCommand({}))).Subnets ?? []).map((s) => s.SubnetId).sort(),
    routeTables: ((await c.ec2.send(new ec2.DescribeRouteTablesCommand({}))).RouteTables ?? [])
      .map((t) => `${t.RouteTableId}: ${(t.Routes ?? []).map((r) => `${r.DestinationCidrBlock}->${r.GatewayId ?? r.VpcPeeringConnectionId}`).join(', ')}`).sort(),
    securityGroups: ((await c.ec2.send(new ec2.DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [])
      .map((g) => `${g.GroupId} ${JSON.stringify(g.IpPermissions)} ${JSON.stringify(g.IpPermissionsEgress)}`).sort(),
    endpoints: ((await c.ec2.send(new ec2.DescribeVpcEndpointsCommand({}))).VpcEndpoints ?? []).map((e) => e.VpcEndpointId).sort(),
    roles: roles.map((r) => `${r.RoleName} ${inline[r.RoleName!].join(',')}`).sort(),
    policies: ((await c.iam.send(new iam.ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? []).map((p) => p.Arn).sort(),
  };
}

test('requester-only: accepted through the partner\'s role, routes on our side, nothing of ours in the partner\'s account', async () => {
  // GIVEN
  const { network, partnerVpcId } = await partnerThenNetworkApp();
  const before = await partnerInventory();

  // WHEN
  await h.deploy(network);

  // THEN: the connection is active in both accounts' views
  const pcx = h.engine.resourcesOfType('AWS::EC2::VPCPeeringConnection')[0];
  expect(pcx.properties).toMatchObject({ PeerVpcId: partnerVpcId, PeerOwnerId: PARTNER_ACCOUNT, PeerRoleArn: `arn:aws:iam::${PARTNER_ACCOUNT}:role/peering-accepter` });
  const state = new EmulatedState(h.engine);
  for (const account of [NETWORK_ACCOUNT, PARTNER_ACCOUNT]) {
    expect((await state.peerings(account, REGION)).map((p) => [p.id, p.status, p.requester.ownerId, p.accepter.vpcId]))
      .toEqual([[pcx.physicalId, 'active', NETWORK_ACCOUNT, partnerVpcId]]);
  }
  // every subnet route table of our VPC routes the partner's CIDR to it
  const ourVpc = String(pcx.properties.VpcId);
  const tables = await state.subnetRouteTables(NETWORK_ACCOUNT, REGION, ourVpc);
  const routes = await state.routes(NETWORK_ACCOUNT, REGION, ourVpc);
  expect(tables.length).toBeGreaterThan(0);
  expect(tables.map((t) => routes.filter((r) => r.routeTableId === t && r.destination === PARTNER_CIDR).map((r) => r.target)))
    .toEqual(tables.map(() => [pcx.physicalId]));
  // no stack, function or resource of ours in the partner's account: its inventory is unchanged
  expect([...h.engine.stacks.values()].filter((s) => s.account === PARTNER_ACCOUNT).map((s) => s.stackName)).toEqual(['Partner']);
  expect([...h.engine.lambdas.values()].filter((l) => l.account === PARTNER_ACCOUNT)).toEqual([]);
  expect(await partnerInventory()).toEqual(before);
  // the partner is told the real connection ID
  const networkStack = h.engine.stack('Network', NETWORK_ACCOUNT, REGION)!;
  const instructions = Object.entries(networkStack.outputs).find(([k]) => k.includes('PartnerInstructions'))![1];
  expect(String(instructions)).toContain(`--vpc-peering-connection-id ${pcx.physicalId}`);
});

test('control: a PeerRoleArn that does not exist in the partner\'s account fails the connection', async () => {
  // GIVEN
  const { network } = await partnerThenNetworkApp({ roleName: 'no-such-role' });

  // THEN
  await expect(h.deploy(network)).rejects.toThrow(/PeerRoleArn arn:aws:iam::222222222222:role\/no-such-role cannot be assumed/);
});
