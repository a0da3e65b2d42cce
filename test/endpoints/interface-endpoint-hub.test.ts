import { App, CfnParameter, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import {
  ConnectivityGraph, GatewayEndpointService, InterfaceEndpointHub, InterfaceEndpointHubProps, InterfaceEndpointService,
  InterfaceEndpointSet, PeeredVpcPair, QuotaValues,
} from '../../src';
import { arnMatching, cfnText, newApp, NETWORK, PARTNER, stackIn, synthErrors, vpcIn } from '../peering/helpers';

const SERVICES = [InterfaceEndpointService.of('sqs'), InterfaceEndpointService.of('kms')];

/** A hub VPC (10.0.0.0/16) in `stack`, its hub, and `spokes` peered spokes (10.1+i.0.0/16) in the same stack. */
function estate(spokes = 3, props: Partial<InterfaceEndpointHubProps> = {}, app: App = newApp()) {
  const stack = stackIn(app, 'Network');
  const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
  const hub = new InterfaceEndpointHub(stack, 'SharedEndpoints', { vpc: hubVpc, services: SERVICES, ...props });
  const spokeVpcs: ec2.Vpc[] = [];
  for (let i = 0; i < spokes; i++) {
    const spoke = vpcIn(stack, `Spoke${i}`, `10.${i + 1}.0.0/16`);
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, `Spoke${i}ToHub`, { requester: spoke, accepter: hubVpc });
    spokeVpcs.push(spoke);
  }
  return { app, stack, hubVpc, hub, spokeVpcs };
}

/** An app whose accounts have raised quotas, declared as users do. */
function quotaApp(quotas: QuotaValues): App {
  const app = newApp();
  ConnectivityGraph.of(app).declareQuotas(quotas);
  return app;
}

describe('InterfaceEndpointHub: one hub, two services, three spokes', () => {
  // GIVEN / WHEN
  const { app, stack } = estate(3);
  const t = Template.fromStack(stack);

  test('the synth succeeds', () => {
    expect(synthErrors(app)).toBe('');
  });

  test('interface endpoints with private DNS off, one per service', () => {
    const eps = t.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } });
    expect(Object.values(eps).map((e) => e.Properties.PrivateDnsEnabled)).toEqual([false, false]);
    expect(Object.values(eps).map((e) => JSON.stringify(e.Properties.ServiceName)).sort())
      .toEqual(['"com.amazonaws.us-east-1.kms"', '"com.amazonaws.us-east-1.sqs"']);
  });

  test('one private hosted zone per service, named after its DNS name, associated with the hub and every spoke', () => {
    const zones = Object.values(t.findResources('AWS::Route53::HostedZone'));
    expect(zones.map((z) => z.Properties.Name).sort()).toEqual(['kms.us-east-1.amazonaws.com', 'sqs.us-east-1.amazonaws.com']);
    for (const z of zones) {
      expect(z.Properties.VPCs).toHaveLength(4);
      expect(z.Properties.VPCs.every((v: any) => v.VPCRegion === 'us-east-1')).toBe(true);
    }
  });

  test('alias A records to the endpoint\'s regional DNS entry', () => {
    t.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Type: 'A' }, 2);
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'sqs.us-east-1.amazonaws.com.',
      Type: 'A',
      AliasTarget: {
        DNSName: { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.anyValue(), 'DnsEntries'] }] }] }] },
        HostedZoneId: { 'Fn::Select': [0, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.anyValue(), 'DnsEntries'] }] }] }] },
        EvaluateTargetHealth: false,
      },
    });
    t.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Name: Match.stringLikeRegexp('^\\*') }, 0);
  });

  test('the security group admits HTTPS only, from the hub and the spokes only, and sends nothing', () => {
    const sg = Object.values(t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('shared interface endpoints') } }));
    expect(sg).toHaveLength(1);
    const ingress = sg[0].Properties.SecurityGroupIngress as any[];
    expect(ingress.map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIp]).sort()).toEqual([
      ['tcp', 443, 443, '10.0.0.0/16'], ['tcp', 443, 443, '10.1.0.0/16'], ['tcp', 443, 443, '10.2.0.0/16'], ['tcp', 443, 443, '10.3.0.0/16'],
    ]);
    expect(sg[0].Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
  });

  test('the graph knows each spoke as a hub connection', () => {
    const kinds = ConnectivityGraph.of(stack).connections.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'interface-endpoint-hub')).toHaveLength(3);
  });
});

