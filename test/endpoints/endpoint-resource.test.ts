import { App, CfnElement, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ACCOUNT, stackIn, vpcIn } from './util';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet } from '../../src/endpoints';
import { InterfaceEndpointResource } from '../../src/endpoints/endpoint-resource';

const ORG = 'o-abcdefghij';

/** The logical ID of an endpoint's AWS::EC2::VPCEndpoint. */
function logicalIdOf(endpoint: ec2.IVpcEndpoint): string {
  const cfn = endpoint.node.defaultChild as CfnElement;
  return Stack.of(cfn).getLogicalId(cfn);
}

/** The endpoint resource of a template, by logical ID. */
function resourceOf(stack: Stack, logicalId: string): Record<string, unknown> {
  return Template.fromStack(stack).toJSON().Resources[logicalId];
}

describe('the endpoints of an InterfaceEndpointSet', () => {
  function build() {
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
    const set = new InterfaceEndpointSet(stack, 'Ops', { vpc, services: [InterfaceEndpointService.SNS, InterfaceEndpointService.SQS] });
    return { stack, vpc, set };
  }

  test('are IInterfaceVpcEndpoints: the ID is the Ref of the child Resource, an AWS::EC2::VPCEndpoint', () => {
    // GIVEN
    const { stack, set } = build();
    const sns = set.findEndpoint(InterfaceEndpointService.SNS)!;

    // THEN
    expect(sns.node.defaultChild).toBeInstanceOf(ec2.CfnVPCEndpoint);
    expect(sns.node.defaultChild!.node.path).toBe('S/Ops/Sns/Resource');
    const logicalId = logicalIdOf(sns);
    expect(logicalId).toMatch(/^OpsSns[0-9A-F]{8}$/);
    expect(stack.resolve(sns.vpcEndpointId)).toEqual({ Ref: logicalId });
    expect(stack.resolve(sns.vpcEndpointRef.vpcEndpointId)).toEqual({ Ref: logicalId });
    expect(resourceOf(stack, logicalId)).toMatchObject({ Type: 'AWS::EC2::VPCEndpoint', Properties: { ServiceName: 'com.amazonaws.us-east-1.sns' } });
    expect(sns.stack).toBe(stack);
    expect(sns.env).toEqual({ account: ACCOUNT, region: 'us-east-1' });
  });

  test('connections are the shared security group\'s, default port 443: allowFrom adds an ingress rule to it', () => {
    // GIVEN
    const { stack, vpc, set } = build();
    const client = new ec2.SecurityGroup(stack, 'Client', { vpc });

    // WHEN
    set.endpoints[1].connections.allowDefaultPortFrom(client, 'clients');

    // THEN
    expect(set.endpoints[1].connections.securityGroups).toEqual([set.securityGroup]);
    expect(set.endpoints[1].connections.defaultPort?.toString()).toBe('443');
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OpsSecurityGroup'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Client'), 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      Description: 'clients',
    });
  });

  test('each endpoint has connections of its own: a security group added to one leaves the set and the others alone', () => {
    // GIVEN
    const { stack, vpc, set } = build();
    const extra = new ec2.SecurityGroup(stack, 'Extra', { vpc });

    // WHEN
    set.endpoints[0].connections.addSecurityGroup(extra);

    // THEN
    expect(set.endpoints[0].connections.securityGroups).toEqual([set.securityGroup, extra]);
    expect(set.endpoints[1].connections.securityGroups).toEqual([set.securityGroup]);
    expect(set.connections.securityGroups).toEqual([set.securityGroup]);
    expect(set.endpoints[0].connections).toBe(set.endpoints[0].connections);
  });

  test('applyRemovalPolicy sets the deletion and update-replace policies of the AWS::EC2::VPCEndpoint only', () => {
    // GIVEN
    const { stack, set } = build();

    // WHEN
    set.endpoints[0].applyRemovalPolicy(RemovalPolicy.RETAIN);

    // THEN
    expect(resourceOf(stack, logicalIdOf(set.endpoints[0]))).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(resourceOf(stack, logicalIdOf(set.endpoints[1])).DeletionPolicy).toBeUndefined();
  });

  test('render what aws-cdk-lib\'s InterfaceVpcEndpoint renders for the same props', () => {
    // GIVEN the set's endpoint (policy, dual-stack, cross-region, no private DNS) and the L2 for the same props
    const app = new App();
    const stack = stackIn(app, 'S');
    const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16', { dualStack: true });
    const policy = EndpointPolicy.restrictTo({ principalOrgIds: [ORG] });
    const set = new InterfaceEndpointSet(stack, 'Ops', {
      vpc,
      services: [InterfaceEndpointService.KMS],
      policy,
      privateDnsEnabled: false,
      ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
      dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
      serviceRegion: 'us-west-2',
    });
    const l2 = new ec2.InterfaceVpcEndpoint(stack, 'L2', {
      vpc,
      service: { name: set.serviceNames[0], port: 443 },
      subnets: { subnets: set.subnets },
      securityGroups: [set.securityGroup],
      open: false,
      privateDnsEnabled: false,
      ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
      dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
      serviceRegion: 'us-west-2',
    });
    for (const s of policy._render({ serviceShortName: 'kms', region: 'us-west-2', partition: 'aws', account: ACCOUNT }).statements) l2.addToPolicy(s);

    // THEN
    const ours = resourceOf(stack, logicalIdOf(set.endpoints[0]));
    expect(ours).toEqual(resourceOf(stack, logicalIdOf(l2)));
    expect(ours).toMatchObject({
      Properties: {
        ServiceRegion: 'us-west-2', DnsOptions: { DnsRecordIpType: 'dualstack' }, PolicyDocument: { Statement: [{ Condition: { StringEquals: { 'aws:PrincipalOrgID': [ORG] } } }] },
      },
    });
  });

  test('without a policy the AWS::EC2::VPCEndpoint has no PolicyDocument (AWS attaches its default)', () => {
    const { stack, set } = build();
    expect(resourceOf(stack, logicalIdOf(set.endpoints[0])).Properties).not.toHaveProperty('PolicyDocument');
  });

  test('addToPolicy refuses a statement without a principal, as aws-cdk-lib\'s VpcEndpoint does', () => {
    const { set } = build();
    const endpoint = set.endpoints[0] as InterfaceEndpointResource;
    expect(() => endpoint.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })))
      .toThrow(/'S\/Ops\/Sns': policy statement .*must contain a Principal element.*\[cdk-private-connectivity:endpoint-policy-invalid\]/);
  });
});

