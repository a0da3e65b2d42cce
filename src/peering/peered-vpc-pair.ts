import { createHash } from 'crypto';
import { CfnOutput, Lazy, Names, Stack, Stage, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PeeringAccepterRole } from './accepter-role';
import { PeeringDnsResolution } from './dns-resolution';
import { checkPeerRoleArn, refuseDuplicateAcrossStacks, warnNonRfc1918 } from './pair-checks';
import { PeeringConnectionLookup, VpcIdLookup } from './peer-lookup';
import { addPeerIngress, refuseSecurityGroupReferencesAcross } from './peer-security';
import { addSideRoutes } from './peering-routes';
import { fail } from '../core/errors';
import { ConnectionKind, ConnectivityGraph } from '../core/graph';
import { Rules } from '../core/rules';
import { checkCidrOverrides, VpcFacts } from '../core/vpc-facts';
import { show, warnOnce } from '../core/warnings';
import { IpFamily } from '../net/cidr';

/** Properties of a {@link PeeredVpcPair}. */
export interface PeeredVpcPairProps {
  /** The VPC that requests the peering (the connection is created in its account and region). */
  readonly requester: ec2.IVpc;

  /** The VPC that accepts the peering. */
  readonly accepter: ec2.IVpc;

  /**
   * Subnets of the requester whose route tables get routes to the accepter.
   * @default - every subnet of the requester VPC
   */
  readonly requesterSubnets?: ec2.SubnetSelection[];

  /**
   * Subnets of the accepter whose route tables get routes to the requester.
   * @default - every subnet of the accepter VPC
   */
  readonly accepterSubnets?: ec2.SubnetSelection[];

  /**
   * The requester's IPv4 and IPv6 blocks, primary IPv4 first, when they cannot be read at synth
   * (IPAM, imported VPC without vpcCidrBlock, secondary blocks of an imported VPC).
   * @default - read from the VPC
   */
  readonly requesterCidrBlocks?: string[];

  /**
   * The accepter's IPv4 and IPv6 blocks, primary IPv4 first, when they cannot be read at synth.
   * @default - read from the VPC
   */
  readonly accepterCidrBlocks?: string[];

  /**
   * A role in the accepter's account that the requester account may assume to accept the request
   * (cross-account only).
   * @default - cross-account: a PeeringAccepterRole is created in the accepter VPC's stack
   */
  readonly peerRoleArn?: string;

  /**
   * The stack (in the accepter's account and region) that holds the accepter's routes and DNS
   * option when the accepter is in another account or region.
   * @default - the accepter VPC's stack when it need not be deployed before the requester's;
   * otherwise a stack the pair creates next to it, named `<pair path>-Accepter`
   */
  readonly accepterRoutesStack?: Stack;

  /**
   * Let each VPC resolve the other's public DNS hostnames to private IP addresses
   * (`AllowDnsResolutionFromRemoteVpc` on both sides). Both VPCs need DNS support and DNS hostnames.
   * Needed to resolve the peer's private DNS hostnames when a VPC has an IPv4 block outside
   * RFC 1918 (warned: `peering-dns-non-rfc1918`) and, across regions, for every peer.
   * @default false
   */
  readonly allowDnsResolution?: boolean;

  /**
   * Requester-only mode, for a partner that accepts with its own role and manages its own side:
   * the pair creates the connection (with `peerRoleArn`, the partner's role) and the requester's
   * routes, and nothing in the partner's account (no accepter role, no accepter stack, no lookup,
   * no routes). The requester's stack outputs what the partner adds (`partnerInstructions`).
   * Cross-account pairs only.
   * @default false
   */
  readonly requesterOnly?: boolean;

  /**
   * The `Name` tag of the peering connection.
   * @default - the pair's construct path
   */
  readonly peeringConnectionName?: string;
}

/** Options of a security-group rule that lets one side of the peering reach the other. */
export interface PeerIngressOptions {
  /** The security group, on the receiving side, that gets the ingress rule. */
  readonly securityGroup: ec2.ISecurityGroup;

  /** The port (or range, or protocol) to allow. */
  readonly port: ec2.Port;

  /**
   * The security group, on the sending side, that traffic comes from. Same region only: across
   * regions AWS cannot reference a security group over the peering, and the pair refuses it
   * (`peering-sg-cross-region`) rather than fall back to CIDR blocks; leave it unset there.
   * @default - the sending VPC's CIDR blocks
   */
  readonly peerSecurityGroup?: ec2.ISecurityGroup;