describe('InterfaceEndpointHub: IPv6 and dual-stack', () => {
  test('dual-stack spokes are admitted on their IPv6 blocks; dual-stack endpoints get AAAA records too', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16', { ipProtocol: ec2.IpProtocol.DUAL_STACK });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16', { ipProtocol: ec2.IpProtocol.DUAL_STACK });
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: [InterfaceEndpointService.SQS], ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK });
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    const t = Template.fromStack(stack);
    const sg = Object.values(t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('shared interface endpoints') } }))[0];
    const ingress = sg.Properties.SecurityGroupIngress as any[];
    expect(ingress.filter((r) => r.CidrIpv6 !== undefined).map((r) => [r.FromPort, r.ToPort])).toEqual([[443, 443], [443, 443]]);
    t.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Type: 'AAAA' }, 1);
  });
});

describe('InterfaceEndpointHub: spokes in other accounts and regions', () => {
  function remote() {
    const app = newApp();
    const network = stackIn(app, 'Network');
    const hubVpc = vpcIn(network, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(network, 'Hub', { vpc: hubVpc, services: SERVICES });
    const local = vpcIn(network, 'Local', '10.1.0.0/16');
    const partnerStack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
    const partner = vpcIn(partnerStack, 'Vpc', '10.2.0.0/16');
    const westStack = stackIn(app, 'West', 'eu-west-1');
    const west = vpcIn(westStack, 'Vpc', '10.3.0.0/16');
    for (const [id, spoke] of [['Local', local], ['Partner', partner], ['West', west]] as const) {
      hub.shareWith(spoke);
      new PeeredVpcPair(Stack.of(spoke), `${id}ToHub`, { requester: spoke, accepter: hubVpc });
    }
    return { app, network, hub };
  }

  test('the zone lists the hub and same-account spokes; other accounts and regions get a Custom::HostedZoneAssociation per zone', () => {
    const { app, network } = remote();
    expect(synthErrors(app)).toBe('');
    for (const z of Object.values(Template.fromStack(network).findResources('AWS::Route53::HostedZone'))) {
      expect(z.Properties.VPCs).toHaveLength(2);
    }
    const partnerAssoc = app.node.findChild('Network-Hub-222222222222-us-east-1') as Stack;
    expect(partnerAssoc.account).toBe(PARTNER);
    const pt = Template.fromStack(partnerAssoc);
    pt.resourceCountIs('Custom::HostedZoneAssociation', 2);
    pt.hasResourceProperties('Custom::HostedZoneAssociation', {
      HostedZoneName: 'sqs.us-east-1.amazonaws.com',
      HostedZoneComment: 'cdk-private-connectivity interface endpoint hub Network/Hub sqs',
      VpcRegion: 'us-east-1',
      AuthorizerRoleArn: arnMatching(/^arn:aws:iam::111111111111:role\/.+/),
    });
    const westAssoc = Template.fromStack(app.node.findChild('Network-Hub-111111111111-eu-west-1') as Stack);
    westAssoc.resourceCountIs('Custom::HostedZoneAssociation', 2);
    westAssoc.hasResourceProperties('Custom::HostedZoneAssociation', { VpcRegion: 'eu-west-1', AuthorizerRoleArn: Match.absent() });
  });

  test('a spoke of another stack of the hub\'s account, whose stack holds its peering: associated from a stack of its own, no cycle', () => {
    // GIVEN the spoke's stack peers with the hub VPC (it references the hub's stack)
    const app = newApp();
    const network = stackIn(app, 'Network');
    const hubVpc = vpcIn(network, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(network, 'Hub', { vpc: hubVpc, services: SERVICES });
    const team = stackIn(app, 'Team');
    const spoke = vpcIn(team, 'Vpc', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(team, 'ToHub', { requester: spoke, accepter: hubVpc });
    // THEN
    expect(synthErrors(app)).toBe('');
    for (const z of Object.values(Template.fromStack(network).findResources('AWS::Route53::HostedZone'))) expect(z.Properties.VPCs).toHaveLength(1);
    const assoc = app.node.findChild('Network-Hub-111111111111-us-east-1') as Stack;
    Template.fromStack(assoc).resourceCountIs('Custom::HostedZoneAssociation', 2);
    Template.fromStack(assoc).hasResourceProperties('Custom::HostedZoneAssociation', { VpcRegion: 'us-east-1', AuthorizerRoleArn: Match.absent() });
    expect(assoc.dependencies.map((s) => s.stackName).sort()).toEqual(['Network', 'Team']);
  });

  test('the association stacks deploy after the hub\'s stack and the spoke\'s', () => {
    const { app } = remote();
    const assoc = app.node.findChild('Network-Hub-222222222222-us-east-1') as Stack;
    expect(assoc.dependencies.map((s) => s.stackName).sort()).toEqual(['Network', 'Partner']);
  });

  test('least privilege: the hub account\'s role trusts the spoke account and may only authorize associations with the hub\'s zones', () => {
    const { network } = remote();
    const t = Template.fromStack(network);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: arnMatching(/^arn:aws:iam::222222222222:root$/) } })] },
    });
    // Exactly these statements: the two authorization actions on the hub's two zones, and the
    // resource-less zone lookup; nothing else.
    const zoneArn = arnMatching(/^arn:aws:route53:::hostedzone\/\$\{(SharedEndpoints|Hub)[A-Za-z0-9]*Zone/);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectEquals({
            Action: ['route53:CreateVPCAssociationAuthorization', 'route53:DeleteVPCAssociationAuthorization'],
            Effect: 'Allow',
            Resource: [zoneArn, zoneArn],
          }),
          Match.objectEquals({ Action: 'route53:ListHostedZonesByName', Effect: 'Allow', Resource: '*' }),
        ],
      },
    });
  });

  test('the spoke side\'s provider may associate, disassociate and assume only the hub\'s role', () => {
    const { app } = remote();
    const t = Template.fromStack(app.node.findChild('Network-Hub-222222222222-us-east-1') as Stack);
    const role = Object.values(t.findResources('AWS::IAM::Role'))[0];
    const statements = role.Properties.Policies[0].PolicyDocument.Statement as any[];
    expect(statements.map((s) => s.Action)).toEqual([
      ['route53:AssociateVPCWithHostedZone', 'route53:DisassociateVPCFromHostedZone'],
      ['route53:ListHostedZonesByName', 'route53:ListHostedZonesByVPC', 'ec2:DescribeVpcs'],
      'sts:AssumeRole',
    ]);
    expect(cfnText(statements[0].Resource)).toBe('arn:aws:route53:::hostedzone/*');
    expect(cfnText(statements[2].Resource)).toMatch(/^arn:aws:iam::111111111111:role\/.+/);
  });
});

