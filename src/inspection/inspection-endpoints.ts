import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { GatewayLoadBalancerService } from './gateway-load-balancer-service';
import { IGatewayLoadBalancerService } from './service-reference';
import { indexApp } from '../core/app-index';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { fail } from '../core/errors';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../core/graph';
import { Rules } from '../core/rules';
import { describeId, readRouteDestination, readVpcFacts, selectRouteTables } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';
import { refuseSharedZones, selectZoned, ZonedSubnets } from '../core/zoned-subnets';
import { IpFamily } from '../net/cidr';

/** Properties of {@link InspectionEndpoints}. */
export interface InspectionEndpointsProps {
  /** The VPC whose traffic is inspected. */
  readonly vpc: ec2.IVpc;
  /** The Gateway Load Balancer endpoint service of the appliances. */
  readonly service: IGatewayLoadBalancerService;
  /**
   * Subnets of the Gateway Load Balancer endpoints, one per Availability Zone; their default
   * route leads to the internet gateway.
   */
  readonly endpointSubnets: ec2.SubnetSelection;
  /**
   * Subnets whose internet traffic is inspected, both ways: their default route leads to the
   * endpoint of their zone, and the internet gateway's edge route table sends their CIDR blocks
   * to the same endpoint. An existing default route to the internet gateway is retargeted.
   */
  readonly protectedSubnets: ec2.SubnetSelection;
  /**
   * IP address type of the endpoints.
   * @default - dualstack when the VPC has IPv6 blocks (the service must support IPv6), else ipv4
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
  /**
   * The VPC's internet gateway.
   * @default - the VPC's `internetGatewayId`
   */
  readonly internetGatewayId?: string;
  /**
   * The consumer account's AZ name → AZ ID mapping in the consumer's region.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
}

/** What is known of one zone: its endpoint and the subnets it protects. */
interface Zone {
  readonly name: string;
  readonly endpoint: ec2.CfnVPCEndpoint;
}

/**
 * Distributed inspection of a VPC's internet traffic (ingress and egress) through a Gateway Load
 * Balancer endpoint service: one Gateway Load Balancer endpoint per Availability Zone, and routes
 * that keep each flow in its zone both ways — protected subnets → endpoint of their zone; endpoint
 * subnets → internet gateway; the internet gateway's edge route table: each protected subnet's
 * block → endpoint of its zone.
 */
export class InspectionEndpoints extends Construct {
  /** The Gateway Load Balancer endpoints, one per endpoint subnet (zone). */
  public readonly endpoints: ec2.CfnVPCEndpoint[];
  /** The endpoint IDs, in the order of `endpoints`. */
  public readonly endpointIds: string[];
  /** The internet gateway's edge route table. */
  public readonly edgeRouteTable: ec2.CfnRouteTable;
  /** The zones of the endpoints, as AZ names of the consumer account (tokens when not known). */
  public readonly availabilityZones: string[];

  private readonly graph: ConnectivityGraph;
  private readonly vpc: ec2.IVpc;
  /** The route table of each selected subnet, by subnet ID. */
  private readonly tables: Map<string, string>;

