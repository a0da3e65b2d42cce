/**
 * Valid controls: configurations AWS documents as working, written the way a careful user writes
 * them (explicit environments, literal CIDRs, AZ IDs declared, principals given). Each must
 * synthesize with no error and no warning on any stack.
 */
import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { GWLB_SERVICE_NAME, appVpc, firewallIn } from './cases-inspection';
import { PARTNER_LOOKUP } from './cases-peering';
import { SERVICE_NAME } from './cases-privatelink';
import { RESOURCE_AZ_IDS } from './cases-resources';
import { S } from './sources';
import { dualStackVpc, importedVpc, isolatedVpc, NETWORK, PARTNER, stackIn, ValidCase, vpcIn } from './types';
import {
  AvailabilityZoneIds, ConnectivityGraph, EndpointPolicy, GatewayEndpointService, GatewayEndpointSet, GatewayLoadBalancerService, InspectionEndpoints,
  InterfaceEndpointHub, InterfaceEndpointService, InterfaceEndpointSet, PeeredVpcPair, PrivateLinkEndpoint,
  PeeringAccepterRole, PrivateLinkEndpointAcceptance, PrivateLinkResource, PrivateLinkResourceEndpoint, PrivateLinkService, ResourceTarget,
} from '../../src';

/** AZ IDs of both accounts in us-east-1 (as `aws ec2 describe-availability-zones` shows them), declared in context. */
const AZ_IDS = {
  [AvailabilityZoneIds.contextKey(NETWORK, 'us-east-1')]: { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az2', 'us-east-1c': 'use1-az4' },
  [AvailabilityZoneIds.contextKey(PARTNER, 'us-east-1')]: { 'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az1', 'us-east-1c': 'use1-az2' },
};

/**
 * The cross-stack reference strength `cdk init` writes into cdk.json; without it aws-cdk-lib warns
 * on every cross-stack reference ("No cross-stack-reference strength configured").
 */
const CDK_JSON = { '@aws-cdk/core:defaultCrossStackReferences': 'weak' };

export const VALID_CASES: ValidCase[] = [
  // ---- VPC peering ----
  {
    id: 'valid-peering-one-stack',
    title: 'two VPCs with disjoint blocks peered in one stack',
    source: S.PEERING_FULL_ACCESS,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'valid-peering-two-stacks',
    title: 'VPCs of two stacks of one account peered from a third',
    source: S.PEERING_CREATE,
    context: CDK_JSON,
    build: (app) => {
      const a = stackIn(app, 'A');
      const b = stackIn(app, 'B');
      new PeeredVpcPair(stackIn(app, 'Net'), 'P', { requester: vpcIn(a, 'Vpc', '10.0.0.0/16'), accepter: vpcIn(b, 'Vpc', '10.1.0.0/16') });
    },
  },
  {
    id: 'valid-peering-cross-region',
    title: 'an inter-region peering of one account',
    source: S.PEERING_CREATE,
    context: CDK_JSON,
    build: (app) => {
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      new PeeredVpcPair(use1, 'ToEurope', { requester: vpcIn(use1, 'A', '10.0.0.0/16'), accepter: vpcIn(euw1, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'valid-peering-cross-account',
    title: 'a cross-account peering whose accepter role the pair creates',
    source: S.CFN_PEERING,
    context: CDK_JSON,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(net, 'ToPartner', { requester: vpcIn(net, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'valid-peering-partner-role',
    title: 'a cross-account peering with the partner\'s role and a literal accepter VPC ID',
    source: S.CFN_PEERING,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(net, 'ToPartner', {
        requester: vpcIn(net, 'A', '10.0.0.0/16'),
        accepter: importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'),
        peerRoleArn: 'arn:aws:iam::222222222222:role/peering-accepter',
      });
    },
  },
  {
    id: 'valid-peering-requester-only',
    title: 'requester-only mode: the partner manages its side',
    source: S.PEERING_ROUTING,
    context: PARTNER_LOOKUP,
    build: (app) => {
      const net = stackIn(app, 'Net');
      new PeeredVpcPair(net, 'ToPartner', {
        requester: vpcIn(net, 'A', '10.0.0.0/16'),
        accepter: ec2.Vpc.fromLookup(net, 'PartnerVpc', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER }),
        peerRoleArn: 'arn:aws:iam::222222222222:role/peering-accepter',
        requesterOnly: true,
      });
    },
  },
  {
    id: 'valid-peering-dns',
    title: 'DNS resolution across a peering of two VPCs with DNS support and hostnames',
    source: S.PEERING_DNS,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), allowDnsResolution: true });
    },
  },
  {
    id: 'valid-peering-sg-reference',
    title: 'a security-group reference across a same-region peering',
    source: S.PEERING_SG,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
      pair.allowFromRequester('Postgres', { securityGroup: new ec2.SecurityGroup(s, 'Db', { vpc: b }), peerSecurityGroup: new ec2.SecurityGroup(s, 'App', { vpc: a }), port: ec2.Port.tcp(5432) });
    },
  },
  {
    id: 'valid-peering-cidr-rule-cross-region',
    title: 'a CIDR rule (no group reference) across an inter-region peering',
    source: S.PEERING_SG,
    context: CDK_JSON,
    build: (app) => {
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      const a = vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(use1, 'P', { requester: a, accepter: vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      pair.allowFromAccepter('Https', { securityGroup: new ec2.SecurityGroup(use1, 'Web', { vpc: a }), port: ec2.Port.tcp(443) });
    },
  },
  {
    id: 'valid-peering-secondary-blocks',
    title: 'secondary IPv4 and IPv6 blocks declared before the pair',
    source: S.PEERING_FULL_ACCESS,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      new ec2.CfnVPCCidrBlock(s, 'A2', { vpcId: a.vpcId, cidrBlock: '10.10.0.0/16' });
      new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'valid-peering-raised-quota',
    title: 'a hub in three peerings with a raised, declared peering quota',
    source: S.VPC_QUOTAS,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const hub = vpcIn(s, 'Hub', '10.0.0.0/16', { maxAzs: 1 });
      for (let i = 1; i <= 3; i++) new PeeredVpcPair(s, `P${i}`, { requester: hub, accepter: vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`, { maxAzs: 1 }) });
      ConnectivityGraph.of(app).declareQuotas({ activePeeringsPerVpc: 60 });
    },
  },

  // ---- PrivateLink ----
  {
    id: 'valid-privatelink-same-account',
    title: 'a service and its consumer in two stacks of one account',
    source: S.PL_SHARE,
    context: CDK_JSON,
    build: (app) => {
      const provider = stackIn(app, 'Provider');
      const svc = new PrivateLinkService(provider, 'Orders', {
        vpc: isolatedVpc(provider, 'Vpc', '10.0.0.0/16'),
        listeners: [{ port: 443, targetType: elbv2.TargetType.IP, targets: [new targets.IpTarget('10.0.0.10')] }],
        allowedPrincipals: [new iam.AccountPrincipal(NETWORK)],
      });
      const consumer = stackIn(app, 'Consumer');
      new PrivateLinkEndpoint(consumer, 'OrdersClient', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service: svc });
    },
  },
  {
    id: 'valid-privatelink-partner-by-name',
    title: 'a partner consumer of a service known by name, AZ IDs declared',
    source: S.AZ_IDS,
    context: AZ_IDS,
    build: (app) => {
      const consumer = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = PrivateLinkService.fromServiceAttributes(consumer, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], availabilityZoneIds: ['use1-az1', 'use1-az2'] });
      new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16', 3), service });
    },
  },
  {
    id: 'valid-privatelink-cross-region',
    title: 'a consumer in a region the service lists in supportedRegions',
    source: S.PL_CONFIGURE,
    build: (app) => {
      const consumer = stackIn(app, 'Eu', 'eu-west-1');
      const service = PrivateLinkService.fromServiceAttributes(consumer, 'Orders', { serviceName: SERVICE_NAME, ports: [{ port: 443 }], supportedRegions: ['eu-west-1'] });
      new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service });
    },
  },
  {
    id: 'valid-privatelink-acceptance',
    title: 'a provider that accepts its partner\'s endpoints in a stack of its own',
    source: S.PL_CONFIGURE,
    context: CDK_JSON,
    build: (app) => {
      const provider = stackIn(app, 'Provider');
      const svc = new PrivateLinkService(provider, 'Orders', {
        vpc: isolatedVpc(provider, 'Vpc', '10.0.0.0/16'),
        listeners: [{ port: 443, targetType: elbv2.TargetType.IP, targets: [new targets.IpTarget('10.0.0.10')] }],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
      });
      new PrivateLinkEndpointAcceptance(stackIn(app, 'Acceptance'), 'Accept', { service: svc, accounts: [PARTNER], maxWait: Duration.minutes(10) });
    },
  },
  {
    id: 'valid-privatelink-private-dns',
    title: 'a consumer using a verified private DNS name',
    source: S.PL_SHARE,
    context: AZ_IDS,
    build: (app) => {
      const consumer = stackIn(app, 'Consumer');
      const service = PrivateLinkService.fromServiceAttributes(consumer, 'Orders', {
        serviceName: SERVICE_NAME, ports: [{ port: 443 }], privateDnsName: 'orders.example.com', availabilityZoneIds: ['use1-az1', 'use1-az2'],
      });
      new PrivateLinkEndpoint(consumer, 'Client', { vpc: isolatedVpc(consumer, 'Vpc', '10.1.0.0/16'), service });
    },
  },

  // ---- gateway and interface endpoints ----
  {
    id: 'valid-gateway-restricted',
    title: 'S3 and DynamoDB gateway endpoints narrowed to one bucket and one table',
    source: S.GATEWAY_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'Gateways', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.restrictTo({ bucketNames: ['orders-archive'], tableNames: ['orders'] }) });
    },
  },
  {
    id: 'valid-gateway-allow-all',
    title: 'gateway endpoints with full access chosen deliberately',
    source: S.GATEWAY_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'Gateways', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'valid-gateway-two-subnet-tiers',
    title: 'S3 gateway endpoints on two subnet tiers, each route table once',
    source: S.GATEWAY_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = vpcIn(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'Iso', { vpc, services: [GatewayEndpointService.S3], subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }], policy: EndpointPolicy.allowAll() });
      new GatewayEndpointSet(s, 'Pub', { vpc, services: [GatewayEndpointService.S3], subnets: [{ subnetType: ec2.SubnetType.PUBLIC }], policy: EndpointPolicy.allowAll() });
    },
  },
  {
    id: 'valid-interface-set',
    title: 'SNS and SQS interface endpoints with private DNS',
    source: S.CDK_INTERFACE_ENDPOINT,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Ops', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS, InterfaceEndpointService.SQS] });
    },
  },
  {
    id: 'valid-ecr-pull',
    title: 'ECR image pulls: ECR interface endpoints and an organization-restricted S3 gateway endpoint',
    source: S.ECR_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'App');
      const vpc = isolatedVpc(s, 'Vpc', '10.0.0.0/16');
      new GatewayEndpointSet(s, 'S3', { vpc, services: [GatewayEndpointService.S3], policy: EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'] }) });
      new InterfaceEndpointSet(s, 'Ecr', { vpc, services: InterfaceEndpointService.ECR_IMAGE_PULL });
    },
  },

  {
    id: 'valid-interface-cross-region-s3',
    title: 'an S3 interface endpoint in us-east-1 for S3 of us-west-2 (serviceRegion, one partition)',
    source: S.CROSS_REGION_SERVICES,
    build: (app) => {
      const s = stackIn(app, 'App');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('s3')], serviceRegion: 'us-west-2' });
    },
  },
  {
    id: 'valid-interface-cross-region-china-ecr',
    title: 'ECR interface endpoints in cn-north-1 for ECR of cn-northwest-1',
    source: S.CROSS_REGION_SERVICES_CN,
    build: (app) => {
      const s = stackIn(app, 'China', 'cn-north-1');
      new InterfaceEndpointSet(s, 'Remote', { vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.of('ecr.api'), InterfaceEndpointService.of('ecr.dkr')], serviceRegion: 'cn-northwest-1' });
    },
  },

  // ---- the interface endpoint hub ----
  {
    id: 'valid-hub-one-spoke',
    title: 'a hub sharing SQS and KMS with one peered spoke',
    source: S.CENTRALIZED_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'Network');
      const shared = vpcIn(s, 'Shared', '10.0.0.0/16');
      const spoke = vpcIn(s, 'Spoke', '10.1.0.0/16');
      const hub = new InterfaceEndpointHub(s, 'SharedEndpoints', { vpc: shared, services: [InterfaceEndpointService.of('sqs'), InterfaceEndpointService.of('kms')] });
      hub.shareWith(spoke);
      new PeeredVpcPair(s, 'SpokeToHub', { requester: spoke, accepter: shared });
    },
  },
  {
    id: 'valid-hub-spoke-own-endpoint',
    title: 'a hub spoke with its own endpoint for another service',
    source: S.CENTRALIZED_ENDPOINTS,
    build: (app) => {
      const s = stackIn(app, 'Network');
      const shared = vpcIn(s, 'Shared', '10.0.0.0/16');
      const spoke = vpcIn(s, 'Spoke', '10.1.0.0/16');
      const hub = new InterfaceEndpointHub(s, 'SharedEndpoints', { vpc: shared, services: [InterfaceEndpointService.of('sqs')] });
      hub.shareWith(spoke);
      new PeeredVpcPair(s, 'SpokeToHub', { requester: spoke, accepter: shared });
      new InterfaceEndpointSet(s, 'SpokeSns', { vpc: spoke, services: [InterfaceEndpointService.SNS] });
    },
  },

  // ---- inspection ----
  {
    id: 'valid-inspection-same-account',
    title: 'appliances behind a Gateway Load Balancer and inspection endpoints in each AZ',
    source: S.GWLB_ROUTING,
    context: CDK_JSON,
    build: (app) => {
      const firewall = firewallIn(stackIn(app, 'Appliances'));
      const appStack = stackIn(app, 'App');
      new InspectionEndpoints(appStack, 'Inspect', { vpc: appVpc(appStack), service: firewall, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },
  {
    id: 'valid-inspection-partner-by-name',
    title: 'a partner\'s inspection endpoints in zones the service serves, by AZ ID',
    source: S.GWLB_ENDPOINTS,
    context: AZ_IDS,
    build: (app) => {
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const service = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Firewall', { serviceName: GWLB_SERVICE_NAME, availabilityZoneIds: ['use1-az1', 'use1-az4'] });
      new InspectionEndpoints(stack, 'Inspect', { vpc: appVpc(stack), service, endpointSubnets: { subnetGroupName: 'inspection' }, protectedSubnets: { subnetGroupName: 'public' } });
    },
  },

  // ---- issue 11: the new families, written the way AWS documents them ----
  {
    id: 'valid-peering-accepter-role-of-app',
    title: 'a cross-account peering whose peerRoleArn is a PeeringAccepterRole of the accepter\'s account',
    source: S.CFN_PEERING_CONNECTION,
    context: CDK_JSON,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const accepter = importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');
      const role = new PeeringAccepterRole(partner, 'Acceptor', { accepterVpc: accepter, requesterAccount: NETWORK });
      new PeeredVpcPair(net, 'ToPartner', { requester: vpcIn(net, 'A', '10.0.0.0/16'), accepter, peerRoleArn: role.roleArn });
    },
  },
  {
    id: 'valid-peering-partner-role-with-path',
    title: 'a cross-account peering with a partner role ARN that has a path',
    source: S.IAM_IDENTIFIERS,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(net, 'ToPartner', {
        requester: vpcIn(net, 'A', '10.0.0.0/16'),
        accepter: importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'),
        peerRoleArn: `arn:aws:iam::${PARTNER}:role/network/peering-acceptor`,
      });
    },
  },
  {
    id: 'valid-peering-shared-address-space-dns',
    title: 'a VPC in 100.64.0.0/10 peered with DNS resolution across the peering',
    source: S.PEERING_BASICS,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '100.64.0.0/16'), allowDnsResolution: true });
    },
  },
  {
    id: 'valid-privatelink-dual-stack',
    title: 'a dual-stack endpoint service and a dualstack endpoint with dualstack DNS records',
    source: S.PL_SHARE,
    build: (app) => {
      const stack = stackIn(app, 'Both');
      const svc = new PrivateLinkService(stack, 'Orders', {
        vpc: dualStackVpc(stack, 'Provider', '10.0.0.0/16'),
        listeners: [{ port: 443, targetType: elbv2.TargetType.IP, targets: [new targets.IpTarget('10.0.0.10')] }],
        supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6],
        allowedPrincipals: [new iam.AccountPrincipal(NETWORK)],
      });
      new PrivateLinkEndpoint(stack, 'Client', {
        vpc: dualStackVpc(stack, 'Consumer', '10.1.0.0/16'),
        service: svc,
        ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
        dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
        // The Amazon-provided IPv6 block is known at deploy time only: declared as the user reads it from the console.
        vpcCidrBlocks: ['10.1.0.0/16', '2600:1f18:1234:5600::/56'],
      });
    },
  },
  {
    id: 'valid-privatelink-own-internal-nlb',
    title: 'an endpoint service in front of the provider\'s own internal Network Load Balancer',
    source: S.PL_CREATE_SERVICE,
    build: (app) => {
      const stack = stackIn(app, 'Provider');
      const vpc = isolatedVpc(stack, 'Vpc', '10.0.0.0/16');
      new PrivateLinkService(stack, 'Orders', {
        vpc,
        loadBalancer: new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: false, disableSecurityGroups: true }),
        listeners: [{ port: 443, targetType: elbv2.TargetType.IP, targets: [new targets.IpTarget('10.0.0.10')] }],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
      });
    },
  },
  {
    id: 'valid-gateway-policy-principal-arn',
    title: 'an S3 gateway endpoint: Principal * with aws:PrincipalArn, restricted to a bucket of its region',
    source: S.ENDPOINT_POLICIES,
    build: (app) => {
      const s = stackIn(app, 'App');
      const bucket = new s3.Bucket(s, 'Orders');
      new GatewayEndpointSet(s, 'S3', {
        vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'),
        services: [GatewayEndpointService.S3],
        policy: EndpointPolicy.fromStatements([new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [bucket.arnForObjects('*')],
          conditions: {
            StringEquals: { 'aws:PrincipalArn': `arn:aws:iam::${NETWORK}:role/orders-app`, 'aws:SourceVpc': 'vpc-0a1b2c3d' },
            StringLike: { 'aws:PrincipalTag/team': 'orders-*' },
          },
        })]),
      });
    },
  },
  {
    id: 'valid-gateway-restricted-to-own-bucket',
    title: 'an S3 gateway endpoint restricted to a bucket of this stack (same region)',
    source: S.S3_GATEWAY,
    build: (app) => {
      const s = stackIn(app, 'App');
      new GatewayEndpointSet(s, 'S3', {
        vpc: isolatedVpc(s, 'Vpc', '10.0.0.0/16'),
        services: [GatewayEndpointService.S3],
        policy: EndpointPolicy.restrictTo({ buckets: [new s3.Bucket(s, 'Archive')], principalOrgIds: ['o-a1b2c3d4e5'] }),
      });
    },
  },
  {
    id: 'valid-resource-shared-cross-account',
    title: 'a database shared by DNS name with the partner account, and the partner\'s resource endpoint',
    source: S.PL_RESOURCES,
    context: { ...RESOURCE_AZ_IDS, ...CDK_JSON },
    build: (app) => {
      const provider = stackIn(app, 'Provider');
      const db = new PrivateLinkResource(provider, 'OrdersDb', {
        vpc: isolatedVpc(provider, 'Vpc', '10.60.0.0/16'),
        target: ResourceTarget.dnsName('orders-db.internal.example.com'),
        portRanges: ['5432'],
        allowedPrincipals: [new iam.AccountPrincipal(PARTNER)],
      });
      const consumer = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PrivateLinkResourceEndpoint(consumer, 'OrdersDbEndpoint', { vpc: isolatedVpc(consumer, 'Vpc', '10.61.0.0/16', 3), resource: db });
    },
  },
  {
    id: 'valid-resource-by-arn-partner',
    title: 'a partner\'s resource endpoint to a configuration known by ARN, with its AZ IDs',
    source: S.RESOURCE_ENDPOINT,
    context: RESOURCE_AZ_IDS,
    build: (app) => {
      const stack = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const resource = PrivateLinkResource.fromResourceAttributes(stack, 'OrdersDb', {
        resourceConfigurationArn: `arn:aws:vpc-lattice:us-east-1:${NETWORK}:resourceconfiguration/rcfg-0123456789abcdef0`,
        portRanges: ['5432'],
        availabilityZoneIds: ['use1-az1', 'use1-az2'],
      });
      new PrivateLinkResourceEndpoint(stack, 'Client', { vpc: isolatedVpc(stack, 'Vpc', '10.61.0.0/16', 3), resource });
    },
  },
];