describe('InterfaceEndpointHub: services whose names do not follow the usual pattern', () => {
  function zonesOf(services: InterfaceEndpointService[], region = 'us-east-1') {
    const app = newApp();
    const stack = stackIn(app, 'Network', region);
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services });
    const t = Template.fromStack(stack);
    return { t, stack, hub };
  }

  test('S3: zone s3.<region>.amazonaws.com with a wildcard record, aliasing the endpoint name after its leading "*."', () => {
    const { t } = zonesOf([InterfaceEndpointService.of('s3')]);
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 's3.us-east-1.amazonaws.com' });
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: '*.s3.us-east-1.amazonaws.com.',
      AliasTarget: Match.objectLike({ DNSName: { 'Fn::Select': [1, { 'Fn::Split': ['*.', Match.anyValue()] }] } }),
    });
  });

  test.each([
    ['ecr.dkr', 'dkr.ecr.us-east-1.amazonaws.com', true],
    ['ecr.api', 'api.ecr.us-east-1.amazonaws.com', false],
    ['execute-api', 'execute-api.us-east-1.amazonaws.com', true],
    ['kinesis-streams', 'kinesis.us-east-1.amazonaws.com', false],
    ['kinesis-firehose', 'firehose.us-east-1.amazonaws.com', false],
  ])('%s: zone %s (wildcard: %s)', (svc, zone, wildcard) => {
    const { t } = zonesOf([InterfaceEndpointService.of(svc)]);
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: zone });
    t.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Name: `*.${zone}.` }, wildcard ? 1 : 0);
  });

  test('a service without private DNS gets its endpoint, no zone, and a hub-service-no-private-dns warning', () => {
    const { t, stack } = zonesOf([InterfaceEndpointService.of('dynamodb-streams'), InterfaceEndpointService.SQS]);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    t.resourceCountIs('AWS::Route53::HostedZone', 1);
    Annotations.fromStack(stack).hasWarning('/Network/Hub', Match.stringLikeRegexp('"dynamodb-streams"; the service offers no private DNS name.*\\[cdk-private-connectivity:hub-service-no-private-dns\\]'));
  });

  test('a global service: IAM in us-east-1 is com.amazonaws.iam in zone iam.amazonaws.com', () => {
    const { t } = zonesOf([InterfaceEndpointService.of('iam')]);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.iam', PrivateDnsEnabled: false });
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'iam.amazonaws.com' });
  });

  test('a global service from a hub in another region is refused (hub-global-service-region)', () => {
    expect(() => zonesOf([InterfaceEndpointService.of('iam')], 'eu-west-1'))
      .toThrow(/services\[0\] "iam" in a hub in eu-west-1; the endpoint of iam \(com.amazonaws.iam\) exists in us-east-1 only.*hub-global-service-region/);
  });

  test('China regions: zone names end in amazonaws.com.cn', () => {
    const { t } = zonesOf([InterfaceEndpointService.SQS], 'cn-north-1');
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'sqs.cn-north-1.amazonaws.com.cn' });
  });

  test('endpointDnsName gives the endpoint\'s regional name for clients of a service without private DNS', () => {
    const { hub, stack } = zonesOf([InterfaceEndpointService.of('dynamodb-streams')]);
    expect(stack.resolve(hub.endpointDnsName(InterfaceEndpointService.of('dynamodb-streams'))))
      .toEqual({ 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [expect.stringMatching(/^HubDynamodbStreams/), 'DnsEntries'] }] }] }] });
  });
});