  constructor(scope: Construct, id: string, props: InspectionEndpointsProps) {
    super(scope, id);
    const { vpc, service } = props;
    this.graph = ConnectivityGraph.of(this);
    this.vpc = vpc;
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? undefined : stack.account;
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;

    // ---- subnets and zones ----
    const ep = selectZoned(this, 'endpointSubnets', vpc, props.endpointSubnets, { rule: Rules.INSPECTION_SUBNETS_EMPTY, what: 'Gateway Load Balancer endpoints' });
    // Access an inspection system using a Gateway Load Balancer endpoint: one endpoint per
    // Availability Zone per service.
    refuseSharedZones(this, 'endpointSubnets', ep, Rules.INSPECTION_SUBNET_AZ_DUPLICATE, 'a VPC takes a single Gateway Load Balancer endpoint per Availability Zone and service');
    const prot = selectZoned(this, 'protectedSubnets', vpc, props.protectedSubnets, { rule: Rules.INSPECTION_SUBNETS_EMPTY, what: 'inspection' });
    this.tables = new Map([
      ...routeTablesBySubnet(this, 'endpointSubnets', vpc, ep.subnets),
      ...routeTablesBySubnet(this, 'protectedSubnets', vpc, prot.subnets),
    ]);
    this.checkSubnets(ep, prot);
    this.checkServiceZones(ep, service, account, region, props.availabilityZoneIds);

    // ---- IP families ----
    const facts = readVpcFacts(vpc);
    const vpcHasIpv6 = facts.cidrs.some((c) => c.family === IpFamily.IPV6);
    const serviceIpv6 = service.supportedIpAddressTypes.includes(ec2.IpAddressType.IPV6);
    const ipAddressType = props.ipAddressType ?? (vpcHasIpv6 ? ec2.VpcEndpointIpAddressType.DUALSTACK : undefined);
    const ipv6 = ipAddressType === ec2.VpcEndpointIpAddressType.DUALSTACK || ipAddressType === ec2.VpcEndpointIpAddressType.IPV6;
    if (vpcHasIpv6 && !ipv6) {
      warn(this, Rules.INSPECTION_IPV6_UNINSPECTED, {
        prop: 'ipAddressType',
        received: `${show(ipAddressType)} while ${vpc.node.path} has IPv6 blocks`,
        rule: 'only the IPv4 default routes lead to the endpoints; IPv6 traffic goes around them',
      });
    }
    if (props.ipAddressType === undefined && !(vpc.node.defaultChild instanceof ec2.CfnVPC) && !facts.pendingLookup) {
      warnOnce(this, { scope: vpc, key: 'ipv6' }, Rules.INSPECTION_IPV6_UNINSPECTED, {
        prop: 'IPv6 blocks',
        received: 'are not known at synth (an imported VPC)',
        rule: 'the endpoints are IPv4 only (ipAddressType unset): if the VPC is dual-stack, its IPv6 traffic is not inspected',
        fix: 'Set ipAddressType: DUALSTACK (with a service that supports IPv6) for a dual-stack VPC, or IPV4 to state that IPv6 needs no inspection.',
      });
    }
    if (ipv6 && !serviceIpv6) {
      fail(this, Rules.INSPECTION_IPV6_UNSUPPORTED, {
        prop: props.ipAddressType ? 'ipAddressType' : `VPC ${vpc.node.path}`,
        received: props.ipAddressType ? show(props.ipAddressType) : 'has IPv6 blocks',
        rule: `the service ${service.node.path} supports ${show(service.supportedIpAddressTypes)}, so IPv6 traffic could not pass through its endpoints (Gateway Load Balancers: IP address type dualstack)`,
      });
    }

    // ---- internet gateway ----
    const igw = props.internetGatewayId ?? (vpc as { internetGatewayId?: string }).internetGatewayId;
    if (igw === undefined) {
      fail(this, Rules.INSPECTION_INTERNET_GATEWAY_MISSING, {
        prop: 'internetGatewayId',
        received: `is not given and ${vpc.node.path} has no internetGatewayId`,
        rule: 'ingress routing sends the internet gateway\'s traffic through the endpoints by an edge route table associated with the gateway',
      });
    }

    // ---- one endpoint per zone ----
    this.endpoints = ep.subnets.map((s, i) => {
      const endpoint = new ec2.CfnVPCEndpoint(this, `Endpoint${i + 1}`, {
        vpcId: vpc.vpcId,
        serviceName: service.serviceName,
        vpcEndpointType: 'GatewayLoadBalancer',
        subnetIds: [s.subnetId],
        ipAddressType,
      });
      this.graph._addEndpoint({ owner: this, vpc, kind: EndpointKind.GATEWAY_LOAD_BALANCER, serviceName: service.serviceName });
      return endpoint;
    });
    this.endpointIds = this.endpoints.map((e) => e.ref);
    this.availabilityZones = ep.subnets.map((s) => s.availabilityZone);
    const zoneOf = (s: ec2.ISubnet): Zone | undefined => {
      const i = ep.subnets.findIndex((e) => e.availabilityZone === s.availabilityZone);
      return i < 0 ? undefined : { name: s.availabilityZone, endpoint: this.endpoints[i] };
    };
    this.graph._addConnection({ owner: this, kind: ConnectionKind.INSPECTION, source: vpc, target: service.vpc });

    // ---- routes ----
    const families: Array<[IpFamily, string]> = [[IpFamily.IPV4, '0.0.0.0/0']];
    if (ipv6) families.push([IpFamily.IPV6, '::/0']);
    // Distributed Inspection Route Tables: the public subnets send all traffic to the endpoint of
    // their own zone; the inspection subnets send it on to the internet gateway.
    const doneTables = new Set<string>();
    prot.subnets.forEach((s, i) => {
      const table = this.tableOf(s);
      if (doneTables.has(table)) return;
      doneTables.add(table);
      const zone = zoneOf(s);
      if (!zone) {
        // Literal zones without an endpoint were refused in checkSubnets; a token zone that is
        // none of the endpoint subnets' zones leaves no endpoint to route to.
        fail(this, Rules.INSPECTION_PROTECTED_AZ_UNCOVERED, {
          prop: 'protectedSubnets',
          received: `${s.node.path} is in ${show(s.availabilityZone)}, which is none of the endpoint subnets' zones (${ep.subnets.map((e) => show(e.availabilityZone)).join(', ')})`,
          rule: 'a protected subnet\'s default route leads to the endpoint of its own zone; with no endpoint known to be in its zone it would get no route and bypass inspection',
          fix: 'Select endpoint and protected subnets of one VPC whose zones are known (import subnets with their availabilityZones), or leave this subnet out of protectedSubnets.',
        });
      }
      for (const [family, dest] of families) {
        this.defaultRoute(s, family, dest, { vpcEndpointId: zone.endpoint.ref }, igw!, `ProtectedRoute${i + 1}${family === IpFamily.IPV6 ? 'V6' : ''}`, 'protectedSubnets');
      }
    });
    ep.subnets.forEach((s, i) => {
      if (doneTables.has(this.tableOf(s))) return;
      doneTables.add(this.tableOf(s));
      for (const [family, dest] of families) {
        this.defaultRoute(s, family, dest, { gatewayId: igw }, igw!, `EndpointRoute${i + 1}${family === IpFamily.IPV6 ? 'V6' : ''}`, 'endpointSubnets');
      }
    });

    // The internet gateway ingress route table sends traffic for each public subnet to the endpoint
    // of that subnet's zone (Distributed Inspection Route Tables; "Gateway route tables", Amazon VPC
    // User Guide: an edge route's destination is a whole subnet's CIDR block).
    this.edgeRouteTable = new ec2.CfnRouteTable(this, 'EdgeRouteTable', { vpcId: vpc.vpcId });
    new ec2.CfnGatewayRouteTableAssociation(this, 'EdgeAssociation', { gatewayId: igw!, routeTableId: this.edgeRouteTable.ref });
    prot.subnets.forEach((s, i) => {
      const zone = zoneOf(s);
      if (!zone) return;
      const route = new ec2.CfnRoute(this, `EdgeRoute${i + 1}`, {
        routeTableId: this.edgeRouteTable.ref,
        destinationCidrBlock: s.ipv4CidrBlock,
        vpcEndpointId: zone.endpoint.ref,
      });
      this.graph._addRoute({ owner: this, vpc, routeTableId: route.routeTableId, destination: s.ipv4CidrBlock });
      if (ipv6) {
        const block = ipv6BlockOf(s);
        if (block === undefined) {
          fail(this, Rules.INSPECTION_IPV6_UNSUPPORTED, {
            prop: 'protectedSubnets',
            received: `${s.node.path} has no IPv6 block this app can read (an imported subnet)`,
            rule: 'the edge route of a protected subnet\'s IPv6 traffic needs the subnet\'s IPv6 block',
          });
        }
        new ec2.CfnRoute(this, `EdgeRoute${i + 1}V6`, { routeTableId: this.edgeRouteTable.ref, destinationIpv6CidrBlock: block, vpcEndpointId: zone.endpoint.ref });
        this.graph._addRoute({ owner: this, vpc, routeTableId: route.routeTableId, destination: block! });
      }
    });
  }

