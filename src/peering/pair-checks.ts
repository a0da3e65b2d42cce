// Internal (not re-exported): checks of PeeredVpcPair props that need the two VPCs' facts.
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { ConnectionKind, ConnectivityGraph } from '../core/graph';
import { Rules } from '../core/rules';
import { VpcFacts, vpcKey } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';
import { CidrBlock } from '../net/cidr';
import { partitionOf } from '../net/regions';

/**
 * `peerRoleArn`: an IAM role of the accepter's account and partition. CloudFormation
 * `AWS::EC2::VPCPeeringConnection`: PeerRoleArn is "the VPC peer role for the peering connection
 * in another AWS account" and "the acceptor account must have a role that allows the requester
 * account to accept the VPC peering connection".
 */
export function checkPeerRoleArn(owner: IConstruct, arn: string | undefined, crossAccount: boolean, req: VpcFacts, acc: VpcFacts): void {
  if (arn === undefined) return;
  if (!crossAccount) {
    if (req.account !== undefined && acc.account !== undefined) {
      // AWS::EC2::VPCPeeringConnection: "If the requester and acceptor VPCs are in the same account, the peering request is accepted without a peering role."
      warn(owner, Rules.PEERING_PEER_ROLE_UNUSED, {
        prop: 'peerRoleArn',
        received: `${show(arn)}, but both VPCs are in account ${req.account}`,
        rule: 'a same-account peering is accepted without a role, so the pair does not pass it to AWS::EC2::VPCPeeringConnection',
      });
    }
    return;
  }
  if (Token.isUnresolved(arn)) {
    // The ARN of a role made in this app (e.g. a PeeringAccepterRole of your own): its stack's account.
    const role = owner.node.root.node.findAll().find((c): c is iam.Role => c instanceof iam.Role && c.roleArn === arn);
    const roleAccount = role && !Token.isUnresolved(Stack.of(role).account) ? Stack.of(role).account : undefined;
    if (role && roleAccount !== undefined) {
      if (roleAccount !== acc.account) {
        fail(owner, Rules.PEERING_PEER_ROLE_INVALID, {
          prop: 'peerRoleArn',
          received: `the ARN of role ${role.node.path}, in account ${roleAccount}`,
          rule: `the role is not in the accepter VPC's account; the accepter account ${acc.account} accepts the request with a role of its own`,
          fix: `Create the role in a stack of account ${acc.account}, or leave peerRoleArn unset to let the pair create one.`,
        });
      }
      return;
    }
    warn(owner, Rules.PEERING_PEER_ROLE_UNKNOWN, {
      prop: 'peerRoleArn',
      received: show(arn),
      rule: `whether it names an IAM role of the accepter account ${acc.account} is not checked`,
    });
    return;
  }
  const refuse = (why: string, fix?: string): never => fail(owner, Rules.PEERING_PEER_ROLE_INVALID, {
    prop: 'peerRoleArn',
    received: show(arn),
    rule: `${why}; the accepter account ${acc.account} accepts the request with a role of its own`,
    fix,
  });
  // IAM identifiers: a role ARN is arn:<partition>:iam::<12-digit account>:role/<optional path/><name>.
  const m = /^arn:([a-z-]+):iam::([^:]*):role\/(.+)$/.exec(arn);
  if (!m) {
    const parts = arn.split(':');
    if (parts[0] !== 'arn' || parts.length < 6) refuse('it is not an ARN (arn:<partition>:iam::<account>:role/<name>)');
    refuse(`it is an ARN of ${parts[2] === 'iam' ? `IAM resource ${show(parts.slice(5).join(':'))}` : `service ${show(parts[2])}`}, not of an IAM role`);
  }
  const [, partition, account] = m!;
  if (!/^\d{12}$/.test(account)) refuse(`its account ${show(account)} is not a 12-digit AWS account ID`);
  if (account !== acc.account) {
    refuse(`the role is in account ${account}, not in the accepter VPC's account`,
      `Pass a role of account ${acc.account}, or leave peerRoleArn unset to let the pair create one in the accepter VPC's stack.`);
  }
  const accPartition = acc.region !== undefined ? partitionOf(acc.region) : undefined;
  if (accPartition !== undefined && partition !== accPartition) {
    refuse(`the role is in partition ${partition}, but the accepter VPC is in ${acc.region} (partition ${accPartition})`,
      `Use arn:${accPartition}:iam::${acc.account}:role/<name>.`);
  }
}

