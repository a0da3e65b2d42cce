import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { stackIn, synthErrors, vpcIn } from './util';

import { ConnectivityGraph, EndpointKind } from '../../src/core/graph';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, GatewayEndpointSetProps } from '../../src/endpoints';

/** Refusals: title, props, message (the value received and the rule ID). */
const REFUSALS: Array<[string, Partial<GatewayEndpointSetProps>, RegExp]> = [
  ['a service without gateway endpoints', { services: [GatewayEndpointService.of('sqs')] },
    /'S\/G': services\[0\] "sqs"; only S3, DynamoDB and S3 Express One Zone have gateway endpoints.*InterfaceEndpointService\.of\("sqs"\).*\[cdk-private-connectivity:endpoint-gateway-unsupported\]/],
  ['a full name of a service without gateway endpoints', { services: [GatewayEndpointService.of('com.amazonaws.us-east-1.sns')] },
    /services\[0\] "com\.amazonaws\.us-east-1\.sns".*endpoint-gateway-unsupported/],
  ['a service name for another region', { services: [GatewayEndpointService.S3, GatewayEndpointService.of('com.amazonaws.eu-west-1.dynamodb')] },
    /services\[1\] "com\.amazonaws\.eu-west-1\.dynamodb" names region eu-west-1, but the VPC is in us-east-1; .*Give the short name "dynamodb".*\[cdk-private-connectivity:endpoint-region-mismatch\]/],
  ['a malformed service name', { services: [GatewayEndpointService.of('S3 ')] },
    /services\[0\] "S3 "; a service name is lowercase.*\[cdk-private-connectivity:endpoint-service-name-invalid\]/],
  ['an empty list of services', { services: [] },
    /services \[\]; a gateway endpoint set creates one endpoint per service.*\[cdk-private-connectivity:endpoint-no-services\]/],
  ['an empty subnet selection', { subnets: [] },
    /'S\/G': subnets select no subnet with a route table in S\/Vpc.*\[cdk-private-connectivity:endpoint-empty-subnets\]/],
  ['a selection of a subnet group that does not exist', { subnets: [{ subnetGroupName: 'nope' }] },
    /subnets cannot be selected in S\/Vpc \(.*nope.*\).*\[cdk-private-connectivity:endpoint-empty-subnets\]/],
];

