import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, FLAG_SETS, isolatedVpc, newApp, PARTNER, stackIn, synthErrors } from './fixtures';
import { ConnectivityGraph } from '../../src/core/graph';
import { AvailabilityZoneIds, PrivateLinkEndpoint, PrivateLinkEndpointProps, PrivateLinkService, PrivateLinkServiceAttributes } from '../../src/privatelink';

const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

/** A provider (2 AZs) and a consumer (3 AZs, secondary IPv4 and IPv6 blocks) in two stacks of one account and region. */
function sameAccount(props: Partial<PrivateLinkEndpointProps> = {}) {
  const app = newApp();
  const providerStack = stackIn(app, 'Provider');
  const consumerStack = stackIn(app, 'Consumer');
  const providerVpc = isolatedVpc(providerStack, 'Vpc', '10.0.0.0/16');
  const consumerVpc = isolatedVpc(consumerStack, 'Vpc', '10.0.0.0/16', 3);
  new ec2.CfnVPCCidrBlock(consumerStack, 'Secondary', { vpcId: consumerVpc.vpcId, cidrBlock: '100.64.0.0/20' });
  new ec2.CfnVPCCidrBlock(consumerStack, 'Ipv6', { vpcId: consumerVpc.vpcId, ipv6CidrBlock: '2001:db8:1234::/56' });
  const svc = new PrivateLinkService(providerStack, 'Orders', {
    vpc: providerVpc,
    listeners: [{ port: 443 }],
    allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
  });
  const ep = new PrivateLinkEndpoint(consumerStack, 'OrdersClient', { vpc: consumerVpc, service: svc, ...props });
  return { app, providerStack, consumerStack, providerVpc, consumerVpc, svc, ep };
}

/** A consumer stack in `region` of `account` (3 AZs) connecting to a service defined elsewhere. */
function consumerOf(attrs: Partial<PrivateLinkServiceAttributes>, props: Partial<PrivateLinkEndpointProps> = {}, region = 'us-east-1', account = PARTNER, app: App = newApp()) {
  const stack = stackIn(app, 'Consumer', region, account);
  const vpc = isolatedVpc(stack, 'Vpc', '10.20.0.0/16', 3);
  const service = PrivateLinkService.fromServiceAttributes(stack, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], ...attrs });
  const ep = new PrivateLinkEndpoint(stack, 'Client', { vpc, service, ...props });
  return { app, stack, vpc, service, ep };
}

const subnetRef = (group: string, n: number) => ({ Ref: Match.stringLikeRegexp(`Vpc${group}Subnet${n}Subnet`) });

