import { DefaultTokenResolver, IPostProcessor, IResolvable, IResolveContext, Reference, Stack, StringConcat, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { AppIndex, IndexedRoute } from './app-index';
import { fail } from './errors';
import { Rules } from './rules';
import { CidrBlock, IpFamily } from '../net/cidr';
import { cidrProblem, tryParseCidr } from '../net/cidr-parse';
import { partitionOf } from '../net/regions';

/** Where a CIDR block of a VPC was read from. */
export type CidrSource = 'primary' | 'secondary' | 'imported' | 'override';

/** One CIDR block of a VPC, known (a literal) or not (a token). */
export interface VpcCidrFact {
  readonly family: IpFamily;
  /** The literal block; a token that resolves at deploy time; or '' when not even a token is available. */
  readonly text: string;
  /** The parsed block when `text` is a literal; undefined when it cannot be known at synth. */
  readonly block?: CidrBlock;
  readonly source: CidrSource;
  /** Why the block is unknown (e.g. "IPAM pool allocation"), when it is. */
  readonly unknownReason?: string;
  /** Amazon-provided IPv6 blocks are unique in AWS: they can never overlap another block. */
  readonly amazonProvided?: boolean;
}

/** What the library knows about a VPC at synth time. */
export interface VpcFacts {
  readonly vpc: ec2.IVpc;
  /** Stable key: the literal VPC ID of an imported VPC, else the VPC construct's path. */
  readonly key: string;
  /** Construct path, for messages. */
  readonly path: string;
  /** The stack the VPC's resources (or import) live in. */
  readonly stack: Stack;
  readonly cidrs: VpcCidrFact[];
  /** Account, undefined when a token (env-agnostic stack). */
  readonly account?: string;
  /** Region, undefined when a token (env-agnostic stack). */
  readonly region?: string;
  /** Partition, undefined when the region is unknown. */
  readonly partition?: string;
  /** DNS support, undefined when unknown (imported VPCs). */
  readonly dnsSupport?: boolean;
  /** DNS hostnames, undefined when unknown (imported VPCs). */
  readonly dnsHostnames?: boolean;
  /** True while `Vpc.fromLookup` still holds its dummy value (first synth pass of the CLI). */
  readonly pendingLookup: boolean;
}

/** Facts a user states about a VPC the library cannot read (imported or IPAM-allocated VPCs). */
export interface VpcFactOverrides {
  /** Replace the IPv4 and IPv6 blocks read from the VPC by these literal blocks. */
  readonly cidrBlocks?: string[];
}

/**
 * Refuse a malformed CIDR override at once, naming the construct and prop that received it
 * (tokens pass: they are reported as unknown when read).
 */
export function checkCidrOverrides(scope: IConstruct, prop: string, blocks: string[] | undefined): void {
  blocks?.forEach((text, i) => {
    if (Token.isUnresolved(text)) return;
    const parsed = tryParseCidr(text);
    if (!parsed.ok) fail(scope, Rules.CIDR_INVALID, cidrProblem(`${prop}[${i}]`, text, parsed));
  });
}

/** The literal value of a string, or undefined when it is a token. */
function literal(value: string | undefined): string | undefined {
  return value === undefined || Token.isUnresolved(value) ? undefined : value;
}

function familyOfText(text: string, fallback: IpFamily): IpFamily {
  if (Token.isUnresolved(text)) return fallback;
  return text.includes(':') ? IpFamily.IPV6 : IpFamily.IPV4;
}

/** A block read from a template or attribute: parsed when literal, else recorded as unknown. */
function cidrFact(
  scope: IConstruct,
  prop: string,
  text: string,
  family: IpFamily,
  source: CidrSource,
  unknownReason: string,
  amazonProvided = false,
): VpcCidrFact {
  if (Token.isUnresolved(text)) {
    return { family, text, source, unknownReason, amazonProvided };
  }
  const parsed = tryParseCidr(text);
  if (!parsed.ok) {
    fail(scope, Rules.CIDR_INVALID, {
      prop,
      received: JSON.stringify(text),
      rule: parsed.reason,
      fix: parsed.canonical ? `Use ${parsed.canonical}.` : undefined,
    });
  }
  return { family: parsed.block.family, text: parsed.block.cidr, block: parsed.block, source };
}

/** Whether `Vpc.fromLookup` returned its placeholder (the CLI will synthesize again with real values). */
export function isPendingLookup(vpc: ec2.IVpc): boolean {
  if (vpc instanceof ec2.Vpc) return false; // only Vpc.fromLookup's placeholder is pending (and selecting subnets is not free)
  return vpc.selectSubnets({ subnets: [] }).isPendingLookup ?? false;
}

/**
 * The `AWS::EC2::VPCCidrBlock` resources attached to this VPC: every one in the app when an index
 * of the app is given (synth-time validation), else those inside the VPC and at the top level of
 * its stack, where they are created in practice (a constructor's quick read: walking the whole app
 * for every VPC of every construct would make a mesh quadratic in the app's size).
 */
function secondaryBlocks(vpc: ec2.IVpc, index?: AppIndex): ec2.CfnVPCCidrBlock[] {
  if (index) return index.cidrBlocks.filter((c) => c.vpcId === vpc.vpcId);
  // Read for every pair as it is built: walk without collecting the constructs first.
  const out: ec2.CfnVPCCidrBlock[] = [];
  const take = (c: IConstruct) => {
    if (c instanceof ec2.CfnVPCCidrBlock && c.vpcId === vpc.vpcId && !out.includes(c)) out.push(c);
  };
  const walk = (c: IConstruct) => {
    take(c);
    for (const child of c.node.children) walk(child);
  };
  walk(vpc);
  for (const c of Stack.of(vpc).node.children) take(c);
  return out;
}

/**
 * A VPC's stable key (`VpcFacts.key`) without reading its facts: the literal VPC ID of an imported
 * VPC, else the VPC construct's path (two imports of one ID share it).
 */
export function vpcKey(vpc: ec2.IVpc, owned = vpc.node.defaultChild instanceof ec2.CfnVPC, pendingLookup = isPendingLookup(vpc)): string {
  const id = literal(vpc.vpcId);
  return owned || id === undefined || pendingLookup ? vpc.node.path : id;
}

/**
 * Read a VPC's facts: its IPv4 and IPv6 blocks (primary from the `AWS::EC2::VPC` resource,
 * secondary from `AWS::EC2::VPCCidrBlock` resources that reference it, imported ones from
 * attributes or lookup), its account, region, partition and DNS settings.
 */
export function readVpcFacts(vpc: ec2.IVpc, overrides?: VpcFactOverrides, index?: AppIndex): VpcFacts {
  const stack = Stack.of(vpc);
  const pendingLookup = isPendingLookup(vpc);
  const cfn = vpc.node.defaultChild instanceof ec2.CfnVPC ? vpc.node.defaultChild : undefined;
  const cidrs: VpcCidrFact[] = [];

  if (overrides?.cidrBlocks && overrides.cidrBlocks.length > 0) {
    overrides.cidrBlocks.forEach((text, i) => {
      cidrs.push(cidrFact(vpc, `cidrBlocks[${i}]`, text, familyOfText(text, IpFamily.IPV4), 'override', 'override is a token'));
    });
  } else if (cfn) {
    if (cfn.cidrBlock !== undefined) {
      cidrs.push(cidrFact(vpc, 'CidrBlock', cfn.cidrBlock, IpFamily.IPV4, 'primary', 'the primary block is a token'));
    } else {
      cidrs.push({
        family: IpFamily.IPV4,
        text: vpc.vpcCidrBlock,
        source: 'primary',
        unknownReason: 'the primary block is allocated from an IPAM pool',
      });
    }
    for (const sec of secondaryBlocks(vpc, index)) {
      if (sec.cidrBlock !== undefined) {
        cidrs.push(cidrFact(sec, 'CidrBlock', sec.cidrBlock, IpFamily.IPV4, 'secondary', 'the secondary block is a token'));
      } else if (sec.ipv6CidrBlock !== undefined) {
        cidrs.push(cidrFact(sec, 'Ipv6CidrBlock', sec.ipv6CidrBlock, IpFamily.IPV6, 'secondary', 'the IPv6 block is a token'));
      } else if (sec.ipv4IpamPoolId !== undefined) {
        cidrs.push({
          family: IpFamily.IPV4,
          text: '',
          source: 'secondary',
          unknownReason: 'the secondary block is allocated from an IPAM pool',
        });
      } else {
        const amazonProvided = Token.isUnresolved(sec.amazonProvidedIpv6CidrBlock)
          ? false
          : sec.amazonProvidedIpv6CidrBlock === true;
        cidrs.push({
          family: IpFamily.IPV6,
          text: '',
          source: 'secondary',
          unknownReason: amazonProvided
            ? 'the IPv6 block is Amazon-provided (assigned at deploy time)'
            : 'the IPv6 block is allocated from an IPAM pool or BYOIP pool',
          amazonProvided,
        });
      }
    }
  } else {
    let primary: string | undefined;
    try {
      primary = vpc.vpcCidrBlock;
    } catch {
      primary = undefined; // fromVpcAttributes without vpcCidrBlock
    }
    if (primary === undefined) {
      cidrs.push({
        family: IpFamily.IPV4,
        text: '',
        source: 'imported',
        unknownReason: 'the imported VPC was given no vpcCidrBlock',
      });
    } else if (pendingLookup) {
      cidrs.push({ family: IpFamily.IPV4, text: primary, source: 'imported', unknownReason: 'the VPC lookup is pending' });
    } else {
      cidrs.push(cidrFact(vpc, 'vpcCidrBlock', primary, IpFamily.IPV4, 'imported', 'the imported block is a token'));
    }
  }

  const account = literal(vpc.env.account);
  const region = literal(vpc.env.region);
  const owned = vpc instanceof ec2.Vpc ? vpc : undefined;
  return {
    vpc,
    key: vpcKey(vpc, cfn !== undefined, pendingLookup),
    path: vpc.node.path,
    stack,
    cidrs,
    account,
    region,
    partition: region === undefined ? undefined : partitionOf(region),
    // AWS::EC2::VPC defaults: EnableDnsSupport true, EnableDnsHostnames false.
    dnsSupport: owned ? owned.dnsSupportEnabled : cfn ? boolOf(cfn.enableDnsSupport, true) : undefined,
    dnsHostnames: owned ? owned.dnsHostnamesEnabled : cfn ? boolOf(cfn.enableDnsHostnames, false) : undefined,
    pendingLookup,
  };
}

/** A CloudFormation boolean: its default when unset, undefined when a token. */
function boolOf(value: unknown, cfnDefault: boolean): boolean | undefined {
  if (value === undefined) return cfnDefault;
  if (typeof value === 'boolean') return value;
  return undefined;
}

/** The known (literal) blocks of a VPC. */
export function knownBlocks(facts: VpcFacts): CidrBlock[] {
  return facts.cidrs.filter((c) => c.block !== undefined).map((c) => c.block!);
}

/** A route table selected for routes, with the subnets that led to it. */
export interface SelectedRouteTable {
  /** The route table ID (a token for tables in this app, a literal for imported ones). */
  readonly routeTableId: string;
  /** IDs of the selected subnets associated with it. */
  readonly subnetIds: string[];
}

/**
 * The route tables of the subnets picked by `selections` (default: every subnet of the VPC),
 * without duplicates. Throws when a selected imported subnet has no route table ID.
 * `subnets` is the selection already made by the caller (`selectSubnets(vpc, selections)`).
 */
export function selectRouteTables(
  scope: IConstruct,
  prop: string,
  vpc: ec2.IVpc,
  selections?: ec2.SubnetSelection[],
  subnets: ec2.ISubnet[] = selectSubnets(vpc, selections),
): SelectedRouteTable[] {
  const byId = new Map<string, string[]>();
  for (const subnet of subnets) {
    const id = routeTableIdOrFail(scope, prop, vpc, subnet);
    const list = byId.get(id) ?? [];
    list.push(subnet.subnetId);
    byId.set(id, list);
  }
  return [...byId.entries()].map(([routeTableId, subnetIds]) => ({ routeTableId, subnetIds }));
}

/** A selected subnet's route table ID; refused when the subnet has none (an import without it). */
export function routeTableIdOrFail(scope: IConstruct, prop: string, vpc: ec2.IVpc, subnet: ec2.ISubnet): string {
  const id = subnet.routeTable?.routeTableId;
  if (id === undefined || id === null || id === '') {
    fail(scope, Rules.VPC_ROUTE_TABLE_UNKNOWN, {
      prop,
      received: `selects subnet ${subnet.subnetId} of ${vpc.node.path}, which has no route table ID`,
      rule: 'routes can only be added to route tables known at synth time',
    });
  }
  return id;
}

/** The subnets of the selections (default: every subnet of the VPC), deduplicated, in order. */
export function selectSubnets(vpc: ec2.IVpc, selections?: ec2.SubnetSelection[]): ec2.ISubnet[] {
  const picked: ec2.ISubnet[] = [];
  if (selections === undefined) {
    picked.push(...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets);
  } else {
    for (const sel of selections) picked.push(...vpc.selectSubnets(sel).subnets);
  }
  // Two selections of one subnet give the same object (a VPC builds each subnet once).
  return [...new Set(picked)];
}

/**
 * What a route destination stands for, read at synth: a literal block; a CIDR attribute of a VPC
 * of the app (`vpc.vpcCidrBlock`, `Fn.select(i, vpc.vpcIpv6CidrBlocks)`,
 * `Fn.select(i, vpc.vpcCidrBlockAssociations)`), with the blocks it may be; or nothing the graph
 * can read (a parameter, an import, an expression).
 */
export type RouteDestination =
  | { readonly kind: 'literal'; readonly block: CidrBlock }
  | {
    readonly kind: 'vpc-attribute';
    /** The `AWS::EC2::VPC` resource whose attribute it is. */
    readonly vpcResource: ec2.CfnVPC;
    /** The attribute, e.g. `CidrBlock` or `Ipv6CidrBlocks[0]`, for messages. */
    readonly attribute: string;
    /** Which blocks of that VPC it may be: every one of the family, or the primary IPv4 block. */
    readonly which: 'primary' | IpFamily;
  }
  | { readonly kind: 'unknown'; readonly text: string };

/** A Reference met while resolving a destination, kept as is instead of rendered. */
class ReferenceMark {
  constructor(public readonly ref: Reference) {}
}

/** Resolves tokens as CloudFormation would, but leaves references to resources as marks. */
class MarkingResolver extends DefaultTokenResolver {
  constructor() {
    super(new StringConcat());
  }

  public resolveToken(t: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): unknown {
    if (t instanceof Reference) return new ReferenceMark(t);
    return super.resolveToken(t, context, postProcessor);
  }
}

/** Read a route destination (see {@link RouteDestination}); `scope` is the route's construct. */
export function readRouteDestination(scope: IConstruct, destination: string): RouteDestination {
  if (!Token.isUnresolved(destination)) {
    const parsed = tryParseCidr(destination);
    return parsed.ok ? { kind: 'literal', block: parsed.block } : { kind: 'unknown', text: destination };
  }
  let value: unknown;
  try {
    value = Tokenization.resolve(destination, { scope, resolver: new MarkingResolver(), preparing: false });
  } catch {
    return { kind: 'unknown', text: destination };
  }
  const select = (value as { 'Fn::Select'?: unknown } | undefined)?.['Fn::Select'];
  let index = '';
  if (Array.isArray(select) && select.length === 2) {
    index = `[${String(select[0])}]`;
    value = select[1];
  }
  if (!(value instanceof ReferenceMark)) {
    return typeof value === 'string' && !Token.isUnresolved(value) ? readRouteDestination(scope, value) : { kind: 'unknown', text: destination };
  }
  const { target, displayName } = value.ref;
  // AWS::EC2::VPC return values: CidrBlock (primary IPv4), CidrBlockAssociations, Ipv6CidrBlocks.
  if (target instanceof ec2.CfnVPC) {
    const which = displayName === 'CidrBlock' && index === '' ? 'primary'
      : displayName === 'Ipv6CidrBlocks' && index !== '' ? IpFamily.IPV6
        : displayName === 'CidrBlockAssociations' && index !== '' ? IpFamily.IPV4 : undefined;
    if (which !== undefined) return { kind: 'vpc-attribute', vpcResource: target, attribute: `${displayName}${index}`, which };
  }
  // AWS::EC2::Subnet return value CidrBlock: the subnet's own (literal) CidrBlock property.
  if (target instanceof ec2.CfnSubnet && displayName === 'CidrBlock' && index === '' && typeof target.cidrBlock === 'string') {
    return readRouteDestination(scope, target.cidrBlock);
  }
  return { kind: 'unknown', text: destination };
}

/** The blocks a VPC attribute may be, from the VPC's facts; undefined when one of them is unknown. */
export function blocksOfAttribute(facts: VpcFacts, which: 'primary' | IpFamily): CidrBlock[] | undefined {
  const cidrs = which === 'primary' ? facts.cidrs.filter((c) => c.family === IpFamily.IPV4).slice(0, 1) : facts.cidrs.filter((c) => c.family === which);
  if (facts.pendingLookup || cidrs.length === 0 || cidrs.some((c) => c.block === undefined)) return undefined;
  return cidrs.map((c) => c.block!);
}

/** A readable ID for messages (route tables, route destinations): a literal as is, a token as the logical ID it refers to. */
export function describeId(scope: IConstruct, id: string): string {
  if (!Token.isUnresolved(id)) return id;
  try {
    const resolved = Stack.of(scope).resolve(id);
    if (resolved && typeof resolved === 'object' && 'Ref' in resolved) return `(Ref ${String(resolved.Ref)})`;
  } catch {
    // not in a stack: fall through
  }
  return '(token)';
}

/** A peering connection as routes see it: its two VPCs and its ID. */
export interface PeeringSides {
  readonly source: ec2.IVpc;
  readonly target?: ec2.IVpc;
  readonly connectionId?: string;
}

/** A route of the app through one of the given peering connections, with the side that holds it. */
export interface PeeringRoute<P extends PeeringSides> {
  readonly route: IndexedRoute;
  readonly connection: P;
  /** The VPC whose route table holds it. */
  readonly vpc: ec2.IVpc;
  /** The VPC it leads to. */
  readonly peerVpc: ec2.IVpc;
}

/**
 * Every `CfnRoute` of the app (the library's or a user's) that targets one of `peerings`, placed
 * on the side whose subnets' route tables hold it: it leads to the other side. Routes in neither
 * side's tables are left out.
 */
export function routesThroughPeerings<P extends PeeringSides>(peerings: readonly P[], index: AppIndex): Array<PeeringRoute<P>> {
  const tablesOf = new Map<ec2.IVpc, Set<string>>();
  const tables = (vpc: ec2.IVpc) => {
    let t = tablesOf.get(vpc);
    if (!t) {
      t = new Set([...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets].map((sn) => sn.routeTable?.routeTableId));
      tablesOf.set(vpc, t);
    }
    return t;
  };
  const out: Array<PeeringRoute<P>> = [];
  for (const route of index.routes) {
    if (route.peeringConnectionId === undefined) continue;
    const connection = peerings.find((c) => c.target && c.connectionId === route.peeringConnectionId);
    if (!connection?.target) continue;
    const [a, b] = [connection.source, connection.target];
    const sides = tables(a).has(route.routeTableId) ? [a, b] : tables(b).has(route.routeTableId) ? [b, a] : undefined;
    if (sides) out.push({ route, connection, vpc: sides[0], peerVpc: sides[1] });
  }
  return out;
}
