// PrivateLink for VPC resources in the deploy tier: a resource gateway, resource configurations
// (SINGLE, GROUP and CHILD), an AWS RAM share and `Resource` VPC endpoints in another account,
// deployed with the L1s (test/deploy/fixtures/resources-app.ts) and their state asserted as AWS
// shows it; an account the configuration is not shared with, or one that has not accepted the
// share, gets no endpoint.
import * as path from 'path';
import * as ec2 from '@aws-sdk/client-ec2';
import * as ram from '@aws-sdk/client-ram';
import type { Engine } from './engine';
import { writeAssembly } from './fixtures/assemblies';
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
      // As AWS shows them: DescribeVpcEndpoints in the consumer's account names each endpoint's resource configuration.
      const byLogical = (id: string) => endpoints.find((e) => e.VpcEndpointId === stack.resources.get(id)!.physicalId)!;
      expect(byLogical('OrdersDbEndpoint').ResourceConfigurationArn).toBe(configArn(SINGLE_NAME)(h.engine));
      expect(byLogical('ReportingEndpoint').ResourceConfigurationArn).toBe(configArn(GROUP_NAME)(h.engine));
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

/** A hand-written provider template: two VPCs (A 10.1.0.0/16, B 10.2.0.0/16), a subnet and security group in each, and `extra`. */
function providerTemplate(extra: Record<string, unknown>) {
  const ref = (id: string) => ({ Ref: id });
  return writeAssembly([{
    id: 'Hand',
    template: {
      Resources: {
        VpcA: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
        VpcB: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16' } },
        SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('VpcA'), CidrBlock: '10.1.0.0/24', AvailabilityZone: 'us-east-1a' } },
        SubnetB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('VpcB'), CidrBlock: '10.2.0.0/24', AvailabilityZone: 'us-east-1a' } },
        SgA: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'a', VpcId: ref('VpcA') } },
        SgB: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'b', VpcId: ref('VpcB') } },
        ...extra,
      } as any,
    },
  }]);
}
const gatewayIn = (subnet: string, sg: string) => ({
  Type: 'AWS::VpcLattice::ResourceGateway',
  Properties: { Name: 'hand-gateway', VpcIdentifier: { Ref: 'VpcA' }, SubnetIds: [{ Ref: subnet }], SecurityGroupIds: [{ Ref: sg }] },
});
const singleTo = (definition: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::VpcLattice::ResourceConfiguration',
  Properties: {
    Name: 'hand-target',
    ResourceConfigurationType: 'SINGLE',
    ResourceGatewayId: { 'Fn::GetAtt': ['Gateway', 'Id'] },
    PortRanges: ['5432'],
    ResourceConfigurationDefinition: definition,
    ...extra,
  },
});

