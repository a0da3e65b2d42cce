// PrivateLink for VPC resources: VPC Lattice resource gateways and resource configurations, and the
// checks AWS makes when a consumer creates a `Resource` (or `ServiceNetwork`) VPC endpoint.
//
// moto 5.2.1 has no resource gateway or resource configuration API, so their state is kept here,
// one store per engine, validated as CloudFormation and the VPC Lattice API do. Sources (cited per
// check): the CloudFormation resource provider schemas of AWS::VpcLattice::ResourceGateway and
// AWS::VpcLattice::ResourceConfiguration (CloudFormation template reference; the same schemas
// cfn-lint 1.51.0 ships), the Amazon VPC Lattice API Reference (CreateResourceGateway,
// CreateResourceConfiguration) and the AWS PrivateLink guide ("Access a resource through a
// resource VPC endpoint").
import * as ec2 from '@aws-sdk/client-ec2';
import { partitionOf } from '../aws';
import { cfnTags, ResourceHandler } from './types';
import type { Engine, HandlerContext } from '../engine';

type Props = Record<string, any>;

/** A resource gateway as GetResourceGateway shows it. */
export interface ResourceGatewayRecord {
  readonly id: string;
  readonly arn: string;
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly ipAddressType?: string;
  readonly status: 'ACTIVE';
  readonly tags: Array<{ Key: string; Value: string }>;
}

/** A resource configuration as GetResourceConfiguration shows it. */
export interface ResourceConfigurationRecord {
  readonly id: string;
  readonly arn: string;
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly type: 'SINGLE' | 'GROUP' | 'CHILD' | 'ARN';
  /** The gateway (a CHILD inherits its group's). */
  readonly resourceGatewayId: string;
  readonly resourceConfigurationGroupId?: string;
  readonly portRanges: string[];
  readonly protocol?: string;
  /** `{ dnsResource: {...} }`, `{ ipResource: {...} }` or `{ arnResource: {...} }`, as the API shows it. */
  readonly definition?: Record<string, unknown>;
  readonly allowAssociationToShareableServiceNetwork: boolean;
  readonly status: 'ACTIVE';
}

/** A RAM share of lattice resources and its invitations (see ram.ts). */
export interface LatticeShareRecord {
  readonly arn: string;
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly principals: string[];
  readonly resourceArns: string[];
  /** Invitation status per invited account: PENDING until the account accepts it. */
  readonly invitations: Map<string, 'PENDING' | 'ACCEPTED' | 'REJECTED'>;
}

/** A resource configuration's association with a service network. */
export interface ServiceNetworkAssociationRecord {
  readonly id: string;
  readonly arn: string;
  readonly resourceConfigurationId: string;
  readonly serviceNetworkId: string;
}

/** What a Resource or ServiceNetwork endpoint is associated with. */
export interface LatticeEndpointRecord {
  readonly endpointId: string;
  readonly account: string;
  readonly region: string;
  readonly type: 'Resource' | 'ServiceNetwork';
  readonly resourceConfigurationArn?: string;
  readonly serviceNetworkArn?: string;
}

/** The emulated VPC Lattice and RAM-for-lattice state of one engine. */
export class LatticeStore {
  public readonly gateways = new Map<string, ResourceGatewayRecord>();
  public readonly configurations = new Map<string, ResourceConfigurationRecord>();
  public readonly shares = new Map<string, LatticeShareRecord>();
  public readonly endpoints = new Map<string, LatticeEndpointRecord>();
  /** Service network resource associations by ARN. */
  public readonly serviceNetworkAssociations = new Map<string, ServiceNetworkAssociationRecord>();

  /** A gateway by ID or ARN, in an account and Region. */
  public gateway(idOrArn: string, account: string, region: string): ResourceGatewayRecord | undefined {
    return [...this.gateways.values()].find((g) => (g.id === idOrArn || g.arn === idOrArn) && g.account === account && g.region === region);
  }

  /** A configuration by ID or ARN, in an account and Region. */
  public configuration(idOrArn: string, account: string, region: string): ResourceConfigurationRecord | undefined {
    return [...this.configurations.values()].find((c) => (c.id === idOrArn || c.arn === idOrArn) && c.account === account && c.region === region);
  }