describe('InterfaceEndpointHub: refused at synth', () => {
  test('a spoke that is not peered with the hub (hub-spoke-unreachable); peered: accepted', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const lonely = vpcIn(stack, 'Lonely', '10.9.0.0/16');
    hub.shareWith(lonely);
    expect(synthErrors(app)).toMatch(/InterfaceEndpointHub 'Network\/Hub': spoke Network\/Lonely is not peered with the hub VPC Network\/Shared;.*\[cdk-private-connectivity:hub-spoke-unreachable\]/);
    // control
    const ok = estate(1);
    expect(synthErrors(ok.app)).toBe('');
  });

  test('a peering without return routes in the endpoint subnets\' route tables (hub-spoke-unreachable)', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc, accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    expect(synthErrors(app)).toMatch(/spoke Network\/Spoke gets no return route through 'Network\/Pair' in the route tables of the endpoint subnets .*hub-spoke-unreachable/);
  });

  test('a spoke without a route toward the endpoint subnets (hub-spoke-unreachable)', () => {
    // GIVEN a pair told that the hub's only block is 10.0.0.0/24: the spoke routes no further.
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc, accepterCidrBlocks: ['10.0.0.0/24'] });
    expect(synthErrors(app)).toMatch(/spoke Network\/Spoke has no route through 'Network\/Pair' toward the endpoint subnets 10\.0\.\d+\.0\/\d+, 10\.0\.\d+\.0\/\d+;.*\[cdk-private-connectivity:hub-spoke-unreachable\]/);
  });

  test('a spoke with its own private-DNS endpoint for a shared service (hub-duplicate-private-dns); private DNS off: accepted', () => {
    const { app, stack, spokeVpcs } = estate(1);
    new InterfaceEndpointSet(stack, 'Own', { vpc: spokeVpcs[0], services: [InterfaceEndpointService.SQS] });
    expect(synthErrors(app)).toMatch(/spoke Network\/Spoke0 has its own endpoint 'Network\/Own\/Sqs\/Resource' for com.amazonaws.us-east-1.sqs with private DNS; the hub's zone sqs.us-east-1.amazonaws.com answers for the same name in that VPC.*\[cdk-private-connectivity:hub-duplicate-private-dns\]/);
    const control = estate(1);
    new InterfaceEndpointSet(control.stack, 'Own', { vpc: control.spokeVpcs[0], services: [InterfaceEndpointService.SQS], privateDnsEnabled: false });
    new InterfaceEndpointSet(control.stack, 'Other', { vpc: control.spokeVpcs[0], services: [InterfaceEndpointService.SNS] });
    expect(synthErrors(control.app)).toBe('');
  });

  test('two spokes with overlapping blocks (hub-cidr-overlap); disjoint: accepted', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    for (const [id, cidr] of [['A', '10.1.0.0/16'], ['B', '10.1.128.0/17']]) {
      const spoke = vpcIn(stack, id, cidr);
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, `${id}ToHub`, { requester: spoke, accepter: hubVpc });
    }
    expect(synthErrors(app)).toMatch(/spoke Network\/B block 10.1.128.0\/17 overlaps spoke Network\/A block 10.1.0.0\/16;.*\[cdk-private-connectivity:hub-cidr-overlap\]/);
    expect(synthErrors(estate(2).app)).toBe('');
  });

  test('a gateway endpoint service (hub-gateway-endpoint)', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    expect(() => new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services: [GatewayEndpointService.S3 as unknown as InterfaceEndpointService] }))
      .toThrow(/services\[0\] GatewayEndpointService "s3"; a gateway endpoint is reached through the route tables of its own VPC only, never across a peering\. Share the service's interface endpoint.*\[cdk-private-connectivity:hub-gateway-endpoint\]/);
    // control: S3's interface endpoint is shareable
    expect(() => new InterfaceEndpointHub(stack, 'S3Hub', { vpc: vpcIn(stack, 'Other', '10.5.0.0/16'), services: [InterfaceEndpointService.of('s3')] })).not.toThrow();
  });

  test('the hub VPC as its own spoke, or a spoke in another partition (hub-spoke-invalid)', () => {
    const { hub, hubVpc, app } = estate(0);
    expect(() => hub.shareWith(hubVpc)).toThrow(/shareWith\(spoke\) the hub VPC Network\/Shared itself.*hub-spoke-invalid/);
    const cn = stackIn(app, 'China', 'cn-north-1');
    expect(() => hub.shareWith(vpcIn(cn, 'Vpc', '10.7.0.0/16'))).toThrow(/China\/Vpc in cn-north-1 \(aws-cn\), hub in us-east-1 \(aws\).*hub-spoke-invalid/);
  });

  test('more VPCs per zone than the Route 53 quota (hub-zone-vpc-quota); within the declared quota: accepted', () => {
    expect(synthErrors(estate(2, {}, quotaApp({ vpcsPerPrivateHostedZone: 2 })).app))
      .toMatch(/spokes 2 spokes and the hub: 3 VPCs per zone; a private hosted zone may be associated with 2 VPCs \(Route 53 quotas\).*\[cdk-private-connectivity:hub-zone-vpc-quota\]/);
    expect(synthErrors(estate(2, {}, quotaApp({ vpcsPerPrivateHostedZone: 3 })).app)).toBe('');
  });

  test('more hosted zones in an account than the Route 53 quota (hub-hosted-zone-quota)', () => {
    expect(synthErrors(estate(1, {}, quotaApp({ hostedZonesPerAccount: 1 })).app))
      .toMatch(/hosted zones in account 111111111111 2; an account may have 1 hosted zones \(Route 53 quotas\).*\[cdk-private-connectivity:hub-hosted-zone-quota\]/);
    expect(synthErrors(estate(1, {}, quotaApp({ hostedZonesPerAccount: 2 })).app)).toBe('');
  });

  test('the hub\'s endpoints count against the interface endpoints per VPC quota (graph-interface-endpoint-quota)', () => {
    const app = newApp();
    ConnectivityGraph.of(app).declareQuotas({ interfaceEndpointsPerVpc: 1 });
    expect(synthErrors(estate(1, {}, app).app)).toMatch(/interface endpoints in VPC Network\/Shared 2; .*\[cdk-private-connectivity:graph-interface-endpoint-quota\]/);
  });


  test('no services (endpoint-no-services)', () => {
    expect(() => estate(0, { services: [] })).toThrow(/services \[\]; a hub shares one interface endpoint per service.*endpoint-no-services/);
  });
});

