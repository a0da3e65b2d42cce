/** Invalid InterfaceEndpointHub configurations: endpoints in a shared-services VPC used by peered spokes. */
import { App, CfnParameter } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { S } from './sources';
import { agnosticStack, importedVpc, InvalidCase, stackIn, vpcIn } from './types';
import {
  ConnectivityGraph, GatewayEndpointService, InterfaceEndpointHub, InterfaceEndpointHubProps,
  InterfaceEndpointService, InterfaceEndpointSet, PeeredVpcPair,
} from '../../src';
import { Rules } from '../../src/core/rules';

const SERVICES = () => [InterfaceEndpointService.of('sqs'), InterfaceEndpointService.of('kms')];

/** A hub in a shared-services VPC (10.0.0.0/16) and `spokes` peered spokes (10.1+i.0.0/16), in one stack. */
function estate(app: App, spokes: number, props: Partial<InterfaceEndpointHubProps> = {}) {
  const stack = stackIn(app, 'Network');
  const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
  const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES(), ...props });
  const spokeVpcs: ec2.Vpc[] = [];
  for (let i = 0; i < spokes; i++) {
    const spoke = vpcIn(stack, `Spoke${i}`, `10.${i + 1}.0.0/16`);
    hub.shareWith(spoke);
    new PeeredVpcPair(stack, `Spoke${i}ToHub`, { requester: spoke, accepter: hubVpc });
    spokeVpcs.push(spoke);
  }
  return { stack, hubVpc, hub, spokeVpcs };
}

