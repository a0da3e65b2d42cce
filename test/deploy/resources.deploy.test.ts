// PrivateLink for VPC resources in the deploy tier: a resource gateway, resource configurations
// (SINGLE, GROUP and CHILD), an AWS RAM share and `Resource` VPC endpoints in another account,
// deployed with the L1s (test/deploy/fixtures/resources-app.ts) and their state asserted as AWS
// shows it; an account the configuration is not shared with, or one that has not accepted the
// share, gets no endpoint.
import * as path from 'path';
import * as ec2 from '@aws-sdk/client-ec2';
import * as ram from '@aws-sdk/client-ram';
import type { Engine } from './engine';
import {
  CHILD_IP, CONSUMER_ACCOUNT, DB_NAME, DB_PORT, GROUP_ARN_PLACEHOLDER, GROUP_NAME, PROVIDER_ACCOUNT, PROVIDER_CIDR, REGION,
  SINGLE_ARN_PLACEHOLDER, SINGLE_NAME, STRANGER_ACCOUNT,
} from './fixtures/resources-app';
import { Harness } from './harness';
import { latticeOf } from './resources/lattice';
import { initContext, synthAll } from './synth';

jest.setTimeout(240_000);

const entry = path.join(__dirname, 'fixtures', 'resources-app.ts');
const CONTEXTS: Array<[string, Record<string, unknown>]> = [
  ['no feature flags', {}],
  ['the cdk init feature flags', initContext()],
];

let h: Harness;
let dirs: string[];

beforeAll(async () => {
  [h, dirs] = await Promise.all([Harness.start(), synthAll(CONTEXTS.map(([, context]) => ({ entry, context })))]);
});

afterAll(async () => {
  await h?.stop();
});

/** The deployed ARN of the provider's configuration named `name` (what the provider hands the consumer). */
const configArn = (name: string) => (e: Engine) => {
  const c = [...latticeOf(e).configurations.values()].find((x) => x.name === name && x.account === PROVIDER_ACCOUNT);
  if (!c) throw new Error(`no resource configuration ${name} deployed`);
  return c.arn;
};
const placeholders = { [SINGLE_ARN_PLACEHOLDER]: configArn(SINGLE_NAME), [GROUP_ARN_PLACEHOLDER]: configArn(GROUP_NAME) };

async function ec2Of(account: string): Promise<ec2.EC2Client> {
  return (await h.engine.accounts.for(account, REGION)).ec2;
}