  /**
   * Description of the rule.
   * @default - names the pair and the sending side
   */
  readonly description?: string;
}

/**
 * A VPC peering connection with routes in both VPCs, in one stack or across stacks, accounts and
 * regions, with optional DNS resolution across the peering.
 *
 * - Same account and region: every resource in this construct's stack.
 * - Another region or account: the connection and the requester's routes in the requester VPC's
 *   stack; the accepter's routes in `accepterRoutesStack`, which finds the connection at deploy time.
 * - Another account: an accepter role in the accepter VPC's stack, unless `peerRoleArn` is given.
 */
export class PeeredVpcPair extends Construct {
  /** The peering connection ID, as the requester's stack sees it. */
  public readonly peeringConnectionId: string;

  /** The peering connection ID, as the accepter's routes stack sees it (a lookup across regions or accounts). */
  public readonly accepterPeeringConnectionId: string;

  /** The requester VPC. */
  public readonly requesterVpc: ec2.IVpc;

  /** The accepter VPC. */
  public readonly accepterVpc: ec2.IVpc;

  /** Whether the two VPCs are in different regions (false when a region is unknown). */
  public readonly crossRegion: boolean;

  /** Whether the two VPCs are in different accounts (false when an account is unknown). */
  public readonly crossAccount: boolean;

  /** The stack that holds the connection and the requester's routes. */
  public readonly requesterStack: Stack;

  /** The stack that holds the accepter's routes. */
  public readonly accepterStack: Stack;

  /** The accepter role the pair created (cross-account without `peerRoleArn`). @default - none */
  public readonly accepterRole?: PeeringAccepterRole;

  /** The peering connection resource. */
  public readonly connection: ec2.CfnVPCPeeringConnection;

  /** The routes added in the requester's route tables. */
  public readonly requesterRoutes: ec2.CfnRoute[];

  /** The routes added in the accepter's route tables (none in requester-only mode). */
  public readonly accepterRoutes: ec2.CfnRoute[];

  /**
   * Requester-only mode: what the partner runs on its side once the connection is active (routes
   * to the requester's blocks, and the DNS option when asked for), with the connection ID filled
   * in at deploy time. Also a `PartnerInstructions` output of the requester's stack.
   * @default - none (the pair manages both sides)
   */
  public readonly partnerInstructions?: string;

  private readonly requesterScope: Construct;
  private readonly accepterScope: Construct;
  /** This pair's scope in each other stack (made when a side goes there). */
  private foreignScopes?: Map<Stack, Construct>;
  private readonly requesterOnlyMode: boolean;

