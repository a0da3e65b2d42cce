// Internal (not re-exported): security-group rules across a peering.
import { Aspects, Reference, Stack, Stage, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { VpcFacts } from '../core/vpc-facts';
import { show, warnOnce } from '../core/warnings';

/** An ingress rule on one side, for traffic from the other side of the peering. */
export interface PeerIngressInput {
  /** The pair (messages). */
  readonly owner: IConstruct;
  /** Where the rules go (a construct in the receiving side's account and region). */
  readonly scope: Construct;
  readonly id: string;
  /** The receiving security group. */
  readonly securityGroup: ec2.ISecurityGroup;
  readonly port: ec2.Port;
  readonly description: string;
  /** The sending side's security group. @default - the sending VPC's blocks */
  readonly peerSecurityGroup?: ec2.ISecurityGroup;
  /** Facts of the sending VPC. */
  readonly peer: VpcFacts;
  readonly crossRegion: boolean;
  readonly crossAccount: boolean;
  /** `requester` or `accepter`: the sending side, for messages. */
  readonly peerSide: string;
}

/**
 * `AWS::EC2::SecurityGroupIngress` rules: one referencing the peer's security group (same region),
 * or one per CIDR block of the peer VPC.
 */
export function addPeerIngress(input: PeerIngressInput): ec2.CfnSecurityGroupIngress[] {
  const { owner, scope, id, peer } = input;
  const rule = input.port.toRuleJson() as { ipProtocol: string; fromPort?: number; toPort?: number };
  const base = { groupId: input.securityGroup.securityGroupId, description: input.description, ...rule };

  if (input.peerSecurityGroup) {
    const sgId = input.peerSecurityGroup.securityGroupId;
    if (input.crossRegion) {
      // VPC peering basics: inter-region peering cannot reference security groups across the peering.
      fail(owner, Rules.PEERING_SG_CROSS_REGION, {
        prop: 'peerSecurityGroup',
        received: `${input.peerSecurityGroup.node.path} (${peer.region})`,
        rule: 'security groups cannot be referenced across an inter-region VPC peering',
      });
    }
    if (input.crossAccount && Token.isUnresolved(sgId) && Stack.of(input.peerSecurityGroup) !== Stack.of(scope)) {
      fail(owner, Rules.PEERING_SG_PEER_TOKEN, {
        prop: 'peerSecurityGroup',
        received: `${input.peerSecurityGroup.node.path} has ID ${show(sgId)} from account ${peer.account}`,
        rule: 'a rule in one account can only name a peer security group of another account by its literal ID',
      });
    }
    return [new ec2.CfnSecurityGroupIngress(scope, id, {
      ...base,
      sourceSecurityGroupId: sgId,
      sourceSecurityGroupOwnerId: input.crossAccount ? peer.account : undefined,
    })];
  }

  const out: ec2.CfnSecurityGroupIngress[] = [];
  for (const c of peer.cidrs) {
    if (!c.block) {
      if (peer.pendingLookup) continue;
      warnOnce(owner, { scope: peer.vpc, key: `${c.source} ${c.family}` }, Rules.PEERING_PEER_CIDR_UNKNOWN, {
        prop: `${c.source} ${c.family} block`,
        received: `is ${c.text === '' ? 'not given' : 'an unresolved token'} (${c.unknownReason ?? 'known at deploy time'})`,
        rule: `the security group rule '${id}' does not allow it`,
      });
      continue;
    }
    const cidr = c.block.cidr;
    out.push(new ec2.CfnSecurityGroupIngress(scope, `${id}-${cidr.replace(/\//g, '-')}`, {
      ...base,
      ...(c.family === 'ipv6' ? { cidrIpv6: cidr } : { cidrIp: cidr }),
    }));
  }
  return out;
}

/** Per stage: the region pairs with an inter-region peering, each with the first pair that peers them. */
const crossRegionPeerings = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * Refuse, at synth and before CDK resolves references, a security-group rule of the app that
 * names a security group of the other region of an inter-region peering. Left alone, the rule
 * makes each stack reference the other, and CDK reports a dependency cycle that does not say
 * what is wrong (VPC peering basics: inter-region peering cannot reference security groups).
 */
export function refuseSecurityGroupReferencesAcross(owner: IConstruct, req: VpcFacts, acc: VpcFacts): void {
  // Aspects of an App do not reach into nested stages: one aspect per stage.
  const stage = Stage.of(owner) ?? owner.node.root;
  let peerings = crossRegionPeerings.get(stage);
  if (!peerings) {
    const known = peerings = new Map<string, IConstruct>();
    crossRegionPeerings.set(stage, known);
    Aspects.of(stage).add({ visit: (node: IConstruct) => checkRule(node, known) });
  }
  const key = regionPairKey(req.region!, acc.region!);
  if (!peerings.has(key)) peerings.set(key, owner);
}

function regionPairKey(a: string, b: string): string {
  return [a, b].sort().join(' <-> ');
}

function checkRule(node: IConstruct, peerings: Map<string, IConstruct>): void {
  let own: [string, unknown];
  let peer: [string, unknown];
  if (node instanceof ec2.CfnSecurityGroupIngress) {
    own = ['groupId', node.groupId];
    peer = ['sourceSecurityGroupId', node.sourceSecurityGroupId];
  } else if (node instanceof ec2.CfnSecurityGroupEgress) {
    own = ['groupId', node.groupId];
    peer = ['destinationSecurityGroupId', node.destinationSecurityGroupId];
  } else {
    return;
  }
  if (peer[1] === undefined) return;
  const ownRegion = regionOf(node, own[1]);
  const peerRegion = regionOf(node, peer[1]);
  if (ownRegion === undefined || peerRegion === undefined || ownRegion.region === peerRegion.region) return;
  const pair = peerings.get(regionPairKey(ownRegion.region, peerRegion.region));
  if (!pair) return;
  fail(node, Rules.PEERING_SG_CROSS_REGION, {
    prop: peer[0],
    received: `references security group ${peerRegion.what} in ${peerRegion.region} from a rule of ${ownRegion.what} in ${ownRegion.region}`,
    rule: `security groups cannot be referenced across an inter-region VPC peering (here '${pair.node.path}'); CDK would report this as a dependency cycle between the two stacks`,
  });
}

/** The region a security group ID comes from: the stack of the resource it references, else the rule's. */
function regionOf(rule: IConstruct, value: unknown): { region: string; what: string } | undefined {
  let target: IConstruct | undefined;
  if (typeof value === 'string' && Token.isUnresolved(value)) {
    target = Tokenization.reverseString(value).tokens.find((t): t is Reference => t instanceof Reference)?.target;
  }
  const stack = Stack.of(target ?? rule);
  if (Token.isUnresolved(stack.region)) return undefined;
  const what = target ? `'${(target.node.scope ?? target).node.path}'` : show(value);
  return { region: stack.region, what };
}