async function vpcOf(account: string): Promise<{ vpcId: string; subnetIds: string[] }> {
  const c = await ec2Of(account);
  const vpc = (await c.send(new ec2.DescribeVpcsCommand({}))).Vpcs!.find((v) => !v.IsDefault)!;
  const subnets = (await c.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets!;
  return { vpcId: vpc.VpcId!, subnetIds: subnets.map((s) => s.SubnetId!).sort() };
}

/** One RAM call as `account` (the client closed after it). */
async function ramCall<T>(account: string, call: (c: ram.RAMClient) => Promise<T>): Promise<T> {
  const { credentials } = await h.engine.accounts.for(account, REGION);
  const c = new ram.RAMClient({ region: REGION, endpoint: h.engine.accounts.endpoint, credentials, maxAttempts: 2 });
  try {
    return await call(c);
  } finally {
    c.destroy();
  }
}

describe.each(CONTEXTS.map(([label], i) => [label, i] as const))('with %s', (_label, index) => {
  describe('shared and accepted', () => {
    beforeAll(async () => {
      await h.reset();
      await h.deploy(dirs[index], { only: ['Provider'] });
      expect(latticeOf(h.engine).acceptInvitations(CONSUMER_ACCOUNT)).toHaveLength(1);
      await h.deploy(dirs[index], { only: ['Consumer'], placeholders });
    });

    test('the resource gateway is in the provider VPC\'s subnets with its own security group', async () => {
      const provider = await vpcOf(PROVIDER_ACCOUNT);
      const [gw] = [...latticeOf(h.engine).gateways.values()];
      const sg = h.engine.stack('Provider', PROVIDER_ACCOUNT, REGION)!.resources.get([...h.engine.stack('Provider', PROVIDER_ACCOUNT, REGION)!.resources.keys()]
        .find((k) => k.startsWith('GatewaySg'))!)!;
      expect(gw).toMatchObject({
        account: PROVIDER_ACCOUNT,
        region: REGION,
        name: 'orders-gateway',
        vpcId: provider.vpcId,
        subnetIds: provider.subnetIds,
        securityGroupIds: [sg.physicalId],
        ipAddressType: 'IPV4',
        status: 'ACTIVE',
      });
      expect(gw.id).toMatch(/^rgw-[0-9a-z]{17}$/);
      expect(gw.arn).toBe(`arn:aws:vpc-lattice:${REGION}:${PROVIDER_ACCOUNT}:resourcegateway/${gw.id}`);
      expect(provider.subnetIds).toHaveLength(2);
      // the gateway's security group admits nothing and reaches only the database port in its VPC
      const g = (await (await ec2Of(PROVIDER_ACCOUNT)).send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: [sg.physicalId] }))).SecurityGroups![0];
      expect(g.IpPermissions).toEqual([]);
      expect(g.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [expect.objectContaining({ CidrIp: PROVIDER_CIDR })] })]);
    });

    test('the configurations: a single DNS target, a group and its child IP target behind the gateway', () => {
      const store = latticeOf(h.engine);
      const [gw] = [...store.gateways.values()];
      const byName = (n: string) => [...store.configurations.values()].find((c) => c.name === n)!;
      expect(byName(SINGLE_NAME)).toMatchObject({
        type: 'SINGLE',
        resourceGatewayId: gw.id,
        portRanges: [DB_PORT],
        protocol: 'TCP',
        definition: { dnsResource: { domainName: DB_NAME, ipAddressType: 'IPV4' } },
      });
      expect(byName(GROUP_NAME)).toMatchObject({ type: 'GROUP', resourceGatewayId: gw.id, definition: undefined });
      expect(byName('reporting-replica')).toMatchObject({
        type: 'CHILD', resourceGatewayId: gw.id, resourceConfigurationGroupId: byName(GROUP_NAME).id, definition: { ipResource: { ipAddress: CHILD_IP } },
      });
      for (const c of store.configurations.values()) {
        expect(c.arn).toBe(`arn:aws:vpc-lattice:${REGION}:${PROVIDER_ACCOUNT}:resourceconfiguration/${c.id}`);
        expect(c.id).toMatch(/^rcfg-[0-9a-z]{17}$/);
      }
    });

    test('the RAM share: the consumer account is its principal, the single and group configurations its resources', async () => {
      const shares = (await ramCall(PROVIDER_ACCOUNT, (c) => c.send(new ram.GetResourceSharesCommand({ resourceOwner: 'SELF' })))).resourceShares!;
      expect(shares.map((s) => [s.name, s.status, s.owningAccountId, s.allowExternalPrincipals])).toEqual([['orders-share', 'ACTIVE', PROVIDER_ACCOUNT, true]]);
      const principals = (await ramCall(PROVIDER_ACCOUNT, (c) => c.send(new ram.GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' })))).resourceShareAssociations!;
      expect(principals.map((a) => [a.resourceShareArn, a.associatedEntity, a.status])).toEqual([[shares[0].resourceShareArn, CONSUMER_ACCOUNT, 'ASSOCIATED']]);
      const share = latticeOf(h.engine).shares.get(shares[0].resourceShareArn!)!;
      expect(share.resourceArns).toEqual([configArn(SINGLE_NAME)(h.engine), configArn(GROUP_NAME)(h.engine)]);
      expect([...share.invitations]).toEqual([[CONSUMER_ACCOUNT, 'ACCEPTED']]);
      expect(h.engine.resourcesOfType('AWS::RAM::ResourceShare')[0].physicalId).toBe(shares[0].resourceShareArn);
    });

    test('the consumer\'s Resource endpoints: in its subnets with its security group, to the shared configurations', async () => {
      const consumer = await vpcOf(CONSUMER_ACCOUNT);
      const endpoints = (await (await ec2Of(CONSUMER_ACCOUNT)).send(new ec2.DescribeVpcEndpointsCommand({}))).VpcEndpoints!;
      const stack = h.engine.stack('Consumer', CONSUMER_ACCOUNT, REGION)!;
      const sgId = stack.resources.get([...stack.resources.keys()].find((k) => k.startsWith('EndpointSg'))!)!.physicalId;
      expect(endpoints).toHaveLength(2);
      for (const e of endpoints) {
        expect(e).toMatchObject({ VpcEndpointType: 'Resource', VpcId: consumer.vpcId, State: 'available' });
        expect([...e.SubnetIds!].sort()).toEqual(consumer.subnetIds);
        expect(e.Groups!.map((g) => g.GroupId)).toEqual([sgId]);
      }
      const byLogical = (id: string) => latticeOf(h.engine).endpoints.get(stack.resources.get(id)!.physicalId);
      expect(byLogical('OrdersDbEndpoint')).toMatchObject({ type: 'Resource', account: CONSUMER_ACCOUNT, resourceConfigurationArn: configArn(SINGLE_NAME)(h.engine) });
      expect(byLogical('ReportingEndpoint')).toMatchObject({ type: 'Resource', account: CONSUMER_ACCOUNT, resourceConfigurationArn: configArn(GROUP_NAME)(h.engine) });
      const g = (await (await ec2Of(CONSUMER_ACCOUNT)).send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: [sgId] }))).SecurityGroups![0];
      expect(g.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [expect.objectContaining({ CidrIp: '10.80.0.0/16' })] })]);
    });

    test('destroyed in reverse order: nothing of the lattice state is left', async () => {
      await h.engine.destroyAll();
      const store = latticeOf(h.engine);
      expect([store.gateways.size, store.configurations.size, store.shares.size, store.endpoints.size]).toEqual([0, 0, 0, 0]);
      const shares = await ramCall(PROVIDER_ACCOUNT, (c) => c.send(new ram.GetResourceSharesCommand({ resourceOwner: 'SELF' })));
      expect(shares.resourceShares!.map((s) => s.status)).toEqual(['DELETED']);
    });
  });

  describe('adversarial', () => {
    beforeEach(async () => {
      await h.reset();
      await h.deploy(dirs[index], { only: ['Provider'] });
    });

    test('an account the configuration is not shared with gets no endpoint', async () => {
      latticeOf(h.engine).acceptInvitations(STRANGER_ACCOUNT);
      await expect(h.deploy(dirs[index], { only: ['Stranger'], placeholders }))
        .rejects.toThrow(/stack Stranger \(333333333333\/us-east-1\) failed: ResourceNotFoundException: .* it is not shared with account 333333333333 through AWS RAM/);
      expect(latticeOf(h.engine).endpoints.size).toBe(0);
    });

    test('the shared account gets no endpoint until it accepts the share', async () => {
      await expect(h.deploy(dirs[index], { only: ['Consumer'], placeholders }))
        .rejects.toThrow(/ResourceNotFoundException: .* account 222222222222 has not accepted the resource share invitation/);
    });
  });
});