  constructor(scope: Construct, id: string, props: PeeredVpcPairProps) {
    super(scope, id);
    const { requester, accepter } = props;
    this.requesterVpc = requester;
    this.accepterVpc = accepter;
    this.requesterOnlyMode = props.requesterOnly ?? false;

    checkCidrOverrides(this, 'requesterCidrBlocks', props.requesterCidrBlocks);
    checkCidrOverrides(this, 'accepterCidrBlocks', props.accepterCidrBlocks);
    const graph = ConnectivityGraph.of(this);
    if (props.requesterCidrBlocks) graph._addVpc(requester, { cidrBlocks: props.requesterCidrBlocks });
    if (props.accepterCidrBlocks) graph._addVpc(accepter, { cidrBlocks: props.accepterCidrBlocks });
    const req = graph._facts(requester);
    const acc = graph._facts(accepter);

    if (requester === accepter || req.key === acc.key) {
      fail(this, Rules.PEERING_SELF, {
        prop: 'requester/accepter',
        // Two imports of one VPC ID are distinct constructs: name both paths and the ID they share.
        received: requester === accepter ? `both are ${req.path}` : `${req.path} and ${acc.path} are both ${vpcIdText(requester)}`,
        rule: 'a VPC peering connection joins two different VPCs',
      });
    }

    for (const f of [req, acc]) {
      if (f.account === undefined) {
        // One cause per stack: its account is a token for every VPC in it.
        warnOnce(this, { scope: f.stack }, Rules.PEERING_ACCOUNT_UNKNOWN, {
          prop: 'account',
          received: 'is a token (environment-agnostic stack)',
          rule: 'each pair assumes both VPCs are in the same account',
        });
      }
    }
    this.crossAccount = req.account !== undefined && acc.account !== undefined && req.account !== acc.account;
    this.crossRegion = req.region !== undefined && acc.region !== undefined && req.region !== acc.region;
    refuseDuplicateAcrossStacks(this, req, acc);
    checkPeerRoleArn(this, props.peerRoleArn, this.crossAccount, req, acc);
    if (props.allowDnsResolution) this.checkDns(req, acc);
    warnNonRfc1918(this, [['requester', req], ['accepter', acc]], props.allowDnsResolution ?? false);
    if (this.crossRegion) refuseSecurityGroupReferencesAcross(this, req, acc);

    let peerVpcId = accepter.vpcId;
    let peerRoleArn: string | undefined;
    if (!this.crossAccount && !this.crossRegion) {
      // Same account and region: all in this stack (the only placement without a dependency cycle
      // when both VPCs are created in different stacks: the connection needs both VPC IDs, and
      // each side's routes need the connection).
      this.requesterStack = Stack.of(this);
      this.requesterScope = this;
      this.accepterStack = props.accepterRoutesStack ?? Stack.of(this);
      this.checkEnv('accepterRoutesStack', this.accepterStack, acc);
      this.accepterScope = this.scopeIn(this.accepterStack);
    } else {
      this.requesterStack = this.requesterStackFor(req);
      this.requesterScope = this.scopeIn(this.requesterStack);
      const accepterVpcStack = Stack.of(accepter);
      const accepterVpcStackInEnv = envMatches(accepterVpcStack, acc);
      let requesterNeedsAccepterStack = false;

      if (this.crossAccount) {
        peerRoleArn = props.peerRoleArn;
        if (props.requesterOnly) {
          this.checkRequesterOnly(props, acc);
        } else if (peerRoleArn === undefined) {
          if (!accepterVpcStackInEnv) {
            fail(this, Rules.PEERING_NO_ACCEPTER, {
              prop: 'peerRoleArn',
              received: `undefined, and the accepter VPC ${acc.path} is in stack ${accepterVpcStack.node.path} (${envText(accepterVpcStack)}), not in account ${acc.account}`,
              rule: 'a cross-account peering request is accepted by a role in the accepter account',
            });
          }
          this.accepterRole = new PeeringAccepterRole(this.scopeIn(accepterVpcStack), 'AccepterRole', {
            accepterVpc: accepter,
            requesterAccount: req.account!,
            requesterRegion: req.region,
          });
          peerRoleArn = this.accepterRole.roleArn;
          requesterNeedsAccepterStack = true;
        }
      }

      if (Token.isUnresolved(accepter.vpcId) && !envMatches(this.requesterStack, acc)) {
        peerVpcId = this.lookUpAccepterVpcId(accepterVpcStack, acc);
        requesterNeedsAccepterStack = true;
      }
      if (requesterNeedsAccepterStack) this.requesterStack.addStackDependency(accepterVpcStack, 'the peering request needs the accepter VPC ID and accepter role');

      this.accepterStack = props.requesterOnly
        ? this.requesterStack
        : props.accepterRoutesStack ?? (accepterVpcStackInEnv && !requesterNeedsAccepterStack ? accepterVpcStack : this.siblingStack(acc));
      if (!props.requesterOnly) this.checkEnv('accepterRoutesStack', this.accepterStack, acc);
      if (requesterNeedsAccepterStack && this.accepterStack === accepterVpcStack) {
        fail(this, Rules.PEERING_STACK_CYCLE, {
          prop: 'accepterRoutesStack',
          received: accepterVpcStack.node.path,
          rule: `the requester stack ${this.requesterStack.node.path} must be deployed after it (accepter role or VPC ID), and the accepter routes after the requester stack`,
        });
      }
      if (!props.requesterOnly) this.accepterStack.addStackDependency(this.requesterStack, 'the accepter routes need the active peering connection');
      this.accepterScope = this.scopeIn(this.accepterStack);
    }
    if (props.requesterOnly && !this.crossAccount) {
      fail(this, Rules.PEERING_REQUESTER_ONLY_MODE, {
        prop: 'requesterOnly',
        received: `true, but both VPCs are in account ${req.account ?? acc.account ?? '(unknown)'}`,
        rule: 'requester-only mode leaves the accepter side to a partner in another account',
        fix: 'Remove requesterOnly: within one account the pair manages both sides.',
      });
    }

    this.connection = new ec2.CfnVPCPeeringConnection(this.requesterScope, 'Resource', {
      vpcId: requester.vpcId,
      peerVpcId,
      peerOwnerId: this.crossAccount ? acc.account : undefined,
      peerRegion: this.crossRegion ? acc.region : undefined,
      peerRoleArn,
    });
    if (this.requesterScope === this) this.node.defaultChild = this.connection;
    // Set on the connection itself rather than through a Tags aspect (one aspect per pair costs
    // synth time and heap); priority 101 keeps it above Name tags added with Tags.of() on any scope.
    this.connection.tags.setTag('Name', props.peeringConnectionName ?? this.node.path, 101);
    this.peeringConnectionId = this.connection.ref;

    const sameStackOrEnv = Stack.of(this.accepterScope) === this.requesterStack || (!this.crossAccount && !this.crossRegion);
    this.accepterPeeringConnectionId = props.requesterOnly || sameStackOrEnv
      ? this.peeringConnectionId
      : this.lookUpConnection(req);

    graph._addConnection({ owner: this, kind: ConnectionKind.PEERING, source: requester, target: accepter, connectionId: this.peeringConnectionId });

    const requesterSide = addSideRoutes({
      owner: this,
      scope: this.requesterScope,
      side: 'Requester',
      vpc: requester,
      selections: props.requesterSubnets,
      peer: acc,
      connectionId: this.peeringConnectionId,
    });
    this.requesterRoutes = requesterSide.routes;
    if (props.requesterOnly) {
      this.accepterRoutes = [];
      this.partnerInstructions = this.addPartnerInstructions(req, props.allowDnsResolution ?? false);
      if (props.allowDnsResolution) {
        new PeeringDnsResolution(this.requesterScope, 'RequesterDnsResolution', {
          peeringConnectionId: this.peeringConnectionId, requesterSide: true, accepterSide: false,
        });
      }
      return;
    }
    const accepterSide = addSideRoutes({
      owner: this,
      scope: this.accepterScope,
      side: 'Accepter',
      vpc: accepter,
      selections: props.accepterSubnets,
      peer: req,
      connectionId: this.accepterPeeringConnectionId,
    });
    this.accepterRoutes = accepterSide.routes;

    if (props.allowDnsResolution) this.addDnsResolution();
  }

