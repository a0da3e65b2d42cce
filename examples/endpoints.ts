import { App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { networkEnv, PRIMARY_REGION } from './env';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet } from '../src';

/**
 * Endpoints example: an instance in an isolated subnet (no NAT gateway, no internet gateway)
 * publishes to SNS and writes to S3, and is reachable with Session Manager.
 */
export function addEndpointsExample(app: App): void {
  const stack = new Stack(app, 'EndpointsVpc', { env: networkEnv() });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.10.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  const reports = new s3.Bucket(stack, 'Reports', { enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
  Validations.of(reports).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'Example bucket: server access logs would need a log bucket of their own, outside this pattern.',
  });
  const alerts = new sns.Topic(stack, 'Alerts', { enforceSSL: true });

  // Free: S3 through the route tables, narrowed to the app's bucket and the Amazon Linux 2023
  // package repositories (so `dnf` keeps working without internet access).
  new GatewayEndpointSet(stack, 'Gateways', {
    vpc,
    services: [GatewayEndpointService.S3],
    policy: EndpointPolicy.restrictTo({ buckets: [reports], bucketNames: [`al2023-repos-${PRIMARY_REGION}-de612dc2`] }),
  });

  // Billed per AZ-hour and per GB: Session Manager (three endpoints) and SNS, one shared security group.
  new InterfaceEndpointSet(stack, 'Ops', {
    vpc,
    services: [...InterfaceEndpointService.SSM_SESSION_MANAGER, InterfaceEndpointService.SNS],
  });

  // Cross-region: S3 in us-west-2 (where the reports are replicated) through an interface endpoint
  // of this VPC, with no NAT gateway and no peering. Clients use the endpoint's own DNS names.
  new InterfaceEndpointSet(stack, 'Replica', {
    vpc,
    services: [InterfaceEndpointService.of('s3')],
    serviceRegion: 'us-west-2',
    privateDnsEnabled: false,
  });

  const worker = new ec2.Instance(stack, 'Worker', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    ssmSessionPermissions: true,
    detailedMonitoring: true,
    disableApiTermination: true,
    blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true }) }],
  });
  alerts.grantPublish(worker);
  reports.grantPut(worker);
  Validations.of(worker).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      reason: 'The AWS managed policy for instances managed by Systems Manager (Session Manager access).',
    },
    {
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(reports.node.defaultChild as CfnElement)}.Arn>/*]`,
      reason: 'Object writes to the app\'s own bucket: object ARNs need a wildcard.',
    },
    { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: 'Aborting its own multipart uploads is part of writing objects.' },
  );
}
