/**
 * The app's network as plain values, read once from the connectivity graph: the analysis
 * (reachability, quotas, cost) works on this model only, so it can be tested on hand-built
 * topologies and creates no construct.
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IConstruct } from 'constructs';
import { AppIndex, endpointTypeOf, envKey } from '../core/app-index';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../core/graph';
import { WARNING_PREFIX } from '../core/rules';
import { knownBlocks, routesThroughPeerings } from '../core/vpc-facts';
import { CidrBlock } from '../net/cidr';
import { tryParseCidr } from '../net/cidr-parse';
import { ResolvedQuotas } from '../net/quota-table';

/** The kinds of links the analysis knows; kinds added later are carried as their value. */
export const LinkKind = {
  PEERING: ConnectionKind.PEERING as string,
  PRIVATELINK: ConnectionKind.PRIVATELINK as string,
  PRIVATELINK_RESOURCE: ConnectionKind.PRIVATELINK_RESOURCE as string,
  GATEWAY_ENDPOINT: 'gateway-endpoint',
  INTERFACE_ENDPOINT: 'interface-endpoint',
  GATEWAY_LOAD_BALANCER_ENDPOINT: 'gateway-load-balancer-endpoint',
} as const;

/** A VPC of the app. */
export interface TopoVpc {
  /** Construct path: the VPC's name everywhere in the report. */
  readonly path: string;
  readonly account?: string;
  readonly region?: string;
  /** Known blocks, parsed. */
  readonly blocks: CidrBlock[];
  /** Why each block that cannot be read at synth is unknown (e.g. "the primary block is a token"). */
  readonly unknownBlocks: string[];
  /** Route tables of the VPC's subnets (their display names). */
  readonly routeTables: string[];
}

/** A connection: VPC to VPC (peering, PrivateLink to a service of the app) or VPC to a service. */
export interface TopoLink {
  /** `peering`, `privatelink`, `gateway-endpoint`, `interface-endpoint`, or a later family's kind. */
  readonly kind: string;
  /** Construct path of what made it. */
  readonly owner: string;
  /** Requester, consumer, or the VPC that holds the endpoint. */
  readonly from: string;
  /** Accepter or provider VPC path, or the service name of a service outside the app. */
  readonly to: string;
  /** Whether `to` is a VPC of the app. */
  readonly toVpc: boolean;
  /** Ports carried, when port-scoped (the literal ones). */
  readonly ports?: number[];
  /** How many of the ports are tokens, unknown at synth. @default 0 */
  readonly unknownPorts?: number;
  /**
   * The service's region, when it is not the VPC's (a cross-region interface endpoint).
   * @default - the VPC's region
   */
  readonly serviceRegion?: string;
  /**
   * What a reader should know of the link, e.g. `cross-region: service in us-west-2`.
   * @default - nothing to note
   */
  readonly note?: string;
}

/** A route through a peering connection, in one route table. */
export interface TopoRoute {
  /** The VPC whose route table holds it. */
  readonly vpc: string;
  readonly routeTable: string;
  /** The destination, when a literal CIDR. */
  readonly destination?: CidrBlock;
  /** The destination as written (a token is shown as such). */
  readonly destinationText: string;
  /** Index of the peering link in `Topology.links`. */
  readonly link: number;
}

/** One interface, GWLB or gateway endpoint, for cost and quotas. */
export interface TopoEndpoint {
  readonly vpc: string;
  /** CloudFormation's VpcEndpointType, or undefined when a token. */
  readonly type?: string;
  /** Subnets (= Availability Zones) of an interface endpoint; undefined when a token list. */
  readonly subnetCount?: number;
  /** Account/region of the endpoint's stack, when known. */
  readonly env?: string;
}

/** Routes of one route table, per family. */
export interface TopoRouteTable {
  readonly name: string;
  readonly vpc?: string;
  readonly ipv4: number;
  readonly ipv6: number;
}

/** A warning of the library left on a construct at synth. */
export interface TopoWarning {
  readonly path: string;
  readonly message: string;
}

/** The app's network, as the analysis sees it. */
export interface Topology {
  readonly vpcs: TopoVpc[];
  readonly links: TopoLink[];
  readonly routes: TopoRoute[];
  readonly endpoints: TopoEndpoint[];
  readonly routeTables: TopoRouteTable[];
  /** Network Load Balancers in the app. */
  readonly networkLoadBalancers: number;
  /** Gateway Load Balancers in the app. */
  readonly gatewayLoadBalancers: number;
  readonly quotas: ResolvedQuotas;
  readonly warnings: TopoWarning[];
}

/** The service region and note of a cross-region endpoint (AWS PrivateLink, cross-region interface endpoints). */
function crossRegion(owner: IConstruct, serviceRegion: string | undefined): { serviceRegion?: string; note?: string } {
  if (serviceRegion === undefined) return {};
  const region = renderValue(owner, serviceRegion);
  return { serviceRegion: region, note: `cross-region: service in ${region}` };
}