  /**
   * Let the requester side reach `options.securityGroup` (on the accepter side) on `options.port`:
   * from `peerSecurityGroup` when given (same region only; refused across regions), else from the
   * requester VPC's CIDR blocks.
   */
  public allowFromRequester(id: string, options: PeerIngressOptions): void {
    this.allowFrom(id, 'requester', options);
  }

  /**
   * Let the accepter side reach `options.securityGroup` (on the requester side) on `options.port`:
   * from `peerSecurityGroup` when given (same region only; refused across regions), else from the
   * accepter VPC's CIDR blocks.
   */
  public allowFromAccepter(id: string, options: PeerIngressOptions): void {
    this.allowFrom(id, 'accepter', options);
  }

  /** The requester's facts, read when needed rather than held (a mesh holds many pairs). */
  private get requesterFacts(): VpcFacts {
    return ConnectivityGraph.of(this)._facts(this.requesterVpc);
  }

  /** The accepter's facts, read when needed. */
  private get accepterFacts(): VpcFacts {
    return ConnectivityGraph.of(this)._facts(this.accepterVpc);
  }

  private allowFrom(id: string, from: 'requester' | 'accepter', options: PeerIngressOptions): void {
    if (this.requesterOnlyMode && from === 'requester') {
      fail(this, Rules.PEERING_REQUESTER_ONLY_MODE, {
        prop: `allowFromRequester('${id}')`,
        received: `security group ${options.securityGroup.node.path}`,
        rule: 'in requester-only mode the accepter side, its security groups included, is the partner\'s',
        fix: `Ask the partner to admit the requester's blocks (${this.requesterFacts.cidrs.map((c) => c.text).join(', ')}) on ${options.port.toString()}.`,
      });
    }
    const sameEnv = !this.crossAccount && !this.crossRegion;
    // Same environment: in this stack, which already depends on both VPCs' stacks.
    const scope = sameEnv ? this : from === 'requester' ? this.accepterScope : this.requesterScope;
    addPeerIngress({
      owner: this,
      scope,
      id: `Ingress-${id}`,
      securityGroup: options.securityGroup,
      port: options.port,
      description: options.description ?? `From the ${from} of ${this.node.path} (VPC peering)`,
      peerSecurityGroup: options.peerSecurityGroup,
      peer: from === 'requester' ? this.requesterFacts : this.accepterFacts,
      crossRegion: this.crossRegion,
      crossAccount: this.crossAccount,
      peerSide: from,
    });
  }

