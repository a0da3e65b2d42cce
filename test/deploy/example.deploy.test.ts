// The deploy tier: the example app (examples/app.ts with examples/cdk.json's context),
// synthesized and deployed into the emulator, its state asserted as AWS would show it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ec2 from '@aws-sdk/client-ec2';
import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as ram from '@aws-sdk/client-ram';
import { GetHostedZoneCommand, ListHostedZonesByNameCommand, ListResourceRecordSetsCommand, ListVPCAssociationAuthorizationsCommand } from '@aws-sdk/client-route-53';
import { App, Stack } from 'aws-cdk-lib';
import * as cdkEc2 from 'aws-cdk-lib/aws-ec2';
import { readAssembly } from './assembly';
import { checkEndpoints, checkPeerings, deployedServiceName, deployedTypes } from './checks';
import type { Engine } from './engine';
import { Harness } from './harness';
import { latticeOf } from './resources/lattice';
import { EmulatedState } from './state';
import { exampleApp, initContext, synthAll } from './synth';
import { GatewayLoadBalancerService, InspectionEndpoints } from '../../src';

jest.setTimeout(240_000);

const PLACEHOLDER = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
/** The resource configuration ARN the partner's stack names (examples/resources.ts), replaced by the deployed one. */
const RESOURCE_ARN_PLACEHOLDER = 'arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0';
/** The stack that creates the partner's resource endpoint: deployed once the partner has accepted the share. */
const RESOURCE_CONSUMER = 'ResourcePartnerConsumer';
const [NETWORK, PARTNER] = ['111111111111', '222222222222'];

/** The ARN of the resource configuration the ResourceProvider stack deployed (what the provider hands the partner). */
function deployedConfigurationArn(engine: Engine): string {
  const cfg = engine.resourcesOfType('AWS::VpcLattice::ResourceConfiguration').find((r) => r.stack.stackName === 'ResourceProvider');
  if (!cfg) throw new Error('stack ResourceProvider deployed no resource configuration (yet)');
  return cfg.physicalId;
}
const CONTEXTS: Array<[string, Record<string, unknown>]> = [
  ['examples/cdk.json', {}],
  ['examples/cdk.json and the cdk init feature flags', initContext()],
];

let h: Harness;
let dirs: string[];

beforeAll(async () => {
  [h, dirs] = await Promise.all([Harness.start(), synthAll(CONTEXTS.map(([, ctx]) => exampleApp(ctx)))]);
});

afterAll(async () => {
  await h?.stop();
});