/**
 * A value for people: a literal as is; a token as the CloudFormation it stands for, with
 * references shown as `${Name}` (e.g. `com.amazonaws.${AWS::Region}.s3`).
 */
export function renderValue(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  let resolved: unknown;
  try {
    resolved = Stack.of(scope).resolve(value);
  } catch {
    return '(token)';
  }
  const render = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('Ref' in o) return `\${${String(o.Ref)}}`;
      if ('Fn::GetAtt' in o && Array.isArray(o['Fn::GetAtt'])) return `\${${(o['Fn::GetAtt'] as unknown[]).join('.')}}`;
      if ('Fn::Join' in o && Array.isArray(o['Fn::Join'])) {
        const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
        if (Array.isArray(parts)) return parts.map(render).join(sep);
      }
    }
    return '(token)';
  };
  return render(resolved);
}

/** `ServiceNetwork` → `service-network`. */
function kebab(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Read the graph (and the app's routes and endpoints) into a `Topology`. */
export function readTopology(graph: ConnectivityGraph): Topology {
  const index = graph._appIndex();
  const { nlb, gwlb, warnings } = scanApp(graph);
  const vpcList = graph._vpcs();
  for (const c of graph.connections) for (const v of [c.source, c.target]) if (v && !vpcList.includes(v)) vpcList.push(v);

  // Route tables: a display name per ID, and the VPC each belongs to.
  const tableName = new Map<string, string>();
  const tableVpc = new Map<string, string>();
  const vpcs: TopoVpc[] = [];
  const pathOf = new Map<ec2.IVpc, string>();
  for (const vpc of vpcList) {
    const f = graph._facts(vpc, index);
    pathOf.set(vpc, f.path);
    const tables: string[] = [];
    for (const subnet of [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets]) {
      const id = subnet.routeTable?.routeTableId;
      if (id === undefined || tableName.has(id)) continue;
      const name = Token.isUnresolved(id) ? `${subnet.node.path}/RouteTable` : id;
      tableName.set(id, name);
      tableVpc.set(id, f.path);
      tables.push(name);
    }
    vpcs.push({
      path: f.path,
      account: f.account,
      region: f.region,
      blocks: knownBlocks(f),
      unknownBlocks: f.pendingLookup
        ? ['the Vpc.fromLookup is pending (the CDK CLI synthesizes again with real values)']
        : f.cidrs.filter((c) => c.block === undefined && !c.amazonProvided).map((c) => `${c.source} ${c.family} block: ${c.unknownReason ?? 'unknown'}`),
      routeTables: tables,
    });
  }

  const links: TopoLink[] = [];
  const linkOfConnection = new Map<unknown, number>();
  const privateLinkOwners = new Set<IConstruct>();
  for (const c of graph.connections) {
    const from = pathOf.get(c.source)!;
    const to = c.target ? pathOf.get(c.target)! : undefined;
    if (c.kind === ConnectionKind.PRIVATELINK || c.kind === ConnectionKind.PRIVATELINK_RESOURCE) privateLinkOwners.add(c.owner);
    // Outside the app, the far end is named as the owner's endpoint names it: a service name, or a
    // resource configuration or service network ARN.
    const serviceName = (c.owner as { service?: { serviceName?: unknown } }).service?.serviceName
      ?? graph.endpoints.find((e) => e.owner === c.owner)?.serviceName;
    linkOfConnection.set(c, links.length);
    const literalPorts = c.ports?.filter((p) => !Token.isUnresolved(p));
    const unknownPorts = (c.ports?.length ?? 0) - (literalPorts?.length ?? 0);
    links.push({
      kind: String(c.kind),
      owner: c.owner.node.path,
      from,
      to: to ?? (typeof serviceName === 'string' ? renderValue(c.owner, serviceName) : `(service of ${c.owner.node.path})`),
      toVpc: to !== undefined,
      ports: literalPorts && (literalPorts.length > 0 || unknownPorts === 0) ? literalPorts : undefined,
      ...(unknownPorts > 0 ? { unknownPorts } : {}),
    });
  }
  for (const e of graph.endpoints) {
    if (privateLinkOwners.has(e.owner)) continue; // shown as its PrivateLink (or resource) connection
    const kind = e.kind === EndpointKind.GATEWAY ? LinkKind.GATEWAY_ENDPOINT
      : e.kind === EndpointKind.INTERFACE ? LinkKind.INTERFACE_ENDPOINT
        : e.kind === EndpointKind.GATEWAY_LOAD_BALANCER ? LinkKind.GATEWAY_LOAD_BALANCER_ENDPOINT : `${kebab(e.kind)}-endpoint`;
    links.push({
      kind,
      owner: e.owner.node.path,
      from: pathOf.get(e.vpc) ?? e.vpc.node.path,
      to: renderValue(e.owner, e.serviceName),
      toVpc: false,
      ports: kind === LinkKind.INTERFACE_ENDPOINT ? [443] : undefined,
      ...crossRegion(e.owner, e.serviceRegion),
    });
  }

  const routes = readPeeringRoutes(graph, index, linkOfConnection, tableName, pathOf);

  // Every route of the app, counted per table and family as the route quota validation counts them.
  const perTable = new Map<string, { ipv4: number; ipv6: number; scope: IConstruct }>();
  for (const r of index.routes) {
    const e = perTable.get(r.routeTableId) ?? { ipv4: 0, ipv6: 0, scope: r.resource };
    e[r.family]++;
    perTable.set(r.routeTableId, e);
  }
  const routeTables = [...perTable].map(([id, e]) => ({
    name: tableName.get(id) ?? renderValue(e.scope, id),
    vpc: tableVpc.get(id),
    ipv4: e.ipv4,
    ipv6: e.ipv6,
  }));

  const vpcById = new Map<string, string>();
  for (const vpc of vpcList) vpcById.set(vpc.vpcId, pathOf.get(vpc)!);
  const endpoints: TopoEndpoint[] = index.endpoints.map((ep) => {
    const subnets = ep.subnetIds;
    return {
      vpc: vpcById.get(ep.vpcId) ?? renderValue(ep, ep.vpcId),
      type: endpointTypeOf(ep),
      subnetCount: subnets === undefined ? 0 : Token.isUnresolved(subnets) ? undefined : subnets.length,
      env: envKey(ep),
    };
  });

  return {
    vpcs,
    links,
    routes,
    endpoints,
    routeTables,
    networkLoadBalancers: nlb,
    gatewayLoadBalancers: gwlb,
    quotas: graph.quotas as ResolvedQuotas,
    warnings,
  };
}

/**
 * Routes through each peering, per side: the library's own (registered with the graph) and any
 * other `CfnRoute` that targets a registered peering connection, placed on the side whose route
 * tables hold it.
 */
function readPeeringRoutes(
  graph: ConnectivityGraph,
  index: AppIndex,
  linkOfConnection: Map<unknown, number>,
  tableName: Map<string, string>,
  pathOf: Map<ec2.IVpc, string>,
): TopoRoute[] {
  const routes: TopoRoute[] = [];
  const peerings = graph.connections.filter((c) => c.kind === ConnectionKind.PEERING && c.target);
  const seen = new Set<string>();
  // A mesh routes the same few destinations from many tables: parse each once.
  const parsedDestinations = new Map<string, ReturnType<typeof tryParseCidr>>();
  const parse = (destination: string) => {
    let parsed = parsedDestinations.get(destination);
    if (parsed === undefined) {
      parsed = tryParseCidr(destination);
      parsedDestinations.set(destination, parsed);
    }
    return parsed;
  };
  const add = (vpc: ec2.IVpc, routeTableId: string, destination: string, link: number, scope: IConstruct) => {
    seen.add(`${routeTableId}|${destination}`);
    const parsed = Token.isUnresolved(destination) ? undefined : parse(destination);
    routes.push({
      vpc: pathOf.get(vpc)!,
      routeTable: tableName.get(routeTableId) ?? renderValue(scope, routeTableId),
      destination: parsed?.ok ? parsed.block : undefined,
      destinationText: parsed ? destination : renderValue(scope, destination),
      link,
    });
  };
  for (const r of graph.routes) {
    if (!r.peerVpc) continue;
    const conn = peerings.find((c) => c.owner === r.owner && (c.source === r.peerVpc || c.target === r.peerVpc));
    if (conn) add(r.vpc, r.routeTableId, r.destination, linkOfConnection.get(conn)!, r.owner);
  }
  for (const { route: r, connection, vpc } of routesThroughPeerings(peerings, index)) {
    if (seen.has(`${r.routeTableId}|${r.destination}`)) continue;
    add(vpc, r.routeTableId, r.destination, linkOfConnection.get(connection)!, r.resource);
  }
  return routes;
}

/** Load balancers (for the cost estimate) and the library's warnings, in one walk of the app. */
function scanApp(scope: IConstruct): { nlb: number; gwlb: number; warnings: TopoWarning[] } {
  let nlb = 0;
  let gwlb = 0;
  const warnings: TopoWarning[] = [];
  for (const c of scope.node.root.node.findAll()) {
    if (c instanceof elbv2.CfnLoadBalancer) {
      if (c.type === 'network') nlb++;
      else if (c.type === 'gateway') gwlb++;
    }
    for (const m of c.node.metadata) {
      const ours = typeof m.data === 'string' && m.data.includes(`[${WARNING_PREFIX}:`);
      if (m.type === 'aws:cdk:warning' && ours) {
        warnings.push({ path: c.node.path, message: m.data as string });
      }
    }
  }
  return { nlb, gwlb, warnings };
}