/** The RFC 1918 private IPv4 ranges. */
const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => CidrBlock.parse(c));

/**
 * VPC peering basics, "VPC peering limitations": if the IPv4 CIDR block of a VPC falls outside
 * the RFC 1918 ranges, its private DNS hostnames cannot be resolved to private IP addresses
 * across the peering unless DNS resolution support is enabled for the connection.
 */
export function warnNonRfc1918(owner: IConstruct, sides: Array<[string, VpcFacts]>, allowDnsResolution: boolean): void {
  if (allowDnsResolution) return;
  for (const [role, f] of sides) {
    const outside = f.cidrs
      .filter((c) => c.family === 'ipv4' && c.block !== undefined && !RFC1918.some((r) => r.contains(c.block!)))
      .map((c) => c.block!.cidr);
    if (outside.length === 0) continue;
    warnOnce(owner, { scope: f.vpc, key: 'non-rfc1918' }, Rules.PEERING_DNS_NON_RFC1918, {
      prop: 'IPv4 blocks',
      received: `${outside.join(', ')} are outside RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)`,
      rule: `without allowDnsResolution the peer of this ${role} cannot resolve its private DNS hostnames to private IP addresses (Amazon VPC peering guide, "VPC peering limitations")`,
    });
  }
}

/** The key of each VPC that is not an `ec2.Vpc`, read once (an import reads its ID and lookup state). */
const OTHER_KEYS = new WeakMap<ec2.IVpc, string>();

/**
 * Whether two VPC objects stand for one VPC: the same object, or two imports of one literal VPC ID
 * (keys as `vpcKey` gives them). An `ec2.Vpc`'s key is its unique path, so a different object is a
 * different VPC: no key is read, and a hub peered from a stack per spoke compares objects only.
 */
function sameVpc(x: ec2.IVpc, y: ec2.IVpc): boolean {
  if (x === y) return true;
  if (x instanceof ec2.Vpc || y instanceof ec2.Vpc) return false;
  return keyOf(x) === keyOf(y);
}

function keyOf(vpc: ec2.IVpc): string {
  let key = OTHER_KEYS.get(vpc);
  if (key === undefined) OTHER_KEYS.set(vpc, key = vpcKey(vpc));
  return key;
}

/**
 * The same two VPCs peered again by a pair in another stack. Refused here, in the constructor:
 * the two pairs make each stack reference the other's VPC, and CDK reports that dependency cycle
 * before the graph's validation (which reports duplicates within one stack) could run.
 */
export function refuseDuplicateAcrossStacks(owner: IConstruct, req: VpcFacts, acc: VpcFacts): void {
  const graph = ConnectivityGraph.of(owner);
  const key = [req.key, acc.key].sort().join(' <-> ');
  for (const c of graph.connections) {
    if (c.kind !== ConnectionKind.PEERING || !c.target || c.owner === owner) continue;
    const same = (sameVpc(c.source, req.vpc) && sameVpc(c.target, acc.vpc)) || (sameVpc(c.source, acc.vpc) && sameVpc(c.target, req.vpc));
    if (!same) continue;
    if (Stack.of(c.owner) === Stack.of(owner)) continue; // one stack: no cycle, the graph reports it
    fail(owner, Rules.GRAPH_DUPLICATE_PEERING, {
      prop: 'requester/accepter',
      received: `${key} is already peered by '${c.owner.node.path}' (stack ${Stack.of(c.owner).node.path})`,
      rule: `AWS allows one VPC peering connection between two VPCs; declared again from stack ${Stack.of(owner).node.path}, the two pairs would also make each stack depend on the other (the dependency cycle CDK would report)`,
    });
  }
}