  /** A construct in `stack` for this pair's children there: this pair itself in its own stack. */
  private scopeIn(stack: Stack): Construct {
    if (stack === Stack.of(this)) return this;
    this.foreignScopes ??= new Map();
    let s = this.foreignScopes.get(stack);
    if (!s) {
      // Unique per pair: the pair's path makes the ID.
      s = new Construct(stack, `PeeredVpcPair${Names.uniqueId(this)}`);
      this.foreignScopes.set(stack, s);
    }
    return s;
  }

  /** The requester's stack: the requester VPC's, or this pair's, whichever is in the requester's env. */
  private requesterStackFor(req: VpcFacts): Stack {
    for (const candidate of [Stack.of(req.vpc), Stack.of(this)]) {
      if (envMatches(candidate, req)) return candidate;
    }
    return fail(this, Rules.PEERING_STACK_ENV, {
      prop: 'requester',
      received: `${req.path} is in ${req.account}/${req.region} but its stack is ${envText(Stack.of(req.vpc))} and this pair's is ${envText(Stack.of(this))}`,
      rule: 'the peering connection is created in the requester VPC\'s account and region',
      fix: 'Create the pair (or the requester VPC) in a stack of the requester VPC\'s account and region.',
    });
  }

  private checkEnv(prop: string, stack: Stack, f: VpcFacts): void {
    if (!envMatches(stack, f)) {
      fail(this, Rules.PEERING_STACK_ENV, {
        prop,
        received: `${stack.node.path} (${envText(stack)})`,
        rule: `the accepter's routes are created in the accepter VPC's account and region (${f.account}/${f.region})`,
      });
    }
  }

  /** A stack in the accepter's environment, next to the requester's stack, for the accepter's routes. */
  private siblingStack(acc: VpcFacts): Stack {
    const stage = Stage.of(this) ?? (this.node.root as Construct);
    const stackId = `${this.node.path.replace(/[^A-Za-z0-9-]+/g, '-')}-Accepter`;
    return new Stack(stage, stackId, { env: { account: acc.account, region: acc.region } });
  }

  /** The accepter VPC ID read in the requester's stack (the VPC is created by a stack in another env). */
  private lookUpAccepterVpcId(accepterVpcStack: Stack, acc: VpcFacts): string {
    const cfnVpc = acc.vpc.node.defaultChild instanceof ec2.CfnVPC ? acc.vpc.node.defaultChild : undefined;
    const assumedRoleArn = this.crossAccount ? this.accepterRole?.roleArn : undefined;
    if (!cfnVpc || !envMatches(accepterVpcStack, acc) || (this.crossAccount && assumedRoleArn === undefined)) {
      fail(this, Rules.PEERING_ACCEPTER_VPC_UNKNOWN, {
        prop: 'accepter',
        received: `${acc.path} has ID ${show(acc.vpc.vpcId)} in ${acc.account}/${acc.region}`,
        rule: `the requester stack in ${envText(this.requesterStack)} cannot reference it`,
      });
    }
    // The role the requester assumes needs to read the VPC ID too.
    this.accepterRole?.role.addToPrincipalPolicy(describeVpcsStatement());
    return new VpcIdLookup(this.requesterScope, 'AccepterVpcId', {
      stackName: accepterVpcStack.stackName,
      logicalId: accepterVpcStack.resolve(cfnVpc.logicalId),
      region: acc.region!,
      assumedRoleArn,
    }).vpcId;
  }