describe.each(CONTEXTS.map(([label], i) => [label, i] as const))('with %s', (_label, index) => {
  beforeAll(async () => {
    await h.reset();
    const asm = readAssembly(dirs[index]);
    const placeholders = {
      [PLACEHOLDER]: (e: Engine) => deployedServiceName(e, 'PrivateLinkProvider'),
      [RESOURCE_ARN_PLACEHOLDER]: deployedConfigurationArn,
    };
    await h.deploy(asm, { only: asm.stacks.map((s) => s.id).filter((id) => id !== RESOURCE_CONSUMER), placeholders });
    // Access a resource through a resource VPC endpoint (AWS PrivateLink guide): a configuration
    // shared through AWS RAM is usable once the consumer accepts the share's invitation (no
    // invitation within one organization with RAM sharing enabled; the partner is outside it).
    expect(latticeOf(h.engine).acceptInvitations(PARTNER)).toHaveLength(1);
    await h.deploy(asm, { only: [RESOURCE_CONSUMER], placeholders });
  });

  test('every stack and resource type deployed', () => {
    expect([...h.engine.stacks.values()].map((s) => s.stackName).sort()).toEqual([
      'EndpointsVpc', 'HubPartnerSpoke', 'HubPartnerSpoke-ToHub-Accepter', 'HubVpc', 'HubVpc-SharedEndpoints-222222222222-us-east-1',
      'InspectionApp', 'InspectionAppliances', 'PeeringEuropeVpc', 'PeeringPartnerVpc', 'PeeringVpc', 'PeeringVpc-HubToEurope-Accepter', 'PeeringVpc-HubToPartner-Accepter',
      'PrivateLinkAcceptance', 'PrivateLinkConsumer', 'PrivateLinkPartnerConsumer', 'PrivateLinkProvider', 'PrivateLinkRemoteConsumer',
      'ResourcePartnerConsumer', 'ResourceProvider',
    ]);
    expect(deployedTypes(h.engine)).toEqual(expect.arrayContaining([
      'AWS::EC2::Instance', 'AWS::EC2::VPCEndpointService', 'AWS::S3::BucketPolicy', 'Custom::PeeringConnection', 'Custom::PrivateLinkEndpointAcceptance',
      'AWS::EC2::GatewayRouteTableAssociation', 'AWS::Route53::HostedZone', 'AWS::Route53::RecordSet', 'Custom::HostedZoneAssociation',
      'AWS::VpcLattice::ResourceGateway', 'AWS::VpcLattice::ResourceConfiguration', 'AWS::RAM::ResourceShare',
    ]));
  });

  test('peering: the hub peered with apps (DNS both ways), Europe and the partner; routes on both sides', async () => {
    const peerings = (await checkPeerings(h.engine)).filter((p) => p.stack.startsWith('Peering'));
    const byAccepter = (cidr: string) => peerings.find((p) => p.accepter.cidr === cidr)!;
    expect(peerings).toHaveLength(3);
    const apps = byAccepter('10.21.0.0/16');
    expect([apps.requesterView.requester.allowDns, apps.requesterView.accepter.allowDns]).toEqual([true, true]);
    expect(byAccepter('10.22.0.0/16').accepter).toMatchObject({ account: '111111111111', region: 'eu-west-1' });
    expect(byAccepter('10.23.0.0/16').accepter).toMatchObject({ account: '222222222222', region: 'us-east-1' });
    expect(peerings.every((p) => p.requester.cidr === '10.20.0.0/16')).toBe(true);
  });

  test('peering: the database security group admits Postgres from the apps VPC only', async () => {
    const db = h.engine.resourcesOfType('AWS::EC2::SecurityGroup').find((r) => r.stack.stackName === 'PeeringVpc' && r.logicalId.startsWith('Database'))!;
    const rules = await new EmulatedState(h.engine).securityGroupRules('111111111111', 'us-east-1', db.physicalId);
    expect(rules.ingress.map((r) => [r.IpProtocol, r.FromPort, r.ToPort, (r.IpRanges ?? []).map((x) => x.CidrIp)])).toEqual([['tcp', 5432, 5432, ['10.21.0.0/16']]]);
  });

  test('privatelink: network load balancer, service permissions for the partner, the partner\'s endpoint accepted, the others pending', async () => {
    const state = new EmulatedState(h.engine);
    const [svc] = await state.endpointServices('111111111111', 'us-east-1');
    expect(svc).toMatchObject({ acceptanceRequired: true, supportedRegions: ['eu-west-1'], allowedPrincipals: ['arn:aws:iam::222222222222:root'] });
    expect(await state.loadBalancers('111111111111', 'us-east-1')).toEqual([{ arn: svc.loadBalancers[0], type: 'network' }]);
    const consumers = (await checkEndpoints(h.engine)).filter((e) => e.stack.startsWith('PrivateLink'));
    // The acceptance step accepts the partner account's endpoint only; the network account's own
    // consumers are not in its list of accounts.
    expect(consumers.map((e) => [e.stack, e.serviceName, e.state]).sort()).toEqual([
      ['PrivateLinkConsumer', svc.serviceName, 'pendingAcceptance'],
      ['PrivateLinkPartnerConsumer', svc.serviceName, 'available'],
      ['PrivateLinkRemoteConsumer', svc.serviceName, 'pendingAcceptance'],
    ]);
    // The service owner's view of the connections agrees.
    const partnerEndpoint = h.engine.resourcesOfType('AWS::EC2::VPCEndpoint').find((r) => r.stack.stackName === 'PrivateLinkPartnerConsumer')!;
    const connections = await state.endpointConnections('111111111111', 'us-east-1');
    expect(connections.map((c) => [c.owner, c.region, c.state]).sort()).toEqual([
      ['111111111111', 'eu-west-1', 'pendingAcceptance'],
      ['111111111111', 'us-east-1', 'pendingAcceptance'],
      ['222222222222', 'us-east-1', 'available'],
    ]);
    const acceptance = h.engine.resourcesOfType('Custom::PrivateLinkEndpointAcceptance')[0];
    expect(acceptance.attributes.AcceptedEndpointIds).toBe(partnerEndpoint.physicalId);
  });

  test('endpoints: S3 gateway endpoint, the Session Manager and SNS interface endpoints, and S3 of us-west-2 cross-region', async () => {
    const endpoints = (await checkEndpoints(h.engine)).filter((e) => e.stack === 'EndpointsVpc');
    expect(endpoints.map((e) => `${e.type} ${e.serviceName}`).sort()).toEqual([
      'Gateway com.amazonaws.us-east-1.s3',
      ...['ec2messages', 'sns', 'ssm', 'ssmmessages'].map((s) => `Interface com.amazonaws.us-east-1.${s}`),
      'Interface com.amazonaws.us-west-2.s3',
    ]);
    // The cross-region endpoint is created in the VPC's region (us-east-1) with ServiceRegion us-west-2
    // (moto keeps no ServiceRegion: the deployed resource's properties say what CreateVpcEndpoint got).
    const remote = h.engine.resourcesOfType('AWS::EC2::VPCEndpoint').filter((r) => r.stack.stackName === 'EndpointsVpc' && r.properties.ServiceRegion !== undefined);
    expect(remote.map((r) => [r.stack.region, r.properties.ServiceName, r.properties.ServiceRegion])).toEqual([['us-east-1', 'com.amazonaws.us-west-2.s3', 'us-west-2']]);
  });

  test('hub: endpoints with private DNS off; per service a private zone with an alias record to its endpoint, associated with the hub and both spokes', async () => {
    const vpcId = (stack: string, prefix: string) => h.engine.resourcesOfType('AWS::EC2::VPC').find((r) => r.stack.stackName === stack && r.logicalId.startsWith(prefix))!.physicalId;
    const expectedVpcs = [vpcId('HubVpc', 'Shared'), vpcId('HubVpc', 'AppsSpoke'), vpcId('HubPartnerSpoke', 'Vpc')].sort();
    const network = await h.engine.accounts.for('111111111111', 'us-east-1');
    const endpoints = h.engine.resourcesOfType('AWS::EC2::VPCEndpoint').filter((r) => r.stack.stackName === 'HubVpc');
    const described = await network.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: endpoints.map((e) => e.physicalId) }));
    expect(described.VpcEndpoints!.map((e) => [e.ServiceName, e.PrivateDnsEnabled]).sort()).toEqual([
      ['com.amazonaws.us-east-1.kms', false], ['com.amazonaws.us-east-1.sqs', false],
    ]);
    const zones = h.engine.resourcesOfType('AWS::Route53::HostedZone').filter((r) => r.stack.stackName === 'HubVpc');
    const seen: string[] = [];
    for (const z of zones) {
      const got = await network.route53.send(new GetHostedZoneCommand({ Id: z.physicalId }));
      seen.push(got.HostedZone!.Name!);
      expect(got.HostedZone!.Config?.PrivateZone).toBe(true);
      expect(got.VPCs!.map((v) => v.VPCId).sort()).toEqual(expectedVpcs);
      // The A record aliases the regional DNS entry of the service's endpoint.
      const service = got.HostedZone!.Name!.split('.')[0];
      const endpoint = described.VpcEndpoints!.find((e) => e.ServiceName === `com.amazonaws.us-east-1.${service}`)!;
      const records = await network.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: z.physicalId }));
      expect(records.ResourceRecordSets!.filter((r) => r.Type === 'A').map((r) => [r.Name, r.AliasTarget?.DNSName, r.AliasTarget?.HostedZoneId])).toEqual([
        [got.HostedZone!.Name, endpoint.DnsEntries![0].DnsName, endpoint.DnsEntries![0].HostedZoneId],
      ]);
      // No authorization is left once the partner's VPC is associated.
      const auths = await network.route53.send(new ListVPCAssociationAuthorizationsCommand({ HostedZoneId: z.physicalId }));
      expect(auths.VPCs ?? []).toEqual([]);
    }
    expect(seen.sort()).toEqual(['kms.us-east-1.amazonaws.com.', 'sqs.us-east-1.amazonaws.com.']);
  });

  test('hub: both spokes peered with the hub VPC, the partner\'s across accounts', async () => {
    const peerings = (await checkPeerings(h.engine)).filter((p) => p.stack.startsWith('Hub'));
    expect(peerings.map((p) => [p.requester.account, p.requester.cidr, p.accepter.cidr, p.accepterView.status]).sort()).toEqual([
      ['111111111111', '10.41.0.0/16', '10.40.0.0/16', 'active'], ['222222222222', '10.42.0.0/16', '10.40.0.0/16', 'active'],
    ]);
  });

  test('hub: the partner spoke was associated in order (authorize from the hub account, associate from its own, deauthorize)', () => {
    const partnerVpc = h.engine.resourcesOfType('AWS::EC2::VPC').find((r) => r.stack.stackName === 'HubPartnerSpoke')!.physicalId;
    const log = h.engine.shims.zoneAuthorizationLog.filter((e) => e.vpc === `us-east-1/${partnerVpc}`);
    const perZone = new Map<string, string[]>();
    for (const e of log) perZone.set(e.zoneId, [...(perZone.get(e.zoneId) ?? []), `${e.action} by ${e.caller}`]);
    expect([...perZone.values()]).toEqual([0, 1].map(() => ['authorize by 111111111111', 'associate by 222222222222', 'deauthorize by 111111111111']));
    const steps = h.engine.resourcesOfType('Custom::HostedZoneAssociation');
    expect(steps.map((r) => r.physicalId.split('/')[1])).toEqual([partnerVpc, partnerVpc]);
  });

  test('hub: the endpoints\' security group admits HTTPS from the hub and both spokes only', async () => {
    const sg = h.engine.resourcesOfType('AWS::EC2::SecurityGroup').find((r) => r.stack.stackName === 'HubVpc' && r.logicalId.startsWith('SharedEndpointsSecurityGroup'))!;
    const rules = await new EmulatedState(h.engine).securityGroupRules('111111111111', 'us-east-1', sg.physicalId);
    expect(rules.ingress.flatMap((r) => (r.IpRanges ?? []).map((x) => [r.IpProtocol, r.FromPort, r.ToPort, x.CidrIp])).sort()).toEqual([
      ['tcp', 443, 443, '10.40.0.0/16'], ['tcp', 443, 443, '10.41.0.0/16'], ['tcp', 443, 443, '10.42.0.0/16'],
    ]);
  });

  test('inspection: a gateway load balancer, a GENEVE target group, one GWLB endpoint per AZ, each AZ routed through its own endpoint both ways', async () => {
    const [account, region] = ['111111111111', 'eu-west-1'];
    const state = new EmulatedState(h.engine);
    const c = await h.engine.accounts.for(account, region);
    const [svc] = await state.endpointServices(account, region);
    expect(svc).toMatchObject({ acceptanceRequired: false, allowedPrincipals: ['arn:aws:iam::222222222222:root'] });
    expect(await state.loadBalancers(account, region)).toEqual([{ arn: svc.loadBalancers[0], type: 'gateway' }]);
    const [tg] = (await c.elbv2.send(new elb.DescribeTargetGroupsCommand({}))).TargetGroups!;
    expect([tg.Protocol, tg.Port, tg.HealthCheckProtocol, tg.HealthCheckPort, tg.HealthCheckPath]).toEqual(['GENEVE', 6081, 'HTTP', '8080', '/healthz']);

    const endpoints = (await state.endpoints(account, region)).filter((e) => e.type === 'GatewayLoadBalancer');
    expect(endpoints.map((e) => [e.serviceName, e.state, e.subnetIds.length])).toEqual([[svc.serviceName, 'available', 1], [svc.serviceName, 'available', 1]]);
    const vpcId = endpoints[0].vpcId;
    const subnets = (await c.ec2.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets!;
    const group = (s: ec2.Subnet) => s.Tags?.find((t) => t.Key === 'aws-cdk:subnet-name')?.Value;
    const zoneOf = new Map(subnets.map((s) => [s.SubnetId!, s.AvailabilityZone!]));
    const endpointOf = new Map(endpoints.map((e) => [zoneOf.get(e.subnetIds[0])!, e.id]));
    expect([...endpointOf.keys()].sort()).toEqual(['eu-west-1a', 'eu-west-1b']);
    const igw = h.engine.resourcesOfType('AWS::EC2::InternetGateway').find((r) => r.stack.stackName === 'InspectionApp')!.physicalId;

    const tables = (await c.ec2.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).RouteTables!;
    const tableOf = (subnetId: string) => tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId))!;
    // A GWLB endpoint route shows its target as GatewayId (vpce-...), as DescribeRouteTables does.
    const target = (t: ec2.RouteTable, dest: string) =>
      (t.Routes ?? []).filter((r) => r.DestinationCidrBlock === dest).map((r) => r.VpcPeeringConnectionId ?? r.NatGatewayId ?? r.GatewayId);
    const protectedSubnets = subnets.filter((s) => group(s) === 'public');
    expect(protectedSubnets).toHaveLength(2);
    for (const s of protectedSubnets) expect(target(tableOf(s.SubnetId!), '0.0.0.0/0')).toEqual([endpointOf.get(s.AvailabilityZone!)]);
    for (const s of subnets.filter((x) => group(x) === 'inspection')) expect(target(tableOf(s.SubnetId!), '0.0.0.0/0')).toEqual([igw]);
    for (const s of subnets.filter((x) => group(x) === 'app')) expect(target(tableOf(s.SubnetId!), '0.0.0.0/0')).toEqual([]);

    // The internet gateway's edge route table: each protected subnet's block to the endpoint of its AZ.
    const edge = tables.filter((t) => (t.Associations ?? []).some((a) => a.GatewayId === igw));
    expect(edge).toHaveLength(1);
    for (const s of protectedSubnets) expect(target(edge[0], s.CidrBlock!)).toEqual([endpointOf.get(s.AvailabilityZone!)]);
    expect((edge[0].Routes ?? []).filter((r) => r.GatewayId !== 'local')).toHaveLength(2);
  });

  /** A stack's only resource of a type, its VPC and the VPC's subnets (sorted), as the partner or provider sees them. */
  async function deployedIn(stackName: string, account: string, type: string) {
    const of = (t: string) => h.engine.resourcesOfType(t).filter((r) => r.stack.stackName === stackName);
    const [resource, ...more] = of(type);
    expect(more).toEqual([]);
    const c = (await h.engine.accounts.for(account, 'us-east-1')).ec2;
    const vpcId = of('AWS::EC2::VPC')[0].physicalId;
    const subnets = (await c.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets!;
    return { c, vpcId, subnetIds: subnets.map((x) => x.SubnetId!).sort(), resource, groups: of('AWS::EC2::SecurityGroup').map((g) => g.physicalId) };
  }
  const ruleRows = (rules: ec2.IpPermission[]) => rules.flatMap((r) => [
    ...(r.IpRanges ?? []).map((x) => [r.IpProtocol, r.FromPort, r.ToPort, x.CidrIp]),
    ...(r.UserIdGroupPairs ?? []).map((x) => [r.IpProtocol, r.FromPort, r.ToPort, x.GroupId]),
  ]).sort();

  test('resources: the resource gateway in the provider\'s subnets, its security group reaching only Postgres', async () => {
    const provider = await deployedIn('ResourceProvider', NETWORK, 'AWS::VpcLattice::ResourceGateway');
    const gateways = [...latticeOf(h.engine).gateways.values()];
    expect(gateways).toHaveLength(1);
    expect(gateways[0].arn).toBe(provider.resource.physicalId);
    const [gatewayGroup] = gateways[0].securityGroupIds;
    expect(gateways[0]).toMatchObject({ account: NETWORK, region: 'us-east-1', vpcId: provider.vpcId, subnetIds: provider.subnetIds, securityGroupIds: [gatewayGroup], status: 'ACTIVE' });
    expect(provider.subnetIds).toHaveLength(2);
    // Two groups in the stack: the gateway's own and the database's.
    const database = provider.groups.filter((g) => g !== gatewayGroup);
    expect(provider.groups).toContain(gatewayGroup);
    expect(database).toHaveLength(1);
    // Nothing comes in; out only to the resource's port: the VPC (the DNS target's addresses) and the database's group.
    const state = new EmulatedState(h.engine);
    const rules = await state.securityGroupRules(NETWORK, 'us-east-1', gatewayGroup);
    expect(rules.ingress).toEqual([]);
    expect(ruleRows(rules.egress)).toEqual([['tcp', 5432, 5432, '10.60.0.0/16'], ['tcp', 5432, 5432, database[0]]].sort());
    // The database admits Postgres from the gateway's group only.
    expect(ruleRows((await state.securityGroupRules(NETWORK, 'us-east-1', database[0])).ingress)).toEqual([['tcp', 5432, 5432, gatewayGroup]]);
  });

  test('resources: a SINGLE configuration of the DNS target on Postgres behind the gateway, shared through RAM with the partner', async () => {
    const store = latticeOf(h.engine);
    const [gw] = [...store.gateways.values()];
    const configurations = [...store.configurations.values()];
    expect(configurations.map((c) => [c.account, c.type, c.resourceGatewayId, c.portRanges, c.protocol, c.definition])).toEqual([
      [NETWORK, 'SINGLE', gw.id, ['5432'], 'TCP', { dnsResource: { domainName: 'orders-db.internal.example.com', ipAddressType: 'IPV4' } }],
    ]);
    const arn = configurations[0].arn;
    const { credentials } = await h.engine.accounts.for(NETWORK, 'us-east-1');
    const client = new ram.RAMClient({ region: 'us-east-1', endpoint: h.engine.accounts.endpoint, credentials, maxAttempts: 2 });
    try {
      const shares = (await client.send(new ram.GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares!;
      expect(shares.map((s) => [s.status, s.owningAccountId])).toEqual([['ACTIVE', NETWORK]]);
      const principals = (await client.send(new ram.GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' }))).resourceShareAssociations!;
      expect(principals.map((a) => [a.resourceShareArn, a.associatedEntity, a.status])).toEqual([[shares[0].resourceShareArn, PARTNER, 'ASSOCIATED']]);
      const share = store.shares.get(shares[0].resourceShareArn!)!;
      expect(share.resourceArns).toEqual([arn]);
      expect([...share.invitations]).toEqual([[PARTNER, 'ACCEPTED']]);
    } finally {
      client.destroy();
    }
  });

  test('resources: the partner\'s Resource endpoint in its subnets, to the shared configuration, admitting Postgres from its VPC only', async () => {
    const consumer = await deployedIn(RESOURCE_CONSUMER, PARTNER, 'AWS::EC2::VPCEndpoint');
    const described = (await consumer.c.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [consumer.resource.physicalId] }))).VpcEndpoints!;
    expect(described).toHaveLength(1);
    const [e] = described;
    expect(e).toMatchObject({ VpcEndpointType: 'Resource', VpcId: consumer.vpcId, State: 'available', ResourceConfigurationArn: deployedConfigurationArn(h.engine) });
    expect(e.ServiceNetworkArn).toBeUndefined();
    expect([...e.SubnetIds!].sort()).toEqual(consumer.subnetIds);
    // The endpoint's own group, the stack's only one.
    expect(e.Groups!.map((g) => g.GroupId)).toEqual(consumer.groups);
    const rules = await new EmulatedState(h.engine).securityGroupRules(PARTNER, 'us-east-1', consumer.groups[0]);
    expect(ruleRows(rules.ingress)).toEqual([['tcp', 5432, 5432, '10.61.0.0/16']]);
    // CDK's "disallow all traffic" egress placeholder: the endpoint's group starts no connection.
    expect(ruleRows(rules.egress)).toEqual([['icmp', 252, 86, '255.255.255.255/32']]);
  });

  // Last: it deletes every stack.
  test('hub: removal disassociates the partner spoke from its own account, then the zones go with the hub\'s stack', async () => {
    const partnerVpc = h.engine.resourcesOfType('AWS::EC2::VPC').find((r) => r.stack.stackName === 'HubPartnerSpoke')!.physicalId;
    const zoneIds = h.engine.resourcesOfType('AWS::Route53::HostedZone').map((z) => z.physicalId);
    await h.engine.destroyAll();
    const log = h.engine.shims.zoneAuthorizationLog.filter((e) => e.vpc === `us-east-1/${partnerVpc}` && e.action === 'disassociate');
    expect(log.map((e) => [e.zoneId, e.caller]).sort()).toEqual(zoneIds.map((z) => [z, '222222222222']).sort());
    const network = await h.engine.accounts.for('111111111111', 'us-east-1');
    const left = await network.route53.send(new ListHostedZonesByNameCommand({}));
    expect((left.HostedZones ?? []).filter((z) => zoneIds.includes(z.Id!.replace('/hostedzone/', '')))).toEqual([]);
  });
});

