import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { stackIn, synthErrors, vpcIn } from './util';
import { ConnectivityGraph, EndpointKind } from '../../src/core/graph';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet, InterfaceEndpointSetProps } from '../../src/endpoints';

/** Refusals: title, props, message (the value received and the rule ID). */
const REFUSALS: Array<[string, Partial<InterfaceEndpointSetProps>, RegExp]> = [
  ['an empty list of services', { services: [] },
    /'S\/Ops': services \[\]; an interface endpoint set creates one endpoint per service.*\[cdk-private-connectivity:endpoint-no-services\]/],
  ['a service name for another region', { services: [InterfaceEndpointService.of('com.amazonaws.eu-west-1.sns')] },
    /services\[0\] "com\.amazonaws\.eu-west-1\.sns" names region eu-west-1, but the VPC is in us-east-1.*\[cdk-private-connectivity:endpoint-region-mismatch\]/],
  ['a malformed service name', { services: [InterfaceEndpointService.of('')] },
    /services\[0\] ""; a service name is lowercase.*\[cdk-private-connectivity:endpoint-service-name-invalid\]/],
  ['a subnet selection that selects nothing', { subnets: { subnets: [] } },
    /'S\/Ops': subnets \{ subnets: 0 given \} selects no subnet in S\/Vpc.*\[cdk-private-connectivity:endpoint-empty-subnets\]/],
  ['a subnet type the VPC does not have', { subnets: { subnetType: ec2.SubnetType.PUBLIC } },
    /subnets \{ subnetType: Public \} cannot be selected in S\/Vpc.*\[cdk-private-connectivity:endpoint-empty-subnets\]/],
  ['an invalid ingress block', { ingressCidrBlocks: ['10.0.0.1/16'] },
    /ingressCidrBlocks\[0\] "10\.0\.0\.1\/16"; .*Use 10\.0\.0\.0\/16\..*\[cdk-private-connectivity:cidr-invalid\]/],
];

const SESSION_MANAGER = InterfaceEndpointService.SSM_SESSION_MANAGER;