  /**
   * Give a subnet's route table the default route `target`: retarget an existing route to the
   * internet gateway, refuse one to anything else, add one when there is none.
   */
  private defaultRoute(s: ec2.ISubnet, family: IpFamily, dest: string, target: { vpcEndpointId?: string; gatewayId?: string },
    igw: string, id: string, prop: string): void {
    const table = this.tableOf(s);
    const inTable = indexApp(this).routes.filter((r) => r.routeTableId === table && r.family === (family === IpFamily.IPV6 ? 'ipv6' : 'ipv4'));
    const existing = inTable.filter((r) => r.destination === dest);
    for (const r of inTable) {
      const d = r.resource.destinationIpv6CidrBlock ?? r.resource.destinationCidrBlock;
      if (d === undefined || !Token.isUnresolved(d) || readRouteDestination(r.resource, d).kind !== 'unknown') continue;
      warn(this, Rules.INSPECTION_DEFAULT_ROUTE_UNKNOWN, {
        prop,
        received: `${s.node.path}: route table ${describeId(this, table)} holds '${r.resource.node.path}', whose destination ${describeId(r.resource, d)} is a token`,
        rule: `if it is ${dest}, the route table would hold two routes for one destination (inspection-default-route-conflict is not checked for it) and CloudFormation fails`,
      });
    }
    const owned = s.node.defaultChild instanceof ec2.CfnSubnet;
    for (const r of existing) {
      const route = r.resource;
      const toIgw = route.gatewayId === igw;
      const onlyGateway = [route.natGatewayId, route.transitGatewayId, route.vpcEndpointId, route.vpcPeeringConnectionId,
        route.instanceId, route.networkInterfaceId, route.egressOnlyInternetGatewayId, route.carrierGatewayId, route.localGatewayId,
        route.coreNetworkArn].every((x) => x === undefined);
      if (!(toIgw && onlyGateway)) {
        fail(this, Rules.INSPECTION_DEFAULT_ROUTE_CONFLICT, {
          prop,
          received: `${s.node.path}: route table ${describeId(this, table)} already routes ${dest} through '${route.node.path}' (${describeTarget(this, route)})`,
          rule: 'a route table holds one route per destination, and a flow must pass the endpoint of its zone both ways',
        });
      }
      if (target.vpcEndpointId) {
        // AWS::EC2::Route: a new target is an update without interruption (ReplaceRoute).
        route.gatewayId = undefined;
        route.vpcEndpointId = target.vpcEndpointId;
      }
      this.graph._addRoute({ owner: this, vpc: this.vpc, routeTableId: table, destination: dest });
    }
    if (existing.length > 0) return;
    if (!owned) {
      warn(this, Rules.INSPECTION_DEFAULT_ROUTE_UNKNOWN, {
        prop,
        received: `${s.node.path} (route table ${describeId(this, table)}) is imported`,
        rule: `its existing ${dest} route cannot be seen at synth; CloudFormation fails to add a second one`,
      });
    }
    new ec2.CfnRoute(this, id, {
      routeTableId: table,
      ...(family === IpFamily.IPV6 ? { destinationIpv6CidrBlock: dest } : { destinationCidrBlock: dest }),
      ...target,
    });
    this.graph._addRoute({ owner: this, vpc: this.vpc, routeTableId: table, destination: dest });
  }

