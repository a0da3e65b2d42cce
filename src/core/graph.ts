import { attachCustomSynthesis, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { AppIndex, endpointTypeOf, envKey, indexApp } from './app-index';
import { ConnectivityError, formatProblem, ProblemDetails } from './errors';
import { RuleDefinition, Rules } from './rules';
import { blocksOfAttribute, describeId, knownBlocks, readRouteDestination, routesThroughPeerings, readVpcFacts, VpcFactOverrides, VpcFacts } from './vpc-facts';
import { show, warnOnce } from './warnings';
import { CidrBlock } from '../net/cidr';
import { looksLikeToken } from '../net/cidr-parse';
import { overlapsAny } from '../net/overlap';
import { resolveQuotas, ResolvedQuotas } from '../net/quota-table';
import { QuotaValues } from '../net/quotas';


/** What kind of private connection links two VPCs. */
export enum ConnectionKind {
  /** A VPC peering connection: routed, CIDRs must not overlap. */
  PEERING = 'peering',
  /** A PrivateLink interface endpoint to an endpoint service: not routed, CIDRs may overlap. */
  PRIVATELINK = 'privatelink',
  /** Gateway Load Balancer endpoints that send a consumer VPC's traffic through an appliance VPC's inspection service. */
  INSPECTION = 'inspection',
  /** A spoke VPC using an interface endpoint hub's endpoints (spoke → hub VPC, owner = the hub). */
  INTERFACE_ENDPOINT_HUB = 'interface-endpoint-hub',
  /** A Resource-type VPC endpoint to a resource configuration shared through PrivateLink for VPC resources (consumer → provider VPC): not routed, CIDRs may overlap. */
  PRIVATELINK_RESOURCE = 'privatelink-resource',
}

/** The kind of a VPC endpoint, as CloudFormation's `VpcEndpointType`. */
export enum EndpointKind {
  /** Gateway endpoint (S3, DynamoDB): routes in route tables. */
  GATEWAY = 'Gateway',
  /** Interface endpoint: ENIs in subnets. */
  INTERFACE = 'Interface',
  /** Gateway Load Balancer endpoint. */
  GATEWAY_LOAD_BALANCER = 'GatewayLoadBalancer',
  /** Resource endpoint to a resource configuration (PrivateLink for VPC resources); not counted against the interface endpoint quota. */
  RESOURCE = 'Resource',
  /** Service-network endpoint to a VPC Lattice service network; not counted against the interface endpoint quota. */
  SERVICE_NETWORK = 'ServiceNetwork',
}

/** What a validation of the graph read, reused by the report of the same synth. */
interface ValidatedReads {
  readonly index: AppIndex;
  readonly facts: Map<ec2.IVpc, VpcFacts>;
}

/** A VPC known to the graph. */
export interface GraphVpc {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** Construct path of the VPC. */
  readonly path: string;
  /** Literal CIDR blocks (IPv4 and IPv6) known at synth. */
  readonly cidrBlocks: string[];
  /** Number of blocks that cannot be known at synth (tokens). */
  readonly unknownCidrBlockCount: number;
  /** Account, when known. @default - unknown (token) */
  readonly account?: string;
  /** Region, when known. @default - unknown (token) */
  readonly region?: string;
  /** Partition, when the region is known. @default - unknown */
  readonly partition?: string;
}

/** A connection between two VPCs (or a VPC and a service). */
export interface GraphConnection {
  /** The construct that made it. */
  readonly owner: IConstruct;
  /** Peering or PrivateLink. */
  readonly kind: ConnectionKind;
  /** Requester (peering) or consumer (PrivateLink) VPC. */
  readonly source: ec2.IVpc;
  /** Accepter (peering) or provider (PrivateLink) VPC. @default - a service outside this app */
  readonly target?: ec2.IVpc;
  /** The connection's ID (peering connection ID or endpoint ID), often a token. @default - none */
  readonly connectionId?: string;
  /** The ports the connection carries (PrivateLink: the service's listener ports). @default - every port (peering) */
  readonly ports?: number[];
}

/** A route the library added. */
export interface GraphRoute {
  /** The construct that added it. */
  readonly owner: IConstruct;
  /** The VPC whose route table holds it. */
  readonly vpc: ec2.IVpc;
  /** The route table ID (token or literal). */
  readonly routeTableId: string;
  /** Destination CIDR (literal or token). */
  readonly destination: string;
  /** The VPC the route leads to through a peering connection. @default - not a peering route */
  readonly peerVpc?: ec2.IVpc;
}

/** Routes one construct added in one VPC's route tables toward a peer VPC (kept as one record; internal). */
interface PeeringRouteBatch {
  /** The construct that added them. */
  readonly owner: IConstruct;
  /** The VPC whose route tables hold them. */
  readonly vpc: ec2.IVpc;
  /** The VPC they lead to through a peering connection. */
  readonly peerVpc: ec2.IVpc;
  /** The routes (each with its route table and one destination block). */
  readonly resources: ec2.CfnRoute[];
}

/** A VPC endpoint the library created. */
export interface GraphEndpoint {
  /** The construct that created it. */
  readonly owner: IConstruct;
  /** The VPC it is in. */
  readonly vpc: ec2.IVpc;
  /** Gateway, interface or GWLB. */
  readonly kind: EndpointKind;
  /** The service name, e.g. `com.amazonaws.us-east-1.s3` (may be a token). */
  readonly serviceName: string;
  /** Route tables (gateway endpoints). @default - none */
  readonly routeTableIds?: string[];
  /** The service's region, when it is not the VPC's (a cross-region interface endpoint; may be a token). @default - the VPC's region */
  readonly serviceRegion?: string;
}

/** Whether one VPC can reach another, as far as the app shows at synth. */
export enum ReachabilityStatus {
  /** A connection and the routes it needs exist in both directions. */
  REACHABLE = 'reachable',
  /** Something the traffic needs is missing: the reasons say what. */
  UNREACHABLE = 'unreachable',
  /** A value the answer depends on is a token or was not given: the reasons say which. */
  UNKNOWN = 'unknown',
}

/** The answer of `ConnectivityGraph.explain`: can one VPC reach another, over what, and if not, why. */
export interface ReachabilityAnswer {
  /** True only when the app shows a path (false when unreachable or unknown). */
  readonly reachable: boolean;
  /** Reachable, unreachable, or unknown (a token or a missing fact stands in the way). */
  readonly status: ReachabilityStatus;
  /** The hops, when reachable: e.g. `['App/A', 'peering App/AB', 'App/B']`; empty otherwise. */
  readonly path: string[];
  /** Why not (or why unknown), in words a user can act on; empty when reachable. */
  readonly reasons: string[];
  /** What limits a reachable path (e.g. only some route tables hold the route). */
  readonly notes: string[];
  /** The ports the path carries, when it is port-scoped (PrivateLink). @default - every port */
  readonly ports?: number[];
}

/**
 * The app-wide connectivity graph: every VPC, peering, route and endpoint the library's
 * constructs create, validated once at synth so that every problem is reported together.
 *
 * One graph per app; get it with `ConnectivityGraph.of(scope)`.
 */
export class ConnectivityGraph extends Construct {
  /** Context key holding quota overrides for accounts with raised quotas (an object of `QuotaValues`). */
  public static readonly QUOTAS_CONTEXT_KEY = 'cdk-private-connectivity:quotas';

  /**
   * @internal The reachability explainer. It lives in src/analysis, which reads the graph: core
   * imports no analysis (arrows point down), so the analysis installs itself here when loaded.
   */
  public static _explainer?: (graph: ConnectivityGraph, from: ec2.IVpc, to: ec2.IVpc) => ReachabilityAnswer;

  /** @internal Called at synth with the cloud assembly directory (the connectivity report registers here). */
  public static readonly _reporters: Array<(graph: ConnectivityGraph, outdir: string) => void> = [];

  /** The graph of the app that `scope` belongs to (created on first use). */
  public static of(scope: IConstruct): ConnectivityGraph {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(ConnectivityGraph.ID);
    if (existing instanceof ConnectivityGraph) return existing;
    return new ConnectivityGraph(root as Construct, ConnectivityGraph.ID);
  }

  private static readonly ID = 'PrivateConnectivityGraph';

  private readonly vpcMap = new Map<ec2.IVpc, VpcFactOverrides | undefined>();
  private readonly connectionList: GraphConnection[] = [];
  /** Routes as added: one record each, or one per batch of a construct's routes through a peering. */
  private readonly routeList: Array<GraphRoute | PeeringRouteBatch> = [];
  private readonly endpointList: GraphEndpoint[] = [];
  private quotaOverrides: QuotaValues = {};
  /** What the last validation read: the app index and each VPC's facts. */
  private validated?: ValidatedReads;
  /**
   * The validation's reads while the reporters run: synth validates the tree and then calls them,
   * and nothing changes the tree in between. Unset outside, so `explain` reads afresh.
   */
  private reporting?: ValidatedReads;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validateGraph() });
    // Runs after validation, once per synth, with the assembly's directory (aws-cdk-lib's hook for
    // constructs that add files to the cloud assembly).
    attachCustomSynthesis(this, {
      onSynthesize: (session) => {
        this.reporting = this.validated;
        this.validated = undefined;
        try {
          ConnectivityGraph._reporters.forEach((report) => report(this, session.outdir));
        } finally {
          this.reporting = undefined;
        }
      },
    });
  }

  /**
   * Whether `from` can reach `to`, over what, and if not, why: read from the connections and
   * routes of the app as defined so far (call it after the app's constructs are defined).
   */
  public explain(from: ec2.IVpc, to: ec2.IVpc): ReachabilityAnswer {
    if (ConnectivityGraph._explainer === undefined) {
      throw new Error('ConnectivityGraph.explain needs the analysis of cdk-private-connectivity: import the package (its index), not lib/core alone');
    }
    return ConnectivityGraph._explainer(this, from, to);
  }

  /**
   * Declare quotas your account has raised (they apply to the whole app).
   *
   * The same values can be given in context under `cdk-private-connectivity:quotas`; values set
   * here win.
   */
  public declareQuotas(quotas: QuotaValues): void {
    resolveQuotas(quotas, `ConnectivityGraph '${this.node.path}'`);
    this.quotaOverrides = { ...this.quotaOverrides, ...quotas };
  }

  /** The quotas in force: AWS defaults, then context, then `declareQuotas`. */
  public get quotas(): QuotaValues {
    return this.resolvedQuotas();
  }

  /** Every VPC known to the graph, with the facts read at synth. */
  public get vpcs(): GraphVpc[] {
    const index = indexApp(this);
    return [...this.vpcMap.entries()].map(([vpc, o]) => {
      const f = readVpcFacts(vpc, o, index);
      return {
        vpc,
        path: f.path,
        cidrBlocks: knownBlocks(f).map((b) => b.cidr),
        unknownCidrBlockCount: f.cidrs.filter((c) => c.block === undefined).length,
        account: f.account,
        region: f.region,
        partition: f.partition,
      };
    });
  }

  /** Every connection (peering, PrivateLink) registered. */
  public get connections(): GraphConnection[] {
    return [...this.connectionList];
  }

  /** Every route the library added. */
  public get routes(): GraphRoute[] {
    return this.routeRecords();
  }

  /** Every endpoint the library created. */
  public get endpoints(): GraphEndpoint[] {
    return [...this.endpointList];
  }

  /** @internal Register a VPC (idempotent); overrides replace facts the library cannot read. */
  public _addVpc(vpc: ec2.IVpc, overrides?: VpcFactOverrides): void {
    const previous = this.vpcMap.get(vpc);
    this.vpcMap.set(vpc, overrides?.cidrBlocks ? overrides : previous);
  }

  /** @internal The registered VPCs, in registration order (without reading their facts). */
  public _vpcs(): ec2.IVpc[] {
    return [...this.vpcMap.keys()];
  }

  /** @internal Facts of a registered VPC, with its overrides. */
  public _facts(vpc: ec2.IVpc, index?: AppIndex): VpcFacts {
    const read = index !== undefined && index === this.reporting?.index ? this.reporting.facts.get(vpc) : undefined;
    return read ?? readVpcFacts(vpc, this.vpcMap.get(vpc), index);
  }

  /**
   * @internal The index of the app: while the reporters run, the one this synth's validation
   * built; else a fresh walk of the app.
   */
  public _appIndex(): AppIndex {
    return this.reporting?.index ?? indexApp(this);
  }

  /** @internal */
  public _addConnection(c: GraphConnection): void {
    this._addVpc(c.source);
    if (c.target) this._addVpc(c.target);
    this.connectionList.push(c);
  }

  /** @internal */
  public _addRoute(r: GraphRoute): void {
    this.routeList.push(r);
  }

  /**
   * @internal Routes a construct added in one VPC's route tables through a peering: one record
   * for the lot (a mesh adds hundreds of routes, and the app keeps the graph), each route's table
   * and destination read from its resource when the routes are listed.
   */
  public _addPeeringRoutes(batch: {
    readonly owner: IConstruct;
    readonly vpc: ec2.IVpc;
    readonly peerVpc: ec2.IVpc;
    readonly resources: ec2.CfnRoute[];
  }): void {
    this.routeList.push(batch);
  }

  /** Every route the library added, one record each, in the order they were added. */
  private routeRecords(): GraphRoute[] {
    const out: GraphRoute[] = [];
    for (const e of this.routeList) {
      if (!('resources' in e)) {
        out.push(e);
        continue;
      }
      for (const r of e.resources) {
        out.push({
          owner: e.owner,
          vpc: e.vpc,
          routeTableId: r.routeTableId,
          destination: r.destinationIpv6CidrBlock ?? r.destinationCidrBlock ?? '',
          peerVpc: e.peerVpc,
        });
      }
    }
    return out;
  }

  /** @internal */
  public _addEndpoint(e: GraphEndpoint): void {
    this._addVpc(e.vpc);
    this.endpointList.push(e);
  }

  private resolvedQuotas(): ResolvedQuotas {
    const fromContext = this.node.tryGetContext(ConnectivityGraph.QUOTAS_CONTEXT_KEY) as QuotaValues | undefined;
    return resolveQuotas({ ...(fromContext ?? {}), ...this.quotaOverrides }, `context '${ConnectivityGraph.QUOTAS_CONTEXT_KEY}'`);
  }

  /** Every problem of the app, as messages (CDK fails the synth and lists them all). */
  private validateGraph(): string[] {
    const errors: string[] = [];
    const error = (scope: IConstruct, r: RuleDefinition, d: ProblemDetails) => errors.push(formatProblem(scope, r, d));

    let quotas: ResolvedQuotas;
    try {
      quotas = this.resolvedQuotas();
    } catch (e) {
      if (e instanceof ConnectivityError) return [e.message];
      throw e;
    }

    const index = indexApp(this);
    const facts = new Map<ec2.IVpc, VpcFacts>();
    for (const [vpc, o] of this.vpcMap) facts.set(vpc, readVpcFacts(vpc, o, index));

    const routes = this.routeRecords();
    this.validateVpcs(facts, quotas, error);
    this.validatePeerings(facts, routes, quotas, error);
    this.validateRoutes(facts, routes, index, quotas, error);
    this.validateEndpoints(facts, index, quotas, error);
    this.validated = { index, facts };
    return errors;
  }

  private validateVpcs(facts: Map<ec2.IVpc, VpcFacts>, quotas: ResolvedQuotas, error: ErrorSink): void {
    for (const f of facts.values()) {
      const v4 = f.cidrs.filter((c) => c.family === 'ipv4').length;
      const v6 = f.cidrs.filter((c) => c.family === 'ipv6').length;
      if (v4 > quotas.ipv4CidrBlocksPerVpc) {
        error(f.vpc, Rules.GRAPH_CIDR_QUOTA, {
          prop: 'IPv4 CIDR blocks',
          received: `${v4} (${f.cidrs.filter((c) => c.family === 'ipv4').map((c) => c.block?.cidr ?? '(token)').join(', ')})`,
          rule: `a VPC may have ${quotas.ipv4CidrBlocksPerVpc} IPv4 CIDR blocks (Amazon VPC quotas)`,
        });
      }
      if (v6 > quotas.ipv6CidrBlocksPerVpc) {
        error(f.vpc, Rules.GRAPH_CIDR_QUOTA, {
          prop: 'IPv6 CIDR blocks',
          received: String(v6),
          rule: `a VPC may have ${quotas.ipv6CidrBlocksPerVpc} IPv6 CIDR blocks (Amazon VPC quotas)`,
        });
      }
    }
  }

  private validatePeerings(facts: Map<ec2.IVpc, VpcFacts>, routes: GraphRoute[], quotas: ResolvedQuotas, error: ErrorSink): void {
    const peerings = this.connectionList.filter((c) => c.kind === ConnectionKind.PEERING && c.target);
    const perPair = new Map<string, GraphConnection[]>();
    const perVpc = new Map<string, { facts: VpcFacts; count: number }>();
    // Each peering's own routes, grouped once (not a scan of every route per peering).
    const routesOf = new Map<IConstruct, GraphRoute[]>();
    for (const r of routes) {
      if (r.peerVpc === undefined) continue;
      const list = routesOf.get(r.owner);
      if (list) list.push(r);
      else routesOf.set(r.owner, [r]);
    }

    for (const p of peerings) {
      const a = facts.get(p.source)!;
      const b = facts.get(p.target!)!;

      const pairKey = [a.key, b.key].sort().join(' <-> ');
      perPair.set(pairKey, [...(perPair.get(pairKey) ?? []), p]);
      for (const f of [a, b]) {
        const entry = perVpc.get(f.key) ?? { facts: f, count: 0 };
        entry.count++;
        perVpc.set(f.key, entry);
      }

      // VPC peering basics: both VPCs must be in the same partition.
      if (a.partition && b.partition && a.partition !== b.partition) {
        error(p.owner, Rules.GRAPH_PARTITION_MISMATCH, {
          prop: 'requester/accepter partition',
          received: `${a.partition} (${a.region}) vs ${b.partition} (${b.region})`,
          rule: 'VPC peering connects VPCs in the same AWS partition only',
        });
      }
      for (const f of [a, b]) {
        if (f.region === undefined) {
          warnOnce(p.owner, { scope: f.stack }, Rules.VPC_REGION_UNKNOWN, {
            prop: 'region',
            received: 'is a token (environment-agnostic stack)',
            rule: 'peerings skip the partition and cross-region checks',
          });
        }
      }
      this.checkOverlap(p, a, b, error);
      this.checkUnroutedBlocks(p, a, b, routesOf.get(p.owner) ?? []);
    }

    for (const [pair, list] of perPair) {
      for (const dup of list.slice(1)) {
        error(dup.owner, Rules.GRAPH_DUPLICATE_PEERING, {
          prop: 'requester/accepter',
          received: `${pair} is already peered by '${list[0].owner.node.path}'`,
          rule: 'AWS allows one VPC peering connection between two VPCs',
        });
      }
    }
    for (const { facts: f, count } of perVpc.values()) {
      if (count > quotas.activePeeringsPerVpc) {
        error(f.vpc, Rules.GRAPH_PEERING_QUOTA, {
          prop: 'peering connections',
          received: String(count),
          rule: `a VPC may have ${quotas.activePeeringsPerVpc} active peering connections (Amazon VPC quotas)`,
        });
      }
    }
  }

  /**
   * A block of a peered VPC that no route of the peering's owner leads to (attached after the
   * owner built its routes): warn. Checked only for owners that registered routes (`routes`: the
   * owner's routes toward a peer VPC).
   */
  private checkUnroutedBlocks(p: GraphConnection, a: VpcFacts, b: VpcFacts, routes: GraphRoute[]): void {
    if (routes.length === 0) return;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      if (to.pendingLookup) continue;
      const routed = new Set(routes.filter((r) => r.vpc === from.vpc && r.peerVpc === to.vpc).map((r) => r.destination));
      if (routed.size === 0) continue; // no route table selected on this side
      for (const c of to.cidrs) {
        if (c.block && !routed.has(c.block.cidr)) {
          warnOnce(p.owner, { scope: to.vpc, key: c.block.cidr }, Rules.PEERING_CIDR_ADDED_LATER, {
            prop: `${c.source} ${c.family} block`,
            received: `${c.block.cidr} was attached after the routes of its peerings were built`,
            rule: 'no route through the peering leads to it',
          });
        }
      }
    }
  }

  /** Overlap between two peered VPCs: errors for known blocks, warnings for unknown ones. */
  private checkOverlap(p: GraphConnection, a: VpcFacts, b: VpcFacts, error: ErrorSink): void {
    for (const f of [a, b]) {
      if (f.pendingLookup) {
        warnOnce(p.owner, { scope: f.vpc }, Rules.VPC_PENDING_LOOKUP, {
          prop: 'Vpc.fromLookup',
          received: 'is pending',
          rule: 'peerings check CIDR overlap once the lookup has real values',
        });
        return;
      }
      for (const c of f.cidrs) {
        if (c.block === undefined && !c.amazonProvided) {
          warnOnce(p.owner, { scope: f.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
            prop: `${c.source} ${c.family} block`,
            received: `is ${c.text === '' ? 'not given' : 'an unresolved token'} (${c.unknownReason})`,
            rule: 'peerings cannot check overlap with the peer at synth',
          });
        }
      }
    }
    for (const [x, y] of overlapsAny(knownBlocks(a), knownBlocks(b))) {
      error(p.owner, Rules.GRAPH_CIDR_OVERLAP, {
        prop: 'requester CIDR',
        received: `${x.cidr} overlaps accepter CIDR ${y.cidr}`,
        rule: 'VPC peering needs disjoint IPv4 and IPv6 blocks, primary and secondary',
      });
    }
  }

  private validateRoutes(facts: Map<ec2.IVpc, VpcFacts>, routes: GraphRoute[], index: AppIndex, quotas: ResolvedQuotas, error: ErrorSink): void {
    // Count every route in the app per route table and family: ours and those already there.
    const perTable = new Map<string, { ipv4: number; ipv6: number; first: IConstruct; destinations: Map<string, IConstruct> }>();
    for (const r of index.routes) {
      const e = perTable.get(r.routeTableId) ?? { ipv4: 0, ipv6: 0, first: r.resource, destinations: new Map() };
      e[r.family]++;
      if (r.destination && !isTokenString(r.destination)) {
        const prior = e.destinations.get(r.destination);
        if (prior !== undefined) {
          error(r.resource, Rules.GRAPH_DUPLICATE_ROUTE, {
            prop: 'destination',
            received: `${r.destination} is also routed by '${prior.node.path}' in the same route table`,
            rule: 'a route table holds one route per destination',
          });
        }
        e.destinations.set(r.destination, r.resource);
      }
      perTable.set(r.routeTableId, e);
    }
    for (const [table, e] of perTable) {
      for (const fam of ['ipv4', 'ipv6'] as const) {
        if (e[fam] > quotas.routesPerRouteTable) {
          error(e.first, Rules.GRAPH_ROUTE_QUOTA, {
            prop: `${fam === 'ipv4' ? 'IPv4' : 'IPv6'} routes in route table ${describeId(e.first, table)}`,
            received: String(e[fam]),
            rule: `a route table may hold ${quotas.routesPerRouteTable} ${fam === 'ipv4' ? 'IPv4' : 'IPv6'} routes (Amazon VPC quotas)`,
          });
        }
      }
    }

    // VPC peering is not transitive: a route through a peering must lead into the peer's blocks.
    // Checked for the routes the library adds and for any CfnRoute that targets a registered peering.
    const checked = new Set<string>();
    // Each peer's known blocks, read once for all the routes toward it.
    const peerBlocksOf = new Map<VpcFacts, CidrBlock[]>();
    const check = (owner: IConstruct, routeTableId: string, destination: string, peerVpc: ec2.IVpc) => {
      if (destination === '') return;
      const peer = facts.get(peerVpc);
      if (!peer) return;
      // Only messages name the table: resolving its ID recomputes logical IDs, so not for every route.
      const where = () => `in route table ${describeId(owner, routeTableId)}`;
      const skipped = 'the transitive-route check (graph-transitive-route) skips this route';
      const dest = readRouteDestination(owner, destination);
      let blocks: CidrBlock[];
      let received: string;
      if (dest.kind === 'unknown') {
        if (/^pl-/.test(dest.text)) return; // a prefix list: its entries are not ours to know
        if (!isTokenString(dest.text)) return; // a bad block CloudFormation will name itself
        warnOnce(owner, { scope: owner, key: `${routeTableId}|${destination}` }, Rules.VALUE_UNKNOWN, {
          prop: 'route destination',
          received: `${describeId(owner, destination)} ${where()} is a token that is not a CIDR attribute of a VPC or subnet of this app`,
          rule: skipped,
        });
        return;
      } else if (dest.kind === 'literal') {
        blocks = [dest.block];
        received = dest.block.cidr;
      } else {
        const target = [...facts.values()].find((f) => f.vpc.node.defaultChild === dest.vpcResource)
          ?? (dest.vpcResource.node.scope instanceof ec2.Vpc ? readVpcFacts(dest.vpcResource.node.scope, undefined, index) : undefined);
        // The peer's own block is inside the peer, whatever it turns out to be.
        if (target?.vpc === peerVpc || dest.vpcResource === peerVpc.node.defaultChild) return;
        const named = `${target?.path ?? dest.vpcResource.node.path}.${dest.attribute}`;
        const known = target ? blocksOfAttribute(target, dest.which) : undefined;
        if (known === undefined) {
          warnOnce(owner, { scope: owner, key: `${routeTableId}|${destination}` }, Rules.VALUE_UNKNOWN, {
            prop: 'route destination',
            received: `${named} ${where()} is a block of another VPC that is not known at synth`,
            rule: skipped,
          });
          return;
        }
        blocks = known;
        received = `${named} (${known.map((b) => b.cidr).join(', ')})`;
      }
      let peerBlocks = peerBlocksOf.get(peer);
      if (peerBlocks === undefined) {
        peerBlocks = knownBlocks(peer);
        peerBlocksOf.set(peer, peerBlocks);
      }
      const unknown = peer.cidrs.filter((c) => c.block === undefined && (!c.amazonProvided || blocks.some((b) => b.family === c.family)));
      if (peer.pendingLookup || unknown.length > 0) {
        // Without every block of the peer (of the destination's family), a destination outside
        // the known ones may still be inside the peer.
        if (blocks.every((b) => peerBlocks.some((p) => p.contains(b)))) return;
        warnOnce(owner, { scope: peerVpc, key: 'transitive-route' }, peer.pendingLookup ? Rules.VPC_PENDING_LOOKUP : Rules.VPC_CIDR_UNKNOWN, {
          prop: peer.pendingLookup ? 'Vpc.fromLookup' : 'CIDR blocks',
          received: peer.pendingLookup ? 'is pending' : `${unknown.map((c) => `${c.source} ${c.family}`).join(', ')} of ${peer.path} unknown at synth`,
          rule: 'routes through peerings to this VPC are not checked for transitive destinations (graph-transitive-route)',
        });
        return;
      }
      if (!blocks.every((b) => peerBlocks.some((p) => p.contains(b)))) {
        error(owner, Rules.GRAPH_TRANSITIVE_ROUTE, {
          prop: 'route destination',
          received: `${received} ${where()} is not inside the peer VPC ${peer.path} (${peerBlocks.map((b) => b.cidr).join(', ')})`,
          rule: 'VPC peering is not transitive: AWS drops traffic for destinations outside the peer VPC',
        });
      }
    };
    for (const r of routes) {
      if (!r.peerVpc) continue;
      checked.add(`${r.routeTableId}|${r.destination}`);
      check(r.owner, r.routeTableId, r.destination, r.peerVpc);
    }
    for (const { route: r, peerVpc } of routesThroughPeerings(this.connectionList.filter((c) => c.kind === ConnectionKind.PEERING), index)) {
      if (checked.has(`${r.routeTableId}|${r.destination}`)) continue;
      check(r.resource, r.routeTableId, r.destination, peerVpc);
    }
  }

  private validateEndpoints(facts: Map<ec2.IVpc, VpcFacts>, index: AppIndex, quotas: ResolvedQuotas, error: ErrorSink): void {
    const gatewayPerEnv = new Map<string, ec2.CfnVPCEndpoint[]>();
    const interfacePerVpc = new Map<string, ec2.CfnVPCEndpoint[]>();
    for (const ep of index.endpoints) {
      const type = endpointTypeOf(ep);
      if (type === 'Gateway') {
        const key = envKey(ep);
        if (key === undefined) {
          warnOnce(ep, { scope: Stack.of(ep) }, Rules.VPC_REGION_UNKNOWN, {
            prop: 'region',
            received: 'is a token (environment-agnostic stack)',
            rule: 'gateway endpoints are counted against the per-region quota only where account and region are known',
          });
          continue;
        }
        gatewayPerEnv.set(key, [...(gatewayPerEnv.get(key) ?? []), ep]);
      } else if (type === 'Interface' || type === 'GatewayLoadBalancer') {
        interfacePerVpc.set(ep.vpcId, [...(interfacePerVpc.get(ep.vpcId) ?? []), ep]);
      } else if (type === undefined) {
        warnOnce(ep, { scope: ep }, Rules.VALUE_UNKNOWN, {
          prop: 'VpcEndpointType',
          received: show(ep.vpcEndpointType),
          rule: 'the endpoint is not counted against the gateway endpoint quota (graph-gateway-endpoint-quota) or the interface endpoint quota (graph-interface-endpoint-quota)',
        });
      }
    }
    for (const [env, list] of gatewayPerEnv) {
      if (list.length > quotas.gatewayEndpointsPerRegion) {
        error(list[quotas.gatewayEndpointsPerRegion], Rules.GRAPH_GATEWAY_ENDPOINT_QUOTA, {
          prop: `gateway endpoints in ${env}`,
          received: String(list.length),
          rule: `an account may have ${quotas.gatewayEndpointsPerRegion} gateway endpoints per region (Amazon VPC quotas)`,
        });
      }
    }
    const vpcByIdToken = new Map<string, VpcFacts>();
    for (const f of facts.values()) vpcByIdToken.set(f.vpc.vpcId, f);
    for (const [vpcId, list] of interfacePerVpc) {
      if (list.length > quotas.interfaceEndpointsPerVpc) {
        const f = vpcByIdToken.get(vpcId);
        error(f?.vpc ?? list[quotas.interfaceEndpointsPerVpc], Rules.GRAPH_INTERFACE_ENDPOINT_QUOTA, {
          prop: `interface endpoints in VPC ${f?.path ?? describeId(list[0], vpcId)}`,
          received: String(list.length),
          rule: `a VPC may have ${quotas.interfaceEndpointsPerVpc} interface and Gateway Load Balancer endpoints (AWS PrivateLink quotas)`,
        });
      }
    }
  }
}

type ErrorSink = (scope: IConstruct, r: RuleDefinition, d: ProblemDetails) => void;

const isTokenString = looksLikeToken;
