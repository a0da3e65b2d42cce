/** Invalid endpoint configurations: GatewayEndpointSet, InterfaceEndpointSet and EndpointPolicy. */
import { CfnParameter } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { S } from './sources';
import { agnosticStack, InvalidCase, isolatedVpc, stackIn, vpcIn } from './types';
import {
  ConnectivityGraph, EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, InterfaceEndpointService, InterfaceEndpointSet, PeeredVpcPair,
} from '../../src';
import { Rules } from '../../src/core/rules';

export const ENDPOINT_CASES: InvalidCase[] = [
  // ---- services ----
  {
    id: 'gateway-no-services',
    title: 'a gateway endpoint set with an empty list of services',
    rule: Rules.ENDPOINT_NO_SERVICES,
    source: S.GATEWAY_ENDPOINTS,
    expect: /GatewayEndpointSet 'App\/G': services \[\]; a gateway endpoint set creates one endpoint per service/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'interface-no-services',
    title: 'an interface endpoint set with an empty list of services',
    rule: Rules.ENDPOINT_NO_SERVICES,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /InterfaceEndpointSet 'App\/Ops': services \[\]; an interface endpoint set creates one endpoint per service/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [] });
    },
  },
  {
    id: 'gateway-service-name-malformed',
    title: 'a gateway service name with capitals and a space',
    rule: Rules.ENDPOINT_SERVICE_NAME_INVALID,
    source: S.GATEWAY_ENDPOINTS,
    expect: /services\[0\] "S3 "; a service name is lowercase/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.of('S3 ')], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'interface-service-name-empty',
    title: 'an empty interface service name',
    rule: Rules.ENDPOINT_SERVICE_NAME_INVALID,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /services\[0\] ""; a service name is lowercase/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('')] });
    },
  },
  {
    id: 'gateway-sqs',
    title: 'a gateway endpoint for SQS',
    rule: Rules.ENDPOINT_GATEWAY_UNSUPPORTED,
    source: S.GATEWAY_ENDPOINTS,
    expect: /'App\/G': services\[0\] "sqs"; only S3, DynamoDB and S3 Express One Zone have gateway endpoints.*InterfaceEndpointService\.of\("sqs"\)/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.of('sqs')], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'gateway-sns-full-name',
    title: 'a gateway endpoint for SNS by its full service name',
    rule: Rules.ENDPOINT_GATEWAY_UNSUPPORTED,
    source: S.GATEWAY_ENDPOINTS,
    expect: /services\[0\] "com\.amazonaws\.us-east-1\.sns"/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.of('com.amazonaws.us-east-1.sns')], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'gateway-other-region',
    title: 'a DynamoDB gateway endpoint named for another region',
    rule: Rules.ENDPOINT_REGION_MISMATCH,
    source: S.GATEWAY_ENDPOINTS,
    expect: /services\[1\] "com\.amazonaws\.eu-west-1\.dynamodb" names region eu-west-1, but the VPC is in us-east-1; .*Give the short name "dynamodb"/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3, GatewayEndpointService.of('com.amazonaws.eu-west-1.dynamodb')], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'interface-other-region',
    title: 'an SNS interface endpoint named for another region',
    rule: Rules.ENDPOINT_REGION_MISMATCH,
    source: S.INTERFACE_CROSS_REGION,
    expect: /services\[0\] "com\.amazonaws\.eu-west-1\.sns" names region eu-west-1, but the VPC is in us-east-1/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('com.amazonaws.eu-west-1.sns')] });
    },
  },

  // ---- route tables and subnets ----
  {
    id: 'gateway-duplicate-sets',
    title: 'two gateway endpoint sets putting S3 on the same route tables',
    rule: Rules.ENDPOINT_DUPLICATE_GATEWAY,
    source: S.GATEWAY_ENDPOINTS,
    expect: /'App\/Second': gateway endpoint 'App\/Second\/S3\/Resource' on route tables .* duplicates 'App\/First\/S3\/Resource' \(both com\.amazonaws\.us-east-1\.s3\)/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'First', { vpc, policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(s, 'Second', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'gateway-duplicate-plain-endpoint',
    title: 'a gateway endpoint set next to vpc.addGatewayEndpoint for S3',
    rule: Rules.ENDPOINT_DUPLICATE_GATEWAY,
    source: S.GATEWAY_ENDPOINTS,
    expect: /gateway endpoint 'App\/G\/S3\/Resource' .* duplicates 'App\/Vpc\/Manual\/Resource'/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.allowAll() });
      vpc.addGatewayEndpoint('Manual', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    },
  },
  {
    id: 'gateway-empty-selection',
    title: 'a gateway endpoint set with an empty subnet selection',
    rule: Rules.ENDPOINT_EMPTY_SUBNETS,
    source: S.GATEWAY_ENDPOINTS,
    expect: /'App\/G': subnets select no subnet with a route table in App\/Vpc/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), subnets: [], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'gateway-missing-group',
    title: 'a gateway endpoint set on a subnet group that does not exist',
    rule: Rules.ENDPOINT_EMPTY_SUBNETS,
    source: S.GATEWAY_ENDPOINTS,
    expect: /subnets cannot be selected in App\/Vpc \(.*nope.*\)/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), subnets: [{ subnetGroupName: 'nope' }], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'interface-empty-selection',
    title: 'an interface endpoint set with a selection of no subnet',
    rule: Rules.ENDPOINT_EMPTY_SUBNETS,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /'App\/Ops': subnets \{ subnets: 0 given \} selects no subnet in App\/Vpc/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS], subnets: { subnets: [] } });
    },
  },
  {
    id: 'interface-missing-subnet-type',
    title: 'an interface endpoint set on public subnets the VPC does not have',
    rule: Rules.ENDPOINT_EMPTY_SUBNETS,
    source: S.CDK_INTERFACE_ENDPOINT,
    expect: /subnets \{ subnetType: Public \} cannot be selected in App\/Vpc/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS], subnets: { subnetType: ec2.SubnetType.PUBLIC } });
    },
  },
  {
    id: 'gateway-imported-no-route-table',
    title: 'a gateway endpoint set on an imported subnet without a route table ID',
    rule: Rules.VPC_ROUTE_TABLE_UNKNOWN,
    source: S.GATEWAY_ENDPOINTS,
    expect: /subnet-0aaaaaa1/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(s, 'Imported', { vpcId: 'vpc-0aaaaaaa', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaa1'], vpcCidrBlock: '10.0.0.0/16' });
      new GatewayEndpointSet(s, 'G', { vpc, policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'interface-ingress-host-bits',
    title: 'an interface endpoint ingress block with host bits set',
    rule: Rules.CIDR_INVALID,
    source: S.VPC_CIDR,
    expect: /ingressCidrBlocks\[0\] "10\.0\.0\.1\/16"; .*Use 10\.0\.0\.0\/16\./,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS], ingressCidrBlocks: ['10.0.0.1/16'] });
    },
  },

  // ---- policies ----
  {
    id: 'policy-too-large',
    title: 'an S3 endpoint policy naming 300 buckets (over 20,480 characters)',
    rule: Rules.ENDPOINT_POLICY_TOO_LARGE,
    source: S.PL_QUOTAS,
    expect: /'App\/G\/S3\/Resource': policy of App\/G\/S3\/Resource is \d{5} characters; an endpoint policy is at most 20,480 characters/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const bucketNames = Array.from({ length: 300 }, (_, i) => `a-rather-long-bucket-name-for-testing-${i}`);
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ bucketNames }) });
    },
  },
  {
    id: 'policy-size-tokens',
    title: 'a policy near the limit with role ARNs known only at deploy time',
    rule: Rules.ENDPOINT_POLICY_SIZE_UNKNOWN,
    source: S.VPC_QUOTAS,
    expect: /policy of App\/G\/S3\/Resource is \d+ characters plus 2 deploy-time values/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const roles = [0, 1].map((i) => new iam.Role(s, `Role${i}`, { assumedBy: new iam.AccountRootPrincipal() }));
      const bucketNames = Array.from({ length: 180 }, (_, i) => `bucket-name-of-medium-length-${String(i).padStart(3, '0')}`);
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ bucketNames, principals: roles }) });
    },
  },
  {
    id: 'policy-restricts-nothing',
    title: 'EndpointPolicy.restrictTo with an empty list of buckets',
    rule: Rules.ENDPOINT_POLICY_INVALID,
    source: S.GATEWAY_ENDPOINTS,
    expect: /EndpointPolicy\.restrictTo: restrictions narrow nothing/,
    build: () => { EndpointPolicy.restrictTo({ buckets: [] }); },
  },
  {
    id: 'policy-org-id-malformed',
    title: 'an organization ID that is a root ID',
    rule: Rules.ENDPOINT_POLICY_INVALID,
    source: S.GATEWAY_ENDPOINTS,
    expect: /principalOrgIds\[0\] "r-abcd"; an AWS Organizations ID is "o-"/,
    build: () => { EndpointPolicy.restrictTo({ principalOrgIds: ['r-abcd'] }); },
  },
  {
    id: 'policy-no-statement',
    title: 'an endpoint policy with no statement',
    rule: Rules.ENDPOINT_POLICY_INVALID,
    source: S.GATEWAY_ENDPOINTS,
    expect: /statements \[\]; an endpoint policy needs at least one statement/,
    build: () => { EndpointPolicy.fromStatements([]); },
  },
  {
    id: 'policy-no-principal',
    title: 'an endpoint policy statement without a Principal',
    rule: Rules.ENDPOINT_POLICY_INVALID,
    source: S.GATEWAY_ENDPOINTS,
    expect: /an endpoint policy statement must contain a Principal element/,
    build: () => { EndpointPolicy.fromStatements([new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })]); },
  },
  {
    id: 'policy-not-given',
    title: 'gateway endpoints without a policy (AWS default: full access)',
    rule: Rules.ENDPOINT_POLICY_FULL_ACCESS,
    source: S.GATEWAY_ENDPOINTS,
    expect: /'App\/G': policy \(not given\); without a policy AWS attaches its default/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16') });
    },
  },
  {
    id: 'policy-buckets-only',
    title: 'a policy that narrows buckets only, leaving the DynamoDB endpoint open',
    rule: Rules.ENDPOINT_POLICY_FULL_ACCESS,
    source: S.GATEWAY_ENDPOINTS,
    expect: /policy of the dynamodb endpoint restricts nothing/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'G', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.restrictTo({ bucketNames: ['logs'] }) });
    },
  },

  // ---- ECR image layers behind an S3 gateway endpoint ----
  {
    id: 'ecr-layers-denied',
    title: 'an S3 endpoint policy that denies the ECR layer bucket, with ECR endpoints in the VPC',
    rule: Rules.ENDPOINT_ECR_LAYERS_BLOCKED,
    source: S.ECR_ENDPOINTS,
    expect: /GatewayEndpointSet 'App\/G': policy of the s3 endpoint .* denies s3:GetObject on arn:aws:s3:::prod-us-east-1-starport-layer-bucket/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      const deny = new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: ['arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*'] });
      const allow = new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: ['*'] });
      new GatewayEndpointSet(s, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.fromStatements([allow, deny]) });
      new InterfaceEndpointSet(s, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
    },
  },
  {
    id: 'ecr-layers-deny-condition',
    title: 'an S3 endpoint policy with a Deny whose condition is unknown at synth',
    rule: Rules.ENDPOINT_ECR_LAYERS_UNCHECKED,
    source: S.ECR_ENDPOINTS,
    expect: /has a Deny that may match s3:GetObject/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      const deny = new iam.PolicyStatement({
        effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: ['*'], conditions: { StringNotEquals: { 'aws:SourceVpc': 'vpc-0123456789abcdef0' } },
      });
      new GatewayEndpointSet(s, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'], additionalStatements: [deny] }) });
      new InterfaceEndpointSet(s, 'Ecr', { vpc, services: [InterfaceEndpointService.ECR_DKR] });
    },
  },
  {
    id: 'ecr-layers-agnostic',
    title: 'a restricted S3 endpoint with ECR endpoints in an environment-agnostic stack',
    rule: Rules.ENDPOINT_ECR_LAYERS_UNCHECKED,
    source: S.ECR_ENDPOINTS,
    expect: /region is a token.*added with AWS::Region and AWS::Partition/,
    build: (app) => {
      const s = agnosticStack(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'G', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'] }) });
      new InterfaceEndpointSet(s, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
    },
  },
  {
    id: 'ecr-layers-statement-region',
    title: 'ecrImageLayersStatement for a region name that is not one',
    rule: Rules.REGION_INVALID,
    source: S.ECR_ENDPOINTS,
    expect: /"us-east"/,
    build: () => { EndpointPolicy.ecrImageLayersStatement('us-east'); },
  },

  // ---- private DNS ----
  {
    id: 'interface-private-dns-hostnames-off',
    title: 'interface endpoints with private DNS in a VPC without DNS hostnames',
    rule: Rules.ENDPOINT_PRIVATE_DNS_VPC,
    source: S.PRIVATE_DNS_ENABLED,
    expect: /privateDnsEnabled true, but App\/Vpc has enableDnsHostnames false/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16', 1, 1, { enableDnsHostnames: false }), services: [InterfaceEndpointService.SNS] });
    },
  },
  {
    id: 'interface-private-dns-support-off',
    title: 'interface endpoints with private DNS in a VPC without DNS support',
    rule: Rules.ENDPOINT_PRIVATE_DNS_VPC,
    source: S.PRIVATE_DNS_ENABLED,
    expect: /privateDnsEnabled true, but App\/Vpc has enableDnsSupport and enableDnsHostnames false/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16', 1, 1, { enableDnsSupport: false, enableDnsHostnames: false }), services: [InterfaceEndpointService.SQS] });
    },
  },
  {
    id: 'interface-imported-dns-unknown',
    title: 'interface endpoints with private DNS in an imported VPC',
    rule: Rules.ENDPOINT_PRIVATE_DNS_UNKNOWN,
    source: S.PRIVATE_DNS_ENABLED,
    expect: /'App\/Imported': DNS attributes of the imported VPC are unknown.*InterfaceEndpointSet 'App\/Ops'/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(s, 'Imported', { vpcId: 'vpc-0aaaaaaa', vpcCidrBlock: '10.0.0.0/16', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaa1'], isolatedSubnetRouteTableIds: ['rtb-0aaaaaa1'] });
      new InterfaceEndpointSet(s, 'Ops', { vpc, services: [InterfaceEndpointService.SNS] });
    },
  },
  {
    id: 'interface-imported-block-unknown',
    title: 'interface endpoints in an imported VPC given without its block',
    rule: Rules.VPC_CIDR_UNKNOWN,
    source: S.VPC_CIDR,
    expect: /'App\/Imported': imported ipv4 block is not given.*InterfaceEndpointSet 'App\/Ops'.*Pass ingressCidrBlocks/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = ec2.Vpc.fromVpcAttributes(s, 'Imported', { vpcId: 'vpc-0aaaaaaa', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaa1'], isolatedSubnetRouteTableIds: ['rtb-0aaaaaa1'] });
      new InterfaceEndpointSet(s, 'Ops', { vpc, services: [InterfaceEndpointService.SNS], privateDnsEnabled: false });
    },
  },

  // ---- cross-region endpoints to AWS services (serviceRegion) ----
  {
    id: 'cross-region-sns',
    title: 'an SNS endpoint in us-east-1 for SNS of us-west-2 (SNS is not cross-region enabled)',
    rule: Rules.ENDPOINT_CROSS_REGION_UNSUPPORTED,
    source: S.CROSS_REGION_SERVICES,
    expect: /InterfaceEndpointSet 'App\/Remote': services\[0\] "sns" with serviceRegion "us-west-2"; AWS lists these services as cross-region enabled in partition aws .*: s3, iam, ecr\.api/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS], serviceRegion: 'us-west-2' });
    },
  },
  {
    id: 'cross-region-listed-and-unlisted',
    title: 'S3 (listed) and DynamoDB (not listed) of eu-west-1 in one set from us-east-1',
    rule: Rules.ENDPOINT_CROSS_REGION_UNSUPPORTED,
    source: S.CROSS_REGION_SERVICES,
    expect: /services\[1\] "dynamodb" with serviceRegion "eu-west-1"/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('s3'), InterfaceEndpointService.of('dynamodb')], serviceRegion: 'eu-west-1' });
    },
  },
  {
    id: 'cross-region-sqs-full-name',
    title: 'SQS of eu-west-1 by its full service name, with serviceRegion eu-west-1',
    rule: Rules.ENDPOINT_CROSS_REGION_UNSUPPORTED,
    source: S.CROSS_REGION_SERVICES,
    expect: /services\[0\] "com\.amazonaws\.eu-west-1\.sqs" with serviceRegion "eu-west-1"/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('com.amazonaws.eu-west-1.sqs')], serviceRegion: 'eu-west-1' });
    },
  },
  {
    id: 'cross-region-china-sqs',
    title: 'SQS of cn-northwest-1 from a VPC in cn-north-1 (the China edition does not list SQS)',
    rule: Rules.ENDPOINT_CROSS_REGION_UNSUPPORTED,
    source: S.CROSS_REGION_SERVICES_CN,
    expect: /InterfaceEndpointSet 'China\/Remote': services\[0\] "sqs" with serviceRegion "cn-northwest-1"; AWS lists these services as cross-region enabled in partition aws-cn/,
    build: (app) => {
      const s = stackIn(app, 'China', 'cn-north-1');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SQS], serviceRegion: 'cn-northwest-1' });
    },
  },
  {
    id: 'cross-region-partition-china',
    title: 'S3 of cn-north-1 from a VPC in us-east-1',
    rule: Rules.ENDPOINT_CROSS_REGION_PARTITION,
    source: S.PARTITIONS,
    expect: /InterfaceEndpointSet 'App\/Remote': serviceRegion "cn-north-1" is in partition aws-cn, the VPC in us-east-1 \(partition aws\); an interface endpoint reaches AWS services in other regions of its own partition only/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('s3')], serviceRegion: 'cn-north-1' });
    },
  },
  {
    id: 'cross-region-partition-govcloud',
    title: 'KMS of us-gov-west-1 from a VPC in us-east-1',
    rule: Rules.ENDPOINT_CROSS_REGION_PARTITION,
    source: S.PARTITIONS,
    expect: /serviceRegion "us-gov-west-1" is in partition aws-us-gov, the VPC in us-east-1 \(partition aws\)/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('kms')], serviceRegion: 'us-gov-west-1' });
    },
  },
  {
    id: 'cross-region-partition-from-china',
    title: 'ECR of us-west-2 from a VPC in cn-north-1',
    rule: Rules.ENDPOINT_CROSS_REGION_PARTITION,
    source: S.CROSS_REGION_SERVICES_CN,
    expect: /InterfaceEndpointSet 'China\/Remote': serviceRegion "us-west-2" is in partition aws, the VPC in cn-north-1 \(partition aws-cn\)/,
    build: (app) => {
      const s = stackIn(app, 'China', 'cn-north-1');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: InterfaceEndpointService.ECR_IMAGE_PULL, serviceRegion: 'us-west-2' });
    },
  },
  {
    id: 'cross-region-service-region-parameter',
    title: 'a service region given as a CloudFormation parameter',
    rule: Rules.ENDPOINT_SERVICE_REGION_UNKNOWN,
    source: S.CROSS_REGION_SERVICES,
    expect: /InterfaceEndpointSet 'App\/Remote': serviceRegion \(unresolved token \$\{Token\[TOKEN\.\d+\]\}\); the partition of the service region and whether the services support cross-region access cannot be checked at synth/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const serviceRegion = new CfnParameter(s, 'ServiceRegion', { type: 'String' }).valueAsString;
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('s3')], serviceRegion });
    },
  },
  {
    id: 'cross-region-service-region-ssm',
    title: 'a service region read from an SSM parameter at deploy time',
    rule: Rules.ENDPOINT_SERVICE_REGION_UNKNOWN,
    source: S.CROSS_REGION_SERVICES,
    expect: /InterfaceEndpointSet 'App\/Remote': serviceRegion \(unresolved token.*\); the partition of the service region/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const serviceRegion = ssm.StringParameter.valueForStringParameter(s, '/network/primary-region');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('kms')], serviceRegion });
    },
  },
  {
    id: 'endpoint-type-parameter',
    title: 'a VPC endpoint whose VpcEndpointType is a CloudFormation parameter',
    rule: Rules.VALUE_UNKNOWN,
    source: S.CFN_VPC_ENDPOINT,
    expect: /CfnVPCEndpoint 'App\/Extra': VpcEndpointType \(unresolved token.*\); .*not counted against the gateway endpoint quota \(graph-gateway-endpoint-quota\) or the interface endpoint quota/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'G', { vpc, policy: EndpointPolicy.allowAll() });
      new ec2.CfnVPCEndpoint(s, 'Extra', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.sqs', vpcEndpointType: new CfnParameter(s, 'EndpointType', { allowedValues: ['Gateway', 'Interface'] }).valueAsString });
    },
  },

  // ---- across the peering ----
  {
    id: 'edge-to-edge-prefix-list',
    title: 'a peer routing the S3 prefix list through the peering to a VPC with gateway endpoints',
    rule: Rules.ENDPOINT_EDGE_TO_EDGE,
    source: S.PEERING_WHITEPAPER,
    expect: /sends prefix list "pl-63a5400a" through peering/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: b, accepter: a });
      new GatewayEndpointSet(s, 'Gw', { vpc: a, policy: EndpointPolicy.allowAll() });
      new ec2.CfnRoute(s, 'ToS3ViaA', { routeTableId: b.isolatedSubnets[0].routeTable.routeTableId, destinationPrefixListId: 'pl-63a5400a', vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },

  // ---- quotas ----
  {
    id: 'quota-gateway-endpoints',
    title: 'more gateway endpoints in a region than the declared quota',
    rule: Rules.GRAPH_GATEWAY_ENDPOINT_QUOTA,
    source: S.PL_QUOTAS,
    expect: /gateway endpoints in 111111111111\/us-east-1 4; an account may have 3 gateway endpoints per region/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'A', { vpc: isolatedVpc(s, 'VpcA', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(s, 'B', { vpc: isolatedVpc(s, 'VpcB', '10.1.0.0/16'), policy: EndpointPolicy.allowAll() });
      ConnectivityGraph.of(app).declareQuotas({ gatewayEndpointsPerRegion: 3 });
    },
  },
  {
    id: 'quota-routes-prefix-lists',
    title: 'gateway endpoint routes take a route table over its declared quota',
    rule: Rules.GRAPH_ROUTE_QUOTA,
    source: S.VPC_QUOTAS,
    expect: /IPv4 routes in route table .* 3; a route table may hold 2 IPv4 routes/,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      for (let i = 0; i < 3; i++) new ec2.CfnRoute(s, `R${i}`, { routeTableId: vpc.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: `172.16.${i}.0/24`, gatewayId: 'igw-0123456789abcdef0' });
      new GatewayEndpointSet(s, 'G', { vpc, policy: EndpointPolicy.allowAll() });
      ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 2 });
    },
  },
  {
    id: 'quota-interface-endpoints-set',
    title: 'an interface endpoint set over the declared endpoints-per-VPC quota',
    rule: Rules.GRAPH_INTERFACE_ENDPOINT_QUOTA,
    source: S.PL_QUOTAS,
    expect: /interface endpoints in VPC App\/Vpc 3/,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS, InterfaceEndpointService.SQS, InterfaceEndpointService.of('kms')] });
      ConnectivityGraph.of(app).declareQuotas({ interfaceEndpointsPerVpc: 2 });
    },
  },
];