  /** The connection ID read in the accepter's stack. */
  private lookUpConnection(req: VpcFacts): string {
    const requesterVpcId = Token.isUnresolved(req.vpc.vpcId) ? undefined : req.vpc.vpcId;
    const primary = req.cidrs.find((c) => c.family === 'ipv4' && c.block !== undefined)?.block?.cidr;
    if (req.account === undefined || (requesterVpcId === undefined && primary === undefined)) {
      fail(this, Rules.PEERING_LOOKUP_UNKNOWN, {
        prop: 'requester',
        received: `${req.path}: account ${show(req.account ?? req.vpc.env.account)}, VPC ID ${show(req.vpc.vpcId)}, primary IPv4 block ${show(primary ?? req.cidrs[0]?.text)}`,
        rule: 'the accepter side finds the connection by the requester\'s account and VPC ID or primary IPv4 block',
      });
    }
    return new PeeringConnectionLookup(this.accepterScope, 'PeeringConnectionId', {
      accepterVpcId: this.accepterVpc.vpcId,
      requesterAccount: req.account!,
      requesterRegion: req.region,
      requesterVpcId,
      requesterCidrBlock: primary,
      generation: Lazy.string({ produce: () => this.connectionGeneration() }),
    }).peeringConnectionId;
  }

  /**
   * A digest of everything whose change replaces the connection: its replacement properties
   * (AWS::EC2::VPCPeeringConnection: VpcId, PeerVpcId, PeerOwnerId, PeerRegion, PeerRoleArn all
   * require replacement), its logical ID, and the addressing of both VPCs (a VPC replaced for a new
   * block gets a new ID). The accepter's lookup carries it, so its next deploy follows a new connection.
   */
  private connectionGeneration(): string {
    const c = this.connection;
    const parts: unknown[] = [
      this.requesterStack.resolve([c.logicalId, c.vpcId, c.peerVpcId, c.peerOwnerId, c.peerRegion, c.peerRoleArn]),
    ];
    for (const vpc of [this.requesterVpc, this.accepterVpc]) {
      const cfn = vpc.node.defaultChild;
      parts.push(cfn instanceof ec2.CfnVPC
        ? Stack.of(cfn).resolve([Stack.of(cfn).stackName, cfn.logicalId, cfn.cidrBlock, cfn.ipv4IpamPoolId, cfn.ipv4NetmaskLength])
        : [Stack.of(vpc).resolve(vpc.vpcId)]);
    }
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  }

  /** Requester-only mode: the partner accepts with its own role and owns every accepter-side resource. */
  private checkRequesterOnly(props: PeeredVpcPairProps, acc: VpcFacts): void {
    const refuse = (prop: string, received: string, fix: string) => fail(this, Rules.PEERING_REQUESTER_ONLY_MODE, {
      prop,
      received,
      rule: 'in requester-only mode the pair deploys nothing in the accepter account: the partner accepts with its own role and adds its own routes',
      fix,
    });
    if (props.peerRoleArn === undefined) {
      refuse('peerRoleArn', 'undefined', `Pass the ARN of the partner's role in account ${acc.account} that trusts your account and may ec2:AcceptVpcPeeringConnection.`);
    }
    if (props.accepterSubnets !== undefined) {
      refuse('accepterSubnets', 'given', 'Remove accepterSubnets: the partner chooses which of its route tables get routes (see partnerInstructions).');
    }
    if (props.accepterRoutesStack !== undefined) {
      refuse('accepterRoutesStack', props.accepterRoutesStack.node.path, 'Remove accepterRoutesStack: no accepter-side stack is created.');
    }
  }

