import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { stackIn, synthErrors, vpcIn } from './util';

import { ConnectivityGraph, EndpointKind } from '../../src/core/graph';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, GatewayEndpointSetProps, InterfaceEndpointService, InterfaceEndpointSet } from '../../src/endpoints';
import { evaluateLayerAccess, LayerAccess } from '../../src/endpoints/ecr-layers';

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
    Annotations.fromStack(stack).hasWarning('/S', Match.stringLikeRegexp("Stack 'S': region is a token.*cannot detect a service name for another region \\(1: GatewayEndpointSet 'S/G'\\).*cdk-private-connectivity:vpc-region-unknown"));
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
    // Each service finds its own endpoint, the one after the duplicate included.
    expect(set.findEndpoint(GatewayEndpointService.S3)).toBe(set.endpoints[0]);
    expect(set.findEndpoint(GatewayEndpointService.S3_EXPRESS)).toBe(set.endpoints[1]);
    expect(set.findEndpoint(GatewayEndpointService.DYNAMODB)).toBeUndefined();
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

    // THEN (resources in any order: the cdk init flag @aws-cdk/aws-iam:minimizePolicies sorts them)
    const template = Template.fromStack(stack);
    const condition = { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } };
    const statementsOf = (service: string) => Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { ServiceName: service } }))
      .map((r) => r.Properties.PolicyDocument.Statement);
    const dataArn = { 'Fn::GetAtt': [expect.stringMatching(/^Data/), 'Arn'] };
    expect(statementsOf('com.amazonaws.us-east-1.s3')).toEqual([[{
      Effect: 'Allow',
      Action: '*',
      Principal: { AWS: '*' },
      Condition: condition,
      Resource: expect.arrayContaining([
        dataArn,
        { 'Fn::Join': ['', [dataArn, '/*']] },
        'arn:aws:s3:::prod-us-east-1-starport-layer-bucket',
        'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*',
      ]),
    }]]);
    expect(statementsOf('com.amazonaws.us-east-1.s3')[0][0].Resource).toHaveLength(4);
    expect(statementsOf('com.amazonaws.us-east-1.dynamodb')).toEqual([[expect.objectContaining({
      Condition: condition,
      Resource: expect.arrayContaining(['arn:aws:dynamodb:us-east-1:111111111111:table/orders', 'arn:aws:dynamodb:us-east-1:111111111111:table/orders/*']),
    })]]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-policy-full-access'));
  });

  test('a policy that narrows only buckets leaves the DynamoDB endpoint open, and says so', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.restrictTo({ bucketNames: ['logs'] }) });
    Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp('policy of the dynamodb endpoint restricts nothing.*endpoint-policy-full-access'));
  });

  test('principals are named by condition keys with Principal *, as gateway endpoints require', () => {
    // GIVEN a role, an account and an organization: one statement per condition key (keys are ANDed)
    const app = new App();
    const stack = stackIn(app, 'S');
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.DYNAMODB],
      policy: EndpointPolicy.restrictTo({
        principals: [new iam.ArnPrincipal('arn:aws:iam::111111111111:role/app'), new iam.AccountPrincipal('222222222222'), new iam.OrganizationPrincipal('o-a1b2c3d4e5')],
        actions: ['dynamodb:GetItem'],
      }),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      PolicyDocument: {
        Statement: [
          { Action: 'dynamodb:GetItem', Principal: { AWS: '*' }, Resource: '*', Condition: { StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/app' } } },
          { Action: 'dynamodb:GetItem', Principal: { AWS: '*' }, Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '222222222222' } } },
          { Action: 'dynamodb:GetItem', Principal: { AWS: '*' }, Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
        ],
      },
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a service principal cannot be named in a gateway endpoint policy (endpoint-policy-invalid)', () => {
    const stack = stackIn(new App(), 'S');
    expect(() => new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.S3],
      policy: EndpointPolicy.restrictTo({ principals: [new iam.ServicePrincipal('lambda.amazonaws.com')] }),
    })).toThrow(/principals\[0\] a Service principal "lambda\.amazonaws\.com"; a gateway endpoint policy names principals with aws:PrincipalArn.*endpoint-policy-invalid/);
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

  describe('ECR image pulls behind a restricted S3 endpoint', () => {
    const ORG_ONLY = () => EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'] });
    const LAYER_STATEMENT = {
      Sid: 'AllowEcrImageLayers',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*',
    };

    /** The policy document of the stack's S3 gateway endpoint, as synthesized. */
    function s3PolicyOf(stack: Stack): { Statement: Array<Record<string, unknown>> } | undefined {
      const found = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'))
        .filter((r) => JSON.stringify(r.Properties.ServiceName).match(/\.s3"(\]\]\})?$/));
      expect(found).toHaveLength(1);
      return found[0].Properties.PolicyDocument;
    }

    test.each([
      ['after', false],
      ['before', true],
    ])('an organization-restricted S3 endpoint lets ECR layers through when ECR endpoints come %s it', (_order, ecrFirst) => {
      // GIVEN a VPC with ECR interface endpoints and an S3 endpoint restricted to the organization
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      const ecr = () => new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      if (ecrFirst) ecr();

      // WHEN
      new GatewayEndpointSet(stack, 'G', { vpc, policy: ORG_ONLY() });
      if (!ecrFirst) ecr();

      // THEN the S3 endpoint allows the layer download; the org statement is unchanged
      const policy = s3PolicyOf(stack)!;
      expect(evaluateLayerAccess(policy, 'aws', 'us-east-1').access).toBe(LayerAccess.ALLOWED);
      expect(policy.Statement).toEqual([
        expect.objectContaining({ Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } } }),
        LAYER_STATEMENT,
      ]);
      // DynamoDB has no image layers
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: 'com.amazonaws.us-east-1.dynamodb',
        PolicyDocument: { Statement: [Match.objectLike({ Condition: Match.anyValue() })] },
      });
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-ecr-layers'));
    });

    test.each([
      ['cn-north-1', 'arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*'],
      ['us-gov-west-1', 'arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*'],
    ])('the layer bucket is the one of the VPC\'s region and partition (%s)', (region, arn) => {
      const app = new App();
      const stack = stackIn(app, 'S', region);
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(stack, 'G', { vpc, services: [GatewayEndpointService.S3], policy: ORG_ONLY() });
      vpc.addInterfaceEndpoint('Dkr', { service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER }); // anyone's ECR endpoint counts
      expect(s3PolicyOf(stack)!.Statement[1]).toEqual({ ...LAYER_STATEMENT, Resource: arn });
    });

    const ROLE = new iam.ArnPrincipal('arn:aws:iam::111111111111:role/app');
    test.each<[string, number, () => EndpointPolicy]>([
      ['principals', 2, () => EndpointPolicy.restrictTo({ principals: [ROLE] })],
      ['actions', 2, () => EndpointPolicy.restrictTo({ actions: ['s3:PutObject'] })],
      ['buckets', 2, () => EndpointPolicy.restrictTo({ bucketNames: ['reports'] })],
      ['the layer bucket itself (already allowed)', 1, () => EndpointPolicy.restrictTo({ bucketNames: ['prod-us-east-1-starport-layer-bucket'], actions: ['s3:GetObject'] })],
      ['the documented statement (already allowed)', 1, () => EndpointPolicy.fromStatements([EndpointPolicy.ecrImageLayersStatement('us-east-1')])],
    ])('a policy restricted by %s lets ECR layers through with %d statement(s)', (_title, count, policy) => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(stack, 'G', { vpc, services: [GatewayEndpointService.S3], policy: policy() });
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: [InterfaceEndpointService.ECR_DKR] });
      const document = s3PolicyOf(stack)!;
      expect(document.Statement).toHaveLength(count);
      expect(evaluateLayerAccess(document, 'aws', 'us-east-1').access).toBe(LayerAccess.ALLOWED);
    });

    test('controls: no ECR endpoint in the VPC, AWS\'s default policy, or allowEcrImageLayers: false leave the policy alone', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const lone = vpcIn(stack, 'Lone', '10.0.0.0/16');
      const other = vpcIn(stack, 'Other', '10.1.0.0/16');
      const open = vpcIn(stack, 'Open', '10.2.0.0/16');
      const off = vpcIn(stack, 'Off', '10.3.0.0/16');
      new InterfaceEndpointSet(stack, 'EcrElsewhere', { vpc: other, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      const sets = [
        new GatewayEndpointSet(stack, 'Lone1', { vpc: lone, services: [GatewayEndpointService.S3], policy: ORG_ONLY() }),
        new GatewayEndpointSet(stack, 'Open1', { vpc: open, services: [GatewayEndpointService.S3], policy: EndpointPolicy.allowAll() }),
        new GatewayEndpointSet(stack, 'Off1', { vpc: off, services: [GatewayEndpointService.S3], policy: ORG_ONLY(), allowEcrImageLayers: false }),
      ];
      new InterfaceEndpointSet(stack, 'EcrOpen', { vpc: open, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      new InterfaceEndpointSet(stack, 'EcrOff', { vpc: off, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      app.synth();
      const statements = sets.map((s) => stack.resolve((s.endpoints[0].node.defaultChild as ec2.CfnVPCEndpoint).policyDocument)?.Statement?.length);
      expect(statements).toEqual([1, undefined, 1]);
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-ecr-layers'));
    });

    test('allowEcrImageLayers: true adds the statement without ECR endpoints in the app (ECR through NAT)', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: ORG_ONLY(), allowEcrImageLayers: true });
      expect(s3PolicyOf(stack)!.Statement).toContainEqual(LAYER_STATEMENT);
    });

    test('a Deny of the layer bucket is kept and warned about', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      const deny = new iam.PolicyStatement({
        effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: ['arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*'],
      });
      const allow = new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: ['*'] });
      new GatewayEndpointSet(stack, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.fromStatements([allow, deny]) });
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      expect(s3PolicyOf(stack)!.Statement).toHaveLength(2);
      Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp(
        "^GatewayEndpointSet 'S/G': policy of the s3 endpoint \\(the VPC has ECR interface endpoints \\(S/Ecr/EcrApi/Resource, S/Ecr/EcrDkr/Resource\\)\\) denies s3:GetObject on arn:aws:s3:::prod-us-east-1-starport-layer-bucket/\\*.*an explicit Deny cannot be lifted by an Allow.*\\[cdk-private-connectivity:endpoint-ecr-layers-blocked\\]"));
    });

    test('a Deny whose conditions are unknown at synth: the statement is added and the set warns', () => {
      const app = new App();
      const stack = stackIn(app, 'S');
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      const deny = new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:*'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } },
      });
      new GatewayEndpointSet(stack, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'], additionalStatements: [deny] }) });
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: [InterfaceEndpointService.ECR_DKR] });
      expect(s3PolicyOf(stack)!.Statement).toContainEqual(LAYER_STATEMENT);
      Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp('has a Deny that may match s3:GetObject.*\\[cdk-private-connectivity:endpoint-ecr-layers-unchecked\\]'));
    });

    test('an environment-agnostic stack: the statement names the bucket with AWS::Region, and the set warns', () => {
      const app = new App();
      const stack = stackIn(app, 'S', null);
      const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(stack, 'G', { vpc, services: [GatewayEndpointService.S3], policy: ORG_ONLY() });
      new InterfaceEndpointSet(stack, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
      expect(s3PolicyOf(stack)!.Statement[1]).toEqual({
        ...LAYER_STATEMENT,
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::prod-', { Ref: 'AWS::Region' }, '-starport-layer-bucket/*']] },
      });
      Annotations.fromStack(stack).hasWarning('/S/G', Match.stringLikeRegexp('region is a token.*added with AWS::Region and AWS::Partition.*\\[cdk-private-connectivity:endpoint-ecr-layers-unchecked\\]'));
    });
  });
});

describe('gateway endpoint policy semantics', () => {
  /** A set with `policy` on S3 and DynamoDB in us-east-1; returns the stack. */
  function setWith(policy: EndpointPolicy, services = [GatewayEndpointService.S3]): Stack {
    const stack = stackIn(new App(), 'S');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services, policy });
    return stack;
  }
  const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
  const anyone = (conditions?: Record<string, unknown>, resources = ['*'], principal: iam.IPrincipal = new iam.AnyPrincipal()) =>
    new iam.PolicyStatement({ actions: ['s3:GetObject'], resources, principals: [principal], conditions });

  test('endpoint-gateway-principal: a Principal other than * is warned about (an account ID grants its root user only)', () => {
    const stack = setWith(EndpointPolicy.fromStatements([anyone(undefined, ['*'], new iam.AccountPrincipal('111111111111'))]));
    expect(warnings(stack).join('\n')).toMatch(/policy of the s3 endpoint, statement 0 Principal .*111111111111.*; a gateway endpoint policy's Principal must be \*.*root user only.*endpoint-gateway-principal/);
  });

  test('a statement with Principal * and aws:PrincipalArn gets no warning (valid control)', () => {
    const stack = setWith(EndpointPolicy.fromStatements([anyone({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/app' } })]));
    expect(warnings(stack)).toEqual([]);
  });

  test.each([
    ['a wildcard in aws:PrincipalAccount', { StringLike: { 'aws:PrincipalAccount': '1111*' } }, /Condition StringLike aws:PrincipalAccount "1111\*"; aws:PrincipalAccount holds a system-generated identifier, which takes no wildcard/],
    ['a wildcard in aws:ResourceAccount', { StringLike: { 'aws:ResourceAccount': ['111111111111', '22222222222?'] } }, /aws:ResourceAccount "22222222222\?"; aws:ResourceAccount holds a system-generated identifier/],
    ['a numeric operator on aws:SourceVpc', { NumericEquals: { 'aws:SourceVpc': '1' } }, /aws:SourceVpc holds a system-generated identifier, which takes no numeric condition operator/],
    ['a wildcard with fewer than six characters beside it', { StringLike: { 'aws:PrincipalTag/team': 'ab*' } }, /"ab\*"; with a string condition operator, each wildcard needs at least six consecutive characters/],
    ['an ARN whose account part mixes digits and a wildcard', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::1111*:role/app' } }, /the account part of an ARN is an account ID or a wildcard, not both \(got "1111\*"\)/],
  ])('endpoint-policy-wildcard: %s is refused', (_name, conditions, message) => {
    expect(() => EndpointPolicy.fromStatements([anyone(conditions)])).toThrow(message);
    expect(() => EndpointPolicy.fromStatements([anyone(conditions)])).toThrow(/endpoint-policy-wildcard/);
  });

  test('endpoint-policy-wildcard: a Resource ARN whose account part mixes digits and a wildcard is refused', () => {
    expect(() => EndpointPolicy.restrictTo({ actions: ['dynamodb:GetItem'], additionalStatements: [anyone(undefined, ['arn:aws:dynamodb:us-east-1:12*:table/t'])] }))
      .toThrow(/additionalStatements\[0\] Resource "arn:aws:dynamodb:us-east-1:12\*:table\/t"; the account part of an ARN.*endpoint-policy-wildcard/);
  });

  test('wildcards AWS allows pass: a whole account part, six characters beside, ARN patterns (valid controls)', () => {
    const stack = setWith(EndpointPolicy.fromStatements([anyone({
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app-*' },
      StringEquals: { 'aws:PrincipalAccount': ['111111111111'], 'aws:SourceVpc': 'vpc-0a1b2c3d' },
    }, ['arn:aws:s3:::logs-*'])]));
    expect(warnings(stack)).toEqual([]);
  });

  test.each([
    ['an account ID that is not 12 digits', { StringEquals: { 'aws:PrincipalAccount': '1234' } }, /aws:PrincipalAccount "1234"; aws:PrincipalAccount is a 12-digit account ID, so this value never matches/],
    ['a VPC endpoint ID that is not vpce-...', { StringEquals: { 'aws:SourceVpce': 'vpc-0a1b2c3d' } }, /aws:SourceVpce is a VPC endpoint ID \(vpce-\.\.\.\), so this value never matches/],
    ['an organization ID that is not o-...', { StringNotEquals: { 'aws:ResourceOrgID': 'r-ab12' } }, /aws:ResourceOrgID is an organization ID \(o-\.\.\.\), so this value never matches/],
    ['a principal ARN that is not an ARN', { StringEquals: { 'aws:PrincipalArn': 'app-role' } }, /aws:PrincipalArn is an ARN, so this value never matches/],
  ])('endpoint-policy-never-matches: %s is warned about', (_name, conditions, message) => {
    const all = warnings(setWith(EndpointPolicy.fromStatements([anyone(conditions)]))).join('\n');
    expect(all).toMatch(message);
    expect(all).toMatch(/endpoint-policy-never-matches/);
  });

  test('endpoint-policy-condition-unknown: a token on an identifier key is warned about; a known pseudo parameter is not', () => {
    const stack = stackIn(new App(), 'S');
    const vpce = new ec2.CfnVPCEndpoint(stack, 'Other', { vpcId: 'vpc-0123456789abcdef0', serviceName: 'com.amazonaws.us-east-1.sqs' });
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.S3],
      policy: EndpointPolicy.fromStatements([anyone({ StringEquals: { 'aws:SourceVpce': vpce.ref, 'aws:PrincipalAccount': Stack.of(stack).account } })]),
    });
    const all = warnings(stack);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(/aws:SourceVpce \(unresolved token .*\); whether this value can match aws:SourceVpce is not known at synth.*endpoint-policy-condition-unknown/);
  });

  test('endpoint-gateway-resource-region: a bucket of another region is refused', () => {
    const stack = stackIn(new App(), 'S');
    const eu = s3.Bucket.fromBucketAttributes(stack, 'EuLogs', { bucketName: 'eu-logs', region: 'eu-west-1' });
    expect(() => new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.S3],
      policy: EndpointPolicy.restrictTo({ buckets: [eu] }),
    })).toThrow(/'S\/G': policy of the s3 endpoint is restricted to bucket S\/EuLogs in eu-west-1; a gateway endpoint in us-east-1 reaches buckets of its own region only.*endpoint-gateway-resource-region\]/);
  });

  test('endpoint-gateway-resource-region: a DynamoDB table ARN of another region is refused', () => {
    expect(() => setWith(
      EndpointPolicy.fromStatements([new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/t'], principals: [new iam.AnyPrincipal()] })]),
      [GatewayEndpointService.DYNAMODB],
    )).toThrow(/table arn:aws:dynamodb:eu-west-1:111111111111:table\/t in eu-west-1; a gateway endpoint in us-east-1 reaches tables of its own region only.*endpoint-gateway-resource-region\]/);
  });

  test('endpoint-gateway-resource-region-unknown: a bucket of an environment-agnostic stack is warned about', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const agnostic = new Stack(app, 'Data');
    new CfnWaitConditionHandle(agnostic, 'Keep'); // a template needs a resource
    const bucket = s3.Bucket.fromBucketName(agnostic, 'Logs', 'shared-logs');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ buckets: [bucket] }) });
    expect(warnings(stack).join('\n')).toMatch(/is restricted to bucket Data\/Logs, whose region is a token; .*endpoint-gateway-resource-region-unknown/);
  });

  test('a bucket of the same region passes without a warning (valid control)', () => {
    const stack = stackIn(new App(), 'S');
    const bucket = new s3.Bucket(stack, 'Logs');
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ buckets: [bucket] }) });
    expect(warnings(stack)).toEqual([]);
    expect(synthErrors(stack.node.root as App)).toBe('');
  });
});
