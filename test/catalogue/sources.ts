/**
 * The AWS pages the catalogue cites, each found with the documentation search and named by its
 * page title. A case cites one of these (or the EC2 / CloudFormation error it reproduces).
 */
import { Source } from './types';

function page(title: string, url: string): Source {
  return { title, url };
}

export const S = {
  // ---- VPC peering guide ----
  PEERING_CREATE: page('Create a VPC peering connection', 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html'),
  PEERING_ROUTING: page('Update your route tables for a VPC peering connection', 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html'),
  PEERING_FULL_ACCESS: page('VPC peering configurations with routes to an entire VPC', 'https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-full-access.html'),
  PEERING_PARTIAL_ACCESS: page('VPC peering configurations with specific routes', 'https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html'),
  PEERING_DNS: page('Enable DNS resolution for a VPC peering connection', 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-dns.html'),
  PEERING_SG: page('Update your security groups to reference peer security groups', 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html'),
  PEERING_WHITEPAPER: page('VPC peering - Amazon Virtual Private Cloud Connectivity Options', 'https://docs.aws.amazon.com/whitepapers/latest/aws-vpc-connectivity-options/vpc-peering.html'),
  CFN_PEERING: page('CfnVPCPeeringConnectionProps (AWS CDK API reference: PeerRoleArn, PeerOwnerId, PeerRegion)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.CfnVPCPeeringConnectionProps.html'),

  // ---- VPC user guide and quotas ----
  VPC_QUOTAS: page('Amazon Virtual Private Cloud endpoints and quotas', 'https://docs.aws.amazon.com/general/latest/gr/vpc-service.html'),
  VPC_CIDR: page('VPC CIDR blocks', 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html'),
  GWLB_ROUTING: page('Security appliances behind a Gateway Load Balancer in the security VPC', 'https://docs.aws.amazon.com/vpc/latest/userguide/gwlb-route.html'),

  // ---- AWS PrivateLink guide ----
  PL_QUOTAS: page('AWS PrivateLink quotas', 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html'),
  PL_SHARE: page('Share your services through AWS PrivateLink', 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html'),
  PL_CONFIGURE: page('Configure an endpoint service', 'https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html'),
  GATEWAY_ENDPOINTS: page('Gateway endpoints', 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html'),
  GWLB_ENDPOINTS: page('Access an inspection system using a Gateway Load Balancer endpoint', 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-load-balancer-endpoints.html'),
  PRIVATE_DNS_VERIFY: page('StartVpcEndpointServicePrivateDnsVerification (Amazon EC2 API Reference)', 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartVpcEndpointServicePrivateDnsVerification.html'),
  PRIVATE_DNS_ENABLED: page('CreateVpcEndpoint privateDnsEnabled (AWS SDK for Kotlin API reference)', 'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-create-vpc-endpoint-request/private-dns-enabled.html'),
  CDK_ENDPOINT_DOMAIN: page('VpcEndpointServiceDomainNameProps (AWS CDK API reference)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_route53.VpcEndpointServiceDomainNameProps.html'),
  CDK_INTERFACE_ENDPOINT: page('InterfaceVpcEndpointProps (AWS CDK API reference)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.InterfaceVpcEndpointProps.html'),
  CDK_ENDPOINT_SERVICE: page('VpcEndpointServiceProps (AWS CDK API reference)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointServiceProps.html'),
  ENDPOINT_SG_BASELINE: page('WKLD.12 Use VPC endpoints to access supported services (AWS Startup Security Baseline)', 'https://docs.aws.amazon.com/prescriptive-guidance/latest/aws-startup-security-baseline/wkld-12.html'),
  INTERFACE_CROSS_REGION: page('sqs interface endpoint for cross region access (AWS re:Post)', 'https://repost.aws/questions/QUpH0COvmsRNa3Uf-e0w_OKw/sqs-interface-endpoint-for-cross-region-access'),
  CENTRALIZED_ENDPOINTS: page('Centralized access to VPC private endpoints (Building a Scalable and Secure Multi-VPC AWS Network Infrastructure)', 'https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html'),
  ECR_ENDPOINTS: page('Amazon ECR interface VPC endpoints (AWS PrivateLink)', 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html'),
  ROUTE53_QUOTAS: page('Quotas - Amazon Route 53', 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html'),

  // ---- Elastic Load Balancing ----
  NLB_LISTENERS: page('Listeners for your Network Load Balancers', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html'),
  GWLB_TARGET_GROUPS: page('Target groups for your Gateway Load Balancers', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html'),
  GWLB_GETTING_STARTED: page('Getting started with Gateway Load Balancers', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/getting-started.html'),

  // ---- Regions, zones, CDK ----
  AZ_IDS: page('AZ IDs - AWS Regions and Availability Zones', 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html'),
  AZS: page('AWS Availability Zones', 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html'),
  CDK_ENV: page('Configure environments to use with the AWS CDK', 'https://docs.aws.amazon.com/cdk/v2/guide/configure-env.html'),
  CDK_CONTEXT: page('GetContextValueOptions (AWS CDK API reference: dummyValue before a lookup)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.GetContextValueOptions.html'),
  LAMBDA_TIMEOUT: page('Configure Lambda function timeout', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html'),
  // ---- values that must name something real ----
  DESCRIBE_REGIONS: page('DescribeRegions (Amazon EC2 API Reference)', 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html'),
  PL_DNS_NAMES: page('Manage DNS names for VPC endpoint services', 'https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html'),
  RFC_1035: page('RFC 1035: Domain names - implementation and specification (2.3.4 Size limits)', 'https://www.rfc-editor.org/rfc/rfc1035'),
  IAM_IDENTIFIERS: page('IAM identifiers (IAM ARNs)', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html'),
  CFN_PEERING_CONNECTION: page('AWS::EC2::VPCPeeringConnection (CloudFormation: PeerRoleArn; same-account requests are accepted without a role)', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html'),
  PEERING_BASICS: page('VPC peering basics (VPC peering limitations: IPv4 blocks outside RFC 1918 and DNS resolution)', 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html'),

  // ---- load balancers and IP address types behind PrivateLink ----
  PL_CREATE_SERVICE: page('Create a service powered by AWS PrivateLink', 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html'),
  CFN_ENDPOINT_SERVICE: page('AWS::EC2::VPCEndpointService (CloudFormation: NetworkLoadBalancerArns, GatewayLoadBalancerArns)', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpointservice.html'),
  CFN_LOAD_BALANCER: page('AWS::ElasticLoadBalancingV2::LoadBalancer (CloudFormation: Scheme, Type)', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-loadbalancer.html'),
  NLB_QUOTAS: page('Quotas for your Network Load Balancers (listeners per Network Load Balancer: 50, not adjustable)', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-limits.html'),
  NLB_IP_TYPES: page('Update the IP address types for your Network Load Balancer (dualstack requirements)', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-ip-address-type.html'),
  CDK_ENDPOINT_IP_TYPE: page('VpcEndpointIpAddressType (AWS CDK API reference: what each type needs of the subnets and the service)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointIpAddressType.html'),
  CDK_DNS_RECORD_IP_TYPE: page('VpcEndpointDnsRecordIpType (AWS CDK API reference: the IP address type each record type needs)', 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointDnsRecordIpType.html'),
  EC2_DNS_OPTIONS: page('DnsOptionsSpecification (Amazon EC2 API Reference)', 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html'),

  // ---- endpoint policies ----
  ENDPOINT_POLICIES: page('Control access to VPC endpoints using endpoint policies', 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html'),
  S3_GATEWAY: page('Gateway endpoints for Amazon S3', 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html'),
  DDB_GATEWAY: page('Gateway endpoints for Amazon DynamoDB', 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html'),

  // ---- PrivateLink for VPC resources (VPC Lattice resource gateways and configurations) ----
  PL_RESOURCES: page('Access VPC resources through AWS PrivateLink', 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-resources.html'),
  RESOURCE_GATEWAY: page('Resource gateway in VPC Lattice', 'https://docs.aws.amazon.com/vpc/latest/privatelink/resource-gateway.html'),
  RESOURCE_ENDPOINT: page('Access a resource through a resource VPC endpoint', 'https://docs.aws.amazon.com/vpc/latest/privatelink/use-resource-endpoint.html'),
  LATTICE_CREATE_CONFIGURATION: page('CreateResourceConfiguration (Amazon VPC Lattice API Reference)', 'https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateResourceConfiguration.html'),
  LATTICE_QUOTAS: page('Quotas for Amazon VPC Lattice', 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html'),
  RAM_CREATE_SHARE: page('CreateResourceShare (AWS RAM API Reference: principals; not all resource types can be shared with IAM roles and users)', 'https://docs.aws.amazon.com/ram/latest/APIReference/API_CreateResourceShare.html'),
  RAM_REGIONAL: page('Sharing Regional resources compared to global resources (AWS RAM)', 'https://docs.aws.amazon.com/ram/latest/userguide/working-with-regional-vs-global.html'),
  CFN_VPC_ENDPOINT: page('AWS::EC2::VPCEndpoint (CloudFormation: VpcEndpointType Resource / ServiceNetwork)', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html'),

  // ---- cross-region interface endpoints to AWS services (InterfaceEndpointSet serviceRegion) ----
  CROSS_REGION_SERVICES: page('Cross-region enabled AWS services (AWS PrivateLink guide)', 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html'),
  CROSS_REGION_SERVICES_CN: page('Cross-region enabled Amazon Web Services services (AWS PrivateLink guide, China edition)', 'https://docs.amazonaws.cn/en_us/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html'),
  PARTITIONS: page('Partitions (AWS Fault Isolation Boundaries: cross-Region capabilities only between Regions of one partition)', 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html'),
} as const;
