import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, AZ_IDS, crossAccount, isolatedVpc, newApp, PARTNER, stackIn } from './fixtures';
import { PrivateLinkResource, PrivateLinkResourceEndpoint, ResourceTarget } from '../../src/resources';

const CONFIG_ARN = `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0`;
const subnetRef = (n: number) => ({ Ref: Match.stringLikeRegexp(`Vpciso0Subnet${n}Subnet`) });

/** A consumer in the partner account of a resource defined elsewhere. */
function consumerOf(attrs: { availabilityZoneIds?: string[]; resourceConfigurationArn?: string } = {}, region = 'us-east-1') {
  const app = newApp(AZ_IDS);
  const stack = stackIn(app, 'Consumer', region, PARTNER);
  const vpc = isolatedVpc(stack, 'Vpc', '10.61.0.0/16', 3);
  const resource = PrivateLinkResource.fromResourceAttributes(stack, 'OrdersDb', {
    resourceConfigurationArn: attrs.resourceConfigurationArn ?? CONFIG_ARN,
    portRanges: ['5432'],
    availabilityZoneIds: attrs.availabilityZoneIds,
  });
  return { app, stack, vpc, resource, build: () => new PrivateLinkResourceEndpoint(stack, 'Client', { vpc, resource }) };
}

describe('PrivateLinkResourceEndpoint', () => {
  test('a Resource endpoint in the consumer\'s subnets; its security group admits 5432 from the consumer VPC only', () => {
    // GIVEN / WHEN
    const { consumerStack, ep } = crossAccount();

    // THEN
    const t = Template.fromStack(consumerStack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Resource',
      ResourceConfigurationArn: Match.anyValue(),
      ServiceName: Match.absent(),
      SubnetIds: [subnetRef(1), subnetRef(2), subnetRef(3)],
      SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersDbEndpointSecurityGroup'), 'GroupId'] }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '10.61.0.0/16', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: Match.anyValue() }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
    expect(ep.subnets).toHaveLength(3);
    Annotations.fromStack(consumerStack).hasNoWarning('*', Match.stringLikeRegexp('cdk-private-connectivity:'));
  });

  test('a resource defined elsewhere: its ARN as given, zones compared by AZ ID', () => {
    const { stack, build } = consumerOf({ availabilityZoneIds: ['use1-az1'] });
    build();
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Resource', ResourceConfigurationArn: CONFIG_ARN });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('a ServiceNetwork endpoint with the port ranges it admits', () => {
    const app = newApp();
    const stack = stackIn(app, 'Consumer', 'us-east-1', PARTNER);
    const vpc = isolatedVpc(stack, 'Vpc', '10.61.0.0/16');
    const sn = `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123456789abcdef0`;
    new PrivateLinkResourceEndpoint(stack, 'Client', { vpc, serviceNetworkArn: sn, portRanges: ['5432', '6379'] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'ServiceNetwork', ServiceNetworkArn: sn, ResourceConfigurationArn: Match.absent() });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '10.61.0.0/16', FromPort: 5432, ToPort: 5432 }),
        Match.objectLike({ CidrIp: '10.61.0.0/16', FromPort: 6379, ToPort: 6379 }),
      ],
    });
  });

  test('resource-endpoint-target-invalid: neither resource nor service network, or a service network without ports', () => {
    const app = newApp();
    const stack = stackIn(app, 'Consumer');
    const vpc = isolatedVpc(stack, 'Vpc', '10.61.0.0/16');
    expect(() => new PrivateLinkResourceEndpoint(stack, 'A', { vpc }))
      .toThrow(/resource \/ serviceNetworkArn are both missing.*\[cdk-private-connectivity:resource-endpoint-target-invalid\]/);
    expect(() => new PrivateLinkResourceEndpoint(stack, 'B', { vpc, serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0' }))
      .toThrow(/portRanges is not given for a service-network endpoint/);
    expect(() => PrivateLinkResource.fromResourceAttributes(stack, 'Bad', { resourceConfigurationArn: 'rcfg-0123', portRanges: ['5432'] }))
      .toThrow(/resourceConfigurationArn "rcfg-0123"; a resource configuration ARN looks like/);
  });

  test('resource-endpoint-same-vpc: an endpoint in the resource gateway\'s own VPC', () => {
    const app = newApp();
    const stack = stackIn(app, 'Provider');
    const vpc = isolatedVpc(stack, 'Vpc', '10.60.0.0/16');
    const resource = new PrivateLinkResource(stack, 'Db', { vpc, target: ResourceTarget.ipAddress('10.60.0.10'), portRanges: ['5432'] });
    expect(() => new PrivateLinkResourceEndpoint(stack, 'Client', { vpc, resource }))
      .toThrow(/vpc Provider\/Vpc is the VPC of Provider\/Db's resource gateway.*\[cdk-private-connectivity:resource-endpoint-same-vpc\]/);
  });

  test('resource-region-mismatch: an endpoint in another region, or another partition', () => {
    expect(consumerOf({}, 'eu-west-1').build).toThrow(/resource Consumer\/OrdersDb is in us-east-1, the endpoint in eu-west-1.*\[cdk-private-connectivity:resource-region-mismatch\]/);
    expect(consumerOf({ resourceConfigurationArn: `arn:aws-cn:vpc-lattice:cn-north-1:${ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0` }).build)
      .toThrow(/is in cn-north-1 \(partition aws-cn\), the endpoint in us-east-1 \(partition aws\)/);
  });

  test('resource-consumer-not-shared: an endpoint in an account the resource is not shared with', () => {
    expect(() => crossAccount({ allowedPrincipals: [new iam.AccountPrincipal('333333333333')] }))
      .toThrow(/resource Provider\/OrdersDb of account 111111111111 is shared with 333333333333; the endpoint is in 222222222222.*\[cdk-private-connectivity:resource-consumer-not-shared\]/);
    expect(() => crossAccount({ allowedPrincipals: [] })).toThrow(/is shared with no account/);
  });

  test('resource-az-mismatch: no consumer zone (by AZ ID) overlaps the gateway\'s', () => {
    // The partner's us-east-1c is use1-az2; the resource gateway is in use1-az1 only.
    const { stack, vpc, resource } = consumerOf({ availabilityZoneIds: ['use1-az1'] });
    expect(() => new PrivateLinkResourceEndpoint(stack, 'Client', { vpc, resource, subnets: { availabilityZones: ['us-east-1c'] } }))
      .toThrow(/subnets are in us-east-1c \(use1-az2\); the gateway's zones are use1-az1.*\[cdk-private-connectivity:resource-az-mismatch\]/);
    // Valid control: the partner's us-east-1b is use1-az1.
    expect(() => new PrivateLinkResourceEndpoint(stack, 'Ok', { vpc, resource, subnets: { availabilityZones: ['us-east-1b'] } })).not.toThrow();
  });

  test('resource-az-ids-unknown: a resource without AZ IDs warns once on the resource', () => {
    const { stack, build } = consumerOf();
    build();
    Annotations.fromStack(stack).hasWarning('/Consumer/OrdersDb',
      Match.stringLikeRegexp('Availability Zones of the resource gateway are not known as AZ IDs.*\\[cdk-private-connectivity:resource-az-ids-unknown\\]'));
  });

  test('resource-unchecked: a resource shared with an organization warns that the consumer\'s account is not checked', () => {
    const { consumerStack } = crossAccount({ allowedPrincipals: [new iam.ArnPrincipal('arn:aws:organizations::111111111111:organization/o-abcdef1234')] });
    Annotations.fromStack(consumerStack).hasWarning('/Consumer/OrdersDbEndpoint',
      Match.stringLikeRegexp('whether account 222222222222 may use it is not checked.*\\[cdk-private-connectivity:resource-unchecked\\]'));
  });

  test('an endpoint to a resource of the same account needs no share and sets no ingress wider than the VPC', () => {
    const app = newApp(AZ_IDS);
    const p = stackIn(app, 'Provider');
    const c = stackIn(app, 'Consumer');
    const resource = new PrivateLinkResource(p, 'Db', { vpc: isolatedVpc(p, 'Vpc', '10.60.0.0/16'), target: ResourceTarget.ipAddress('10.60.0.10'), portRanges: ['5432'] });
    const ep = new PrivateLinkResourceEndpoint(c, 'Client', { vpc: isolatedVpc(c, 'Vpc', '10.61.0.0/16'), resource });
    ep.connections.allowFrom(ec2.Peer.ipv4('10.61.1.0/24'), ec2.Port.tcp(5432));
    Template.fromStack(c).hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Resource' });
  });
});