export const HUB_CASES: InvalidCase[] = [
  {
    id: 'hub-no-services',
    title: 'a hub with no service to share',
    rule: Rules.ENDPOINT_NO_SERVICES,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /services \[\]; a hub shares one interface endpoint per service/,
    build: (app) => { estate(app, 0, { services: [] }); },
  },
  {
    id: 'hub-private-dns-name-malformed',
    title: 'a hub service with a malformed private DNS name',
    rule: Rules.DNS_NAME_INVALID,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /InterfaceEndpointService\.of\("example-svc"\): privateDnsName "\*\.Example\.com\." has the label "\*"/,
    build: (app) => { estate(app, 0, { services: [InterfaceEndpointService.of('example-svc', { privateDnsName: '*.Example.com.' })] }); },
  },
  {
    id: 'hub-gateway-service',
    title: 'S3\'s gateway endpoint shared from a hub',
    rule: Rules.HUB_GATEWAY_ENDPOINT,
    source: S.GATEWAY_ENDPOINTS,
    expect: /services\[0\] GatewayEndpointService "s3"; a gateway endpoint is reached through the route tables of its own VPC only/,
    build: (app) => { estate(app, 0, { services: [GatewayEndpointService.S3 as unknown as InterfaceEndpointService] }); },
  },
  {
    id: 'hub-self-spoke',
    title: 'the hub VPC shared with itself',
    rule: Rules.HUB_SPOKE_INVALID,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /shareWith\(spoke\) the hub VPC Network\/Shared itself/,
    build: (app) => {
      const { hub, hubVpc } = estate(app, 0);
      hub.shareWith(hubVpc);
    },
  },
  {
    id: 'hub-spoke-other-partition',
    title: 'a spoke in cn-north-1 shared a commercial hub',
    rule: Rules.HUB_SPOKE_INVALID,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /China\/Vpc in cn-north-1 \(aws-cn\), hub in us-east-1 \(aws\)/,
    build: (app) => {
      const { hub } = estate(app, 0);
      hub.shareWith(vpcIn(stackIn(app, 'China', 'cn-north-1'), 'Vpc', '10.7.0.0/16'));
    },
  },
  {
    id: 'hub-spoke-not-peered',
    title: 'a spoke that is not peered with the hub',
    rule: Rules.HUB_SPOKE_UNREACHABLE,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /InterfaceEndpointHub 'Network\/Hub': spoke Network\/Lonely is not peered with the hub VPC Network\/Shared/,
    build: (app) => {
      const { stack, hub } = estate(app, 0);
      hub.shareWith(vpcIn(stack, 'Lonely', '10.9.0.0/16'));
    },
  },
  {
    id: 'hub-no-return-route',
    title: 'a spoke peering without routes back from the endpoint subnets',
    rule: Rules.HUB_SPOKE_UNREACHABLE,
    source: S.PEERING_PARTIAL_ACCESS,
    expect: /spoke Network\/Spoke gets no return route through 'Network\/Pair' in the route tables of the endpoint subnets/,
    build: (app) => {
      const { stack, hub, hubVpc } = estate(app, 0);
      const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc, accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    },
  },
  {
    id: 'hub-no-forward-route',
    title: 'a spoke routing only part of the hub\'s block, not the endpoint subnets',
    rule: Rules.HUB_SPOKE_UNREACHABLE,
    source: S.PEERING_PARTIAL_ACCESS,
    expect: /spoke Network\/Spoke has no route through 'Network\/Pair' toward the endpoint subnets/,
    build: (app) => {
      const { stack, hub, hubVpc } = estate(app, 0);
      const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc, accepterCidrBlocks: ['10.0.0.0/24'] });
    },
  },
  {
    id: 'hub-spoke-own-private-dns',
    title: 'a spoke with its own private-DNS endpoint for a shared service',
    rule: Rules.HUB_DUPLICATE_PRIVATE_DNS,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /spoke Network\/Spoke0 has its own endpoint 'Network\/Own\/Sqs\/Resource' for com\.amazonaws\.us-east-1\.sqs with private DNS/,
    build: (app) => {
      const { stack, spokeVpcs } = estate(app, 1);
      new InterfaceEndpointSet(stack, 'Own', { vpc: spokeVpcs[0], services: [InterfaceEndpointService.SQS] });
    },
  },
  {
    id: 'hub-spokes-overlap',
    title: 'two spokes of one hub with overlapping blocks',
    rule: Rules.HUB_CIDR_OVERLAP,
    source: S.PEERING_PARTIAL_ACCESS,
    expect: /spoke Network\/B block 10\.1\.128\.0\/17 overlaps spoke Network\/A block 10\.1\.0\.0\/16/,
    build: (app) => {
      const { stack, hub, hubVpc } = estate(app, 0);
      for (const [id, cidr] of [['A', '10.1.0.0/16'], ['B', '10.1.128.0/17']]) {
        const spoke = vpcIn(stack, id, cidr);
        hub.shareWith(spoke);
        new PeeredVpcPair(stack, `${id}ToHub`, { requester: spoke, accepter: hubVpc });
      }
    },
  },
  {
    id: 'hub-zone-vpc-quota',
    title: 'more VPCs per private hosted zone than the declared Route 53 quota',
    rule: Rules.HUB_ZONE_VPC_QUOTA,
    source: S.ROUTE53_QUOTAS,
    expect: /spokes 2 spokes and the hub: 3 VPCs per zone; a private hosted zone may be associated with 2 VPCs/,
    build: (app) => {
      ConnectivityGraph.of(app).declareQuotas({ vpcsPerPrivateHostedZone: 2 });
      estate(app, 2);
    },
  },
  {
    id: 'hub-hosted-zone-quota',
    title: 'more hosted zones in an account than the declared Route 53 quota',
    rule: Rules.HUB_HOSTED_ZONE_QUOTA,
    source: S.ROUTE53_QUOTAS,
    expect: /hosted zones in account 111111111111 2; an account may have 1 hosted zones/,
    build: (app) => {
      ConnectivityGraph.of(app).declareQuotas({ hostedZonesPerAccount: 1 });
      estate(app, 1);
    },
  },
  {
    id: 'hub-service-without-private-dns',
    title: 'a hub sharing a service that has no private DNS name',
    rule: Rules.HUB_SERVICE_NO_PRIVATE_DNS,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /"dynamodb-streams"; the service offers no private DNS name/,
    build: (app) => { estate(app, 1, { services: [InterfaceEndpointService.of('dynamodb-streams'), InterfaceEndpointService.SQS] }); },
  },
  {
    id: 'hub-global-service-elsewhere',
    title: 'IAM shared from a hub in eu-west-1',
    rule: Rules.HUB_GLOBAL_SERVICE_REGION,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /services\[0\] "iam" in a hub in eu-west-1; the endpoint of iam \(com\.amazonaws\.iam\) exists in us-east-1 only/,
    build: (app) => {
      const stack = stackIn(app, 'Network', 'eu-west-1');
      new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services: [InterfaceEndpointService.of('iam')] });
    },
  },
  {
    id: 'hub-interface-endpoint-quota',
    title: 'a hub\'s endpoints over the declared endpoints-per-VPC quota',
    rule: Rules.GRAPH_INTERFACE_ENDPOINT_QUOTA,
    source: S.PL_QUOTAS,
    expect: /interface endpoints in VPC Network\/Shared 2/,
    build: (app) => {
      ConnectivityGraph.of(app).declareQuotas({ interfaceEndpointsPerVpc: 1 });
      estate(app, 1);
    },
  },

  // ---- values the hub cannot read at synth ----
  {
    id: 'hub-private-dns-name-ssm',
    title: 'a hub service whose private DNS name is read from an SSM parameter',
    rule: Rules.VALUE_UNKNOWN,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /InterfaceEndpointHub 'Network\/Hub': services\[0\]\.privateDnsName \(unresolved token.*\); the name of the hosted zone is not checked as a DNS name \(dns-name-invalid\)/,
    build: (app) => {
      const stack = stackIn(app, 'Network');
      const privateDnsName = ssm.StringParameter.valueForStringParameter(stack, '/partner/api-private-dns-name');
      new InterfaceEndpointHub(stack, 'Hub', { vpc: vpcIn(stack, 'Shared', '10.0.0.0/16'), services: [InterfaceEndpointService.of('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', { privateDnsName })] });
    },
  },
  {
    id: 'hub-imported-subnet-blocks-unknown',
    title: 'a hub in an imported VPC whose endpoint subnets are given without their blocks',
    rule: Rules.VALUE_UNKNOWN,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /ipv4CidrBlock is not known at synth \(an unresolved token, or not given to the import\); .*spokes are not checked to route toward this endpoint subnet \(hub-spoke-unreachable\)/,
    build: (app) => {
      const stack = stackIn(app, 'Network');
      const hubVpc = ec2.Vpc.fromVpcAttributes(stack, 'Shared', {
        vpcId: 'vpc-0a0b0c0d0e0f01234',
        vpcCidrBlock: '10.0.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        isolatedSubnetIds: ['subnet-0b00000000000001b', 'subnet-0b00000000000002b'],
        isolatedSubnetRouteTableIds: ['rtb-0b00000000000000b', 'rtb-0b00000000000000b'],
      });
      const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES() });
      const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    },
  },
  {
    id: 'hub-account-agnostic',
    title: 'a hub in an environment-agnostic stack: its hosted zones are not counted per account',
    rule: Rules.VALUE_UNKNOWN,
    source: S.ROUTE53_QUOTAS,
    expect: /Stack 'Network': account is a token \(environment-agnostic stack\).*the hub's hosted zones are not counted against the per-account quota \(hub-hosted-zone-quota\)/,
    build: (app) => {
      const stack = agnosticStack(app, 'Network');
      const hubVpc = vpcIn(stack, 'Shared', '10.0.0.0/16');
      const hub = new InterfaceEndpointHub(stack, 'Hub', { vpc: hubVpc, services: SERVICES() });
      const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    },
  },
  {
    id: 'hub-spoke-endpoint-private-dns-parameter',
    title: 'a spoke\'s own SQS endpoint whose PrivateDnsEnabled is a CloudFormation parameter',
    rule: Rules.VALUE_UNKNOWN,
    source: S.CENTRALIZED_ENDPOINTS,
    expect: /CfnVPCEndpoint 'Network\/Own': PrivateDnsEnabled is an unresolved token \(an endpoint for com\.amazonaws\.us-east-1\.sqs in Network\/Spoke0\).*the hub's zone sqs\.us-east-1\.amazonaws\.com is not checked against a second answer for the same name \(hub-duplicate-private-dns\)/,
    build: (app) => {
      const { stack, spokeVpcs } = estate(app, 1);
      new ec2.CfnVPCEndpoint(stack, 'Own', {
        vpcId: spokeVpcs[0].vpcId,
        serviceName: 'com.amazonaws.us-east-1.sqs',
        vpcEndpointType: 'Interface',
        subnetIds: spokeVpcs[0].isolatedSubnets.map((sn) => sn.subnetId),
        privateDnsEnabled: new CfnParameter(stack, 'OwnDns', { allowedValues: ['true', 'false'] }).value,
      });
    },
  },
  {
    id: 'hub-spoke-region-agnostic',
    title: 'a spoke imported in an environment-agnostic workload stack: its partition is not checked against the hub\'s',
    rule: Rules.VPC_REGION_UNKNOWN,
    source: S.CDK_ENV,
    expect: /Stack 'Agnostic': region is a token .*a spoke is not checked to be in the hub's partition \(hub-spoke-invalid\)/,
    build: (app) => {
      const { stack, hub, hubVpc } = estate(app, 0);
      const workload = agnosticStack(app, 'Agnostic');
      const spoke = importedVpc(workload, 'Spoke', 'vpc-0a1a1a1a1a1a1a1a1', '10.1.0.0/16');
      new ec2.SecurityGroup(workload, 'Clients', { vpc: spoke, allowAllOutbound: false });
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    },
  },
  {
    id: 'hub-spoke-ipam-secondary-block',
    title: 'a spoke with a secondary block IPAM allocates at deploy time',
    rule: Rules.VPC_CIDR_UNKNOWN,
    source: S.VPC_CIDR,
    expect: /secondary ipv4 block of Network\/Spoke.*its overlap with the hub and the other spokes is not checked \(hub-cidr-overlap\)/,
    build: (app) => {
      const { stack, hub, hubVpc } = estate(app, 0);
      const spoke = vpcIn(stack, 'Spoke', '10.1.0.0/16');
      new ec2.CfnVPCCidrBlock(stack, 'SpokeIpamBlock', { vpcId: spoke.vpcId, ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', ipv4NetmaskLength: 20 });
      hub.shareWith(spoke);
      new PeeredVpcPair(stack, 'Pair', { requester: spoke, accepter: hubVpc });
    },
  },
];