  /**
   * AcceptResourceShareInvitation for every pending invitation of `account` (what the consumer does
   * in the console or with `aws ram accept-resource-share-invitation`). Returns the share ARNs accepted.
   */
  public acceptInvitations(account: string): string[] {
    const accepted: string[] = [];
    for (const s of this.shares.values()) {
      if (s.invitations.get(account) === 'PENDING') {
        s.invitations.set(account, 'ACCEPTED');
        accepted.push(s.arn);
      }
    }
    return accepted;
  }
}

const stores = new WeakMap<Engine, LatticeStore>();

/** The lattice store of an engine (a new engine, as after `Harness.reset()`, starts empty). */
export function latticeOf(engine: Engine): LatticeStore {
  let s = stores.get(engine);
  if (!s) {
    s = new LatticeStore();
    stores.set(engine, s);
  }
  return s;
}

/** A VPC Lattice ID: `<prefix>-` and 17 characters of [0-9a-z] (GetResourceGateway: `rgw-[0-9a-z]{17}`). */
function latticeId(prefix: string): string {
  let s = '';
  while (s.length < 17) s += Math.random().toString(36).slice(2);
  return `${prefix}-${s.slice(0, 17)}`;
}

/** A ValidationException as VPC Lattice and CloudFormation's schema check answer it. */
function invalid(type: string, message: string): Error {
  return new Error(`ValidationException: ${type}: ${message}`);
}

function need(type: string, p: Props, keys: string[]): void {
  for (const k of keys) {
    if (p[k] === undefined || p[k] === '') throw invalid(type, `required property ${k} is missing`);
  }
}

function oneOf(type: string, key: string, value: unknown, allowed: string[]): void {
  if (value !== undefined && !allowed.includes(String(value))) throw invalid(type, `${key} ${JSON.stringify(value)} is not one of ${allowed.join(' | ')}`);
}

// ResourceGatewayName / ResourceConfigurationName (VPC Lattice API Reference): 3-40 characters,
// a-z 0-9 and hyphens, no leading, trailing or double hyphen, not starting with the ID prefix.
function latticeName(type: string, name: string, idPrefix: string): void {
  const re = new RegExp(`^(?!${idPrefix}-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+$`);
  if (name.length < 3 || name.length > 40 || !re.test(name)) {
    throw invalid(type, `Name ${JSON.stringify(name)} must be 3-40 characters of a-z, 0-9 and single inner hyphens, not starting with ${idPrefix}-`);
  }
}

const bool = (v: unknown) => v === true || v === 'true';

async function subnetsOf(ctx: HandlerContext, ids: string[]): Promise<ec2.Subnet[]> {
  if (ids.length === 0) return [];
  try {
    return (await ctx.clients.ec2.send(new ec2.DescribeSubnetsCommand({ SubnetIds: ids }))).Subnets ?? [];
  } catch (e) {
    throw new Error(`InvalidSubnetID.NotFound: ${(e as Error).message}`);
  }
}

async function groupsOf(ctx: HandlerContext, ids: string[]): Promise<ec2.SecurityGroup[]> {
  if (ids.length === 0) return [];
  try {
    return (await ctx.clients.ec2.send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: ids }))).SecurityGroups ?? [];
  } catch (e) {
    throw new Error(`InvalidGroup.NotFound: ${(e as Error).message}`);
  }
}

/** Subnets and security groups must exist and belong to `vpcId`. */
async function inVpc(ctx: HandlerContext, type: string, vpcId: string, subnetIds: string[], groupIds: string[]): Promise<ec2.Subnet[]> {
  const subnets = await subnetsOf(ctx, subnetIds);
  const stray = subnets.filter((s) => s.VpcId !== vpcId).map((s) => `${s.SubnetId} (${s.VpcId})`);
  if (stray.length) throw invalid(type, `subnets ${stray.join(', ')} are not in VPC ${vpcId}`);
  const groups = await groupsOf(ctx, groupIds);
  const strayGroups = groups.filter((g) => g.VpcId !== vpcId).map((g) => `${g.GroupId} (${g.VpcId})`);
  if (strayGroups.length) throw invalid(type, `security groups ${strayGroups.join(', ')} are not in VPC ${vpcId}`);
  return subnets;
}