test('README contract: a hub shares two services with a spoke in a few lines', () => {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: NETWORK, region: 'us-east-1' } });
  const sharedServicesVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
  const spokeVpc = vpcIn(stack, 'Spoke', '10.1.0.0/16');
  const hub = new InterfaceEndpointHub(stack, 'SharedEndpoints', {
    vpc: sharedServicesVpc,
    services: [InterfaceEndpointService.of('sqs'), InterfaceEndpointService.of('kms')],
  });
  hub.shareWith(spokeVpc);
  new PeeredVpcPair(stack, 'SpokeToHub', { requester: spokeVpc, accepter: sharedServicesVpc });
  expect(synthErrors(app)).toBe('');
  expect(hub.spokes).toEqual([spokeVpc]);
});

test('a spoke from a pending Vpc.fromLookup is checked on the next synth pass (vpc-pending-lookup)', () => {
  // GIVEN a lookup the CLI has not answered yet (its dummy ID is no VPC ID AWS's validator accepts)
  const app = new App({ postCliContext: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = stackIn(app, 'Network');
  const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services: SERVICES });
  hub.shareWith(ec2.Vpc.fromLookup(stack, 'Looked', { vpcId: 'vpc-0abc1234' }));
  // THEN no reachability error yet, and a warning that says why
  expect(synthErrors(app)).not.toMatch(/hub-spoke-unreachable/);
  Annotations.fromStack(stack).hasWarning('/Network/Looked', Match.stringLikeRegexp("'Network/Looked': Vpc.fromLookup is pending; it affects 1 construct: hubs check reachability and overlap with the hub once the lookup has real values \\(1: InterfaceEndpointHub 'Network/Hub'\\).*vpc-pending-lookup"));
});