describe('GatewayEndpointSet', () => {
  test('defaults: S3 and DynamoDB on every route table, named for the region', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S', 'eu-west-1');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true });

    // WHEN
    const set = new GatewayEndpointSet(stack, 'Gateways', { vpc, policy: EndpointPolicy.allowAll() });

    // THEN: 6 subnets (public, private, isolated × 2 AZs), 6 route tables, each attached once
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    for (const service of ['s3', 'dynamodb']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: `com.amazonaws.eu-west-1.${service}`,
        VpcEndpointType: 'Gateway',
        VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
        RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('VpcpublicSubnet1RouteTable') }, { Ref: Match.stringLikeRegexp('VpcisoSubnet2RouteTable') }]),
        PolicyDocument: Match.absent(),
      });
    }
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint'));
    for (const ep of endpoints) expect(ep.Properties.RouteTableIds).toHaveLength(6);
    expect(set.routeTableIds).toHaveLength(6);
    expect(set.serviceNames).toEqual(['com.amazonaws.eu-west-1.s3', 'com.amazonaws.eu-west-1.dynamodb']);
    expect(set.endpoints.map((e) => e.node.id)).toEqual(['S3', 'Dynamodb']);
    expect(set.findEndpoint(GatewayEndpointService.S3)).toBe(set.endpoints[0]);
    expect(set.findEndpoint(GatewayEndpointService.S3_EXPRESS)).toBeUndefined();
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-policy-full-access'));
  });

  test('a subnet selection narrows the route tables; route tables shared by subnets are attached once', () => {
    // GIVEN: isolated subnets, plus a second selection of the same subnets
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true });

    // WHEN
    const set = new GatewayEndpointSet(stack, 'S3Only', {
      vpc,
      services: [GatewayEndpointService.S3],
      subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, { subnetGroupName: 'iso' }],
      policy: EndpointPolicy.allowAll(),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.us-east-1.s3',
      RouteTableIds: [{ Ref: Match.stringLikeRegexp('VpcisoSubnet1RouteTable') }, { Ref: Match.stringLikeRegexp('VpcisoSubnet2RouteTable') }],
    });
    expect(set.routeTableIds).toHaveLength(2);
  });

  test.each([
    ['us-east-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('service names in %s (%s) follow aws-cdk-lib: com.amazonaws.<region>.<service>', (region) => {
    const app = new App();
    const stack = stackIn(app, 'S', region);
    const set = new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });
    expect(set.serviceNames).toEqual([`com.amazonaws.${region}.s3`, `com.amazonaws.${region}.dynamodb`]);
  });

  test('an env-agnostic stack gets AWS::Region in the service name and a warning', () => {
    const app = new App();
    const stack = stackIn(app, 'S', null);
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: EndpointPolicy.allowAll() });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
    });
    Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp('vpc region is a token.*cdk-private-connectivity:vpc-region-unknown'));
  });

  test('a full service name in the VPC\'s region is used as given; a service listed twice gets one endpoint', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const set = new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.of('com.amazonaws.us-east-1.s3'), GatewayEndpointService.S3, GatewayEndpointService.S3_EXPRESS],
      policy: EndpointPolicy.allowAll(),
    });
    expect(set.serviceNames).toEqual(['com.amazonaws.us-east-1.s3', 'com.amazonaws.us-east-1.s3express']);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 2);
  });

  test('ipAddressType is passed to CloudFormation', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16', { dualStack: true }),
      services: [GatewayEndpointService.S3],
      ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
      policy: EndpointPolicy.allowAll(),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { IpAddressType: 'dualstack' });
  });

  test('without a policy: AWS default (no PolicyDocument) and a warning that says how to choose', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16') });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PolicyDocument: Match.absent() });
    Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp(
      "'S/G': policy \\(not given\\); without a policy AWS attaches its default.*EndpointPolicy.allowAll\\(\\).*cdk-private-connectivity:endpoint-policy-full-access",
    ));
  });

  test('a restricted policy narrows S3 to its buckets and DynamoDB to its tables, with the org condition on both', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S');
    const bucket = new s3.Bucket(stack, 'Data');

    // WHEN
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      policy: EndpointPolicy.restrictTo({
        principalOrgIds: ['o-a1b2c3d4e5'],
        buckets: [bucket],
        bucketNames: ['prod-us-east-1-starport-layer-bucket'],
        tableNames: ['orders'],
      }),
    });

    // THEN
    const template = Template.fromStack(stack);
    const condition = { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } };
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.us-east-1.s3',
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: '*',
          Principal: { AWS: '*' },
          Condition: condition,
          Resource: [
            { 'Fn::GetAtt': [Match.stringLikeRegexp('^Data'), 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Data'), 'Arn'] }, '/*']] },
            'arn:aws:s3:::prod-us-east-1-starport-layer-bucket',
            'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*',
          ],
        }],
      },
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.us-east-1.dynamodb',
      PolicyDocument: {
        Statement: [{
          Condition: condition,
          Resource: ['arn:aws:dynamodb:us-east-1:111111111111:table/orders', 'arn:aws:dynamodb:us-east-1:111111111111:table/orders/*'],
        }],
      },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-policy-full-access'));
  });

  test('a policy that narrows only buckets leaves the DynamoDB endpoint open, and says so', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.restrictTo({ bucketNames: ['logs'] }) });
    Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp('policy of the dynamodb endpoint restricts nothing.*endpoint-policy-full-access'));
  });

  test('principals restrict the Principal element', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.DYNAMODB],
      policy: EndpointPolicy.restrictTo({ principals: [new iam.ArnPrincipal('arn:aws:iam::111111111111:role/app')], actions: ['dynamodb:GetItem'] }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      PolicyDocument: { Statement: [{ Action: 'dynamodb:GetItem', Principal: { AWS: 'arn:aws:iam::111111111111:role/app' }, Resource: '*' }] },
    });
  });

  test('registers each endpoint with the connectivity graph', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
    new GatewayEndpointSet(stack, 'G', { vpc, policy: EndpointPolicy.allowAll() });
    const endpoints = ConnectivityGraph.of(app).endpoints;
    expect(endpoints.map((e) => [e.kind, e.serviceName, e.routeTableIds?.length])).toEqual([
      [EndpointKind.GATEWAY, 'com.amazonaws.us-east-1.s3', 2],
      [EndpointKind.GATEWAY, 'com.amazonaws.us-east-1.dynamodb', 2],
    ]);
    expect(endpoints[0].vpc).toBe(vpc);
  });

  describe('refusals in the constructor', () => {
    test.each(REFUSALS)('%s', (_title, props, message) => {
      // GIVEN
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');

      // THEN
      expect(() => new GatewayEndpointSet(stack, 'G', { vpc, policy: EndpointPolicy.allowAll(), ...props })).toThrow(message);
    });

    test('an imported subnet without a route table ID is refused by the core rule', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-1'], vpcCidrBlock: '10.0.0.0/16',
      });
      expect(() => new GatewayEndpointSet(stack, 'G', { vpc, policy: EndpointPolicy.allowAll() })).toThrow(/vpc-route-table-unknown/);
    });
  });

  describe('app-wide checks at synth', () => {
    test('two gateway endpoints for S3 on one route table are refused, across sets and plain aws-cdk-lib endpoints', () => {
      // GIVEN a set on every route table, a second set on the isolated ones, and a hand-made S3 endpoint
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(stack, 'First', { vpc, policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(stack, 'Second', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.allowAll() });
      vpc.addGatewayEndpoint('Manual', { service: ec2.GatewayVpcEndpointAwsService.S3 });

      // THEN
      const msg = synthErrors(app);
      expect(msg).toMatch(/'S\/Second': gateway endpoint 'S\/Second\/S3\/Resource' on route tables \(Ref VpcisoSubnet1RouteTable[0-9A-F]+\), \(Ref VpcisoSubnet2RouteTable[0-9A-F]+\) duplicates 'S\/First\/S3\/Resource' \(both com\.amazonaws\.us-east-1\.s3\); a route table can be attached to one gateway endpoint per service.*\[cdk-private-connectivity:endpoint-duplicate-gateway\]/);
      expect(msg).toMatch(/'S\/First': gateway endpoint 'S\/First\/S3\/Resource' .* duplicates 'S\/Vpc\/Manual\/Resource'/);
      expect(msg).not.toMatch(/'S\/First'[^\n]*duplicates 'S\/Second/);
      expect(msg).not.toMatch(/Dynamodb\/Resource' on route table/);
    });

    test('endpoints for the same service on different route tables are fine', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true });
      new GatewayEndpointSet(stack, 'Iso', { vpc, subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }], policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(stack, 'App', { vpc, subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }], policy: EndpointPolicy.allowAll() });
      expect(synthErrors(app)).toBe('');
    });

    test('gateway endpoints per region over the quota are refused by the graph', () => {
      // GIVEN two VPCs with S3 + DynamoDB each, and a quota of 3
      const app = new App();
      const stack = stackIn(app, 'S');
      new GatewayEndpointSet(stack, 'A', { vpc: vpcIn(stack, 'VpcA', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(stack, 'B', { vpc: vpcIn(stack, 'VpcB', '10.1.0.0/16'), policy: EndpointPolicy.allowAll() });
      ConnectivityGraph.of(app).declareQuotas({ gatewayEndpointsPerRegion: 3 });

      // THEN
      expect(synthErrors(app)).toMatch(/gateway endpoints in 111111111111\/us-east-1 4; an account may have 3 gateway endpoints per region.*graph-gateway-endpoint-quota/);
    });

    test('a route table over its route quota is refused by the graph', () => {
      // GIVEN an isolated route table already holding 3 routes, a quota of 2, and a set on it
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      const table = vpc.isolatedSubnets[0].routeTable.routeTableId;
      for (let i = 0; i < 3; i++) new ec2.CfnRoute(stack, `R${i}`, { routeTableId: table, destinationCidrBlock: `172.16.${i}.0/24`, gatewayId: 'igw-1' });
      new GatewayEndpointSet(stack, 'G', { vpc, policy: EndpointPolicy.allowAll() });
      ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 2 });

      // THEN
      expect(synthErrors(app)).toMatch(/IPv4 routes in route table \(Ref VpcisoSubnet1RouteTable[0-9A-F]+\) 3; a route table may hold 2 IPv4 routes.*graph-route-quota/);
    });

    test('a policy over 20,480 characters is refused at synth, with its size', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const bucketNames = Array.from({ length: 300 }, (_, i) => `a-rather-long-bucket-name-for-testing-${i}`);
      new GatewayEndpointSet(stack, 'G', {
        vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
        services: [GatewayEndpointService.S3],
        policy: EndpointPolicy.restrictTo({ bucketNames }),
      });
      expect(synthErrors(app)).toMatch(/'S\/G\/S3\/Resource': policy of S\/G\/S3\/Resource is \d{5} characters; an endpoint policy is at most 20,480 characters.*\[cdk-private-connectivity:endpoint-policy-too-large\]/);
    });
  });
});