  /** Outputs, in the requester's stack, of what the partner adds on its side; returns the same text. */
  private addPartnerInstructions(req: VpcFacts, dns: boolean): string {
    const pcx = this.peeringConnectionId;
    const blocks = req.cidrs.filter((c) => c.text !== '');
    const table = `<each route table of ${this.accepterVpc.vpcId} that reaches the requester>`;
    const lines = blocks.map((c) => `aws ec2 create-route --route-table-id ${table} `
      + `--${c.family === IpFamily.IPV6 ? 'destination-ipv6-cidr-block' : 'destination-cidr-block'} ${c.text} --vpc-peering-connection-id ${pcx}`);
    if (dns) {
      lines.push(`aws ec2 modify-vpc-peering-connection-options --vpc-peering-connection-id ${pcx} --accepter-peering-connection-options AllowDnsResolutionFromRemoteVpc=true`);
    }
    const text = lines.join(' ; ');
    const scope = this.requesterScope;
    new CfnOutput(scope, 'PeeringConnectionIdOutput', {
      value: pcx,
      description: `Peering connection of ${this.node.path}: the partner accepts it with its own role`,
    });
    new CfnOutput(scope, 'PartnerInstructions', {
      value: text,
      description: `What the owner of ${this.accepterVpc.vpcId} adds once the connection is active (requester-only mode)`,
    });
    // A block the instructions cannot name literally is said, never left out silently.
    for (const c of req.cidrs) {
      if (c.text === '') {
        warnOnce(this, { scope: req.vpc, key: `${c.source} ${c.family}` }, Rules.PEERING_PEER_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is not given (${c.unknownReason ?? 'not known'})`,
          rule: 'the partner instructions leave it out',
          fix: 'Pass requesterCidrBlocks with every block of the requester VPC.',
        });
      } else if (c.block === undefined) {
        warnOnce(this, { scope: req.vpc, key: `${c.source} ${c.family}` }, Rules.PEERING_PEER_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is an unresolved token (${c.unknownReason ?? 'known at deploy time'})`,
          rule: 'the partner instructions name the block as resolved at deploy time; read it from the PartnerInstructions output',
        });
      }
    }
    return text;
  }

  /** VPC peering DNS resolution needs DNS support and DNS hostnames on both VPCs. */
  private checkDns(req: VpcFacts, acc: VpcFacts): void {
    for (const [role, f] of [['requester', req], ['accepter', acc]] as const) {
      for (const [setting, value] of [['DNS support', f.dnsSupport], ['DNS hostnames', f.dnsHostnames]] as const) {
        if (value === false) {
          fail(this, Rules.PEERING_DNS_DISABLED, {
            prop: 'allowDnsResolution',
            received: `true, but ${role} ${f.path} has ${setting} off`,
            rule: 'DNS resolution across a VPC peering needs DNS support and DNS hostnames on both VPCs',
          });
        }
        if (value === undefined) {
          warnOnce(this, { scope: f.vpc, key: setting }, Rules.PEERING_DNS_UNKNOWN, {
            prop: setting,
            received: 'cannot be read (imported VPC)',
            rule: `DNS resolution across a VPC peering needs DNS support and DNS hostnames on both VPCs; pairs with allowDnsResolution cannot check the ${role}`,
          });
        }
      }
    }
  }

  private addDnsResolution(): void {
    if (Stack.of(this.accepterScope) === Stack.of(this.requesterScope)) {
      new PeeringDnsResolution(this.requesterScope, 'DnsResolution', {
        peeringConnectionId: this.peeringConnectionId, requesterSide: true, accepterSide: true,
      });
      return;
    }
    new PeeringDnsResolution(this.requesterScope, 'RequesterDnsResolution', {
      peeringConnectionId: this.peeringConnectionId, requesterSide: true, accepterSide: false,
    });
    const accepterStack = Stack.of(this.accepterScope);
    new PeeringDnsResolution(this.accepterScope, 'AccepterDnsResolution', {
      peeringConnectionId: this.accepterPeeringConnectionId,
      requesterSide: false,
      accepterSide: true,
      // Seen from the accepter, the connection may carry either owner's account in its ARN.
      connectionAccounts: this.crossAccount ? [this.requesterFacts.account!, this.accepterFacts.account!] : undefined,
      sideVpcArn: this.accepterPeeringConnectionId === this.peeringConnectionId
        ? undefined
        : accepterStack.formatArn({ service: 'ec2', resource: 'vpc', resourceName: this.accepterVpc.vpcId }),
    });
  }
}

/** Whether a stack is in the VPC's account and region (an unknown side matches anything). */
function envMatches(stack: Stack, f: VpcFacts): boolean {
  const account = Token.isUnresolved(stack.account) ? undefined : stack.account;
  const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
  const same = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
  return same(account, f.account) && same(region, f.region);
}

function envText(stack: Stack): string {
  const a = Token.isUnresolved(stack.account) ? '(any account)' : stack.account;
  const r = Token.isUnresolved(stack.region) ? '(any region)' : stack.region;
  return `${a}/${r}`;
}

function describeVpcsStatement(): iam.PolicyStatement {
  // DescribeVpcs supports no resource-level permissions (Actions, resources, and condition keys for Amazon EC2).
  return new iam.PolicyStatement({ actions: ['ec2:DescribeVpcs'], resources: ['*'] });
}

/** A VPC's literal ID, or its path when the ID is a token. */
function vpcIdText(vpc: ec2.IVpc): string {
  return Token.isUnresolved(vpc.vpcId) ? vpc.node.path : vpc.vpcId;
}
