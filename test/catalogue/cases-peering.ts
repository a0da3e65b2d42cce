/** Invalid VPC peering configurations (PeeredVpcPair) and the graph rules they reach. */
import { CfnParameter, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { S } from './sources';
import { agnosticStack, dualStackVpc, importedVpc, InvalidCase, ipamVpc, NETWORK, PARTNER, stackIn, vpcIn } from './types';
import { ConnectivityGraph, PeeredVpcPair } from '../../src';
import { Rules } from '../../src/core/rules';

const PARTNER_ROLE = 'arn:aws:iam::222222222222:role/peering-accepter';

/** What `Vpc.fromLookup` caches for the partner's VPC (account 222..., looked up from the network account). */
export const PARTNER_LOOKUP = {
  'vpc-provider:account=111111111111:filter.owner-id=222222222222:filter.vpc-id=vpc-0partner:region=us-east-1:returnAsymmetricSubnets=true': {
    vpcId: 'vpc-0partner',
    vpcCidrBlock: '10.9.0.0/16',
    ownerAccountId: PARTNER,
    availabilityZones: [],
    subnetGroups: [{ name: 'iso', type: 'Isolated', subnets: [{ subnetId: 'subnet-0partner', cidr: '10.9.0.0/24', availabilityZone: 'us-east-1a', routeTableId: 'rtb-0partner' }] }],
  },
};

export const PEERING_CASES: InvalidCase[] = [
  // ---- peering-self ----
  {
    id: 'peering-self-same-vpc',
    title: 'a VPC peered with itself',
    rule: Rules.PEERING_SELF,
    source: S.PEERING_CREATE,
    expect: /PeeredVpcPair 'Net\/P': requester\/accepter both are Net\/A/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      new PeeredVpcPair(s, 'P', { requester: a, accepter: a });
    },
  },
  {
    id: 'peering-self-same-import',
    title: 'one VPC ID imported twice and peered with itself',
    rule: Rules.PEERING_SELF,
    source: S.PEERING_CREATE,
    expect: /PeeredVpcPair 'Net\/P': requester\/accepter Net\/I1 and Net\/I2 are both vpc-0aaaaaaa; a VPC peering connection joins two different VPCs/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: importedVpc(s, 'I1', 'vpc-0aaaaaaa', '10.0.0.0/16'), accepter: importedVpc(s, 'I2', 'vpc-0aaaaaaa', '10.0.0.0/16') });
    },
  },

  // ---- accepting across accounts ----
  {
    id: 'peering-cross-account-no-role',
    title: 'a partner VPC looked up from the network account, no peerRoleArn',
    rule: Rules.PEERING_NO_ACCEPTER,
    source: S.CFN_PEERING,
    context: PARTNER_LOOKUP,
    expect: /'Net\/P': peerRoleArn undefined, and the accepter VPC Net\/Partner is in stack Net \(111111111111\/us-east-1\), not in account 222222222222/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = ec2.Vpc.fromLookup(s, 'Partner', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: partner });
    },
  },
  {
    id: 'peering-accepter-id-unreadable',
    title: 'cross-account with a peerRoleArn and an accepter VPC created in the partner stack',
    rule: Rules.PEERING_ACCEPTER_VPC_UNKNOWN,
    source: S.CFN_PEERING,
    expect: /accepter Partner\/B has ID \(unresolved token/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), peerRoleArn: PARTNER_ROLE });
    },
  },
  {
    id: 'peering-accepter-id-unreadable-cross-region',
    title: 'cross-account and cross-region with a peerRoleArn and a created accepter VPC',
    rule: Rules.PEERING_ACCEPTER_VPC_UNKNOWN,
    source: S.PEERING_CREATE,
    expect: /accepter PartnerEu\/B has ID \(unresolved token/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'PartnerEu', 'eu-west-1', PARTNER);
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), peerRoleArn: PARTNER_ROLE });
    },
  },
  {
    id: 'peering-lookup-ipam-cross-region',
    title: 'cross-region with an IPAM requester block',
    rule: Rules.PEERING_LOOKUP_UNKNOWN,
    source: S.PEERING_CREATE,
    expect: /PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const eu = stackIn(app, 'Eu', 'eu-west-1');
      new PeeredVpcPair(s, 'P', { requester: ipamVpc(s, 'A'), accepter: importedVpc(eu, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16') });
    },
  },
  {
    id: 'peering-lookup-ipam-cross-account',
    title: 'cross-account with an IPAM requester block',
    rule: Rules.PEERING_LOOKUP_UNKNOWN,
    source: S.CFN_PEERING,
    expect: /PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(s, 'P', { requester: ipamVpc(s, 'A'), accepter: vpcIn(partner, 'B', '10.1.0.0/16') });
    },
  },

  // ---- where each side goes ----
  {
    id: 'peering-accepter-routes-wrong-region',
    title: 'accepterRoutesStack in another region than the accepter VPC',
    rule: Rules.PEERING_STACK_ENV,
    source: S.PEERING_ROUTING,
    expect: /accepterRoutesStack "?Other"? \(111111111111\/eu-west-1\)/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const other = stackIn(app, 'Other', 'eu-west-1');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), accepterRoutesStack: other });
    },
  },
  {
    id: 'peering-accepter-routes-wrong-account',
    title: 'accepterRoutesStack in another account than the accepter VPC',
    rule: Rules.PEERING_STACK_ENV,
    source: S.PEERING_ROUTING,
    expect: /accepterRoutesStack "?ThirdRoutes"? \(333333333333\/us-east-1\)/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const third = stackIn(app, 'ThirdRoutes', 'us-east-1', '333333333333');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), accepterRoutesStack: third });
    },
  },
  {
    id: 'peering-accepter-routes-cycle',
    title: 'cross-account accepter routes in the accepter VPC\'s own stack',
    rule: Rules.PEERING_STACK_CYCLE,
    source: S.CFN_PEERING,
    expect: /accepterRoutesStack Partner; the requester stack Net must be deployed after it/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(partner, 'B', '10.1.0.0/16'), accepterRoutesStack: partner });
    },
  },

  // ---- DNS resolution across the peering ----
  {
    id: 'peering-dns-hostnames-off',
    title: 'DNS resolution asked for, accepter without DNS hostnames',
    rule: Rules.PEERING_DNS_DISABLED,
    source: S.PEERING_DNS,
    expect: /allowDnsResolution true, but accepter Net\/B has DNS hostnames off/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16', { enableDnsHostnames: false }), allowDnsResolution: true });
    },
  },
  {
    id: 'peering-dns-support-off',
    title: 'DNS resolution asked for, requester without DNS support',
    rule: Rules.PEERING_DNS_DISABLED,
    source: S.PEERING_DNS,
    expect: /requester Net\/A has DNS support off/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { enableDnsSupport: false, enableDnsHostnames: false }), accepter: vpcIn(s, 'B', '10.1.0.0/16'), allowDnsResolution: true });
    },
  },
  {
    id: 'peering-dns-imported',
    title: 'DNS resolution asked for with an imported accepter whose DNS settings cannot be read',
    rule: Rules.PEERING_DNS_UNKNOWN,
    source: S.PEERING_DNS,
    expect: /'Net\/B': DNS support cannot be read.*PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'), allowDnsResolution: true });
    },
  },

  // ---- blocks known only at deploy time ----
  {
    id: 'peering-ipam-requester',
    title: 'an IPAM-allocated requester block: no accepter route for it',
    rule: Rules.PEERING_PEER_CIDR_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /Vpc 'Net\/A': primary ipv4 block .*IPAM.*PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: ipamVpc(s, 'A'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'peering-imported-token-block',
    title: 'an imported accepter whose block is an import of another stack\'s output',
    rule: Rules.PEERING_PEER_CIDR_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /'Net\/B'.*PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const b = ec2.Vpc.fromVpcAttributes(s, 'B', {
        vpcId: 'vpc-0bbbbbbb',
        vpcCidrBlock: Fn.importValue('PartnerVpcCidr'),
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-0bbbbbb1'],
        isolatedSubnetRouteTableIds: ['rtb-0bbbbbb1'],
      });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: b });
    },
  },
  {
    id: 'peering-secondary-ipv4-late',
    title: 'a secondary IPv4 block attached after the pair',
    rule: Rules.PEERING_CIDR_ADDED_LATER,
    source: S.PEERING_FULL_ACCESS,
    expect: /Vpc 'Net\/A': secondary ipv4 block 10\.20\.0\.0\/16 was attached after.*PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16') });
      new ec2.CfnVPCCidrBlock(s, 'Late', { vpcId: a.vpcId, cidrBlock: '10.20.0.0/16' });
    },
  },
  {
    id: 'peering-secondary-ipv6-late',
    title: 'an IPv6 block attached after the pair',
    rule: Rules.PEERING_CIDR_ADDED_LATER,
    source: S.PEERING_FULL_ACCESS,
    expect: /Vpc 'Net\/B': .*2001:db8:1::\/56 was attached after/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const b = vpcIn(s, 'B', '10.1.0.0/16');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: b });
      new ec2.CfnVPCCidrBlock(s, 'Late6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8:1::/56' });
    },
  },
  {
    id: 'peering-account-agnostic',
    title: 'a pair in an environment-agnostic stack',
    rule: Rules.PEERING_ACCOUNT_UNKNOWN,
    source: S.CDK_ENV,
    expect: /Stack 'Agnostic': account is a token.*PeeredVpcPair 'Agnostic\/P'/,
    build: (app) => {
      const s = agnosticStack(app, 'Agnostic');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    },
  },
  {
    id: 'peering-region-agnostic',
    title: 'a pair in an environment-agnostic stack: partition and region checks skipped',
    rule: Rules.VPC_REGION_UNKNOWN,
    source: S.CDK_ENV,
    expect: /Stack 'Agnostic': region is a token.*PeeredVpcPair 'Agnostic\/P'/,
    build: (app) => {
      const s = agnosticStack(app, 'Agnostic');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 }), accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
    },
  },

  // ---- security groups across the peering ----
  {
    id: 'peering-sg-reference-inter-region',
    title: 'a security-group reference across an inter-region peering',
    rule: Rules.PEERING_SG_CROSS_REGION,
    source: S.PEERING_SG,
    expect: /peerSecurityGroup Use1\/App \(us-east-1\); security groups cannot be referenced across an inter-region VPC peering/,
    build: (app) => {
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      const a = vpcIn(use1, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const b = vpcIn(euw1, 'B', '10.1.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(use1, 'P', { requester: a, accepter: b });
      pair.allowFromRequester('Db', { securityGroup: new ec2.SecurityGroup(euw1, 'Db', { vpc: b }), peerSecurityGroup: new ec2.SecurityGroup(use1, 'App', { vpc: a }), port: ec2.Port.tcp(5432) });
    },
  },
  {
    id: 'peering-sg-token-other-account',
    title: 'a peer security group of another account whose ID is a token',
    rule: Rules.PEERING_SG_PEER_TOKEN,
    source: S.PEERING_SG,
    expect: /peerSecurityGroup Partner\/Clients has ID \(unresolved token.*from account 222222222222/,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const a = vpcIn(net, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const b = vpcIn(partner, 'B', '10.1.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(net, 'P', { requester: a, accepter: b });
      pair.allowFromAccepter('Api', { securityGroup: new ec2.SecurityGroup(net, 'Api', { vpc: a }), peerSecurityGroup: new ec2.SecurityGroup(partner, 'Clients', { vpc: b }), port: ec2.Port.tcp(443) });
    },
  },

  // ---- requester-only mode ----
  {
    id: 'peering-requester-only-one-account',
    title: 'requesterOnly within one account',
    rule: Rules.PEERING_REQUESTER_ONLY_MODE,
    source: S.CFN_PEERING,
    expect: /requesterOnly.*both VPCs are in account 111111111111/s,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), requesterOnly: true });
    },
  },
  {
    id: 'peering-requester-only-no-role',
    title: 'requesterOnly without the partner\'s role',
    rule: Rules.PEERING_REQUESTER_ONLY_MODE,
    source: S.CFN_PEERING,
    context: PARTNER_LOOKUP,
    expect: /peerRoleArn undefined; in requester-only mode.*account 222222222222/s,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = ec2.Vpc.fromLookup(s, 'Partner', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: partner, requesterOnly: true });
    },
  },
  {
    id: 'peering-requester-only-accepter-subnets',
    title: 'requesterOnly with accepterSubnets (routes in the partner\'s account)',
    rule: Rules.PEERING_REQUESTER_ONLY_MODE,
    source: S.PEERING_ROUTING,
    context: PARTNER_LOOKUP,
    expect: /accepterSubnets given; .*Remove accepterSubnets/s,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = ec2.Vpc.fromLookup(s, 'Partner', { vpcId: 'vpc-0partner', ownerAccountId: PARTNER });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: partner, requesterOnly: true, peerRoleArn: PARTNER_ROLE, accepterSubnets: [{}] });
    },
  },

  // ---- overlap (through the graph) ----
  {
    id: 'overlap-primary-contains',
    title: 'primary blocks overlap (a /17 inside a /16)',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /'Net\/P': requester CIDR 10\.0\.0\.0\/16 overlaps accepter CIDR 10\.0\.128\.0\/17/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.0.128.0/17') });
    },
  },
  {
    id: 'overlap-primary-identical',
    title: 'two VPCs with the default block 10.0.0.0/16',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /requester CIDR 10\.0\.0\.0\/16 overlaps accepter CIDR 10\.0\.0\.0\/16/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.0.0.0/16') });
    },
  },
  {
    id: 'overlap-secondary-ipv4',
    title: 'a secondary IPv4 block overlaps the peer\'s primary',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /10\.1\.0\.0\/16.*overlaps.*10\.1\.0\.0\/20|10\.1\.0\.0\/20.*overlaps.*10\.1\.0\.0\/16/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      new ec2.CfnVPCCidrBlock(s, 'A2', { vpcId: a.vpcId, cidrBlock: '10.1.0.0/20' });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'overlap-ipv6',
    title: 'IPv6 blocks overlap while the IPv4 blocks are disjoint',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /2001:db8::\/56 overlaps accepter CIDR 2001:db8::\/64/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      const b = vpcIn(s, 'B', '10.1.0.0/16');
      new ec2.CfnVPCCidrBlock(s, 'A6', { vpcId: a.vpcId, ipv6CidrBlock: '2001:db8::/56' });
      new ec2.CfnVPCCidrBlock(s, 'B6', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8::/64' });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
    },
  },
  {
    id: 'overlap-cross-region',
    title: 'overlapping blocks across regions',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /'Use1\/P': requester CIDR 172\.16\.0\.0\/16 overlaps accepter CIDR 172\.16\.0\.0\/20/,
    build: (app) => {
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      new PeeredVpcPair(use1, 'P', { requester: vpcIn(use1, 'A', '172.16.0.0/16'), accepter: vpcIn(euw1, 'B', '172.16.0.0/20') });
    },
  },
  {
    id: 'overlap-cross-account',
    title: 'overlapping blocks across accounts',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /'Net\/P': requester CIDR 192\.168\.0\.0\/16 overlaps accepter CIDR 192\.168\.10\.0\/24/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '192.168.0.0/16'), accepter: vpcIn(partner, 'B', '192.168.10.0/24', { subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 26 }] }) });
    },
  },
  {
    id: 'overlap-declared-blocks',
    title: 'accepterCidrBlocks declared for an imported VPC overlap the requester',
    rule: Rules.GRAPH_CIDR_OVERLAP,
    source: S.PEERING_CREATE,
    expect: /overlaps/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'), accepterCidrBlocks: ['10.1.0.0/16', '10.0.64.0/18'] });
    },
  },

  // ---- one connection per pair ----
  {
    id: 'duplicate-pair-same-direction',
    title: 'the same pair peered twice',
    rule: Rules.GRAPH_DUPLICATE_PEERING,
    source: S.PEERING_CREATE,
    expect: /'Net\/Again': .*already peered by 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      const b = vpcIn(s, 'B', '10.1.0.0/16');
      new PeeredVpcPair(s, 'P', { requester: a, accepter: b, requesterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }], accepterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      new PeeredVpcPair(s, 'Again', { requester: a, accepter: b, requesterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }], accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    },
  },
  {
    id: 'duplicate-pair-reversed',
    title: 'the same pair peered twice, requester and accepter swapped',
    rule: Rules.GRAPH_DUPLICATE_PEERING,
    source: S.PEERING_CREATE,
    expect: /'Net\/Back': .*already peered by 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16');
      const b = vpcIn(s, 'B', '10.1.0.0/16');
      new PeeredVpcPair(s, 'P', { requester: a, accepter: b, requesterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }], accepterSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      new PeeredVpcPair(s, 'Back', { requester: b, accepter: a, requesterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }], accepterSubnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    },
  },

  // ---- partitions ----
  {
    id: 'partition-gov',
    title: 'a commercial VPC peered with a GovCloud VPC',
    rule: Rules.GRAPH_PARTITION_MISMATCH,
    source: S.PEERING_CREATE,
    expect: /partition aws \(us-east-1\) vs aws-us-gov \(us-gov-west-1\)/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const gov = stackIn(app, 'Gov', 'us-gov-west-1');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(gov, 'B', 'vpc-0c0c0c0c', '10.1.0.0/16') });
    },
  },
  {
    id: 'partition-china',
    title: 'a commercial VPC peered with a China VPC',
    rule: Rules.GRAPH_PARTITION_MISMATCH,
    source: S.PEERING_CREATE,
    expect: /partition aws \(us-east-1\) vs aws-cn \(cn-north-1\)/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const cn = stackIn(app, 'China', 'cn-north-1');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(cn, 'B', 'vpc-0d0d0d0d', '10.1.0.0/16') });
    },
  },

  // ---- quotas ----
  {
    id: 'quota-peerings-declared',
    title: 'a hub VPC in more peerings than its declared quota',
    rule: Rules.GRAPH_PEERING_QUOTA,
    source: S.VPC_QUOTAS,
    expect: /Vpc 'Net\/Hub': peering connections 3; a VPC may have 2 active peering connections/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const hub = vpcIn(s, 'Hub', '10.0.0.0/16', { maxAzs: 1 });
      for (let i = 1; i <= 3; i++) new PeeredVpcPair(s, `P${i}`, { requester: hub, accepter: vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`, { maxAzs: 1 }) });
      ConnectivityGraph.of(app).declareQuotas({ activePeeringsPerVpc: 2 });
    },
  },
  {
    id: 'quota-peerings-context',
    title: 'a peering quota from the cdk-private-connectivity:quotas context key exceeded',
    rule: Rules.GRAPH_PEERING_QUOTA,
    source: S.VPC_QUOTAS,
    context: { [ConnectivityGraph.QUOTAS_CONTEXT_KEY]: { activePeeringsPerVpc: 1 } },
    expect: /Vpc 'Net\/Hub': peering connections 2; a VPC may have 1 active peering connections/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const hub = vpcIn(s, 'Hub', '10.0.0.0/16', { maxAzs: 1 });
      for (let i = 1; i <= 2; i++) new PeeredVpcPair(s, `P${i}`, { requester: hub, accepter: vpcIn(s, `Spoke${i}`, `10.${i}.0.0/16`, { maxAzs: 1 }) });
    },
  },
  {
    id: 'quota-routes-ipv4',
    title: 'a route table over its IPv4 route quota',
    rule: Rules.GRAPH_ROUTE_QUOTA,
    source: S.VPC_QUOTAS,
    expect: /IPv4 routes in route table .* 2; a route table may hold 1 IPv4 routes/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
      new ec2.CfnVPCCidrBlock(s, 'B2', { vpcId: b.vpcId, cidrBlock: '10.2.0.0/16' });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
      ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 1 });
    },
  },
  {
    id: 'quota-routes-ipv6',
    title: 'a route table over its IPv6 route quota (counted apart from IPv4)',
    rule: Rules.GRAPH_ROUTE_QUOTA,
    source: S.VPC_QUOTAS,
    expect: /IPv6 routes in route table .* 2; a route table may hold 1 IPv6 routes/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      const b = vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 });
      new ec2.CfnVPCCidrBlock(s, 'B6a', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8:1::/56' });
      new ec2.CfnVPCCidrBlock(s, 'B6b', { vpcId: b.vpcId, ipv6CidrBlock: '2001:db8:2::/56' });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: b });
      ConnectivityGraph.of(app).declareQuotas({ routesPerRouteTable: 1 });
    },
  },
  {
    id: 'quota-cidr-blocks',
    title: 'a peered VPC with six IPv4 blocks (quota 5)',
    rule: Rules.GRAPH_CIDR_QUOTA,
    source: S.VPC_QUOTAS,
    expect: /IPv4 CIDR blocks 6 \(10\.0\.0\.0\/16, .*\); a VPC may have 5 IPv4 CIDR blocks/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      for (let i = 1; i <= 5; i++) new ec2.CfnVPCCidrBlock(s, `A${i}`, { vpcId: a.vpcId, cidrBlock: `10.${i}0.0.0/16` });
      new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.99.0.0/16', { maxAzs: 1 }) });
    },
  },
  {
    id: 'quota-invalid-context',
    title: 'a quota of 0 in the quotas context key',
    rule: Rules.QUOTA_INVALID,
    source: S.VPC_QUOTAS,
    context: { [ConnectivityGraph.QUOTAS_CONTEXT_KEY]: { activePeeringsPerVpc: 0 } },
    expect: /activePeeringsPerVpc.*0/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'quota-invalid-above-max',
    title: 'a peering quota declared above the AWS maximum of 125',
    rule: Rules.QUOTA_INVALID,
    source: S.VPC_QUOTAS,
    expect: /activePeeringsPerVpc.*126/,
    build: (app) => {
      ConnectivityGraph.of(app).declareQuotas({ activePeeringsPerVpc: 126 });
    },
  },

  // ---- routes written by hand through the pair ----
  {
    id: 'transitive-route-onward',
    title: 'a route through the peering to a network beyond the peer VPC',
    rule: Rules.GRAPH_TRANSITIVE_ROUTE,
    source: S.PEERING_WHITEPAPER,
    expect: /'Net\/Onward': route destination 192\.168\.0\.0\/16 .*not inside the peer VPC Net\/B/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      new ec2.CfnRoute(s, 'Onward', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: '192.168.0.0/16', vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },
  {
    id: 'transitive-route-default',
    title: 'a default route through the peering (edge-to-edge to the peer\'s internet gateway)',
    rule: Rules.GRAPH_TRANSITIVE_ROUTE,
    source: S.PEERING_WHITEPAPER,
    expect: /route destination 0\.0\.0\.0\/0 .* is not inside the peer VPC Net\/B \(10\.1\.0\.0\/16\)/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      new ec2.CfnRoute(s, 'ToInternet', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },
  {
    id: 'duplicate-route-hand-written',
    title: 'a hand-written route to the peer block the pair already routes',
    rule: Rules.GRAPH_DUPLICATE_ROUTE,
    source: S.PEERING_ROUTING,
    expect: /destination 10\.1\.0\.0\/16 is also routed by/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      new ec2.CfnRoute(s, 'Again', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },

  // ---- imported VPCs ----
  {
    id: 'imported-subnet-no-route-table',
    title: 'an imported accepter subnet without a route table ID',
    rule: Rules.VPC_ROUTE_TABLE_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /accepterSubnets selects subnet subnet-01111111 of Net\/B, which has no route table ID/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const b = ec2.Vpc.fromVpcAttributes(s, 'B', { vpcId: 'vpc-0bbbbbbb', vpcCidrBlock: '10.1.0.0/16', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-01111111'] });
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: b });
    },
  },
  {
    id: 'pending-lookup-peer',
    title: 'a peer from a Vpc.fromLookup the CLI has not answered yet',
    rule: Rules.VPC_PENDING_LOOKUP,
    source: S.CDK_CONTEXT,
    expect: /'Net\/Looked': Vpc\.fromLookup is pending.*PeeredVpcPair 'Net\/P'/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: ec2.Vpc.fromLookup(s, 'Looked', { vpcId: 'vpc-0look' }) });
    },
  },

  // ---- values ----
  {
    id: 'cidr-override-host-bits',
    title: 'accepterCidrBlocks with host bits set',
    rule: Rules.CIDR_INVALID,
    source: S.VPC_CIDR,
    expect: /PeeredVpcPair 'Net\/P': accepterCidrBlocks\[0\] "10\.1\.0\.1\/16".*Use 10\.1\.0\.0\/16/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'), accepterCidrBlocks: ['10.1.0.1/16'] });
    },
  },
  {
    id: 'cidr-override-prefix',
    title: 'requesterCidrBlocks with a prefix past /32',
    rule: Rules.CIDR_INVALID,
    source: S.VPC_CIDR,
    expect: /requesterCidrBlocks\[0\] "10\.0\.0\.0\/33"/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: importedVpc(s, 'A', 'vpc-0aaaaaaa', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), requesterCidrBlocks: ['10.0.0.0/33'] });
    },
  },

  // ---- route destinations the graph cannot read ----
  {
    id: 'peering-route-destination-parameter',
    title: 'a route through the peering toward a block given as a CloudFormation parameter',
    rule: Rules.VALUE_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /CfnRoute 'Net\/Onward': route destination \(Ref OnwardBlock\) in route table .* is a token that is not a CIDR attribute of a VPC or subnet of this app; .*the transitive-route check \(graph-transitive-route\) skips this route/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      const block = new CfnParameter(s, 'OnwardBlock', { type: 'String' }).valueAsString;
      new ec2.CfnRoute(s, 'Onward', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationCidrBlock: block, vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },
  {
    id: 'peering-route-destination-third-vpc-ipv6',
    title: 'a route through the peering toward a third VPC\'s Amazon-provided IPv6 block',
    rule: Rules.VALUE_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /CfnRoute 'Net\/Onward6': route destination Net\/C\.Ipv6CidrBlocks\[0\] in route table .* is a block of another VPC that is not known at synth; .*the transitive-route check \(graph-transitive-route\) skips this route/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      const a = vpcIn(s, 'A', '10.0.0.0/16', { maxAzs: 1 });
      const pair = new PeeredVpcPair(s, 'P', { requester: a, accepter: vpcIn(s, 'B', '10.1.0.0/16', { maxAzs: 1 }) });
      const c = dualStackVpc(s, 'C', '10.2.0.0/16', 1);
      new ec2.CfnRoute(s, 'Onward6', { routeTableId: a.isolatedSubnets[0].routeTable.routeTableId, destinationIpv6CidrBlock: Fn.select(0, c.vpcIpv6CidrBlocks), vpcPeeringConnectionId: pair.peeringConnectionId });
    },
  },
];

void NETWORK;