describe('refused as AWS refuses them', () => {
  beforeEach(async () => {
    await h.reset();
  });

  test('control: a gateway in VPC A and an IP target in VPC A, associated with a service network', async () => {
    // WHEN
    await h.deploy(providerTemplate({
      Gateway: gatewayIn('SubnetA', 'SgA'),
      Target: singleTo({ IpResource: '10.1.0.10' }),
      Association: {
        Type: 'AWS::VpcLattice::ServiceNetworkResourceAssociation',
        Properties: { ResourceConfigurationId: { 'Fn::GetAtt': ['Target', 'Id'] }, ServiceNetworkId: 'sn-0123456789abcdefg' },
      },
    }));

    // THEN
    const store = latticeOf(h.engine);
    const [target] = [...store.configurations.values()];
    expect(target.definition).toEqual({ ipResource: { ipAddress: '10.1.0.10' } });
    const [association] = [...store.serviceNetworkAssociations.values()];
    expect(association).toMatchObject({ resourceConfigurationId: target.id, serviceNetworkId: 'sn-0123456789abcdefg' });
    expect(association.arn).toMatch(new RegExp('^arn:aws:vpc-lattice:us-east-1:111111111111:servicenetworkresourceassociation/snra-[0-9a-f]{17}$'));
  });

  test('a gateway in a subnet of another VPC', async () => {
    await expect(h.deploy(providerTemplate({ Gateway: gatewayIn('SubnetB', 'SgA') })))
      .rejects.toThrow(/ValidationException: AWS::VpcLattice::ResourceGateway: subnets subnet-\w+ \(vpc-\w+\) are not in VPC vpc-/);
  });

  test('a gateway with a security group of another VPC', async () => {
    await expect(h.deploy(providerTemplate({ Gateway: gatewayIn('SubnetA', 'SgB') })))
      .rejects.toThrow(/security groups sg-\w+ \(vpc-\w+\) are not in VPC vpc-/);
  });

  test('an IP target outside the gateway\'s VPC', async () => {
    await expect(h.deploy(providerTemplate({ Gateway: gatewayIn('SubnetA', 'SgA'), Target: singleTo({ IpResource: '10.2.0.10' }) })))
      .rejects.toThrow(/IpResource 10.2.0.10 is not in the resource gateway's VPC vpc-\w+ \(10.1.0.0\/16\)/);
  });

  test('a DNS target that is not a DNS name, a dual-stack DNS target, a port out of range', async () => {
    const deploy = (definition: Record<string, unknown>, extra?: Record<string, unknown>) =>
      h.deploy(providerTemplate({ Gateway: gatewayIn('SubnetA', 'SgA'), Target: singleTo(definition, extra) }));
    await expect(deploy({ DnsResource: { DomainName: 'orders_db..example', IpAddressType: 'IPV4' } })).rejects.toThrow(/is not a valid DNS name/);
    await h.reset();
    await expect(deploy({ DnsResource: { DomainName: 'db.example.com', IpAddressType: 'DUALSTACK' } })).rejects.toThrow(/DnsResource.IpAddressType "DUALSTACK" is not one of IPV4 \| IPV6/);
    await h.reset();
    await expect(deploy({ IpResource: '10.1.0.10' }, { PortRanges: ['5432-70000'] })).rejects.toThrow(/port range 5432-70000 is not within 1-65535/);
  });

  test('a Resource endpoint in the resource gateway\'s own VPC', async () => {
    await expect(h.deploy(providerTemplate({
      Gateway: gatewayIn('SubnetA', 'SgA'),
      Target: singleTo({ IpResource: '10.1.0.10' }),
      Endpoint: {
        Type: 'AWS::EC2::VPCEndpoint',
        Properties: { VpcId: { Ref: 'VpcA' }, VpcEndpointType: 'Resource', ResourceConfigurationArn: { Ref: 'Target' }, SubnetIds: [{ Ref: 'SubnetA' }] },
      },
    }))).rejects.toThrow(/resource gateway rgw-\w+ is in the endpoint's VPC vpc-/);
  });

  test('a Resource endpoint to a CHILD configuration, or with a subnet of another VPC', async () => {
    const withEndpoint = (endpoint: Record<string, unknown>) => providerTemplate({
      Gateway: gatewayIn('SubnetA', 'SgA'),
      Group: { Type: 'AWS::VpcLattice::ResourceConfiguration', Properties: { Name: 'hand-group', ResourceConfigurationType: 'GROUP', ResourceGatewayId: { 'Fn::GetAtt': ['Gateway', 'Id'] } } },
      Child: {
        Type: 'AWS::VpcLattice::ResourceConfiguration',
        Properties: {
          Name: 'hand-child',
          ResourceConfigurationType: 'CHILD',
          ResourceConfigurationGroupId: { 'Fn::GetAtt': ['Group', 'Id'] },
          ResourceConfigurationDefinition: { IpResource: '10.1.0.11' },
        },
      },
      Endpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcB' }, VpcEndpointType: 'Resource', ...endpoint } },
    });
    await expect(h.deploy(withEndpoint({ ResourceConfigurationArn: { Ref: 'Child' }, SubnetIds: [{ Ref: 'SubnetB' }] })))
      .rejects.toThrow(/is of type CHILD; an endpoint takes a SINGLE, GROUP or ARN configuration/);
    await h.reset();
    await expect(h.deploy(withEndpoint({ ResourceConfigurationArn: { Ref: 'Group' }, SubnetIds: [{ Ref: 'SubnetA' }] })))
      .rejects.toThrow(/AWS::EC2::VPCEndpoint \(Resource\): subnets subnet-\w+ \(vpc-\w+\) are not in VPC vpc-/);
  });
});
