import { Aws, Aspects, IAspect, Lazy, Stack, Token, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct, IConstruct } from 'constructs';
import { hubDnsFacts, hubZoneFacts } from './hub-dns-names';
import { authorizerRole, zoneAssociationStep } from './hub-zone-association';
import { checkedServiceName, checkRegion, interfaceServiceName, normaliseServiceName, serviceChildId, vpcRegionOrWarn } from './service-name';
import { GatewayEndpointService, InterfaceEndpointService } from './services';
import { endpointTypeOf, indexApp } from '../core/app-index';
import { ConnectivityError, describeConstruct, fail, formatProblem, ProblemDetails } from '../core/errors';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../core/graph';
import { RuleDefinition, Rules } from '../core/rules';
import { isPendingLookup, knownBlocks, readVpcFacts, selectRouteTables, SelectedRouteTable, VpcFacts } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';
import { IpFamily } from '../net/cidr';
import { tryParseCidr } from '../net/cidr-parse';
import { overlapsAny } from '../net/overlap';
import { resolveQuotas } from '../net/quota-table';
import { dnsSuffixOf, partitionOf } from '../net/regions';

/** Properties of an {@link InterfaceEndpointHub}. */
export interface InterfaceEndpointHubProps {
  /** The shared-services VPC that holds the endpoints. */
  readonly vpc: ec2.IVpc;
  /** The services to share, one interface endpoint each (a service listed twice gets one endpoint). */
  readonly services: InterfaceEndpointService[];
  /**
   * Where the endpoints' network interfaces go; one subnet per Availability Zone is used.
   * @default - the private subnets with egress, or the isolated subnets when there are none
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * The IP address type of the endpoints; dual-stack and IPv6 endpoints also get AAAA records.
   * @default - not specified (CloudFormation's default, IPv4)
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
}

/** One shared service: its endpoint, its zone (when it has a private DNS name) and its records. */
interface SharedService {
  readonly shortName: string;
  readonly serviceName: string;
  readonly endpoint: ec2.InterfaceVpcEndpoint;
  readonly zoneName?: string;
  readonly zone?: route53.CfnHostedZone;
}

/** The port of every AWS service API. */
const HTTPS = 443;

/**
 * One set of interface endpoints in a shared-services VPC, used by many VPCs ("spokes") over VPC
 * peering: the endpoints with private DNS off; per service a Route 53 private hosted zone named
 * after the service's DNS name, with alias records to the endpoint; the zones associated with the
 * hub and every spoke (across accounts with the two-step authorisation); and one security group
 * that admits the hub's and the spokes' CIDR blocks on HTTPS only.
 *
 * Each spoke must be peered with the hub VPC (e.g. `PeeredVpcPair`) with routes both ways; the
 * synth refuses a spoke it cannot reach.
 */
export class InterfaceEndpointHub extends Construct implements ec2.IConnectable {
  /** The hub VPC. */
  public readonly vpc: ec2.IVpc;
  /** The endpoints' security group. */
  public readonly securityGroup: ec2.ISecurityGroup;
  /** The security group's connections (default port 443). */
  public readonly connections: ec2.Connections;
  /** The endpoints, in the order of `services` (duplicates removed). */
  public readonly endpoints: ec2.IInterfaceVpcEndpoint[];
  /** The subnets of the endpoints' network interfaces (one per Availability Zone). */
  public readonly subnets: ec2.ISubnet[];
  /** The private hosted zones, one per service with a private DNS name. */
  public readonly hostedZones: route53.CfnHostedZone[];

  private readonly shared: SharedService[] = [];
  private readonly spokeList: ec2.IVpc[] = [];
  private readonly sg: ec2.SecurityGroup;
  private readonly region: string | undefined;
  private readonly admitted = new Set<string>();
  private readonly authorizers = new Map<string, iam.Role>();
  private readonly associationStacks = new Map<string, Stack>();

