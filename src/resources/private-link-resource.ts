import { createHash } from 'crypto';
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ram from 'aws-cdk-lib/aws-ram';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct, IConstruct } from 'constructs';
import { ImportedPrivateLinkResource } from './imported-resource';
import { describeRanges, parsePortRanges, PortRange, tcpPort } from './ports';
import { resourceQuotas, RESOURCE_QUOTAS_SOURCE } from './quotas';
import { IPrivateLinkResource, PrivateLinkResourceAttributes } from './resource-reference';
import { ResourceTarget, ResourceTargetKind } from './resource-target';
import { checkAddressFamily, checkTarget, ResourceGatewayIpAddressType } from './target-checks';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { fail, formatProblem } from '../core/errors';
import { ConnectivityGraph } from '../core/graph';
import { checkPrincipals } from '../core/principals';
import { Rules } from '../core/rules';
import { readVpcFacts, VpcFacts } from '../core/vpc-facts';
import { show, warn } from '../core/warnings';
import { refuseSharedZones, selectZoned } from '../core/zoned-subnets';
import { partitionOf } from '../net/regions';

/** How a resource gateway resolves the domain names of its DNS targets. */
export enum ResourceDnsResolution {
  /** Public DNS resolvers (AWS default). */
  PUBLIC = 'PUBLIC',
  /** The DNS server of the VPC's DHCP options (private hosted zones, private DNS servers). */
  IN_VPC = 'IN_VPC',
}

/** Properties of a {@link PrivateLinkResource}. */
export interface PrivateLinkResourceProps {
  /** The provider's VPC, where the resource is (or from which it is reached). */
  readonly vpc: ec2.IVpc;
  /**
   * The resource to share (a SINGLE resource configuration, or ARN for an RDS database).
   * @default - none: give `targets`
   */
  readonly target?: ResourceTarget;
  /**
   * Several IP or DNS targets shared as one GROUP resource configuration with a CHILD per target.
   * @default - none: give `target`
   */
  readonly targets?: ResourceTarget[];
  /**
   * The TCP ports the resource accepts, each a port (`'5432'`) or a range (`'8000-8010'`). For an
   * ARN target AWS takes the ports from the database; these then open the security groups only.
   */
  readonly portRanges: string[];
  /**
   * The protocol; PrivateLink for VPC resources carries TCP only.
   * @default ec2.Protocol.TCP
   */
  readonly protocol?: ec2.Protocol;
  /**
   * Accounts (or organization / OU ARNs) the resource is shared with through AWS RAM.
   * @default - none: only VPCs of the provider's account can connect (a warning says so)
   */
  readonly allowedPrincipals?: iam.ArnPrincipal[];
  /**
   * Whether accounts outside the provider's organization may be given the share.
   * @default - AWS RAM's default (true)
   */
  readonly allowExternalPrincipals?: boolean;
  /**
   * Subnets of the resource gateway, at most one per Availability Zone; consumers connect through
   * endpoints that share at least one zone with it.
   * @default - the VPC's private subnets (isolated subnets if it has no private ones), one per zone
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Security groups of the resource gateway (their outbound rules decide what it can reach).
   * @default - a new group whose only outbound rules are the port ranges toward the target
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Where the gateway's security group lets traffic out, for DNS and ARN targets.
   * @default - the target's address for an IP target, the provider VPC's CIDR blocks otherwise
   */
  readonly targetCidrBlocks?: string[];
  /**
   * The resource gateway's IP address type.
   * @default ResourceGatewayIpAddressType.IPV4
   */
  readonly ipAddressType?: ResourceGatewayIpAddressType;
  /**
   * IPv4 addresses per gateway network interface (1–62): the concurrent connections to the resource.
   * @default - AWS's default (16)
   */
  readonly ipv4AddressesPerEni?: number;
  /**
   * How the gateway resolves DNS targets.
   * @default ResourceDnsResolution.PUBLIC (AWS default)
   */
  readonly dnsResolution?: ResourceDnsResolution;
  /**
   * Whether consumers may add the resource to service networks they share with other accounts
   * (transitive sharing).
   * @default false
   */
  readonly allowAssociationToSharableServiceNetwork?: boolean;
  /**
   * IDs (or ARNs) of VPC Lattice service networks to associate the resource with, for consumers that
   * connect through a service network.
   * @default - none
   */
  readonly serviceNetworks?: string[];
  /**
   * The provider account's AZ name → AZ ID mapping in the resource's region.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
}

/**
 * A resource in a VPC shared through PrivateLink for VPC resources, without a load balancer: a
 * resource gateway in the provider VPC, a resource configuration for the target (or a group of
 * them), and an AWS RAM share to the allowed principals.
 */
export class PrivateLinkResource extends Construct implements IPrivateLinkResource, ec2.IConnectable {
  /** A resource configuration defined in another app or account, for `PrivateLinkResourceEndpoint.resource`. */
  public static fromResourceAttributes(scope: Construct, id: string, attrs: PrivateLinkResourceAttributes): IPrivateLinkResource {
    return new ImportedPrivateLinkResource(scope, id, attrs);
  }