// AWS::VpcLattice::ResourceGateway (CloudFormation template reference) and CreateResourceGateway
// (VPC Lattice API Reference): Name, VpcIdentifier and SubnetIds required; IpAddressType IPV4 |
// IPV6 | DUALSTACK; Ipv4AddressesPerEni 1-62; at most 5 security groups, "in the same VPC";
// subnets of the VPC; IPv4 "only if all selected subnets have IPv4 address ranges", IPv6 "only if
// all selected subnets are IPv6 only subnets", dualstack only if they have both. Ref and Arn return
// the ARN `arn:<partition>:vpc-lattice:<region>:<account>:resourcegateway/rgw-<17>`; Id the ID.
const ResourceGateway: ResourceHandler = {
  async create(p, ctx) {
    const T = 'AWS::VpcLattice::ResourceGateway';
    need(T, p, ['Name', 'VpcIdentifier', 'SubnetIds']);
    latticeName(T, String(p.Name), 'rgw');
    oneOf(T, 'IpAddressType', p.IpAddressType, ['IPV4', 'IPV6', 'DUALSTACK']);
    oneOf(T, 'ResourceConfigDnsResolution', p.ResourceConfigDnsResolution, ['IN_VPC', 'PUBLIC']);
    if (p.Ipv4AddressesPerEni !== undefined && !(Number(p.Ipv4AddressesPerEni) >= 1 && Number(p.Ipv4AddressesPerEni) <= 62)) {
      throw invalid(T, `Ipv4AddressesPerEni ${p.Ipv4AddressesPerEni} is not between 1 and 62`);
    }
    const subnetIds = (p.SubnetIds as string[]).map(String);
    const groupIds = ((p.SecurityGroupIds ?? []) as string[]).map(String);
    if (subnetIds.length === 0) throw invalid(T, 'SubnetIds is empty');
    if (groupIds.length > 5) throw invalid(T, `at most 5 SecurityGroupIds, got ${groupIds.length}`);
    const vpcId = String(p.VpcIdentifier);
    try {
      await ctx.clients.ec2.send(new ec2.DescribeVpcsCommand({ VpcIds: [vpcId] }));
    } catch (e) {
      throw new Error(`InvalidVpcID.NotFound: ${T}: VPC ${vpcId} does not exist (${(e as Error).message})`);
    }
    const subnets = await inVpc(ctx, T, vpcId, subnetIds, groupIds);
    const v4 = (s: ec2.Subnet) => !!s.CidrBlock && !s.Ipv6Native;
    const v6 = (s: ec2.Subnet) => (s.Ipv6CidrBlockAssociationSet ?? []).length > 0;
    const type = p.IpAddressType as string | undefined;
    const unfit = subnets.filter((s) => (type === 'IPV6' ? !(v6(s) && !v4(s)) : type === 'DUALSTACK' ? !(v4(s) && v6(s)) : !v4(s)));
    if (unfit.length) throw invalid(T, `IpAddressType ${type ?? 'IPV4'} does not fit subnets ${unfit.map((s) => s.SubnetId).join(', ')}`);
    const id = latticeId('rgw');
    const rec: ResourceGatewayRecord = {
      id,
      arn: `arn:${partitionOf(ctx.stack.region)}:vpc-lattice:${ctx.stack.region}:${ctx.stack.account}:resourcegateway/${id}`,
      account: ctx.stack.account,
      region: ctx.stack.region,
      name: String(p.Name),
      vpcId,
      subnetIds: [...subnetIds].sort(),
      securityGroupIds: [...groupIds].sort(),
      ipAddressType: type,
      status: 'ACTIVE',
      tags: cfnTags(ctx, p.Tags),
    };
    latticeOf(ctx.engine).gateways.set(rec.arn, rec);
    return { physicalId: rec.arn, attributes: { Arn: rec.arn, Id: rec.id } };
  },
  async delete(old, ctx) {
    const store = latticeOf(ctx.engine);
    const used = [...store.configurations.values()].filter((c) => c.resourceGatewayId === old.attributes.Id);
    // DeleteResourceGateway: a gateway with resource configurations cannot be deleted (ConflictException).
    if (used.length) throw new Error(`ConflictException: resource gateway ${old.attributes.Id} has resource configurations ${used.map((c) => c.id).join(', ')}`);
    store.gateways.delete(old.physicalId);
  },
};

const PORT_RANGE = /^((\d{1,5}-\d{1,5})|(\d+))$/;