describe('InterfaceEndpointHub: a private DNS name the library\'s table does not hold', () => {
  test('InterfaceEndpointService.of(name, { privateDnsName, privateDnsSubdomains }) names the zone and adds the wildcard', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    new InterfaceEndpointHub(stack, 'Hub', {
      vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'),
      services: [InterfaceEndpointService.of('example-svc', { privateDnsName: 'api.example-svc.us-east-1.amazonaws.com', privateDnsSubdomains: true })],
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'api.example-svc.us-east-1.amazonaws.com' });
    t.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Name: '*.api.example-svc.us-east-1.amazonaws.com.' }, 1);
  });

  test.each([
    ['a wildcard label', '*.example.com', /has the label "\*"/],
    ['a label of 64 characters', `${'a'.repeat(64)}.example.com`, /has a label of 64 characters/],
    ['an underscore', 'my_svc.example.com', /has the label "my_svc"/],
    ['a single label', 'localhost', /is a single label/],
  ])('dns-name-invalid: a private DNS name with %s is refused by InterfaceEndpointService.of', (_t, name, problem) => {
    expect(() => InterfaceEndpointService.of('example-svc', { privateDnsName: name })).toThrow(problem);
    expect(() => InterfaceEndpointService.of('example-svc', { privateDnsName: name }))
      .toThrow(/InterfaceEndpointService\.of\("example-svc"\): privateDnsName ".*; a DNS name is dot-separated labels.*\[cdk-private-connectivity:dns-name-invalid\]/);
  });

  test('dns-name-invalid control: a fully qualified name with a trailing dot names the zone without it', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    new InterfaceEndpointHub(stack, 'Hub', {
      vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'),
      services: [InterfaceEndpointService.of('example-svc', { privateDnsName: 'API.Example-Svc.us-east-1.amazonaws.com.' })],
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'API.Example-Svc.us-east-1.amazonaws.com' });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'API.Example-Svc.us-east-1.amazonaws.com.' });
  });
});

/** The warnings added to one construct so far (for constructor-time warnings of an app that does not synthesize). */
function warningsOn(c: IConstruct): string[] {
  return c.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
}

/** A hub VPC imported with two isolated subnets of unknown blocks (and, unless told, their route tables). */
function importedHubVpc(stack: Stack, routeTables = true): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Shared', {
    vpcId: 'vpc-0a0b0c0d0e0f01234',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetIds: ['subnet-0a00000000000001a', 'subnet-0a00000000000002a'],
    publicSubnetRouteTableIds: ['rtb-0a00000000000000a', 'rtb-0a00000000000000a'],
    isolatedSubnetIds: ['subnet-0b00000000000001b', 'subnet-0b00000000000002b'],
    isolatedSubnetRouteTableIds: routeTables ? ['rtb-0b00000000000000b', 'rtb-0b00000000000000b'] : undefined,
  });
}