// What synth can only warn about (a service by name, AZ IDs unknown), the deploy refuses as AWS does.
describe('inspection: an endpoint in a zone the Gateway Load Balancer does not serve', () => {
  test('synth warns (inspection-az-unknown); the deploy fails at the endpoint', async () => {
    // GIVEN: the load balancer in us-east-1a only; the consumer takes the service by name, endpoints in 1a and 1b
    await h.reset();
    const env = { account: '111111111111', region: 'us-east-1' };
    const app = new App({
      outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'gwlb-zones-')),
      context: { 'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b'] },
    });
    const vpcOf = (stack: Stack, cidr: string, groups: string[]) => new cdkEc2.Vpc(stack, 'Vpc', {
      ipAddresses: cdkEc2.IpAddresses.cidr(cidr),
      maxAzs: 2,
      natGateways: 0,
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: groups.map((name) => ({ name, subnetType: name === 'appliances' ? cdkEc2.SubnetType.PRIVATE_ISOLATED : cdkEc2.SubnetType.PUBLIC, cidrMask: 24 })),
    });
    const appliances = new Stack(app, 'ZoneAppliances', { env });
    new GatewayLoadBalancerService(appliances, 'Firewall', {
      vpc: vpcOf(appliances, '10.50.0.0/16', ['appliances']),
      vpcSubnets: { subnetGroupName: 'appliances', availabilityZones: ['us-east-1a'] },
      acceptanceRequired: false,
    });
    const consumer = new Stack(app, 'ZoneConsumer', { env });
    consumer.addDependency(appliances);
    new InspectionEndpoints(consumer, 'Inspect', {
      vpc: vpcOf(consumer, '10.51.0.0/16', ['inspection', 'public']),
      service: GatewayLoadBalancerService.fromServiceAttributes(consumer, 'Firewall', { serviceName: PLACEHOLDER }),
      endpointSubnets: { subnetGroupName: 'inspection' },
      protectedSubnets: { subnetGroupName: 'public' },
    });
    const asm = app.synth();
    expect(asm.getStackByName('ZoneConsumer').messages.map((m) => String(m.entry.data))).toEqual(
      expect.arrayContaining([expect.stringMatching(/inspection-az-unknown/)]));

    // WHEN / THEN
    await expect(h.deploy(asm.directory, { placeholders: { [PLACEHOLDER]: (e) => deployedServiceName(e, 'ZoneAppliances') } }))
      .rejects.toThrow(/us-east-1b .*not supported by the service's load balancer/);
    expect(h.engine.resourcesOfType('AWS::EC2::VPCEndpoint').filter((r) => r.stack.stackName === 'ZoneConsumer')).toHaveLength(1);
  });
});