// PortRange (VPC Lattice API Reference): "1-65535" or "22", 1-11 characters; ports 1-65535, from <= to.
function portRanges(type: string, ranges: unknown[]): string[] {
  return ranges.map((r) => {
    const s = String(r);
    if (s.length > 11 || !PORT_RANGE.test(s)) throw invalid(type, `port range ${JSON.stringify(s)} is not a port or from-to range`);
    const [from, to = from] = s.split('-').map(Number);
    if (from < 1 || to > 65535 || from > to) throw invalid(type, `port range ${s} is not within 1-65535 with from <= to`);
    return s;
  });
}

function ipv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  return o.every((x) => x <= 255) ? o : undefined;
}

function inCidr(ip: number[], cidr: string): boolean {
  const [base, len] = cidr.split('/');
  const b = ipv4(base);
  if (!b) return false;
  const n = (o: number[]) => o.reduce((a, x) => a * 256 + x, 0);
  const size = 2 ** (32 - Number(len));
  return Math.floor(n(ip) / size) === Math.floor(n(b) / size);
}

// DNS names: labels of 1-63 letters, digits and hyphens (not at either end), 3-255 characters in
// all (DnsResource.DomainName, VPC Lattice API Reference).
const DNS_LABEL = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const validDnsName = (s: string) => s.length >= 3 && s.length <= 255 && s.replace(/\.$/, '').split('.').length >= 2
  && s.replace(/\.$/, '').split('.').every((l) => DNS_LABEL.test(l));

// ResourceConfigurationDefinition: one of DnsResource, IpResource, ArnResource (CloudFormation
// schema `oneOf`). DnsResource needs DomainName and IpAddressType ("Dualstack is currently not
// supported"); an IP target: "For IPv4 and IPv6, only IP addresses in the VPC are supported";
// an ARN target matches the WildcardArn pattern.
async function definitionOf(ctx: HandlerContext, type: string, cfgType: string, d: Props | undefined, gw: ResourceGatewayRecord):
Promise<Record<string, unknown> | undefined> {
  if (d === undefined) {
    if (cfgType === 'GROUP') return undefined;
    throw invalid(type, `a ${cfgType} resource configuration needs a ResourceConfigurationDefinition`);
  }
  const kinds = ['DnsResource', 'IpResource', 'ArnResource'].filter((k) => d[k] !== undefined);
  if (kinds.length !== 1) throw invalid(type, `ResourceConfigurationDefinition takes exactly one of DnsResource, IpResource, ArnResource (got ${kinds.join(', ') || 'none'})`);
  if ((cfgType === 'ARN') !== (kinds[0] === 'ArnResource')) throw invalid(type, `a ${cfgType} resource configuration cannot take ${kinds[0]}`);
  if (d.DnsResource) {
    need(type, d.DnsResource, ['DomainName', 'IpAddressType']);
    oneOf(type, 'DnsResource.IpAddressType', d.DnsResource.IpAddressType, ['IPV4', 'IPV6']);
    if (!validDnsName(String(d.DnsResource.DomainName))) throw invalid(type, `DomainName ${JSON.stringify(d.DnsResource.DomainName)} is not a valid DNS name`);
    return { dnsResource: { domainName: String(d.DnsResource.DomainName), ipAddressType: String(d.DnsResource.IpAddressType) } };
  }
  if (d.IpResource !== undefined) {
    const ip = String(d.IpResource);
    const o = ipv4(ip);
    if (!o) throw invalid(type, `IpResource ${JSON.stringify(ip)} is not an IPv4 address this deploy tier can place in the VPC`);
    const [vpc] = (await ctx.clients.ec2.send(new ec2.DescribeVpcsCommand({ VpcIds: [gw.vpcId] }))).Vpcs!;
    const cidrs = [vpc.CidrBlock, ...(vpc.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock)].filter(Boolean) as string[];
    if (!cidrs.some((c) => inCidr(o, c))) throw invalid(type, `IpResource ${ip} is not in the resource gateway's VPC ${gw.vpcId} (${[...new Set(cidrs)].join(', ')})`);
    return { ipResource: { ipAddress: ip } };
  }
  const arn = String(d.ArnResource);
  if (!/^arn:[a-z0-9][-.a-z0-9]{0,62}:[a-z0-9][-.a-z0-9]{0,62}:([a-z0-9][-.a-z0-9]{0,62})?:\d{12}?:[^/].{0,1023}$/.test(arn)) {
    throw invalid(type, `ArnResource ${JSON.stringify(arn)} is not an ARN`);
  }
  return { arnResource: { arn } };
}