describe('InterfaceEndpointSet', () => {
  test('one endpoint per service, named after it, sharing one security group, private DNS on', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');

    // WHEN
    const set = new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [...SESSION_MANAGER, InterfaceEndpointService.SNS] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    for (const service of ['ssm', 'ssmmessages', 'ec2messages', 'sns']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: `com.amazonaws.us-east-1.${service}`,
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^OpsSecurityGroup'), 'GroupId'] }],
        SubnetIds: [{ Ref: Match.stringLikeRegexp('VpcisoSubnet1Subnet') }, { Ref: Match.stringLikeRegexp('VpcisoSubnet2Subnet') }],
      });
    }
    expect(set.endpoints.map((e) => e.node.id)).toEqual(['Ssm', 'Ssmmessages', 'Ec2messages', 'Sns']);
    expect(set.findEndpoint(InterfaceEndpointService.SNS)).toBe(set.endpoints[3]);
    expect(set.findEndpoint(InterfaceEndpointService.SSM)).toBe(set.endpoints[0]);
    expect(set.findEndpoint(InterfaceEndpointService.SQS)).toBeUndefined();
    expect(set.connections.securityGroups).toEqual([set.securityGroup]);
    // One Connections object, whenever it is read (rules and groups added to it stay).
    expect(set.connections).toBe(set.connections);
    expect(set.connections.defaultPort?.toString()).toBe('443');
  });

  test('a service listed twice (e.g. in a preset and alone) gets one endpoint, and every service finds its own', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');

    const set = new InterfaceEndpointSet(stack, 'Ops', {
      vpc,
      services: [InterfaceEndpointService.SSM, ...SESSION_MANAGER, InterfaceEndpointService.SNS],
    });

    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    expect(set.endpoints.map((e) => e.node.id)).toEqual(['Ssm', 'Ssmmessages', 'Ec2messages', 'Sns']);
    expect(set.serviceNames).toEqual(['ssm', 'ssmmessages', 'ec2messages', 'sns'].map((s) => `com.amazonaws.us-east-1.${s}`));
    expect(set.findEndpoint(InterfaceEndpointService.SSM)).toBe(set.endpoints[0]);
    expect(set.findEndpoint(InterfaceEndpointService.EC2_MESSAGES)).toBe(set.endpoints[2]);
    expect(set.findEndpoint(InterfaceEndpointService.SNS)).toBe(set.endpoints[3]);
  });

  test('the shared security group admits the VPC\'s IPv4 and IPv6 blocks on 443 only, and nothing out', () => {
    // GIVEN a dual-stack VPC (Amazon-provided IPv6) with a secondary IPv4 block added after the set
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { dualStack: true });
    new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.LOGS] });
    new ec2.CfnVPCCidrBlock(stack, 'Second', { vpcId: vpc.vpcId, cidrBlock: '100.64.0.0/16' });

    // THEN
    const https = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443 };
    const template = Template.fromStack(stack);
    template.hasResource('AWS::EC2::SecurityGroup', {
      Properties: {
        SecurityGroupIngress: [
          { ...https, CidrIpv6: { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'Ipv6CidrBlocks'] }] } },
          { ...https, CidrIp: '10.0.0.0/16' },
          { ...https, CidrIp: '100.64.0.0/16' },
        ],
        SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
      },
      DependsOn: [Match.stringLikeRegexp('Vpcipv6cidr')],
    });
  });

  test('default subnets: private with egress when there are some, one per AZ', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const set = new InterfaceEndpointSet(stack, 'Ops', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true }), services: [InterfaceEndpointService.SNS] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      SubnetIds: [{ Ref: Match.stringLikeRegexp('VpcappSubnet1Subnet') }, { Ref: Match.stringLikeRegexp('VpcappSubnet2Subnet') }],
    });
    expect(set.subnets).toHaveLength(2);
  });

  test('an explicit selection of one subnet per AZ is kept as given', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true });
    const set = new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], subnets: { subnets: [vpc.isolatedSubnets[0], vpc.privateSubnets[1]] } });
    expect(set.subnets).toEqual([vpc.isolatedSubnets[0], vpc.privateSubnets[1]]);
    const [ep] = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'));
    expect(ep.Properties.SubnetIds).toHaveLength(2);
  });

  test.each([
    ['us-east-1', 'com.amazonaws.us-east-1.ecr.api'],
    ['cn-north-1', 'cn.com.amazonaws.cn-north-1.ecr.api'],
    ['eu-west-1', 'com.amazonaws.eu-west-1.ecr.api'],
  ])('service names per region and partition: ECR API in %s is %s', (region, expected) => {
    const app = new App();
    const stack = stackIn(app, 'S', region);
    const set = new InterfaceEndpointSet(stack, 'Ecr', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: InterfaceEndpointService.ECR_IMAGE_PULL });
    expect(set.serviceNames[0]).toBe(expected);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: expected });
  });

  test('presets overlap without duplicate endpoints; of() names any service', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const set = new InterfaceEndpointSet(stack, 'Ops', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [...InterfaceEndpointService.CLOUDWATCH, InterfaceEndpointService.LOGS, InterfaceEndpointService.of('bedrock-runtime'), InterfaceEndpointService.of('com.amazonaws.us-east-1.appconfig')],
    });
    expect(set.serviceNames).toEqual([
      'com.amazonaws.us-east-1.logs', 'com.amazonaws.us-east-1.monitoring', 'com.amazonaws.us-east-1.bedrock-runtime', 'com.amazonaws.us-east-1.appconfig',
    ]);
    expect(set.endpoints.map((e) => e.node.id)).toEqual(['Logs', 'Monitoring', 'BedrockRuntime', 'Appconfig']);
  });

  test('an env-agnostic stack gets the region from AWS::Region and a warning', () => {
    const app = new App();
    const stack = stackIn(app, 'S', null);
    new InterfaceEndpointSet(stack, 'Ops', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', Match.arrayWith([{ Ref: 'AWS::Region' }])] },
    });
    Annotations.fromStack(stack).hasWarning('/S', Match.stringLikeRegexp("InterfaceEndpointSet 'S/Ops'.*vpc-region-unknown"));
  });

  test('ingressCidrBlocks replaces the VPC blocks; privateDnsEnabled false and ipAddressType pass through', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new InterfaceEndpointSet(stack, 'Ops', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [InterfaceEndpointService.SQS],
      ingressCidrBlocks: ['10.0.1.0/24', '2001:DB8::/64'],
      privateDnsEnabled: false,
      ipAddressType: ec2.VpcEndpointIpAddressType.IPV4,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.1.0/24', FromPort: 443 }), Match.objectLike({ CidrIpv6: '2001:db8::/64', FromPort: 443 })],
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false, IpAddressType: 'ipv4' });
  });

  test('a policy applies to every endpoint of the set', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new InterfaceEndpointSet(stack, 'Ops', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [InterfaceEndpointService.SNS, InterfaceEndpointService.SQS],
      policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'] }),
    });
    const endpoints = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'));
    for (const ep of endpoints) {
      expect(ep.Properties.PolicyDocument.Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } });
    }
    expect(endpoints).toHaveLength(2);
  });

  test('registers interface endpoints with the graph, which refuses more than the per-VPC quota', () => {
    // GIVEN 4 endpoints and a quota of 3
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
    new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [...SESSION_MANAGER, InterfaceEndpointService.SNS] });
    const graph = ConnectivityGraph.of(app);
    graph.declareQuotas({ interfaceEndpointsPerVpc: 3 });

    // THEN
    expect(graph.endpoints.map((e) => e.kind)).toEqual(Array(4).fill(EndpointKind.INTERFACE));
    expect(synthErrors(app)).toMatch(/'S\/Vpc': interface endpoints in VPC S\/Vpc 4; a VPC may have 3 interface.*graph-interface-endpoint-quota/);
  });

  test('an imported VPC: DNS attributes unknown warns; an unknown block warns with the fix', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    // IDs in AWS's format: the CloudFormation validator of the cdk init flags refuses others.
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0a1b2c3d4e5f67890', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0a1b2c3d4e5f67890'] });
    new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS] });
    const annotations = Annotations.fromStack(stack);
    // Facts of the imported VPC: on the VPC, naming the set.
    annotations.hasWarning('/S/Imported', Match.stringLikeRegexp("'S/Imported': DNS attributes of the imported VPC are unknown.*InterfaceEndpointSet 'S/Ops'.*cdk-private-connectivity:endpoint-private-dns-unknown"));
    annotations.hasWarning('/S/Imported', Match.stringLikeRegexp("'S/Imported': imported ipv4 block is not given.*InterfaceEndpointSet 'S/Ops'.*Pass ingressCidrBlocks.*cdk-private-connectivity:vpc-cidr-unknown"));
  });

  describe('refusals in the constructor', () => {
    test.each(REFUSALS)('%s', (_title, props, message) => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      expect(() => new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], ...props })).toThrow(message);
    });

    test('a VPC with only public subnets has no default subnets', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, subnetConfiguration: [{ name: 'pub', subnetType: ec2.SubnetType.PUBLIC }] });
      expect(() => new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS] }))
        .toThrow(/subnets \(default\) finds no private or isolated subnet in S\/Vpc.*endpoint-empty-subnets/);
    });

    test('private DNS on a VPC without DNS hostnames is refused', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, enableDnsHostnames: false, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      expect(() => new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS] }))
        .toThrow(/privateDnsEnabled true, but S\/Vpc has enableDnsHostnames false; .*\[cdk-private-connectivity:endpoint-private-dns-vpc\]/);
      expect(() => new InterfaceEndpointSet(stack, 'NoDns', { vpc, services: [InterfaceEndpointService.SNS], privateDnsEnabled: false })).not.toThrow();
    });
  });

  describe('ECR endpoints and an S3 gateway endpoint made outside a GatewayEndpointSet', () => {
    const orgOnly = () => new iam.PolicyStatement({
      principals: [new iam.AnyPrincipal()],
      actions: ['*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });

    test('an organization-restricted S3 endpoint warns, naming the statement to add', () => {
      // GIVEN a plain aws-cdk-lib S3 endpoint restricted to the organization
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }).addToPolicy(orgOnly());

      // WHEN
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });

      // THEN
      Annotations.fromStack(stack).hasWarning('/S/Ecr', Match.stringLikeRegexp(
        "^InterfaceEndpointSet 'S/Ecr': S3 gateway endpoint 'S/Vpc/S3/Resource' in the VPC of these ECR endpoints does not allow s3:GetObject on arn:aws:s3:::prod-us-east-1-starport-layer-bucket/\\* to any principal; .*image pulls fail\\. Add EndpointPolicy\\.ecrImageLayersStatement\\(\"us-east-1\"\\) to the endpoint's policy.*\\[cdk-private-connectivity:endpoint-ecr-layers-blocked\\]"));
    });

    test('controls: the endpoint with the layer statement, a GatewayEndpointSet, or no ECR endpoint in the set do not warn', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const fixed = vpcIn(stack, 'Fixed', '10.0.0.0/16');
      const s3 = fixed.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      s3.addToPolicy(orgOnly());
      s3.addToPolicy(EndpointPolicy.ecrImageLayersStatement('us-east-1'));
      new InterfaceEndpointSet(stack, 'EcrFixed', { vpc: fixed, services: InterfaceEndpointService.ECR_IMAGE_PULL });

      const managed = vpcIn(stack, 'Managed', '10.1.0.0/16');
      new GatewayEndpointSet(stack, 'Gateways', { vpc: managed, services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'] }) });
      new InterfaceEndpointSet(stack, 'EcrManaged', { vpc: managed, services: [InterfaceEndpointService.ECR_DKR] });

      const other = vpcIn(stack, 'Other', '10.2.0.0/16');
      other.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }).addToPolicy(orgOnly());
      new InterfaceEndpointSet(stack, 'Sns', { vpc: other, services: [InterfaceEndpointService.SNS] });

      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-ecr-layers'));
    });

    test('an environment-agnostic stack: the S3 endpoint cannot be checked, and the set says so', () => {
      const app = new App();
      const stack = stackIn(app, 'S', null);
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }).addToPolicy(orgOnly());
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: [InterfaceEndpointService.ECR_API] });
      Annotations.fromStack(stack).hasWarning('/S/Ecr', Match.stringLikeRegexp("S3 gateway endpoint 'S/Vpc/S3/Resource' .*region is a token.*\\[cdk-private-connectivity:endpoint-ecr-layers-unchecked\\]"));
    });
  });
});