  /** The resource configuration (SINGLE, ARN or GROUP). */
  public readonly resourceConfiguration: vpclattice.CfnResourceConfiguration;
  /** The CHILD configurations of a group, one per target. */
  public readonly childConfigurations: vpclattice.CfnResourceConfiguration[];
  /** The resource gateway. */
  public readonly resourceGateway: vpclattice.CfnResourceGateway;
  /**
   * The AWS RAM share.
   * @default - none when no principal is allowed
   */
  public readonly resourceShare?: ram.CfnResourceShare;
  /** The resource configuration's ARN. */
  public readonly resourceConfigurationArn: string;
  /** The resource configuration's ID. */
  public readonly resourceConfigurationId: string;
  /** The port ranges the resource accepts. */
  public readonly portRanges: string[];
  /** The gateway's security groups: let the target admit them with `target.connections.allowFrom(resource, port)`. */
  public readonly connections: ec2.Connections;
  /** The provider's VPC (always set here; optional in IPrivateLinkResource, whose imports have none). */
  public readonly vpc?: ec2.IVpc;
  private readonly providerVpc: ec2.IVpc;
  /**
   * The resource's region.
   * @default - unknown (environment-agnostic stack)
   */
  public readonly region?: string;
  /**
   * The provider's account.
   * @default - unknown (environment-agnostic stack)
   */
  public readonly account?: string;
  /**
   * AZ IDs of the gateway's zones.
   * @default - unknown (no AZ ID mapping for the provider account)
   */
  public readonly availabilityZoneIds?: string[];
  /**
   * The accounts the resource is shared with, when every principal is a literal account.
   * @default - unknown
   */
  public readonly sharedAccounts?: string[];

  /**
   * AZ names of the gateway's subnets in the provider account.
   * @internal
   */
  public readonly _availabilityZoneNames?: string[];