// AWS::VpcLattice::ResourceConfiguration (CloudFormation template reference) and
// CreateResourceConfiguration (VPC Lattice API Reference): Name and ResourceConfigurationType
// (GROUP | CHILD | SINGLE | ARN) required; the name "must be unique within the account";
// ResourceGatewayId for SINGLE, GROUP and ARN ("for a child resource configuration, this value is
// inherited from the parent"); ResourceConfigurationGroupId for CHILD, "the parent resource
// configuration of type GROUP"; PortRanges for SINGLE, GROUP, CHILD; ProtocolType TCP. Ref and Arn
// return `arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17>`.
const ResourceConfiguration: ResourceHandler = {
  async create(p, ctx) {
    const T = 'AWS::VpcLattice::ResourceConfiguration';
    const store = latticeOf(ctx.engine);
    need(T, p, ['Name', 'ResourceConfigurationType']);
    latticeName(T, String(p.Name), 'rcfg');
    oneOf(T, 'ResourceConfigurationType', p.ResourceConfigurationType, ['GROUP', 'CHILD', 'SINGLE', 'ARN']);
    oneOf(T, 'ProtocolType', p.ProtocolType, ['TCP']);
    oneOf(T, 'ResourceConfigurationAuthType', p.ResourceConfigurationAuthType, ['NONE', 'AWS_IAM']);
    const cfgType = p.ResourceConfigurationType as ResourceConfigurationRecord['type'];
    const { account, region } = ctx.stack;
    if ([...store.configurations.values()].some((c) => c.account === account && c.region === region && c.name === p.Name)) {
      throw new Error(`ConflictException: ${T}: a resource configuration named ${p.Name} already exists in ${account}`);
    }
    let gw: ResourceGatewayRecord | undefined;
    let groupId: string | undefined;
    if (cfgType === 'CHILD') {
      if (p.ResourceConfigurationGroupId === undefined) throw invalid(T, 'a CHILD resource configuration needs ResourceConfigurationGroupId');
      if (p.ResourceGatewayId !== undefined) throw invalid(T, 'a CHILD resource configuration inherits its group\'s gateway: ResourceGatewayId is not accepted');
      const group = store.configuration(String(p.ResourceConfigurationGroupId), account, region);
      if (!group) throw new Error(`ResourceNotFoundException: ${T}: resource configuration ${p.ResourceConfigurationGroupId} does not exist`);
      if (group.type !== 'GROUP') throw invalid(T, `ResourceConfigurationGroupId ${group.id} is of type ${group.type}, not GROUP`);
      gw = store.gateway(group.resourceGatewayId, account, region);
      groupId = group.id;
    } else {
      if (p.ResourceConfigurationGroupId !== undefined) throw invalid(T, `a ${cfgType} resource configuration takes no ResourceConfigurationGroupId`);
      if (p.ResourceGatewayId === undefined) throw invalid(T, `a ${cfgType} resource configuration needs ResourceGatewayId`);
      gw = store.gateway(String(p.ResourceGatewayId), account, region);
      if (!gw) throw new Error(`ResourceNotFoundException: ${T}: resource gateway ${p.ResourceGatewayId} does not exist in ${account}/${region}`);
    }
    const ranges = portRanges(T, (p.PortRanges ?? []) as unknown[]);
    if (cfgType === 'ARN' && ranges.length) throw invalid(T, 'PortRanges apply to SINGLE, GROUP and CHILD resource configurations');
    const definition = await definitionOf(ctx, T, cfgType, p.ResourceConfigurationDefinition, gw!);
    const id = latticeId('rcfg');
    const rec: ResourceConfigurationRecord = {
      id,
      arn: `arn:${partitionOf(region)}:vpc-lattice:${region}:${account}:resourceconfiguration/${id}`,
      account,
      region,
      name: String(p.Name),
      type: cfgType,
      resourceGatewayId: gw!.id,
      resourceConfigurationGroupId: groupId,
      portRanges: ranges,
      protocol: cfgType === 'SINGLE' || cfgType === 'GROUP' ? String(p.ProtocolType ?? 'TCP') : undefined,
      definition,
      allowAssociationToShareableServiceNetwork: bool(p.AllowAssociationToSharableServiceNetwork),
      status: 'ACTIVE',
    };
    store.configurations.set(rec.arn, rec);
    return { physicalId: rec.arn, attributes: { Arn: rec.arn, Id: rec.id } };
  },
  async delete(old, ctx) {
    const store = latticeOf(ctx.engine);
    const id = old.attributes.Id;
    const children = [...store.configurations.values()].filter((c) => c.resourceConfigurationGroupId === id);
    if (children.length) throw new Error(`ConflictException: resource configuration ${id} has child configurations ${children.map((c) => c.id).join(', ')}`);
    const endpoints = [...store.endpoints.values()].filter((e) => e.resourceConfigurationArn === old.physicalId);
    if (endpoints.length) throw new Error(`ConflictException: resource configuration ${id} is associated with endpoints ${endpoints.map((e) => e.endpointId).join(', ')}`);
    const associations = [...store.serviceNetworkAssociations.values()].filter((a) => a.resourceConfigurationId === id);
    if (associations.length) throw new Error(`ConflictException: resource configuration ${id} is associated with service networks (${associations.map((a) => a.id).join(', ')})`);
    store.configurations.delete(old.physicalId);
  },
};

