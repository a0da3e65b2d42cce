/** Invalid VPC peering configurations of issue 11: the accepter's role, return paths, addresses outside RFC 1918. */
import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { S } from './sources';
import { importedVpc, InvalidCase, NETWORK, PARTNER, stackIn, THIRD, vpcIn } from './types';
import { PeeredVpcPair, PeeringAccepterRole } from '../../src';
import { Rules } from '../../src/core/rules';

/** A cross-account pair from the network account to the partner's VPC imported with its literal ID. */
function toPartner(app: App, peerRoleArn: string | ((net: Stack) => string)): void {
  const net = stackIn(app, 'Net');
  const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
  new PeeredVpcPair(net, 'ToPartner', {
    requester: vpcIn(net, 'A', '10.0.0.0/16'),
    accepter: importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16'),
    peerRoleArn: typeof peerRoleArn === 'string' ? peerRoleArn : peerRoleArn(net),
  });
}

/** A VPC imported with its block but no subnets (its route tables are managed elsewhere). */
function bare(stack: Stack, id: string, vpcId: string, cidr: string): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, id, { vpcId, vpcCidrBlock: cidr, availabilityZones: [`${stack.region}a`] });
}

export const PEERING_ROLE_CASES: InvalidCase[] = [
  // ---- peerRoleArn: a role of the accepter's account and partition ----
  {
    id: 'peer-role-not-an-arn',
    title: 'peerRoleArn given as the role\'s name',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.IAM_IDENTIFIERS,
    expect: /PeeredVpcPair 'Net\/ToPartner': peerRoleArn "peering-acceptor"; it is not an ARN/,
    build: (app) => toPartner(app, 'peering-acceptor'),
  },
  {
    id: 'peer-role-is-a-user',
    title: 'peerRoleArn naming an IAM user',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.IAM_IDENTIFIERS,
    expect: /it is an ARN of IAM resource "user\/alice", not of an IAM role/,
    build: (app) => toPartner(app, `arn:aws:iam::${PARTNER}:user/alice`),
  },
  {
    id: 'peer-role-other-service',
    title: 'peerRoleArn naming an S3 bucket',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.IAM_IDENTIFIERS,
    expect: /it is an ARN of service "s3", not of an IAM role/,
    build: (app) => toPartner(app, 'arn:aws:s3:::peering-acceptor'),
  },
  {
    id: 'peer-role-other-account',
    title: 'peerRoleArn of a third account, not the accepter\'s',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.CFN_PEERING_CONNECTION,
    expect: /the role is in account 333333333333, not in the accepter VPC's account; the accepter account 222222222222/,
    build: (app) => toPartner(app, `arn:aws:iam::${THIRD}:role/peering-acceptor`),
  },
  {
    id: 'peer-role-requester-account',
    title: 'peerRoleArn of the requester\'s own account',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.CFN_PEERING_CONNECTION,
    expect: /the role is in account 111111111111, not in the accepter VPC's account/,
    build: (app) => toPartner(app, `arn:aws:iam::${NETWORK}:role/peering-acceptor`),
  },
  {
    id: 'peer-role-other-partition',
    title: 'peerRoleArn in the China partition for a us-east-1 accepter',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.IAM_IDENTIFIERS,
    expect: /partition aws-cn, but the accepter VPC is in us-east-1 \(partition aws\).*Use arn:aws:iam::222222222222:role\/<name>/,
    build: (app) => toPartner(app, `arn:aws-cn:iam::${PARTNER}:role/peering-acceptor`),
  },
  {
    id: 'peer-role-short-account',
    title: 'peerRoleArn whose account is not 12 digits',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.IAM_IDENTIFIERS,
    expect: /its account "2222" is not a 12-digit AWS account ID/,
    build: (app) => toPartner(app, 'arn:aws:iam::2222:role/peering-acceptor'),
  },
  {
    id: 'peer-role-app-role-wrong-account',
    title: 'a PeeringAccepterRole of this app created in a third account',
    rule: Rules.PEERING_PEER_ROLE_INVALID,
    source: S.CFN_PEERING_CONNECTION,
    expect: /peerRoleArn the ARN of role Roles\/Acceptor\/Resource, in account 333333333333; the role is not in the accepter VPC's account/,
    build: (app) => {
      const net = stackIn(app, 'Net');
      const partner = stackIn(app, 'Partner', 'us-east-1', PARTNER);
      const accepter = importedVpc(partner, 'B', 'vpc-0bbbbbbb', '10.1.0.0/16');
      const role = new PeeringAccepterRole(stackIn(app, 'Roles', 'us-east-1', THIRD), 'Acceptor', { accepterVpc: accepter, requesterAccount: NETWORK });
      new PeeredVpcPair(net, 'ToPartner', { requester: vpcIn(net, 'A', '10.0.0.0/16'), accepter, peerRoleArn: role.roleArn });
    },
  },
  {
    id: 'peer-role-parameter',
    title: 'peerRoleArn from a stack parameter',
    rule: Rules.PEERING_PEER_ROLE_UNKNOWN,
    source: S.CFN_PEERING_CONNECTION,
    expect: /peerRoleArn \(unresolved token .*\); whether it names an IAM role of the accepter account 222222222222 is not checked/,
    build: (app) => toPartner(app, (net) => new CfnParameter(net, 'PeerRoleArn').valueAsString),
  },
  {
    id: 'peer-role-import-value',
    title: 'peerRoleArn imported from another stack\'s output',
    rule: Rules.PEERING_PEER_ROLE_UNKNOWN,
    source: S.CFN_PEERING_CONNECTION,
    expect: /whether it names an IAM role of the accepter account 222222222222 is not checked/,
    build: (app) => toPartner(app, () => Fn.importValue('PartnerPeeringRoleArn')),
  },
  {
    id: 'peer-role-same-account',
    title: 'peerRoleArn on a pair within one account',
    rule: Rules.PEERING_PEER_ROLE_UNUSED,
    source: S.CFN_PEERING_CONNECTION,
    expect: /'Net\/P': peerRoleArn "arn:aws:iam::111111111111:role\/x", but both VPCs are in account 111111111111/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), peerRoleArn: `arn:aws:iam::${NETWORK}:role/x` });
    },
  },
  {
    id: 'peer-role-same-account-cross-region',
    title: 'peerRoleArn on an inter-region pair within one account',
    rule: Rules.PEERING_PEER_ROLE_UNUSED,
    source: S.CFN_PEERING_CONNECTION,
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
    expect: /peerRoleArn "arn:aws:iam::111111111111:role\/peering", but both VPCs are in account 111111111111/,
    build: (app) => {
      const use1 = stackIn(app, 'Use1');
      const euw1 = stackIn(app, 'Euw1', 'eu-west-1');
      new PeeredVpcPair(use1, 'ToEurope', { requester: vpcIn(use1, 'A', '10.0.0.0/16'), accepter: vpcIn(euw1, 'B', '10.1.0.0/16'), peerRoleArn: `arn:aws:iam::${NETWORK}:role/peering` });
    },
  },

  // ---- return paths ----
  {
    id: 'peering-accepter-selects-nothing',
    title: 'an accepter subnet selection that selects no subnet',
    rule: Rules.PEERING_SIDE_NO_ROUTES,
    source: S.PEERING_ROUTING,
    expect: /'Net\/P': accepterSubnets \["0 subnet\(s\)"\] select no subnet with a route table in Net\/B; the accepter gets no route to the requester/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), accepterSubnets: [{ subnets: [] }] });
    },
  },
  {
    id: 'peering-requester-selects-nothing',
    title: 'a requester subnet selection that selects no subnet',
    rule: Rules.PEERING_SIDE_NO_ROUTES,
    source: S.PEERING_ROUTING,
    expect: /requesterSubnets \["0 subnet\(s\)"\] select no subnet with a route table in Net\/A; the requester gets no route to the accepter/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16'), requesterSubnets: [{ subnets: [] }] });
    },
  },
  {
    id: 'peering-accepter-without-subnets',
    title: 'an accepter imported with its block but no subnets',
    rule: Rules.PEERING_SIDE_ROUTES_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /'Net\/P': accepter Net\/Bare has no subnets the pair can see .*; the accepter gets no route to the requester/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: bare(s, 'Bare', 'vpc-0ccccccc', '10.1.0.0/16') });
    },
  },
  {
    id: 'peering-requester-without-subnets',
    title: 'a requester imported with its block but no subnets',
    rule: Rules.PEERING_SIDE_ROUTES_UNKNOWN,
    source: S.PEERING_ROUTING,
    expect: /requester Net\/Bare has no subnets the pair can see .*; the requester gets no route to the accepter/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: bare(s, 'Bare', 'vpc-0aaaaaaa', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },

  // ---- addresses outside RFC 1918 ----
  {
    id: 'peering-shared-address-space',
    title: 'a VPC in 100.64.0.0/10 peered without DNS resolution',
    rule: Rules.PEERING_DNS_NON_RFC1918,
    source: S.PEERING_BASICS,
    expect: /'Net\/B': IPv4 blocks 100\.64\.0\.0\/16 are outside RFC 1918.*private DNS hostnames/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: vpcIn(s, 'B', '100.64.0.0/16') });
    },
  },
  {
    id: 'peering-public-range-used-privately',
    title: 'a VPC in a public range used privately, peered without DNS resolution',
    rule: Rules.PEERING_DNS_NON_RFC1918,
    source: S.PEERING_BASICS,
    expect: /'Net\/A': IPv4 blocks 54\.10\.0\.0\/16 are outside RFC 1918/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '54.10.0.0/16'), accepter: vpcIn(s, 'B', '10.1.0.0/16') });
    },
  },
  {
    id: 'peering-imported-non-rfc1918',
    title: 'an imported VPC in 198.19.0.0/16 peered without DNS resolution',
    rule: Rules.PEERING_DNS_NON_RFC1918,
    source: S.PEERING_BASICS,
    expect: /IPv4 blocks 198\.19\.0\.0\/16 are outside RFC 1918/,
    build: (app) => {
      const s = stackIn(app, 'Net');
      new PeeredVpcPair(s, 'P', { requester: vpcIn(s, 'A', '10.0.0.0/16'), accepter: importedVpc(s, 'B', 'vpc-0bbbbbbb', '198.19.0.0/16') });
    },
  },
];
