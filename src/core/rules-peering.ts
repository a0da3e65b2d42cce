// Add entries as: NAME: rule('<family>-<what>', RuleSeverity.ERROR, '<summary>', '<fix>'),
// importing { rule, RuleSeverity } from './rule-types'.
import { rule, RuleSeverity } from './rule-types';

const E = RuleSeverity.ERROR;
const W = RuleSeverity.WARNING;

/** Rules of PeeredVpcPair. IDs are `<family>-<what>`, e.g. `peering-...`. */
export const PeeringRules = {
  PEERING_SELF: rule('peering-self', E,
    'A VPC is peered with itself.',
    'Pass two different VPCs as requester and accepter.'),
  PEERING_NO_ACCEPTER: rule('peering-no-accepter', E,
    'A cross-account peering has no way to be accepted: no peerRoleArn, and the accepter VPC is not in a stack of its own account where an accepter role could be created.',
    'Pass peerRoleArn (a role in the accepter account that may ec2:AcceptVpcPeeringConnection), or define the accepter VPC in a stack of the accepter account and region.'),
  PEERING_ACCOUNT_UNKNOWN: rule('peering-account-unknown', W,
    'A peered VPC\'s account is a token (environment-agnostic stack), so the pair assumes both VPCs are in the same account.',
    'Give the VPC\'s stack an explicit env: { account, region }.'),
  PEERING_STACK_ENV: rule('peering-stack-env', E,
    'A stack that must hold one side of a peering is not in that side\'s account and region.',
    'Put the requester side in a stack of the requester VPC\'s account and region, and give accepterRoutesStack the accepter VPC\'s account and region.'),
  PEERING_STACK_CYCLE: rule('peering-stack-cycle', E,
    'The accepter routes would go into a stack that the requester stack must be deployed after, a dependency cycle.',
    'Leave accepterRoutesStack unset (the pair creates a stack for the accepter routes) or pass a stack other than the accepter VPC\'s.'),
  PEERING_ACCEPTER_VPC_UNKNOWN: rule('peering-accepter-vpc-unknown', E,
    'The accepter VPC ID is a token from another account or region that the requester stack cannot read.',
    'Import the accepter VPC with its literal ID (Vpc.fromLookup or Vpc.fromVpcAttributes), or let the pair create the accepter role (no peerRoleArn) so it can look the ID up.'),
  PEERING_LOOKUP_UNKNOWN: rule('peering-lookup-unknown', E,
    'Across regions or accounts the accepter side finds the peering connection by the requester\'s account and VPC ID or primary IPv4 block, and these are tokens.',
    'Give the requester stack an explicit env, and pass requesterCidrBlocks (primary IPv4 block first) or import the requester VPC with its literal ID.'),
  PEERING_DNS_DISABLED: rule('peering-dns-disabled', E,
    'DNS resolution across the peering is asked for, but a VPC has DNS support or DNS hostnames turned off.',
    'Set enableDnsSupport and enableDnsHostnames to true on both VPCs, or leave allowDnsResolution unset.'),
  PEERING_DNS_UNKNOWN: rule('peering-dns-unknown', W,
    'DNS resolution across the peering is asked for, but a VPC\'s DNS support / hostnames settings cannot be read (imported VPC).',
    'Make sure both VPCs have DNS support and DNS hostnames enabled; acknowledge this warning once checked.'),
  PEERING_PEER_CIDR_UNKNOWN: rule('peering-peer-cidr-unknown', W,
    'A block of the peer VPC is a token (IPAM, BYOIP or Amazon-provided IPv6 of another stack), so no route or security-group rule is added for it.',
    'Pass the peer\'s blocks explicitly with requesterCidrBlocks / accepterCidrBlocks, or add the route by hand with the pair\'s peeringConnectionId.'),
  PEERING_CIDR_ADDED_LATER: rule('peering-cidr-added-later', W,
    'A CIDR block was attached to a peered VPC after the PeeredVpcPair was created, so no route leads to it.',
    'Declare every AWS::EC2::VPCCidrBlock before the PeeredVpcPair, or pass the blocks with requesterCidrBlocks / accepterCidrBlocks.'),
  PEERING_SG_CROSS_REGION: rule('peering-sg-cross-region', E,
    'A security-group rule references a security group across an inter-region peering, which AWS does not support.',
    'Leave peerSecurityGroup unset: the rule then allows the peer VPC\'s CIDR blocks.'),
  PEERING_SG_PEER_TOKEN: rule('peering-sg-peer-token', E,
    'A security-group rule references a peer security group of another account whose ID is a token.',
    'Import the peer security group with its literal ID: SecurityGroup.fromSecurityGroupId(scope, id, \'sg-...\').'),
} as const;