/** A hex ID: `<prefix>-` and 17 characters of [0-9a-f] (AWS::VpcLattice::ServiceNetworkResourceAssociation Id: `snra-[0-9a-f]{17}`). */
function hexId(prefix: string): string {
  let s = '';
  while (s.length < 17) s += Math.floor(Math.random() * 16).toString(16);
  return `${prefix}-${s}`;
}

// AWS::VpcLattice::ServiceNetworkResourceAssociation (CloudFormation template reference):
// ResourceConfigurationId `rcfg-[0-9a-z]{17}` (a configuration of the account), ServiceNetworkId
// `sn-[0-9a-z]{17}` or a service network ARN; Ref and Arn return
// `arn:<partition>:vpc-lattice:<region>:<account>:servicenetworkresourceassociation/snra-<17 hex>`.
// The service network itself is not looked up: the deploy tier keeps no service networks.
const ServiceNetworkResourceAssociation: ResourceHandler = {
  async create(p, ctx) {
    const T = 'AWS::VpcLattice::ServiceNetworkResourceAssociation';
    const { account, region } = ctx.stack;
    need(T, p, ['ResourceConfigurationId', 'ServiceNetworkId']);
    if (!/^rcfg-[0-9a-z]{17}$/.test(String(p.ResourceConfigurationId))) throw invalid(T, `ResourceConfigurationId ${p.ResourceConfigurationId} is not a resource configuration ID`);
    if (!/^((sn-[0-9a-z]{17})|(arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:servicenetwork\/sn-[0-9a-z]{17}))$/.test(String(p.ServiceNetworkId))) {
      throw invalid(T, `ServiceNetworkId ${p.ServiceNetworkId} is not a service network ID or ARN`);
    }
    const store = latticeOf(ctx.engine);
    const cfg = store.configuration(String(p.ResourceConfigurationId), account, region);
    if (!cfg) throw new Error(`ResourceNotFoundException: ${T}: resource configuration ${p.ResourceConfigurationId} does not exist in ${account}/${region}`);
    const id = hexId('snra');
    const arn = `arn:${partitionOf(region)}:vpc-lattice:${region}:${account}:servicenetworkresourceassociation/${id}`;
    store.serviceNetworkAssociations.set(arn, { id, arn, resourceConfigurationId: cfg.id, serviceNetworkId: String(p.ServiceNetworkId) });
    return { physicalId: arn, attributes: { Arn: arn, Id: id } };
  },
  async delete(old, ctx) {
    latticeOf(ctx.engine).serviceNetworkAssociations.delete(old.physicalId);
  },
};

/** Whether an AWS::EC2::VPCEndpoint is a Resource or ServiceNetwork endpoint. */
export function isLatticeEndpoint(p: Props): boolean {
  return p.VpcEndpointType === 'Resource' || p.VpcEndpointType === 'ServiceNetwork';
}

/**
 * resourceEndpointAccess: before CreateVpcEndpoint of type Resource or ServiceNetwork, the checks
 * AWS makes and the emulator does not (it creates any such endpoint, unchecked, without its ARN).
 * CreateVpcEndpoint (Amazon EC2 API Reference): ResourceConfigurationArn is "a resource
 * configuration that will be associated with the VPC endpoint of type resource", ServiceNetworkArn
 * "a service network ... of type service-network". "Access a resource through a resource VPC
 * endpoint" (AWS PrivateLink guide): the configuration is of type single, group or ARN; it is one
 * "that you created or another account created and shared with you through AWS RAM", and a share
 * from another account must be accepted; no endpoint "if the resource gateway is in the same VPC as
 * the resource endpoint". Subnets and security groups are the endpoint VPC's.
 */