describe('the endpoints of a GatewayEndpointSet', () => {
  test('are IGatewayVpcEndpoints: the ID is the Ref of the child Resource; applyRemovalPolicy reaches it', () => {
    // GIVEN
    const app = new App();
    const stack = stackIn(app, 'S');
    const set = new GatewayEndpointSet(stack, 'Gw', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });
    const s3 = set.findEndpoint(GatewayEndpointService.S3)!;

    // WHEN
    s3.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // THEN
    expect(s3.node.defaultChild).toBeInstanceOf(ec2.CfnVPCEndpoint);
    const logicalId = logicalIdOf(s3);
    expect(logicalId).toMatch(/^GwS3[0-9A-F]{8}$/);
    expect(stack.resolve(s3.vpcEndpointId)).toEqual({ Ref: logicalId });
    expect(resourceOf(stack, logicalId)).toMatchObject({ Type: 'AWS::EC2::VPCEndpoint', DeletionPolicy: 'Retain', Properties: { VpcEndpointType: 'Gateway' } });
  });

  test.each([
    ['every subnet (private, public, isolated route tables, in aws-cdk-lib\'s order)', undefined],
    ['two selections', [{ subnetType: ec2.SubnetType.PUBLIC }, { subnetGroupName: 'iso' }]],
  ])('render what aws-cdk-lib\'s GatewayVpcEndpoint renders for the same props: %s', (_, subnets) => {
    // GIVEN the set's endpoint, and the L2 for the same props at the same path of an identical app
    // (two S3 gateway endpoints on one route table would be refused)
    const policy = EndpointPolicy.restrictTo({ bucketNames: ['my-bucket'] });
    const ipAddressType = ec2.VpcEndpointIpAddressType.IPV4;
    const stack = stackIn(new App(), 'S');
    const set = new GatewayEndpointSet(stack, 'Gw', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16', { withEgress: true }), services: [GatewayEndpointService.S3], subnets, policy, ipAddressType,
    });
    const l2Stack = stackIn(new App(), 'S');
    const l2Vpc = vpcIn(l2Stack, 'Vpc', '10.0.0.0/16', { withEgress: true });
    const l2 = new ec2.GatewayVpcEndpoint(new Construct(l2Stack, 'Gw'), 'S3', { vpc: l2Vpc, service: { name: set.serviceNames[0] }, subnets, ipAddressType });
    for (const s of policy._render({ serviceShortName: 's3', region: 'us-east-1', partition: 'aws', account: ACCOUNT, gateway: true }).statements) l2.addToPolicy(s);

    // THEN
    const logicalId = logicalIdOf(set.endpoints[0]);
    expect(logicalIdOf(l2)).toBe(logicalId);
    const ours = resourceOf(stack, logicalId);
    expect(ours).toEqual(resourceOf(l2Stack, logicalId));
    expect((ours.Properties as { RouteTableIds: unknown[] }).RouteTableIds).toHaveLength(subnets ? 4 : 6);
  });
});