describe('PrivateLinkEndpoint', () => {
  test('same account, provider and consumer in two stacks: endpoint in the service\'s zones, least-privilege security group', () => {
    // GIVEN / WHEN
    const { app, consumerStack, ep } = sameAccount();

    // THEN
    const t = Template.fromStack(consumerStack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: false,
      ServiceRegion: Match.absent(),
      // The service has load balancer nodes in us-east-1a and us-east-1b only.
      SubnetIds: [subnetRef('iso0', 1), subnetRef('iso0', 2)],
      // A strong (Fn::ImportValue) or weak (Fn::GetStackOutput) reference, by the cross-stack reference flag.
      ServiceName: { 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', Match.anyValue()]] },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        { CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() },
        { CidrIp: '100.64.0.0/20', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() },
        { CidrIpv6: '2001:db8:1234::/56', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() },
      ],
      // allowAllOutbound: false
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
    expect(JSON.stringify(t.toJSON())).not.toMatch(/0\.0\.0\.0\/0|"::\/0"/);
    expect(ep.subnets).toHaveLength(2);
    expect(ep.serviceRegion).toBeUndefined();
    expect(synthErrors(app)).toBe('');
    expect(Annotations.fromStack(consumerStack).findWarning('*', Match.stringLikeRegexp('cdk-private-connectivity'))).toHaveLength(0);
  });

  test('registers the endpoint and the PrivateLink connection with the graph', () => {
    const { app, ep, consumerVpc, providerVpc } = sameAccount();
    const graph = ConnectivityGraph.of(app);
    expect(graph.endpoints.map((e) => [e.owner, e.vpc, e.kind])).toEqual([[ep, consumerVpc, 'Interface']]);
    expect(graph.connections.map((c) => [c.kind, c.source, c.target])).toEqual([['privatelink', consumerVpc, providerVpc]]);
  });

  test('connections opens more; udp and tcp_udp ports are admitted with their protocol', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'S');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const svc = new PrivateLinkService(stack, 'Dns', {
      vpc,
      listeners: [{ port: 53, protocol: elbv2.Protocol.TCP_UDP }, { port: 514, protocol: elbv2.Protocol.UDP }],
      allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
    });

    // WHEN
    const ep = new PrivateLinkEndpoint(stack, 'Client', { vpc, service: svc });
    ep.connections.allowFrom(ec2.Peer.ipv4('192.168.0.0/24'), ec2.Port.tcp(53));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([
        Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 53 }),
        Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'udp', FromPort: 53 }),
        Match.objectLike({ CidrIp: '10.0.0.0/16', IpProtocol: 'udp', FromPort: 514 }),
        Match.objectLike({ CidrIp: '192.168.0.0/24', IpProtocol: 'tcp', FromPort: 53 }),
      ]),
    });
    expect(ep.connections.defaultPort).toBeUndefined();
  });

  test('open: false admits nothing; vpcCidrBlocks replace the blocks read from the VPC', () => {
    const closed = sameAccount({ open: false });
    Template.fromStack(closed.consumerStack).hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.absent() });

    const declared = sameAccount({ vpcCidrBlocks: ['10.0.0.0/16', '172.16.0.0/20'] });
    Template.fromStack(declared.consumerStack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16' }), Match.objectLike({ CidrIp: '172.16.0.0/20' })],
    });
  });

  test('an IPAM-allocated consumer block is admitted by reference, with a warning', () => {
    // GIVEN
    const app = newApp();
    const stack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 3);
    (vpc.node.defaultChild as ec2.CfnVPC).cidrBlock = undefined;
    (vpc.node.defaultChild as ec2.CfnVPC).ipv4IpamPoolId = 'ipam-pool-0123';
    (vpc.node.defaultChild as ec2.CfnVPC).ipv4NetmaskLength = 16;
    new ec2.CfnVPCCidrBlock(stack, 'V6', { vpcId: vpc.vpcId, amazonProvidedIpv6CidrBlock: true });
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], availabilityZoneIds: ['use1-az1'] });

    // WHEN
    new PrivateLinkEndpoint(stack, 'Client', { vpc, service, availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }, { name: 'us-east-1c', id: 'use1-az3' }] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('Vpc'), 'CidrBlock'] }, FromPort: 443 })],
    });
    // Facts of the VPC: on the VPC, one warning per block, naming the endpoint.
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('vpc-cidr-unknown'));
    expect(warnings.map((w) => [w.id, w.entry.data])).toEqual([
      ['/Consumer/Vpc', expect.stringMatching(/primary ipv4 block is an unresolved token .*admit it as resolved at deploy time \(1: PrivateLinkEndpoint 'Consumer\/Client'\).*vpcCidrBlocks/)],
      ['/Consumer/Vpc', expect.stringMatching(/secondary ipv6 block is not given .*do not admit traffic from it.*connections\.allowFrom/)],
    ]);
  });

  test('cross-region, cross-account service from attributes: ServiceRegion set, every consumer zone kept', () => {
    // GIVEN / WHEN
    const { stack, ep } = consumerOf({ supportedRegions: ['eu-west-1'], availabilityZoneIds: ['use1-az1'] }, {}, 'eu-west-1');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: SERVICE_NAME,
      ServiceRegion: 'us-east-1',
      SubnetIds: [subnetRef('iso0', 1), subnetRef('iso0', 2), subnetRef('iso0', 3)],
    });
    expect(ep.serviceRegion).toBe('us-east-1');
  });

  describe.each([['weak'], ['strong'], ['both'], [undefined]])('a consumer in another region given the service object, cross-stack references %s', (strength) => {
    test.each(FLAG_SETS)('under %s: ServiceName carries the provider\'s region', (_name, flags) => {
      // GIVEN
      const app = newApp({ ...flags, '@aws-cdk/core:defaultCrossStackReferences': strength });
      const providerStack = stackIn(app, 'Provider', 'us-east-1');
      const consumerStack = stackIn(app, 'Consumer', 'eu-west-1');
      const svc = new PrivateLinkService(providerStack, 'Orders', {
        vpc: isolatedVpc(providerStack, 'Vpc', '10.0.0.0/16'),
        listeners: [{ port: 443, targetType: elbv2.TargetType.IP }],
        allowedPrincipals: [new iam.AccountPrincipal(ACCOUNT)],
        supportedRegions: ['eu-west-1'],
      });

      // WHEN
      new PrivateLinkEndpoint(consumerStack, 'Client', { vpc: isolatedVpc(consumerStack, 'Vpc', '10.1.0.0/16'), service: svc });

      // THEN: com.amazonaws.vpce.us-east-1.<id>, never the consumer's AWS::Region (eu-west-1)
      const endpoint = Object.values(Template.fromStack(consumerStack).findResources('AWS::EC2::VPCEndpoint'))[0];
      expect(endpoint.Properties.ServiceRegion).toBe('us-east-1');
      expect(endpoint.Properties.ServiceName).toEqual({ 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', expect.any(Object)]] });
      expect(JSON.stringify(endpoint.Properties.ServiceName)).not.toContain('AWS::Region');
    });
  });

  test('cross-account, same region: subnets matched by AZ ID (prop or context)', () => {
    // GIVEN: in the partner account, us-east-1c is use1-az1
    const mapping = [{ name: 'us-east-1a', id: 'use1-az4' }, { name: 'us-east-1b', id: 'use1-az6' }, { name: 'us-east-1c', id: 'use1-az1' }];

    // WHEN
    const fromProp = consumerOf({ availabilityZoneIds: ['use1-az1', 'use1-az2'] }, { availabilityZoneIds: mapping });
    const fromContext = consumerOf({ availabilityZoneIds: ['use1-az6'] }, {}, 'us-east-1', PARTNER,
      newApp({ [AvailabilityZoneIds.contextKey(PARTNER, 'us-east-1')]: Object.fromEntries(mapping.map((m) => [m.name, m.id])) }));

    // THEN
    Template.fromStack(fromProp.stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: [subnetRef('iso0', 3)] });
    Template.fromStack(fromContext.stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: [subnetRef('iso0', 2)] });
  });

  test('cross-account provider in this app: its AZ IDs are matched against the consumer\'s', () => {
    // GIVEN
    const app = newApp({
      [AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')]: { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2' },
      [AvailabilityZoneIds.contextKey(PARTNER, 'us-east-1')]: { 'us-east-1a': 'use1-az2', 'us-east-1b': 'use1-az3', 'us-east-1c': 'use1-az1' },
    });
    const providerStack = stackIn(app, 'Provider');
    const consumerStack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
    const svc = new PrivateLinkService(providerStack, 'Svc', { vpc: isolatedVpc(providerStack, 'Vpc', '10.0.0.0/16'), listeners: [{ port: 443 }] });

    // WHEN
    const ep = new PrivateLinkEndpoint(consumerStack, 'Client', { vpc: isolatedVpc(consumerStack, 'Vpc', '10.1.0.0/16', 3), service: svc });

    // THEN: partner us-east-1a (use1-az2) and us-east-1c (use1-az1)
    expect(ep.subnets.map((s) => s.availabilityZone)).toEqual(['us-east-1a', 'us-east-1c']);
  });

  test('unknown AZ IDs: warning, and every selected subnet is kept', () => {
    // WHEN
    const noServiceIds = consumerOf({});
    const noConsumerIds = consumerOf({ availabilityZoneIds: ['use1-az1'] });

    // THEN
    // On the service that lacks AZ IDs; and on the stack whose account's AZ IDs are not declared.
    Annotations.fromStack(noServiceIds.stack).hasWarning('/Consumer/Orders',
      Match.stringLikeRegexp("'Consumer/Orders': service Availability Zones are not known as AZ IDs; .*PrivateLinkEndpoint 'Consumer/Client'.*Pass availabilityZoneIds .*\\[cdk-private-connectivity:privatelink-az-ids-unknown\\]"));
    Annotations.fromStack(noConsumerIds.stack).hasWarning('/Consumer',
      Match.stringLikeRegexp('consumer Availability Zones us-east-1a, us-east-1b, us-east-1c of account 222222222222 have no known AZ ID; .*cdk-private-connectivity:az-ids:account=<account>:region=<region>'));
    expect(noConsumerIds.ep.subnets).toHaveLength(3);
  });

  test('private DNS: on for a verified name, off for an unverified one unless asked (with a warning)', () => {
    // GIVEN / WHEN
    const verified = consumerOf({ privateDnsName: 'orders.example.com', availabilityZoneIds: ['use1-az1'] }, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }] });

    // THEN
    Template.fromStack(verified.stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: true });
    expect(verified.ep.privateDnsEnabled).toBe(true);

    // GIVEN: a same-app service whose name is not yet verified
    const app = newApp();
    const stack = stackIn(app, 'S');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const svc = new PrivateLinkService(stack, 'Svc', { vpc, listeners: [{ port: 443 }], privateDnsName: 'orders.example.com' });
    const off = new PrivateLinkEndpoint(stack, 'Off', { vpc, service: svc });
    new PrivateLinkEndpoint(stack, 'On', { vpc, service: svc, privateDnsEnabled: true });

    // THEN
    expect(off.privateDnsEnabled).toBe(false);
    Annotations.fromStack(stack).hasWarning('/S/Svc', Match.stringLikeRegexp("private DNS name \"orders.example.com\" is not declared verified; it affects 1 construct: .*\\(1: PrivateLinkEndpoint 'S/On'\\).*\\[cdk-private-connectivity:privatelink-private-dns-unverified\\]"));
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: true });
  });

  test('an environment-agnostic consumer: region checks skipped with a warning', () => {
    const app = newApp();
    const stack = stackIn(app, 'Agnostic', null);
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
    new PrivateLinkEndpoint(stack, 'Client', { vpc, service });
    Annotations.fromStack(stack).hasWarning('/Agnostic', Match.stringLikeRegexp("Stack 'Agnostic': region is a token.*PrivateLinkEndpoint 'Agnostic/Client'.*\\[cdk-private-connectivity:vpc-region-unknown\\]"));
  });

  test('an imported security group: warning that its rules cannot be checked', () => {
    const app = newApp();
    const stack = stackIn(app, 'S');
    const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
    const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
    new PrivateLinkEndpoint(stack, 'Client', { vpc, service, securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0123456789abcdef0')] });
    Annotations.fromStack(stack).hasWarning('/S/Sg', Match.stringLikeRegexp("security group sg-0123456789abcdef0 is imported; .*PrivateLinkEndpoint 'S/Client'.*\\[cdk-private-connectivity:privatelink-endpoint-sg-unknown\\]"));
  });

  describe('refused at synth', () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['consumer region not listed by the service', () => consumerOf({ supportedRegions: ['us-west-2'] }, {}, 'eu-west-1'),
        /'Consumer\/Client': service Consumer\/Orders in us-east-1 supports us-west-2; the consumer is in eu-west-1; .*\[cdk-private-connectivity:privatelink-region-not-supported\]/],
      ['consumer in another region, none listed', () => consumerOf({}, {}, 'eu-west-1'), /supports no other region; the consumer is in eu-west-1; .*privatelink-region-not-supported/],
      ['consumer in another partition', () => consumerOf({ supportedRegions: ['cn-north-1'] }, {}, 'cn-north-1'),
        /service Consumer\/Orders is in us-east-1 \(partition aws\), the consumer in cn-north-1 \(partition aws-cn\); .*\[cdk-private-connectivity:privatelink-partition-mismatch\]/],
      ['no consumer subnet in a service zone', () => consumerOf({ availabilityZoneIds: ['use1-az5'] }, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'use1-az1' }, { name: 'us-east-1b', id: 'use1-az2' }, { name: 'us-east-1c', id: 'use1-az3' }] }),
        /subnets are in us-east-1a \(use1-az1\), us-east-1b \(use1-az2\), us-east-1c \(use1-az3\); the service's zones are use1-az5; .*\[cdk-private-connectivity:privatelink-az-mismatch\]/],
      ['AZ name given as the consumer\'s AZ ID', () => consumerOf({ availabilityZoneIds: ['use1-az5'] }, { availabilityZoneIds: [{ name: 'us-east-1a', id: 'us-east-1a' }] }),
        /availabilityZoneIds\[0\] "us-east-1a"; this is an AZ name.*privatelink-az-id-invalid/],
      ['no subnet selected', () => consumerOf({}, { subnets: { subnets: [] } }), /subnets selects no subnet of Consumer\/Vpc; .*\[cdk-private-connectivity:privatelink-subnets-empty\]/],
      ['private DNS on a service without a name', () => consumerOf({}, { privateDnsEnabled: true }),
        /privateDnsEnabled true, but Consumer\/Orders has no private DNS name; .*\[cdk-private-connectivity:privatelink-private-dns-unavailable\]/],
    ];
    test.each(cases)('%s', (_name, build, message) => {
      expect(build).toThrow(message);
    });

    test('private DNS in a VPC without DNS hostnames', () => {
      const app = newApp();
      const stack = stackIn(app, 'S');
      const vpc = new ec2.Vpc(stack, 'Vpc', { enableDnsHostnames: false, natGateways: 0, maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], privateDnsName: 'orders.example.com' });
      expect(() => new PrivateLinkEndpoint(stack, 'Client', { vpc, service }))
        .toThrow(/has enableDnsSupport true and enableDnsHostnames false; .*\[cdk-private-connectivity:privatelink-private-dns-vpc-settings\]/);
    });

    test('two subnets in one AZ', () => {
      const app = newApp();
      const stack = stackIn(app, 'S');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 2, 2);
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });
      expect(() => new PrivateLinkEndpoint(stack, 'Client', { vpc, service, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }))
        .toThrow(/subnets selects 2 subnets in us-east-1a .*\[cdk-private-connectivity:privatelink-subnet-az-duplicate\]/);
    });

    test('a security group opened to 0.0.0.0/0 or ::/0, however it was opened', () => {
      // GIVEN
      const { app, ep, consumerStack } = sameAccount();

      // WHEN
      ep.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
      new ec2.CfnSecurityGroupIngress(consumerStack, 'Wide', {
        groupId: ep.connections.securityGroups[0].securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv6: '::/0',
      });

      // THEN
      const errors = synthErrors(app);
      expect(errors).toMatch(/'Consumer\/OrdersClient': security group Consumer\/OrdersClient\/SecurityGroup admits 0\.0\.0\.0\/0 on ports 443-443; .*\[cdk-private-connectivity:privatelink-endpoint-sg-open\]/);
      expect(errors).toMatch(/admits ::\/0 on ports 443-443; .*privatelink-endpoint-sg-open/);
    });

    test('more interface endpoints in a VPC than its quota (through the graph)', () => {
      // GIVEN
      const app = newApp();
      const stack = stackIn(app, 'S');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16', 1);
      const service = PrivateLinkService.fromServiceAttributes(stack, 'Svc', { serviceName: SERVICE_NAME, ports: [{ port: 443 }] });

      // WHEN
      for (let i = 0; i < 51; i++) new PrivateLinkEndpoint(stack, `Client${i}`, { vpc, service });

      // THEN
      expect(synthErrors(app)).toMatch(/interface endpoints in VPC S\/Vpc 51; .*\[cdk-private-connectivity:graph-interface-endpoint-quota\]/);
    });
  });

  test('a lone Stack with a token region is not a cross-region consumer', () => {
    // GIVEN: a provider in an environment-agnostic stack
    const app = newApp();
    const providerStack = new Stack(app, 'P');
    const svc = new PrivateLinkService(providerStack, 'Svc', {
      vpc: new ec2.Vpc(providerStack, 'Vpc', { natGateways: 0, maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }),
      listeners: [{ port: 443 }],
    });

    // WHEN
    const ep = new PrivateLinkEndpoint(providerStack, 'Client', { vpc: svc.vpc!, service: svc });

    // THEN
    expect(ep.serviceRegion).toBeUndefined();
    Annotations.fromStack(providerStack).hasWarning('/P', Match.stringLikeRegexp("PrivateLinkEndpoint 'P/Client'.*vpc-region-unknown"));
  });
});