export async function beforeLatticeEndpoint(p: Props, ctx: HandlerContext): Promise<void> {
  const T = `AWS::EC2::VPCEndpoint (${p.VpcEndpointType})`;
  const store = latticeOf(ctx.engine);
  const { account, region } = ctx.stack;
  await inVpc(ctx, T, String(p.VpcId), ((p.SubnetIds ?? []) as string[]).map(String), ((p.SecurityGroupIds ?? []) as string[]).map(String));
  if (p.ServiceName !== undefined) throw invalid(T, 'ServiceName is for Interface, Gateway and GatewayLoadBalancer endpoints');
  if (p.VpcEndpointType === 'ServiceNetwork') {
    if (!p.ServiceNetworkArn) throw invalid(T, 'a ServiceNetwork endpoint needs ServiceNetworkArn');
    if (p.ResourceConfigurationArn) throw invalid(T, 'a ServiceNetwork endpoint takes no ResourceConfigurationArn');
    return;
  }
  if (!p.ResourceConfigurationArn) throw invalid(T, 'a Resource endpoint needs ResourceConfigurationArn');
  if (p.ServiceNetworkArn) throw invalid(T, 'a Resource endpoint takes no ServiceNetworkArn');
  const arn = String(p.ResourceConfigurationArn);
  const m = /^arn:[^:]+:vpc-lattice:([^:]+):(\d{12}):resourceconfiguration\/(rcfg-[0-9a-z]{17})$/.exec(arn);
  if (!m) throw invalid(T, `ResourceConfigurationArn ${arn} is not a resource configuration ARN`);
  const [, cfgRegion, owner] = m;
  const cfg = store.configuration(arn, owner, cfgRegion);
  // A configuration in another Region, or one the caller may not see, is not found from here.
  const notFound = () => new Error(`ResourceNotFoundException: ${T}: resource configuration ${arn} was not found in ${account}/${region}`);
  if (!cfg || cfgRegion !== region) throw notFound();
  if (cfg.type === 'CHILD') throw invalid(T, `resource configuration ${cfg.id} is of type CHILD; an endpoint takes a SINGLE, GROUP or ARN configuration`);
  if (owner !== account) {
    const shares = [...store.shares.values()]
      .filter((s) => s.account === owner && s.region === region && s.resourceArns.includes(arn) && s.principals.includes(account));
    if (shares.length === 0) throw new Error(`${notFound().message}: it is not shared with account ${account} through AWS RAM`);
    if (!shares.some((s) => s.invitations.get(account) === 'ACCEPTED')) {
      throw new Error(`${notFound().message}: account ${account} has not accepted the resource share invitation (${shares.map((s) => s.arn).join(', ')})`);
    }
  }
  const gw = store.gateway(cfg.resourceGatewayId, owner, region)!;
  if (gw.vpcId === String(p.VpcId)) {
    throw invalid(T, `resource gateway ${gw.id} is in the endpoint's VPC ${p.VpcId}`);
  }
}

/** After CreateVpcEndpoint of type Resource or ServiceNetwork: what the endpoint is associated with. */
export function recordLatticeEndpoint(endpointId: string, p: Props, ctx: HandlerContext): void {
  latticeOf(ctx.engine).endpoints.set(endpointId, {
    endpointId,
    account: ctx.stack.account,
    region: ctx.stack.region,
    type: p.VpcEndpointType,
    resourceConfigurationArn: p.ResourceConfigurationArn,
    serviceNetworkArn: p.ServiceNetworkArn,
  });
}

/** After DeleteVpcEndpoints. */
export function forgetLatticeEndpoint(endpointId: string, engine: Engine): void {
  latticeOf(engine).endpoints.delete(endpointId);
}

/** Handlers of VPC Lattice resource types, by CloudFormation type. */
export const LATTICE_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::VpcLattice::ResourceGateway': ResourceGateway,
  'AWS::VpcLattice::ResourceConfiguration': ResourceConfiguration,
  'AWS::VpcLattice::ServiceNetworkResourceAssociation': ServiceNetworkResourceAssociation,
};