  private tableOf(s: ec2.ISubnet): string {
    return this.tables.get(s.subnetId)!;
  }

  /** Refuse protected zones without an endpoint, shared subnets and route tables shared across zones. */
  private checkSubnets(ep: ZonedSubnets, prot: ZonedSubnets): void {
    const epIds = new Set(ep.subnets.map((s) => s.subnetId));
    for (const s of prot.subnets) {
      if (epIds.has(s.subnetId)) {
        fail(this, Rules.INSPECTION_SUBNET_OVERLAP, {
          prop: 'protectedSubnets',
          received: `${s.node.path} is also selected by endpointSubnets`,
          rule: 'an endpoint subnet sends inspected traffic on to the internet gateway, a protected subnet sends it to the endpoint',
        });
      }
    }
    const epTables = new Map(ep.subnets.map((s) => [this.tableOf(s), s]));
    const tableZones = new Map<string, ec2.ISubnet>();
    for (const s of prot.subnets) {
      const table = this.tableOf(s);
      const shared = epTables.get(table);
      if (shared) {
        fail(this, Rules.INSPECTION_ROUTE_TABLE_SHARED, {
          prop: 'protectedSubnets',
          received: `${s.node.path} shares route table ${describeId(this, table)} with endpoint subnet ${shared.node.path}`,
          rule: 'the endpoint subnets\' default route leads to the internet gateway, the protected subnets\' to the endpoint',
        });
      }
      const other = tableZones.get(table);
      if (other && prot.zoneNames && other.availabilityZone !== s.availabilityZone) {
        fail(this, Rules.INSPECTION_ROUTE_TABLE_SHARED, {
          prop: 'protectedSubnets',
          received: `${s.node.path} (${s.availabilityZone}) and ${other.node.path} (${other.availabilityZone}) share route table ${describeId(this, table)}`,
          rule: 'each zone\'s protected subnets must route to the endpoint of their own zone (Distributed Inspection Route Tables)',
        });
      }
      tableZones.set(table, s);
    }
    if (!ep.zoneNames || !prot.zoneNames) {
      if (!ep.pendingLookup && !prot.pendingLookup) {
        warnOnce(this, { scope: this.vpc, key: 'zones' }, Rules.INSPECTION_AZ_UNKNOWN, {
          prop: 'subnets',
          received: 'have Availability Zones that are tokens',
          rule: 'inspection endpoints do not check that each protected zone has an endpoint in the same zone (inspection-protected-az-uncovered)',
        });
      }
      return;
    }
    const covered = new Set(ep.zoneNames);
    prot.subnets.forEach((s) => {
      if (!covered.has(s.availabilityZone)) {
        fail(this, Rules.INSPECTION_PROTECTED_AZ_UNCOVERED, {
          prop: 'protectedSubnets',
          received: `${s.node.path} is in ${s.availabilityZone}, where endpointSubnets has no subnet (endpoints in ${[...covered].join(', ')})`,
          rule: 'a protected subnet\'s traffic must pass the endpoint of its own zone; without one it would bypass inspection or cross zones asymmetrically',
        });
      }
    });
  }