describe('InterfaceEndpointHub: a token never makes a check pass silently', () => {
  test('value-unknown: a token private DNS name warns that its shape is not checked; a literal one is checked (control above)', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hub = new InterfaceEndpointHub(stack, 'Hub', {
      vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'),
      services: [InterfaceEndpointService.of('example-svc', { privateDnsName: Lazy.string({ produce: () => 'api.example.com' }) })],
    });
    expect(warningsOn(hub)).toEqual([expect.stringMatching(/services\[0\]\.privateDnsName \(unresolved token .*\); the name of the hosted zone is not checked as a DNS name \(dns-name-invalid\).*value-unknown/)]);
  });

  test('vpc-region-unknown: a spoke of an environment-agnostic stack warns that its partition is not checked', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services: SERVICES });
    const agnostic = stackIn(app, 'Agnostic', null);
    hub.shareWith(vpcIn(agnostic, 'Spoke', '10.1.0.0/16'));
    expect(warningsOn(agnostic)).toEqual([expect.stringMatching(/Stack 'Agnostic': region is a token .*a spoke is not checked to be in the hub's partition \(hub-spoke-invalid\) \(1: InterfaceEndpointHub 'Network\/Hub'\).*vpc-region-unknown/)]);
    // control: a spoke of a known region adds no such warning
    hub.shareWith(vpcIn(stack, 'Known', '10.2.0.0/16'));
    expect(warningsOn(stack)).toEqual([]);
  });

  test('value-unknown: endpoint subnets whose blocks are unknown warn that the spokes\' routes toward them are not checked', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = importedHubVpc(stack);
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(stack).hasWarning('/Network/Shared/IsolatedSubnet1', Match.stringLikeRegexp('ipv4CidrBlock is not known at synth.*spokes are not checked to route toward this endpoint subnet \\(hub-spoke-unreachable\\).*value-unknown'));
  });

  test('vpc-route-table-unknown: an imported endpoint subnet without a route table ID is named as such, not as a missing return route', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = importedHubVpc(stack, false);
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc, accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    const msg = synthErrors(app);
    expect(msg).toMatch(/InterfaceEndpointHub 'Network\/Hub': subnets selects subnet subnet-0b00000000000001b of Network\/Shared, which has no route table ID.*vpc-route-table-unknown/);
    expect(msg).not.toMatch(/gets no return route/);
  });

  test('vpc-cidr-unknown: a spoke whose block is a token (IPAM) warns that its overlap with the hub and the other spokes is not checked', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network');
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Ipam', '10.9.0.0/16', { ipAddresses: ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-1', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 24 }) });
    hub.shareWith(spoke);
    synthErrors(app);
    expect(warningsOn(spoke).join('\n')).toMatch(/Vpc 'Network\/Ipam': primary ipv4 block.*its overlap with the hub and the other spokes is not checked \(hub-cidr-overlap\).*InterfaceEndpointHub 'Network\/Hub'.*vpc-cidr-unknown/);
  });

  test('value-unknown: a hub in an environment-agnostic stack warns that its hosted zones are not counted against the per-account quota', () => {
    const app = newApp();
    const stack = stackIn(app, 'Network', null);
    const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
    const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES });
    const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(stack).hasWarning('/Network', Match.stringLikeRegexp("Stack 'Network': account is a token \\(environment-agnostic stack\\); it affects 1 construct: the hub's hosted zones are not counted against the per-account quota \\(hub-hosted-zone-quota\\).*value-unknown"));
  });

  test('value-unknown: a spoke\'s own endpoint whose PrivateDnsEnabled is a token warns that the duplicate-name check skips it', () => {
    const { app, stack, spokeVpcs } = estate(1);
    new ec2.CfnVPCEndpoint(stack, 'Own', {
      vpcId: spokeVpcs[0].vpcId,
      serviceName: 'com.amazonaws.us-east-1.sqs',
      vpcEndpointType: 'Interface',
      subnetIds: spokeVpcs[0].isolatedSubnets.map((s) => s.subnetId),
      privateDnsEnabled: new CfnParameter(stack, 'OwnDns', { allowedValues: ['true', 'false'] }).value,
    });
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(stack).hasWarning('/Network/Own', Match.stringLikeRegexp("CfnVPCEndpoint 'Network/Own': PrivateDnsEnabled is an unresolved token \\(an endpoint for com.amazonaws.us-east-1.sqs in Network/Spoke0\\); it affects 1 construct: the hub's zone sqs.us-east-1.amazonaws.com is not checked against a second answer for the same name \\(hub-duplicate-private-dns\\).*value-unknown"));
  });
});
