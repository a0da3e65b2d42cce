import { ArnFormat } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, crossAccount, isolatedVpc, newApp, PARTNER, stackIn, synthErrors } from './fixtures';
import { ConnectionKind, ConnectivityGraph } from '../../src/core/graph';
import {
  PrivateLinkResource, PrivateLinkResourceProps, ResourceDnsResolution, ResourceGatewayIpAddressType,
  ResourceIpAddressType, ResourceTarget,
} from '../../src/resources';

/** A provider stack (us-east-1, 10.60.0.0/16, 2 AZs) and a resource built with `props`. */
function provider(props: Partial<PrivateLinkResourceProps> = {}, context: Record<string, unknown> = {}) {
  const app = newApp(context);
  const stack = stackIn(app, 'Provider');
  const vpc = isolatedVpc(stack, 'Vpc', '10.60.0.0/16');
  const build = () => new PrivateLinkResource(stack, 'OrdersDb', {
    vpc,
    target: ResourceTarget.ipAddress('10.60.0.10'),
    portRanges: ['5432'],
    allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
    ...props,
  });
  return { app, stack, vpc, build };
}

const subnetRef = (n: number) => ({ Ref: Match.stringLikeRegexp(`Vpciso0Subnet${n}Subnet`) });

/** Refusals at construction: one row (or more) per rule, each with the props that trigger it. */
const REFUSALS: Array<[string, Partial<PrivateLinkResourceProps>, RegExp]> = [
  ['resource-targets-invalid', { target: undefined }, /target \/ targets are both missing.*\[cdk-private-connectivity:resource-targets-invalid\]/],
  ['resource-targets-invalid', { targets: [ResourceTarget.ipAddress('10.60.0.11')] }, /are both given/],
  ['resource-targets-invalid', { target: undefined, targets: [ResourceTarget.arn(`arn:aws:rds:us-east-1:${ACCOUNT}:db:orders`)] }, /targets\[0\] is arn\(/],
  ['resource-port-range-invalid', { portRanges: ['0'] }, /portRanges\[0\] "0"; a port range is a TCP port or a range.*\[cdk-private-connectivity:resource-port-range-invalid\]/],
  ['resource-port-range-invalid', { portRanges: ['8010-8000'] }, /portRanges\[0\] "8010-8000"/],
  ['resource-port-range-invalid', { portRanges: ['1,2,22-30'] }, /Give each range as its own entry: \["1","2","22-30"\]/],
  ['resource-port-range-invalid', { portRanges: [] }, /portRanges \[\]/],
  ['resource-protocol-invalid', { protocol: ec2.Protocol.UDP }, /protocol "udp"; resource configurations accept TCP only.*\[cdk-private-connectivity:resource-protocol-invalid\]/],
  ['resource-target-dns-invalid', { target: ResourceTarget.dnsName('orders_db.example.com') }, /target "orders_db.example.com" has the label "orders_db".*\[cdk-private-connectivity:resource-target-dns-invalid\]/],
  ['resource-target-dns-invalid', { target: ResourceTarget.dnsName('10.60.0.10') }, /is an IP address, not a domain name.*Use ResourceTarget.ipAddress\("10.60.0.10"\)/],
  ['resource-target-ip-invalid', { target: ResourceTarget.ipAddress('8.8.8.8') }, /target "8.8.8.8" is not a private IPv4 address.*\[cdk-private-connectivity:resource-target-ip-invalid\]/],
  ['resource-target-ip-invalid', { target: ResourceTarget.ipAddress('10.60.0.300') }, /target "10.60.0.300": /],
  ['resource-target-ip-invalid', { target: ResourceTarget.ipAddress('2001:db8::10'), ipAddressType: ResourceGatewayIpAddressType.DUALSTACK }, /is not in the IPv6 blocks of Provider\/Vpc \(none\)/],
  ['resource-target-arn-invalid', { target: ResourceTarget.arn('arn:aws:elasticache:us-east-1:111111111111:cluster:orders') }, /the only ARN-based resources.*Amazon RDS.*\[cdk-private-connectivity:resource-target-arn-invalid\]/],
  ['resource-ip-address-type-mismatch', { target: ResourceTarget.dnsName('db.example.com', { ipAddressType: ResourceIpAddressType.IPV6 }) }, /target dnsName\("db.example.com"\) is IPV6, the resource gateway IPV4.*\[cdk-private-connectivity:resource-ip-address-type-mismatch\]/],
  ['resource-ip-address-type-mismatch', { ipAddressType: ResourceGatewayIpAddressType.IPV6 }, /is IPV4, the resource gateway IPV6/],
  ['resource-gateway-settings-invalid', { ipv4AddressesPerEni: 63 }, /ipv4AddressesPerEni 63 on a IPV4 gateway.*\[cdk-private-connectivity:resource-gateway-settings-invalid\]/],
  ['resource-gateway-settings-invalid', { dnsResolution: ResourceDnsResolution.IN_VPC, target: ResourceTarget.arn(`arn:aws:rds:us-east-1:${ACCOUNT}:db:orders`) }, /dnsResolution IN_VPC with an ARN target/],
  ['resource-gateway-subnets-invalid', { subnets: { subnets: [] } }, /subnets selects no subnet of Provider\/Vpc.*\[cdk-private-connectivity:resource-gateway-subnets-invalid\]/],
  ['resource-gateway-subnets-invalid', { subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: false } }, /selects 2 subnets in us-east-1a/],
  ['resource-principal-invalid', { allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${PARTNER}:role/Db`)] }, /allowedPrincipals\[0\] "arn:aws:iam::222222222222:role\/Db"; VPC Lattice resource configurations are shared with AWS accounts.*\[cdk-private-connectivity:resource-principal-invalid\]/],
  ['privatelink-principal-wildcard', { allowedPrincipals: [new iam.ArnPrincipal('*')] }, /\[cdk-private-connectivity:privatelink-principal-wildcard\]/],
];

describe('PrivateLinkResource', () => {
  test('a DNS target: gateway in one subnet per AZ, SINGLE configuration, RAM share to the partner, egress only on 5432', () => {
    // GIVEN / WHEN
    const { providerStack, db } = crossAccount();

    // THEN
    const t = Template.fromStack(providerStack);
    t.resourceCountIs('AWS::VpcLattice::ResourceGateway', 1);
    t.hasResourceProperties('AWS::VpcLattice::ResourceGateway', {
      Name: Match.stringLikeRegexp('^provider-ordersdb-gateway-[0-9a-f]{8}$'),
      IpAddressType: 'IPV4',
      VpcIdentifier: { Ref: Match.stringLikeRegexp('^Vpc') },
      SubnetIds: [subnetRef(1), subnetRef(2)],
      SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDbSecurityGroup'), 'GroupId'] }],
    });
    t.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
      ResourceConfigurationType: 'SINGLE',
      ProtocolType: 'TCP',
      PortRanges: ['5432'],
      AllowAssociationToSharableServiceNetwork: false,
      ResourceConfigurationDefinition: { DnsResource: { DomainName: 'orders-db.internal.example.com', IpAddressType: 'IPV4' } },
      ResourceGatewayId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDbGateway'), 'Id'] },
    });
    t.hasResourceProperties('AWS::RAM::ResourceShare', {
      Principals: [PARTNER],
      ResourceArns: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDb'), 'Arn'] }],
      AllowExternalPrincipals: Match.absent(),
    });
    // Least privilege: no inbound rule, outbound only TCP 5432 to the provider VPC (the DNS target's addresses).
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [{ CidrIp: '10.60.0.0/16', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: Match.anyValue() }],
    });
    expect(db.sharedAccounts).toEqual([PARTNER]);
    expect(db.availabilityZoneIds).toEqual(['use1-az1', 'use1-az2']);
    Annotations.fromStack(providerStack).hasNoWarning('*', Match.anyValue());
  });

  test('an IP target: egress only to the target address; the target admits the gateway through connections', () => {
    // GIVEN
    const { stack, vpc, build } = provider({ portRanges: ['5432', '8000-8010'] });
    const dbSg = new ec2.SecurityGroup(stack, 'DbSg', { vpc, allowAllOutbound: false });

    // WHEN
    const db = build();
    dbSg.connections.allowFrom(db, ec2.Port.tcp(5432));

    // THEN
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('TCP 5432, 8000-8010'),
      SecurityGroupEgress: [
        { CidrIp: '10.60.0.10/32', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: Match.anyValue() },
        { CidrIp: '10.60.0.10/32', IpProtocol: 'tcp', FromPort: 8000, ToPort: 8010, Description: Match.anyValue() },
      ],
    });
    t.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
      PortRanges: ['5432', '8000-8010'],
      ResourceConfigurationDefinition: { IpResource: '10.60.0.10' },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDbSecurityGroup'), 'GroupId'] },
    });
  });

  test('an RDS ARN target: ARN configuration without port ranges or protocol', () => {
    // GIVEN / WHEN
    const { stack, build } = provider({ target: ResourceTarget.arn(`arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`) });
    build();

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
      ResourceConfigurationType: 'ARN',
      ResourceConfigurationDefinition: { ArnResource: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders` },
      PortRanges: Match.absent(),
      ProtocolType: Match.absent(),
    });
  });

  test('several targets: a GROUP configuration with one CHILD per target', () => {
    // GIVEN / WHEN
    const { stack, build } = provider({
      target: undefined,
      targets: [ResourceTarget.ipAddress('10.60.0.10'), ResourceTarget.dnsName('replica.internal.example.com')],
    });
    build();

    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::VpcLattice::ResourceConfiguration', 3);
    t.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
      ResourceConfigurationType: 'GROUP',
      ProtocolType: 'TCP',
      PortRanges: ['5432'],
      ResourceGatewayId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDbGateway'), 'Id'] },
    });
    for (const definition of [{ IpResource: '10.60.0.10' }, { DnsResource: { DomainName: 'replica.internal.example.com', IpAddressType: 'IPV4' } }]) {
      t.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'CHILD',
        ResourceConfigurationDefinition: definition,
        ResourceConfigurationGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDb[0-9A-F]{8}$'), 'Id'] },
        ResourceGatewayId: Match.absent(),
      });
    }
    // Egress to the provider VPC: a DNS target is among them.
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupEgress: [Match.objectLike({ CidrIp: '10.60.0.0/16', FromPort: 5432 })] });
  });

  test('service networks: one association per service network', () => {
    const { stack, build } = provider({ serviceNetworks: ['sn-0123456789abcdef0'] });
    build();
    Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ServiceNetworkResourceAssociation', {
      ServiceNetworkId: 'sn-0123456789abcdef0',
      ResourceConfigurationId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDb'), 'Id'] },
    });
  });

  test('resource-no-principals: no RAM share and a warning when no principal is allowed', () => {
    const { stack, build } = provider({ allowedPrincipals: [] });
    build();
    Template.fromStack(stack).resourceCountIs('AWS::RAM::ResourceShare', 0);
    Annotations.fromStack(stack).hasWarning('/Provider/OrdersDb',
      Match.stringLikeRegexp("PrivateLinkResource 'Provider/OrdersDb': allowedPrincipals \\(none\\).*\\[cdk-private-connectivity:resource-no-principals\\]"));
  });

  test('organization and OU ARNs are shared as given; the shared accounts are then unknown', () => {
    const org = 'arn:aws:organizations::111111111111:organization/o-abcdef1234';
    const { stack, build } = provider({ allowedPrincipals: [new iam.ArnPrincipal(org)] });
    const db = build();
    Template.fromStack(stack).hasResourceProperties('AWS::RAM::ResourceShare', { Principals: [org] });
    expect(db.sharedAccounts).toBeUndefined();
  });

  test('the graph records the resource endpoint as a privatelink-resource connection with its ports', () => {
    const { app, providerVpc, consumerVpc, ep } = crossAccount();
    const c = ConnectivityGraph.of(app).connections.find((x) => x.kind === ConnectionKind.PRIVATELINK_RESOURCE);
    expect(c).toMatchObject({ owner: ep, source: consumerVpc, target: providerVpc, ports: [5432] });
  });

  test.each(REFUSALS)('%s: refused at construction (%#)', (_id, props, message) => {
    const { build, vpc } = provider(props);
    if (props.subnets?.onePerAz === false) {
      // Two isolated subnet groups: two subnets per zone.
      expect(() => new PrivateLinkResource(vpc.stack, 'Twice', {
        vpc: isolatedVpc(vpc.stack, 'Vpc2', '10.70.0.0/16', 2, 2),
        target: ResourceTarget.ipAddress('10.70.0.10'),
        portRanges: ['5432'],
        subnets: props.subnets,
      })).toThrow(message);
      return;
    }
    expect(build).toThrow(message);
  });

  test('valid controls of the refusals: boundary ports, private ranges, a dual-stack gateway, 62 addresses', () => {
    for (const props of [
      { portRanges: ['1', '65535', '1-65535'] },
      { target: ResourceTarget.ipAddress('100.64.0.10') },
      { target: ResourceTarget.ipAddress('192.168.1.1') },
      { target: ResourceTarget.ipAddress('172.16.0.1') },
      { target: ResourceTarget.dnsName('db.example.com', { ipAddressType: ResourceIpAddressType.IPV6 }), ipAddressType: ResourceGatewayIpAddressType.DUALSTACK },
      { ipv4AddressesPerEni: 62, dnsResolution: ResourceDnsResolution.IN_VPC },
      { protocol: ec2.Protocol.TCP },
    ] as Array<Partial<PrivateLinkResourceProps>>) {
      const { app, build } = provider(props);
      expect(build).not.toThrow();
      expect(synthErrors(app)).toBe('');
    }
  });

  test('resource-gateway-subnets-invalid: a VPC looked up in another account (a shared VPC) is refused', () => {
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.60.0.0/16');
    Object.defineProperty(vpc, 'env', { value: { account: PARTNER, region: 'us-east-1' } });
    expect(() => new PrivateLinkResource(stack, 'Db', { vpc, target: ResourceTarget.ipAddress('10.60.0.10'), portRanges: ['5432'] }))
      .toThrow(/vpc Provider\/Vpc is owned by account 222222222222.*a resource gateway cannot be created in a shared subnet.*\[cdk-private-connectivity:resource-gateway-subnets-invalid\]/);
  });

  test('resource-unchecked: a token DNS target and a token port range warn; an RDS cluster ARN token passes', () => {
    // GIVEN
    const { stack, vpc } = provider();
    const name = new ec2.CfnSecurityGroup(stack, 'Lookup', { groupDescription: 'x', vpcId: vpc.vpcId }).attrGroupId;

    // WHEN
    new PrivateLinkResource(stack, 'Db', { vpc, target: ResourceTarget.dnsName(name), portRanges: [name] });
    new PrivateLinkResource(stack, 'Cluster', {
      vpc,
      target: ResourceTarget.arn(stack.formatArn({ service: 'rds', resource: 'cluster', resourceName: 'orders', arnFormat: ArnFormat.COLON_RESOURCE_NAME })),
      portRanges: ['5432'],
    });

    // THEN
    const a = Annotations.fromStack(stack);
    a.hasWarning('/Provider/Db', Match.stringLikeRegexp('target dnsName\\(\\(unresolved token\\)\\).*\\[cdk-private-connectivity:resource-unchecked\\]'));
    a.hasWarning('/Provider/Db', Match.stringLikeRegexp('portRanges\\[0\\] \\(unresolved token.*\\[cdk-private-connectivity:resource-unchecked\\]'));
    a.hasNoWarning('/Provider/Cluster', Match.stringLikeRegexp('resource-unchecked'));
  });

  test('resource-configuration-quota: a group with more children than the quota (declared through context)', () => {
    const { build } = provider({
      target: undefined,
      targets: [ResourceTarget.ipAddress('10.60.0.10'), ResourceTarget.ipAddress('10.60.0.11'), ResourceTarget.ipAddress('10.60.0.12')],
    }, { 'cdk-private-connectivity:quotas': { childConfigurationsPerGroup: 2 } });
    expect(build).toThrow(/targets has 3 targets; a group resource configuration may have 2 child configurations.*\[cdk-private-connectivity:resource-configuration-quota\]/);
  });

  test('resource-configuration-quota: resource configurations per account and region, counted at synth', () => {
    const control = provider({}, { 'cdk-private-connectivity:quotas': { resourceConfigurationsPerRegion: 1 } });
    control.build();
    expect(synthErrors(control.app)).toBe('');
    const { app, stack, vpc, build } = provider({}, { 'cdk-private-connectivity:quotas': { resourceConfigurationsPerRegion: 1 } });
    build();
    new PrivateLinkResource(stack, 'Second', { vpc, target: ResourceTarget.ipAddress('10.60.0.11'), portRanges: ['5432'] });
    expect(synthErrors(app)).toMatch(/PrivateLinkResource 'Provider\/Second': resource configurations in 111111111111\/us-east-1 2; an account may have 1 resource configurations per region.*\[cdk-private-connectivity:resource-configuration-quota\]/);
  });

  test('resource-gateway-quota: resource gateways per VPC, counted at synth', () => {
    const control = provider({}, { 'cdk-private-connectivity:quotas': { resourceGatewaysPerVpc: 1 } });
    control.build();
    expect(synthErrors(control.app)).toBe('');
    const { app, stack, vpc, build } = provider({}, { 'cdk-private-connectivity:quotas': { resourceGatewaysPerVpc: 1 } });
    build();
    new PrivateLinkResource(stack, 'Second', { vpc, target: ResourceTarget.ipAddress('10.60.0.11'), portRanges: ['5432'] });
    expect(synthErrors(app)).toMatch(/PrivateLinkResource 'Provider\/Second': resource gateways in Provider\/Vpc 2; a VPC may have 1 resource gateways.*\[cdk-private-connectivity:resource-gateway-quota\]/);
  });

  test('quota-invalid: a resource quota override that is not a positive integer', () => {
    const { app, build } = provider({}, { 'cdk-private-connectivity:quotas': { resourceGatewaysPerVpc: 0 } });
    build();
    expect(synthErrors(app)).toMatch(/context 'cdk-private-connectivity:quotas': resourceGatewaysPerVpc 0; resource gateways per VPC must be a whole number at least 1 .*"Quotas for Amazon VPC Lattice".*\[cdk-private-connectivity:quota-invalid\]/);
  });

  test('resource-gateway-quota: a quota declared with ConnectivityGraph.declareQuotas counts like the context key', () => {
    // GIVEN: one gateway under a declared quota of one is fine
    const control = provider();
    ConnectivityGraph.of(control.app).declareQuotas({ resourceGatewaysPerVpc: 1 });
    control.build();
    expect(synthErrors(control.app)).toBe('');
    const { app, stack, vpc, build } = provider();
    ConnectivityGraph.of(app).declareQuotas({ resourceGatewaysPerVpc: 1 });
    build();

    // WHEN
    new PrivateLinkResource(stack, 'Second', { vpc, target: ResourceTarget.ipAddress('10.60.0.11'), portRanges: ['5432'] });

    // THEN
    expect(synthErrors(app)).toMatch(/resource gateways in Provider\/Vpc 2; a VPC may have 1 resource gateways \("Quotas for Amazon VPC Lattice"\).*\[cdk-private-connectivity:resource-gateway-quota\]/);
  });
});