  /** Refuse endpoint zones where the service's load balancer has no subnet (by AZ ID across accounts). */
  private checkServiceZones(ep: ZonedSubnets, service: IGatewayLoadBalancerService, account: string | undefined, region: string | undefined,
    mappings: AzMapping[] | undefined): void {
    if (!ep.zoneNames) return; // warned in checkSubnets
    let served: string[] | undefined;
    let mine: string[] | undefined;
    let how = 'AZ ID';
    let ids: Map<string, string> | undefined;
    const local = service instanceof GatewayLoadBalancerService ? service : undefined;
    if (local && local.availabilityZones && local._account !== undefined && local._account === account && local.region === region) {
      // Same account and region: AZ names name the same zones.
      served = local.availabilityZones;
      mine = ep.zoneNames;
      how = 'AZ name (same account)';
    } else {
      ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', account, region, mappings);
      const serviceIds = service.availabilityZoneIds;
      if (serviceIds && serviceIds.some((z) => Token.isUnresolved(z))) {
        warnOnce(this, { scope: service, key: 'token AZ IDs' }, Rules.INSPECTION_AZ_UNKNOWN, {
          prop: 'availabilityZoneIds',
          received: `${show(serviceIds)} hold tokens`,
          rule: 'endpoints do not check that their zones are ones the Gateway Load Balancer supports (inspection-az-not-served)',
        });
        return;
      }
      if (serviceIds && ids && ep.zoneNames.every((n) => ids!.has(n))) {
        served = service.availabilityZoneIds;
        mine = ep.zoneNames.map((n) => ids!.get(n)!);
      }
    }
    if (!served || !mine) {
      warn(this, Rules.INSPECTION_AZ_UNKNOWN, {
        prop: 'service',
        received: `${service.node.path} (zones ${service.availabilityZoneIds ? show(service.availabilityZoneIds) : 'unknown'}; AZ IDs of ${account ?? '(token account)'}/${region ?? '(token region)'} ${ids ? 'known' : 'unknown'})`,
        rule: 'an endpoint works only in an Availability Zone the Gateway Load Balancer supports, matched by AZ ID across accounts (inspection-az-not-served is not checked)',
      });
      return;
    }
    mine.forEach((z, i) => {
      if (!served!.includes(z)) {
        fail(this, Rules.INSPECTION_AZ_NOT_SERVED, {
          prop: 'endpointSubnets',
          received: `selects ${ep.subnets[i].node.path} in ${ep.zoneNames![i]} (${how} ${z}); the service's load balancer is in ${served!.join(', ')}`,
          rule: 'a Gateway Load Balancer endpoint must be in an Availability Zone the Gateway Load Balancer supports (Access an inspection system using a Gateway Load Balancer endpoint)',
        });
      }
    });
  }
}

/** The IPv6 block of a subnet defined in this app (a token resolved at deploy time), if any. */
function ipv6BlockOf(s: ec2.ISubnet): string | undefined {
  const cfn = s.node.defaultChild;
  return cfn instanceof ec2.CfnSubnet ? cfn.ipv6CidrBlock : undefined;
}

/** The route table of each subnet (by subnet ID); refused when an imported subnet has none (vpc-route-table-unknown). */
function routeTablesBySubnet(scope: IConstruct, prop: string, vpc: ec2.IVpc, subnets: ec2.ISubnet[]): Array<[string, string]> {
  return selectRouteTables(scope, prop, vpc, undefined, subnets).flatMap((t) => t.subnetIds.map((id) => [id, t.routeTableId] as [string, string]));
}

/** The target of a route, for messages. */
function describeTarget(scope: IConstruct, r: ec2.CfnRoute): string {
  const targets: Array<[string, string | undefined]> = [['GatewayId', r.gatewayId], ['NatGatewayId', r.natGatewayId], ['TransitGatewayId', r.transitGatewayId],
    ['VpcEndpointId', r.vpcEndpointId], ['VpcPeeringConnectionId', r.vpcPeeringConnectionId], ['NetworkInterfaceId', r.networkInterfaceId], ['InstanceId', r.instanceId]];
  return targets.filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${describeId(scope, v!)}`).join(', ') || 'another target';
}