  constructor(scope: Construct, id: string, props: PrivateLinkResourceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vpc = props.vpc;
    this.providerVpc = props.vpc;
    this.region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    this.account = Token.isUnresolved(stack.account) ? undefined : stack.account;
    const partition = this.region === undefined ? undefined : partitionOf(this.region);
    const facts = readVpcFacts(props.vpc);

    // ---- what is shared ----
    const targets = this.checkTargets(props);
    const ranges = parsePortRanges(this, 'portRanges', props.portRanges);
    if (props.protocol !== undefined && props.protocol !== ec2.Protocol.TCP) {
      // Access VPC resources through AWS PrivateLink: "TCP traffic is supported. UDP traffic is not supported."
      fail(this, Rules.RESOURCE_PROTOCOL_INVALID, {
        prop: 'protocol',
        received: show(props.protocol),
        rule: 'resource configurations accept TCP only',
      });
    }
    this.portRanges = [...props.portRanges];
    const ipType = props.ipAddressType ?? ResourceGatewayIpAddressType.IPV4;
    targets.forEach((t, i) => {
      const prop = props.target ? 'target' : `targets[${i}]`;
      checkTarget(this, prop, t, facts);
      checkAddressFamily(this, prop, t, ipType);
    });
    this.checkGatewaySettings(props, ipType, targets);

    // ---- the gateway, in the provider's subnets, one per zone ----
    const zoned = selectZoned(this, 'subnets', props.vpc, props.subnets ?? defaultSubnets(props.vpc),
      { rule: Rules.RESOURCE_GATEWAY_SUBNETS_INVALID, what: 'a resource gateway' });
    refuseSharedZones(this, 'subnets', zoned, Rules.RESOURCE_GATEWAY_SUBNETS_INVALID, 'a resource gateway takes one subnet per Availability Zone');
    this.refuseSharedVpc(props.vpc);
    this._availabilityZoneNames = zoned.zoneNames;
    const ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', this.account, this.region, props.availabilityZoneIds);
    if (ids && zoned.zoneNames && zoned.zoneNames.every((n) => ids.has(n))) {
      this.availabilityZoneIds = zoned.zoneNames.map((n) => ids.get(n)!);
    }

    const securityGroups = props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `Resource gateway ${this.node.path}: TCP ${describeRanges(ranges)} toward the shared resource`,
    })];
    this.connections = new ec2.Connections({
      securityGroups,
      defaultPort: ranges.length === 1 ? tcpPort(ranges[0]) : undefined,
    });
    if (!props.securityGroups) this.openEgress(props, targets, ranges, facts);

    this.resourceGateway = new vpclattice.CfnResourceGateway(this, 'Gateway', {
      name: latticeName(this, 'Gateway', 'rgw-'),
      vpcIdentifier: props.vpc.vpcId,
      subnetIds: zoned.subnets.map((s) => s.subnetId),
      securityGroupIds: securityGroups.map((sg) => sg.securityGroupId),
      ipAddressType: ipType,
      ipv4AddressesPerEni: props.ipv4AddressesPerEni,
      resourceConfigDnsResolution: props.dnsResolution,
    });

    // ---- the resource configuration(s) ----
    const portRanges = ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`));
    const single = props.target;
    const sharable = props.allowAssociationToSharableServiceNetwork ?? false;
    if (single) {
      const arn = single.kind === ResourceTargetKind.ARN;
      this.resourceConfiguration = new vpclattice.CfnResourceConfiguration(this, 'Resource', {
        name: latticeName(this, 'Resource', 'rcfg-'),
        resourceConfigurationType: arn ? 'ARN' : 'SINGLE',
        resourceGatewayId: this.resourceGateway.attrId,
        resourceConfigurationDefinition: single.toDefinition(),
        // CreateResourceConfiguration: port ranges apply to SINGLE, GROUP and CHILD, the protocol to SINGLE and GROUP.
        portRanges: arn ? undefined : portRanges,
        protocolType: arn ? undefined : 'TCP',
        allowAssociationToSharableServiceNetwork: sharable,
      });
      this.childConfigurations = [];
    } else {
      this.resourceConfiguration = new vpclattice.CfnResourceConfiguration(this, 'Resource', {
        name: latticeName(this, 'Resource', 'rcfg-'),
        resourceConfigurationType: 'GROUP',
        resourceGatewayId: this.resourceGateway.attrId,
        portRanges,
        protocolType: 'TCP',
        allowAssociationToSharableServiceNetwork: sharable,
      });
      this.childConfigurations = targets.map((t, i) => new vpclattice.CfnResourceConfiguration(this, `Child${i}`, {
        name: latticeName(this, `Child${i}`, 'rcfg-'),
        resourceConfigurationType: 'CHILD',
        resourceConfigurationGroupId: this.resourceConfiguration.attrId,
        resourceConfigurationDefinition: t.toDefinition(),
        portRanges,
      }));
    }
    this.resourceConfigurationArn = this.resourceConfiguration.attrArn;
    this.resourceConfigurationId = this.resourceConfiguration.attrId;

    (props.serviceNetworks ?? []).forEach((sn, i) => new vpclattice.CfnServiceNetworkResourceAssociation(this, `ServiceNetwork${i}`, {
      resourceConfigurationId: this.resourceConfigurationId,
      serviceNetworkId: sn,
    }));

    // ---- who may use it: AWS RAM ----
    const given = props.allowedPrincipals ?? [];
    if (given.length === 0) {
      this.sharedAccounts = [];
      warn(this, Rules.RESOURCE_NO_PRINCIPALS, {
        prop: 'allowedPrincipals',
        received: '(none)',
        rule: 'a resource configuration is visible to other accounts only through an AWS RAM share; VPCs of the provider\'s account need none',
      });
    } else {
      const { principals, accounts } = this.checkPrincipals(given, partition);
      this.sharedAccounts = accounts;
      this.resourceShare = new ram.CfnResourceShare(this, 'Share', {
        name: latticeName(this, 'Share', ''),
        resourceArns: [this.resourceConfigurationArn],
        principals,
        allowExternalPrincipals: props.allowExternalPrincipals,
      });
    }

    ConnectivityGraph.of(this)._addVpc(props.vpc);
    this.node.addValidation({ validate: () => this.validateQuotas() });
  }

  private checkTargets(props: PrivateLinkResourceProps): ResourceTarget[] {
    const bad = (received: string, rule: string) => fail(this, Rules.RESOURCE_TARGETS_INVALID, { prop: 'target / targets', received, rule });
    if (props.target && props.targets) bad('are both given', 'a resource configuration shares one target (SINGLE) or a group of targets (GROUP)');
    if (props.target) return [props.target];
    if (!props.targets) return bad('are both missing', 'a resource configuration needs something to share');
    if (props.targets.length === 0) bad('is [] (targets)', 'a group resource configuration needs at least one child');
    const arn = props.targets.findIndex((t) => t.kind === ResourceTargetKind.ARN);
    if (arn >= 0) {
      bad(`targets[${arn}] is ${props.targets[arn].toString()}`, 'a child resource configuration represents an IP address or a domain name; an ARN target is shared on its own');
    }
    // Quotas for Amazon VPC Lattice: "Child Resource Configurations per Group Resource Configuration | 60".
    const max = resourceQuotas(this).childConfigurationsPerGroup;
    if (props.targets.length > max) {
      fail(this, Rules.RESOURCE_CONFIGURATION_QUOTA, {
        prop: 'targets',
        received: `has ${props.targets.length} targets`,
        rule: `a group resource configuration may have ${max} child configurations ("${RESOURCE_QUOTAS_SOURCE}")`,
      });
    }
    return props.targets;
  }

  private checkGatewaySettings(props: PrivateLinkResourceProps, ipType: ResourceGatewayIpAddressType, targets: ResourceTarget[]): void {
    const n = props.ipv4AddressesPerEni;
    // Resource gateway in VPC Lattice (IPv4 addresses per ENI): "you choose from 1 to 62 IPv4 addresses";
    // an IPv6 gateway "automatically receives a /80 CIDR per ENI".
    if (n !== undefined && !Token.isUnresolved(n) && (!Number.isInteger(n) || n < 1 || n > 62 || ipType === ResourceGatewayIpAddressType.IPV6)) {
      fail(this, Rules.RESOURCE_GATEWAY_SETTINGS_INVALID, {
        prop: 'ipv4AddressesPerEni',
        received: `${show(n)} on a ${ipType} gateway`,
        rule: 'an IPv4 or dual-stack resource gateway has 1 to 62 IPv4 addresses per network interface; an IPv6 gateway has none',
      });
    }
    // Resource gateway in VPC Lattice (Resource Config DNS Resolution): "If DNS resolution is IN_VPC, you cannot
    // attach resource configurations defined by ARN ... You cannot set DNS Resolution to IN_VPC if the resource
    // gateway uses IPv6-only subnets."
    if (props.dnsResolution === ResourceDnsResolution.IN_VPC) {
      const why = targets.some((t) => t.kind === ResourceTargetKind.ARN) ? 'with an ARN target'
        : ipType === ResourceGatewayIpAddressType.IPV6 ? 'on an IPv6 (IPv6-only subnets) gateway' : undefined;
      if (why) {
        fail(this, Rules.RESOURCE_GATEWAY_SETTINGS_INVALID, {
          prop: 'dnsResolution',
          received: `IN_VPC ${why}`,
          rule: 'a gateway with IN_VPC DNS resolution takes no ARN resource configurations and no IPv6-only subnets',
        });
      }
    }
  }

  /** "Resource gateway in VPC Lattice": you can't create a resource gateway in a shared subnet. */
  private refuseSharedVpc(vpc: ec2.IVpc): void {
    const owner = vpc.env.account;
    if (this.account === undefined || Token.isUnresolved(owner) || owner === this.account) return;
    fail(this, Rules.RESOURCE_GATEWAY_SUBNETS_INVALID, {
      prop: 'vpc',
      received: `${vpc.node.path} is owned by account ${owner}, the gateway's stack is in ${this.account}`,
      rule: 'a resource gateway cannot be created in a shared subnet',
      fix: 'Create the resource gateway in the account that owns the VPC.',
    });
  }

  /** Outbound rules of the created security group: the port ranges, toward the target only. */
  private openEgress(props: PrivateLinkResourceProps, targets: ResourceTarget[], ranges: PortRange[], facts: VpcFacts): void {
    const peers: ec2.IPeer[] = [];
    const add = (cidr: string) => peers.push(cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr));
    if (props.targetCidrBlocks) {
      props.targetCidrBlocks.forEach(add);
    } else if (targets.every((t) => t.kind === ResourceTargetKind.IP_ADDRESS && !t.isToken)) {
      targets.forEach((t) => add(`${t.value}/${t.value.includes(':') ? 128 : 32}`));
    } else {
      for (const c of facts.cidrs) {
        if (c.text !== '') add(c.text);
      }
      if (facts.cidrs.every((c) => c.text === '')) {
        warn(this, Rules.RESOURCE_UNCHECKED, {
          prop: 'targetCidrBlocks',
          received: `is not given and the blocks of ${facts.path} are not known`,
          rule: 'the gateway\'s security group lets nothing out, so the resource is unreachable',
          fix: 'Pass targetCidrBlocks with the blocks the target\'s addresses are in.',
        });
      }
    }
    for (const peer of peers) {
      for (const r of ranges) this.connections.allowTo(peer, tcpPort(r), `to the resource shared by ${this.node.path}`);
    }
  }

  /** RAM principals: account IDs, organization / OU ARNs; IAM users and roles are refused. */
  private checkPrincipals(given: iam.ArnPrincipal[], partition: string | undefined): { principals: string[]; accounts?: string[] } {
    const principals: string[] = [];
    const accounts: string[] = [];
    let allKnown = true;
    const iamPrincipals: iam.ArnPrincipal[] = [];
    given.forEach((p, i) => {
      const arn = p.arn;
      if (!Token.isUnresolved(arn) && /^arn:[a-z-]+:organizations::\d{12}:(organization|ou)\//.test(arn)) {
        principals.push(arn);
        allKnown = false;
        return;
      }
      iamPrincipals.push(p);
      const account = p instanceof iam.AccountPrincipal ? String(p.accountId) : /^arn:[a-z-]+:iam::(\d{12}):root$/.exec(arn)?.[1];
      if (!Token.isUnresolved(arn) && /:(user|role)\//.test(arn)) {
        fail(this, Rules.RESOURCE_PRINCIPAL_INVALID, {
          prop: `allowedPrincipals[${i}]`,
          received: show(arn),
          rule: 'VPC Lattice resource configurations are shared with AWS accounts, organizations and OUs, not IAM users or roles',
        });
      }
      if (account !== undefined && !Token.isUnresolved(account)) {
        principals.push(account);
        accounts.push(account);
      } else {
        principals.push(arn);
        allKnown = false;
      }
    });
    // The checks of endpoint services: IAM ARNs of the provider's partition, no `*`, tokens warned about.
    if (iamPrincipals.length > 0) checkPrincipals(this, { given: iamPrincipals, allowAny: false, partition, wildcardRisk: 'use the shared resource' });
    return { principals, accounts: allKnown ? accounts : undefined };
  }

  /** Quotas for Amazon VPC Lattice: resource gateways per VPC and resource configurations per account and region. */
  private validateQuotas(): string[] {
    const quotas = resourceQuotas(this);
    const gateways: vpclattice.CfnResourceGateway[] = [];
    const configurations: vpclattice.CfnResourceConfiguration[] = [];
    const vpcId = this.resourceGateway.vpcIdentifier;
    const env = `${this.account}/${this.region}`;
    for (const c of this.node.root.node.findAll()) {
      if (c instanceof vpclattice.CfnResourceGateway && c.vpcIdentifier === vpcId) gateways.push(c);
      if (c instanceof vpclattice.CfnResourceConfiguration && this.account && this.region && envOf(c) === env) configurations.push(c);
    }
    const errors: string[] = [];
    // Report once, on the construct that holds the first gateway or configuration over the quota.
    if (gateways.length > quotas.resourceGatewaysPerVpc && gateways[quotas.resourceGatewaysPerVpc] === this.resourceGateway) {
      errors.push(formatProblem(this, Rules.RESOURCE_GATEWAY_QUOTA, {
        prop: `resource gateways in ${this.providerVpc.node.path}`,
        received: String(gateways.length),
        rule: `a VPC may have ${quotas.resourceGatewaysPerVpc} resource gateways ("${RESOURCE_QUOTAS_SOURCE}")`,
      }));
    }
    const over = configurations[quotas.resourceConfigurationsPerRegion];
    if (over !== undefined && (over === this.resourceConfiguration || this.childConfigurations.includes(over))) {
      errors.push(formatProblem(this, Rules.RESOURCE_CONFIGURATION_QUOTA, {
        prop: `resource configurations in ${env}`,
        received: String(configurations.length),
        rule: `an account may have ${quotas.resourceConfigurationsPerRegion} resource configurations per region ("${RESOURCE_QUOTAS_SOURCE}")`,
      }));
    }
    return errors;
  }
}

function envOf(c: IConstruct): string {
  const s = Stack.of(c);
  return `${s.account}/${s.region}`;
}

/** The gateway's default subnets: private subnets (else isolated ones), one per zone. */
function defaultSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return {
    subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED,
    onePerAz: true,
  };
}

/**
 * A name VPC Lattice accepts (CreateResourceGateway / CreateResourceConfiguration: 3-40 characters,
 * a-z, 0-9 and single inner hyphens, not starting with rgw- / rcfg-), unique per construct path.
 */
function latticeName(scope: IConstruct, id: string, reserved: string): string {
  const path = `${scope.node.path}/${id}`;
  const hash = fnv(path);
  const readable = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  let name = `${readable.slice(0, 40 - hash.length - 1).replace(/-+$/, '')}-${hash}`.replace(/^-/, '');
  if (reserved && name.startsWith(reserved)) name = `x${name.slice(1)}`;
  return name;
}

/** A short stable hash of a construct path (8 hex digits). */
function fnv(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