  constructor(scope: Construct, id: string, props: InterfaceEndpointHubProps) {
    super(scope, id);
    this.vpc = props.vpc;
    if (props.services.length === 0) {
      fail(this, Rules.ENDPOINT_NO_SERVICES, {
        prop: 'services',
        received: '[]',
        rule: 'a hub shares one interface endpoint per service',
        fix: 'List at least one service, e.g. InterfaceEndpointService.SQS.',
      });
    }
    this.region = vpcRegionOrWarn(this, props.vpc);
    const suffix = this.region === undefined ? Aws.URL_SUFFIX : dnsSuffixOf(partitionOf(this.region) ?? 'aws');
    const regionText = this.region ?? Aws.REGION;

    const resolved = props.services.map((svc, i) => this.resolveService(svc, i, regionText, suffix));
    this.subnets = this.selectSubnets(props.subnets);

    this.sg = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: 'HTTPS from the hub VPC and its spokes to the shared interface endpoints',
    });
    this.securityGroup = this.sg;
    this.connections = new ec2.Connections({ securityGroups: [this.sg], defaultPort: ec2.Port.tcp(HTTPS) });

    const graph = ConnectivityGraph.of(this);
    const dualStack = props.ipAddressType === ec2.VpcEndpointIpAddressType.DUALSTACK || props.ipAddressType === ec2.VpcEndpointIpAddressType.IPV6;
    for (const svc of resolved) {
      const childId = serviceChildId(svc.shortName);
      if (this.node.tryFindChild(childId)) continue;
      // Centralized access to VPC private endpoints (Building a Scalable and Secure Multi-VPC AWS
      // Network Infrastructure): the managed zone of private DNS serves the endpoint's own VPC only,
      // so the hub turns it off and holds the zones itself.
      const endpoint = new ec2.InterfaceVpcEndpoint(this, childId, {
        vpc: props.vpc,
        service: { name: svc.serviceName, port: HTTPS, privateDnsDefault: false },
        subnets: { subnets: this.subnets },
        securityGroups: [this.sg],
        open: false,
        privateDnsEnabled: false,
        ipAddressType: props.ipAddressType,
      });
      graph._addEndpoint({ owner: endpoint, vpc: props.vpc, kind: EndpointKind.INTERFACE, serviceName: svc.serviceName });
      let zone: route53.CfnHostedZone | undefined;
      if (svc.dns.zoneName !== undefined) {
        zone = new route53.CfnHostedZone(this, `${childId}Zone`, {
          name: svc.dns.zoneName,
          hostedZoneConfig: { comment: this.zoneComment(svc.shortName) },
          vpcs: Lazy.any({ produce: () => this.zoneVpcs() }) as unknown as route53.CfnHostedZone.VPCProperty[],
        });
        // AWS::EC2::VPCEndpoint DnsEntries: "hosted-zone-id:dns-name", the regional name first.
        const entry = Fn.select(0, endpoint.vpcEndpointDnsEntries);
        const entryName = Fn.select(1, Fn.split(':', entry));
        const aliasTarget = {
          hostedZoneId: Fn.select(0, Fn.split(':', entry)),
          dnsName: svc.dns.entryIsWildcard ? Fn.select(1, Fn.split('*.', entryName)) : entryName,
          evaluateTargetHealth: false,
        };
        const types = dualStack ? ['A', 'AAAA'] : ['A'];
        for (const type of types) {
          new route53.CfnRecordSet(this, `${childId}${type}`, { hostedZoneId: zone.ref, name: `${svc.dns.zoneName}.`, type, aliasTarget });
          if (svc.dns.wildcard) {
            new route53.CfnRecordSet(this, `${childId}Wildcard${type}`, { hostedZoneId: zone.ref, name: `*.${svc.dns.zoneName}.`, type, aliasTarget });
          }
        }
      } else {
        warn(this, Rules.HUB_SERVICE_NO_PRIVATE_DNS, {
          prop: 'services',
          received: show(svc.shortName),
          rule: 'the service offers no private DNS name, so no hosted zone can stand in for it',
        });
      }
      this.shared.push({ shortName: svc.shortName, serviceName: svc.serviceName, endpoint, zoneName: svc.dns.zoneName, zone });
    }
    this.endpoints = this.shared.map((s) => s.endpoint);
    this.hostedZones = this.shared.flatMap((s) => (s.zone ? [s.zone] : []));

    this.admitVpc(props.vpc);
    // Blocks are read again before synthesis, so secondary blocks added after the hub count too.
    const self = this;
    const aspect: IAspect = { visit: (node: IConstruct) => { if (node === self) [self.vpc, ...self.spokeList].forEach((v) => self.admitVpc(v)); } };
    Aspects.of(this).add(aspect);
    this.node.addValidation({ validate: () => this.validateHub() });
  }

  /** The spokes shared with so far. */
  public get spokes(): ec2.IVpc[] {
    return [...this.spokeList];
  }

  /**
   * Let `spoke` use the hub's endpoints: its CIDR blocks are admitted by the security group and the
   * zones are associated with it (in the zones' VPC list when it is in the hub's stack; otherwise
   * with a `Custom::HostedZoneAssociation` in a stack of the spoke's account and region, with the
   * two-step authorisation across accounts).
   * The spoke must be peered with the hub VPC, with routes both ways.
   */
  public shareWith(spoke: ec2.IVpc): void {
    if (this.spokeList.includes(spoke)) return;
    if (spoke === this.vpc) {
      fail(this, Rules.HUB_SPOKE_INVALID, {
        prop: 'shareWith(spoke)',
        received: `the hub VPC ${spoke.node.path} itself`,
        rule: 'the hub VPC reaches its endpoints already; a spoke is another VPC',
      });
    }
    const hubFacts = readVpcFacts(this.vpc);
    const spokeFacts = readVpcFacts(spoke);
    if (hubFacts.partition && spokeFacts.partition && hubFacts.partition !== spokeFacts.partition) {
      fail(this, Rules.HUB_SPOKE_INVALID, {
        prop: 'shareWith(spoke)',
        received: `${spoke.node.path} in ${spokeFacts.region} (${spokeFacts.partition}), hub in ${hubFacts.region} (${hubFacts.partition})`,
        rule: 'VPC peering, and so a hub\'s endpoints, connect VPCs of the same partition only',
      });
    }
    if (hubFacts.partition && !spokeFacts.partition) {
      warnOnce(this, { scope: spokeFacts.stack }, Rules.VPC_REGION_UNKNOWN, {
        prop: 'region',
        received: 'is a token (environment-agnostic stack)',
        rule: 'a spoke is not checked to be in the hub\'s partition (hub-spoke-invalid)',
      });
    }
    this.spokeList.push(spoke);
    ConnectivityGraph.of(this)._addConnection({ owner: this, kind: ConnectionKind.INTERFACE_ENDPOINT_HUB, source: spoke, target: this.vpc });
    this.admitVpc(spoke);
    if (!this.inZoneList(spoke)) this.associateRemote(spoke, spokeFacts);
  }

  /** The endpoint's own regional DNS name for a service of the hub (what clients of a service without private DNS call). */
  public endpointDnsName(service: InterfaceEndpointService): string {
    const short = checkedServiceName(this, 'service', service.name, 'sqs').shortName;
    const s = this.shared.find((x) => x.shortName === short);
    if (s === undefined) {
      throw new Error(`InterfaceEndpointHub '${this.node.path}': ${JSON.stringify(service.name)} is not one of the hub's services (${this.shared.map((x) => x.shortName).join(', ')})`);
    }
    return Fn.select(1, Fn.split(':', Fn.select(0, s.endpoint.vpcEndpointDnsEntries)));
  }

  private resolveService(svc: InterfaceEndpointService, i: number, region: string, suffix: string) {
    const prop = `services[${i}]`;
    if ((svc as unknown) instanceof GatewayEndpointService) {
      fail(this, Rules.HUB_GATEWAY_ENDPOINT, {
        prop,
        received: `GatewayEndpointService ${show((svc as unknown as GatewayEndpointService).name)}`,
        // Gateway endpoints (AWS PrivateLink guide): not usable across peering (no edge-to-edge routing).
        rule: 'a gateway endpoint is reached through the route tables of its own VPC only, never across a peering',
      });
    }
    const parsed = checkedServiceName(this, prop, svc.name, 'sqs');
    checkRegion(this, prop, svc.name, parsed.region, this.region);
    const table = hubDnsFacts(parsed.shortName, region, suffix);
    const dns = hubZoneFacts(table, svc, describeConstruct(this), `${prop}.privateDnsName`);
    if (dns.zoneName !== undefined && Token.isUnresolved(dns.zoneName)) {
      warn(this, Rules.VALUE_UNKNOWN, {
        prop: `${prop}.privateDnsName`,
        received: show(dns.zoneName),
        rule: 'the name of the hosted zone is not checked as a DNS name (dns-name-invalid)',
      });
    }
    if (dns.onlyRegion !== undefined && this.region !== undefined && this.region !== dns.onlyRegion) {
      fail(this, Rules.HUB_GLOBAL_SERVICE_REGION, {
        prop,
        received: `${show(svc.name)} in a hub in ${this.region}`,
        rule: `the endpoint of ${parsed.shortName} (${dns.serviceName}) exists in ${dns.onlyRegion} only`,
      });
    }
    const serviceName = parsed.fullName ?? dns.serviceName ?? interfaceServiceName(Stack.of(this.vpc), parsed.shortName);
    return { shortName: parsed.shortName, serviceName, dns };
  }

  private zoneComment(shortName: string): string {
    return `cdk-private-connectivity interface endpoint hub ${this.node.path} ${shortName}`;
  }

  /**
   * Whether a VPC goes in the zones' VPC list: the hub's own stack's VPCs (and, in
   * environment-agnostic apps, every VPC). A spoke of another stack is associated from a stack of
   * its own instead: its stack often holds its peering with the hub, which references the hub
   * VPC, so the hub's stack referencing the spoke VPC back would be a cycle.
   */
  private inZoneList(vpc: ec2.IVpc): boolean {
    const a = Stack.of(this);
    const b = Stack.of(vpc);
    if (a === b) return true;
    const literal = (s: string) => !Token.isUnresolved(s);
    return !literal(a.account) || !literal(b.account) || !literal(a.region) || !literal(b.region);
  }

  private zoneVpcs(): route53.CfnHostedZone.VPCProperty[] {
    return [this.vpc, ...this.spokeList.filter((s) => this.inZoneList(s))].map((v) => ({ vpcId: v.vpcId, vpcRegion: v.env.region }));
  }

  /** Associations of a spoke of another stack: a stack in its account and region, after the hub's stack and the spoke's. */
  private associateRemote(spoke: ec2.IVpc, facts: VpcFacts): void {
    const hubStack = Stack.of(this);
    const spokeStack = Stack.of(spoke);
    const account = spokeStack.account;
    const region = spokeStack.region;
    const crossAccount = account !== hubStack.account;
    let authorizerArn: string | undefined;
    if (crossAccount) {
      let role = this.authorizers.get(account);
      if (role === undefined) {
        role = authorizerRole(this, `ZoneAuthorizer${account}`, account, this.hostedZones.map((z) => z.ref));
        this.authorizers.set(account, role);
      }
      authorizerArn = role.roleArn;
    }
    const key = `${account}-${region}`;
    let stack = this.associationStacks.get(key);
    if (stack === undefined) {
      const root = this.node.root as Construct;
      const id = `${hubStack.stackName}-${this.node.id}-${key}`;
      stack = new Stack(root, id, { env: { account, region }, description: `Associations of ${this.node.path}'s private hosted zones with VPCs of ${account} in ${region}` });
      stack.addStackDependency(hubStack, 'the associations need the hub\'s zones (and, across accounts, its authorizer role)');
      this.associationStacks.set(key, stack);
    }
    stack.addStackDependency(spokeStack, 'the associations need the spoke VPC');
    const spokeId = serviceChildId(facts.path.replace(/\//g, '-'));
    for (const s of this.shared) {
      if (s.zoneName === undefined) continue;
      zoneAssociationStep(stack, `${spokeId}${serviceChildId(s.shortName)}`, {
        zoneName: s.zoneName,
        zoneComment: this.zoneComment(s.shortName),
        vpcId: spoke.vpcId,
        vpcRegion: region,
        authorizerRoleArn: authorizerArn,
      });
    }
  }

  /** Admit a VPC's blocks on HTTPS (IPv4 and IPv6), once per block. */
  private admitVpc(vpc: ec2.IVpc): void {
    const facts = readVpcFacts(vpc);
    let v6 = 0;
    for (const c of facts.cidrs) {
      let text = c.block?.cidr ?? c.text;
      if (c.family === IpFamily.IPV6) v6++;
      if (text === '' && c.family === IpFamily.IPV6 && vpc instanceof ec2.Vpc && Stack.of(vpc) === Stack.of(this)) {
        // Amazon-provided or IPAM IPv6 blocks: the VPC's Ipv6CidrBlocks attribute, read once the
        // blocks are associated (the group waits for their association resources).
        text = Fn.select(v6 - 1, vpc.vpcIpv6CidrBlocks);
        for (const block of vpc.node.findAll()) {
          const pending = block instanceof ec2.CfnVPCCidrBlock && block.cidrBlock === undefined;
          if (pending && Stack.of(block) === Stack.of(this)) this.sg.node.addDependency(block);
        }
      }
      if (text === '') {
        warnOnce(this, { scope: vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block of ${facts.path}`,
          received: '(not given)',
          rule: `${c.unknownReason ?? 'the block is unknown'}, so the endpoints' security group cannot admit it`,
          fix: 'Import the VPC with its CIDR blocks (Vpc.fromVpcAttributes with vpcCidrBlock) so the hub can admit them.',
        });
        continue;
      }
      const key = Token.isUnresolved(text) ? `${facts.path}:${c.family}:${c.source}` : text;
      if (this.admitted.has(key)) continue;
      this.admitted.add(key);
      const peer = c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(text) : ec2.Peer.ipv4(text);
      this.sg.addIngressRule(peer, ec2.Port.tcp(HTTPS), `HTTPS from ${vpc === this.vpc ? 'the hub' : `spoke ${facts.path}`} (${c.family === IpFamily.IPV6 ? 'IPv6' : 'IPv4'})`);
    }
  }

  private selectSubnets(selection: ec2.SubnetSelection | undefined): ec2.ISubnet[] {
    const vpc = this.vpc;
    const type = vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
    const chosen = selection ?? { subnetType: type };
    let picked: ec2.ISubnet[] = [];
    try {
      picked = vpc.selectSubnets({ ...chosen, onePerAz: true }).subnets;
    } catch (e) {
      picked = [];
    }
    if (picked.length === 0 && !isPendingLookup(vpc)) {
      fail(this, Rules.ENDPOINT_EMPTY_SUBNETS, {
        prop: 'subnets',
        received: `selects no subnet in ${vpc.node.path}`,
        rule: 'interface endpoints need one subnet in at least one Availability Zone',
      });
    }
    // AWS PrivateLink guide: an interface endpoint has at most one subnet per Availability Zone.
    const seen = new Set<string>();
    return picked.filter((sn) => {
      const az = sn.availabilityZone;
      if (Token.isUnresolved(az)) return true;
      if (seen.has(az)) return false;
      seen.add(az);
      return true;
    });
  }

  // ---- synth-time checks over the whole app ----

  private validateHub(): string[] {
    const errors: string[] = [];
    const error = (r: RuleDefinition, d: ProblemDetails) => errors.push(formatProblem(this, r, d));
    const graph = ConnectivityGraph.of(this);
    const index = indexApp(this);
    const hubFacts = graph._facts(this.vpc, index);
    const spokeFacts = this.spokeList.map((s) => graph._facts(s, index));

    for (const f of [hubFacts, ...spokeFacts]) {
      if (f.pendingLookup) {
        warnOnce(this, { scope: f.vpc }, Rules.VPC_PENDING_LOOKUP, {
          prop: 'Vpc.fromLookup',
          received: 'is pending',
          rule: 'hubs check reachability and overlap with the hub once the lookup has real values',
        });
        return errors;
      }
    }
    for (const f of spokeFacts) this.checkReachable(f, hubFacts, error, (m) => { if (!errors.includes(m)) errors.push(m); });
    this.checkOverlap(hubFacts, spokeFacts, error);
    this.checkDuplicateDns([hubFacts, ...spokeFacts], index.endpoints, error);
    this.checkQuotasOverApp(error);
    return errors;
  }

  /** A spoke must be peered with the hub, with routes in both directions toward the endpoint subnets. */
  private checkReachable(spoke: VpcFacts, hub: VpcFacts, error: (r: RuleDefinition, d: ProblemDetails) => void,
    raw: (message: string) => void): void {
    const graph = ConnectivityGraph.of(this);
    const peering = graph.connections.find((c) => c.kind === ConnectionKind.PEERING
      && ((c.source === spoke.vpc && c.target === this.vpc) || (c.source === this.vpc && c.target === spoke.vpc)));
    const rule = 'the service names resolve to the hub\'s endpoint addresses, which a spoke reaches only through a peering with routes both ways';
    if (peering === undefined) {
      error(Rules.HUB_SPOKE_UNREACHABLE, { prop: `spoke ${spoke.path}`, received: `is not peered with the hub VPC ${hub.path}`, rule });
      return;
    }
    const routes = graph.routes.filter((r) => r.owner === peering.owner);
    const subnetBlocks: string[] = [];
    for (const sn of this.subnets) {
      const block = ipv4BlockOf(sn);
      if (block !== undefined) {
        subnetBlocks.push(block);
        continue;
      }
      warnOnce(this, { scope: sn, key: 'ipv4' }, Rules.VALUE_UNKNOWN, {
        prop: 'ipv4CidrBlock',
        received: 'is not known at synth (an unresolved token, or not given to the import)',
        rule: 'spokes are not checked to route toward this endpoint subnet (hub-spoke-unreachable)',
        fix: 'Import the subnet with its ipv4CidrBlock, or check the spokes\' routes yourself and acknowledge the warning.',
      });
    }
    // Spoke side: a route toward every endpoint subnet's block.
    const outbound = routes.filter((r) => r.vpc === spoke.vpc && r.peerVpc === this.vpc);
    const covers = (dest: string, block: string) => {
      const d = tryParseCidr(dest);
      const b = tryParseCidr(block);
      return d.ok && b.ok && d.block.contains(b.block);
    };
    const missing = subnetBlocks.filter((b) => !outbound.some((r) => !Token.isUnresolved(r.destination) && covers(r.destination, b)));
    if (outbound.length === 0 || missing.length > 0) {
      error(Rules.HUB_SPOKE_UNREACHABLE, {
        prop: `spoke ${spoke.path}`,
        received: `has no route through '${peering.owner.node.path}' toward the endpoint subnets ${(missing.length ? missing : subnetBlocks).join(', ')}`,
        rule,
      });
    }
    // Hub side: each endpoint subnet's route table leads back to the spoke.
    const back = routes.filter((r) => r.vpc === this.vpc && r.peerVpc === spoke.vpc).map((r) => r.routeTableId);
    let tables: SelectedRouteTable[];
    try {
      tables = selectRouteTables(this, 'subnets', this.vpc, undefined, this.subnets);
    } catch (e) {
      if (!(e instanceof ConnectivityError)) throw e;
      raw(e.message);
      return;
    }
    const missingTables = tables.filter((t) => !back.includes(t.routeTableId));
    if (missingTables.length > 0) {
      const paths = this.subnets.filter((sn) => missingTables.some((t) => t.subnetIds.includes(sn.subnetId))).map((sn) => sn.node.path);
      error(Rules.HUB_SPOKE_UNREACHABLE, {
        prop: `spoke ${spoke.path}`,
        received: `gets no return route through '${peering.owner.node.path}' in the route tables of the endpoint subnets ${paths.join(', ')}`,
        rule,
      });
    }
  }

  private checkOverlap(hub: VpcFacts, spokes: VpcFacts[], error: (r: RuleDefinition, d: ProblemDetails) => void): void {
    const all = [hub, ...spokes];
    for (const f of all) {
      for (const c of f.cidrs) {
        if (c.block !== undefined || c.amazonProvided) continue;
        warnOnce(this, { scope: f.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block of ${f.path}`,
          received: c.text === '' ? '(not given)' : 'is an unresolved token',
          rule: `${c.unknownReason ?? 'the block is unknown'}, so its overlap with the hub and the other spokes is not checked (hub-cidr-overlap)`,
        });
      }
    }
    for (let i = 1; i < all.length; i++) {
      for (let j = 0; j < i; j++) {
        for (const [x, y] of overlapsAny(knownBlocks(all[i]), knownBlocks(all[j]))) {
          error(Rules.HUB_CIDR_OVERLAP, {
            prop: `spoke ${all[i].path}`,
            received: `block ${x.cidr} overlaps ${j === 0 ? 'the hub' : 'spoke'} ${all[j].path} block ${y.cidr}`,
            rule: 'spokes reach the hub over peering, which needs disjoint blocks, and one address must not mean two VPCs to the endpoints\' security group',
          });
        }
      }
    }
  }

  /** A VPC of the hub with its own endpoint with private DNS for a shared service: two answers for one name. */
  private checkDuplicateDns(vpcs: VpcFacts[], endpoints: ec2.CfnVPCEndpoint[], error: (r: RuleDefinition, d: ProblemDetails) => void): void {
    const mine = new Set(this.shared.map((s) => s.endpoint.node.defaultChild));
    for (const ep of endpoints) {
      if (mine.has(ep) || endpointTypeOf(ep) !== 'Interface') continue;
      // AWS::EC2::VPCEndpoint: PrivateDnsEnabled defaults to false.
      const dns = Stack.of(ep).resolve(ep.privateDnsEnabled);
      const owner = vpcs.find((f) => f.vpc.vpcId === ep.vpcId);
      if (owner === undefined) continue;
      const name = normaliseServiceName(Stack.of(ep), ep.serviceName);
      const svc = this.shared.find((s) => s.zoneName !== undefined && normaliseServiceName(Stack.of(this), s.serviceName) === name);
      if (svc === undefined) continue;
      if (dns !== undefined && typeof dns !== 'boolean' && dns !== 'true' && dns !== 'false') {
        warnOnce(this, { scope: ep, key: 'PrivateDnsEnabled' }, Rules.VALUE_UNKNOWN, {
          prop: 'PrivateDnsEnabled',
          received: `is an unresolved token (an endpoint for ${name} in ${owner.path})`,
          rule: `the hub's zone ${svc.zoneName} is not checked against a second answer for the same name (hub-duplicate-private-dns)`,
        });
        continue;
      }
      if (dns !== true && dns !== 'true') continue;
      error(Rules.HUB_DUPLICATE_PRIVATE_DNS, {
        prop: `${owner.vpc === this.vpc ? 'hub' : 'spoke'} ${owner.path}`,
        received: `has its own endpoint '${ep.node.path}' for ${name} with private DNS`,
        rule: `the hub's zone ${svc.zoneName} answers for the same name in that VPC`,
      });
    }
  }

  private checkQuotasOverApp(error: (r: RuleDefinition, d: ProblemDetails) => void): void {
    const quotas = resolveQuotas(ConnectivityGraph.of(this).quotas);
    // Route 53 "Quotas": VPCs that can be associated with a private hosted zone (300 per zone).
    const vpcs = 1 + this.spokeList.length;
    if (this.hostedZones.length > 0 && vpcs > quotas.vpcsPerPrivateHostedZone) {
      error(Rules.HUB_ZONE_VPC_QUOTA, {
        prop: 'spokes',
        received: `${this.spokeList.length} spokes and the hub: ${vpcs} VPCs per zone`,
        rule: `a private hosted zone may be associated with ${quotas.vpcsPerPrivateHostedZone} VPCs (Route 53 quotas)`,
      });
    }
    // Route 53 "Quotas": hosted zones per account (500).
    const account = Stack.of(this).account;
    if (this.hostedZones.length === 0) return;
    if (Token.isUnresolved(account)) {
      warnOnce(this, { scope: Stack.of(this), key: 'account' }, Rules.VALUE_UNKNOWN, {
        prop: 'account',
        received: 'is a token (environment-agnostic stack)',
        rule: 'the hub\'s hosted zones are not counted against the per-account quota (hub-hosted-zone-quota)',
        fix: 'Give the stack an explicit env: { account, region }.',
      });
      return;
    }
    const zones = this.node.root.node.findAll().filter((c) => c instanceof route53.CfnHostedZone && Stack.of(c).account === account);
    if (zones.length > quotas.hostedZonesPerAccount) {
      error(Rules.HUB_HOSTED_ZONE_QUOTA, {
        prop: `hosted zones in account ${account}`,
        received: String(zones.length),
        rule: `an account may have ${quotas.hostedZonesPerAccount} hosted zones (Route 53 quotas)`,
      });
    }
  }
}

/** A subnet's IPv4 block when known at synth; undefined for a token or an import given none. */
function ipv4BlockOf(sn: ec2.ISubnet): string | undefined {
  try {
    return Token.isUnresolved(sn.ipv4CidrBlock) ? undefined : sn.ipv4CidrBlock;
  } catch {
    return undefined; // an imported subnet without ipv4CidrBlock throws when it is read
  }
}
