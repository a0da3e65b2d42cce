import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { securityGroupPorts } from './ports';
import { PrivateLinkService } from './private-link-service';
import { IPrivateLinkService } from './service-reference';
import { defaultPrivateSubnets, describeZones, selectZonedSubnets } from './zones';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { checkDnsRecordIpType, checkSubnetIpTypes } from '../core/endpoint-ip-types';
import { fail } from '../core/errors';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../core/graph';
import { openIngressProblems } from '../core/open-ingress';
import { checkStackRegion } from '../core/region-names';
import { Rules } from '../core/rules';
import { checkCidrOverrides, readVpcFacts, VpcFacts } from '../core/vpc-facts';
import { show, warnOnce } from '../core/warnings';
import { IpFamily } from '../net/cidr';
import { partitionOf } from '../net/regions';

/** Properties of a {@link PrivateLinkEndpoint}. */
export interface PrivateLinkEndpointProps {
  /** The consumer's VPC. */
  readonly vpc: ec2.IVpc;
  /** The service to connect to: a `PrivateLinkService` of this app, or `PrivateLinkService.fromServiceAttributes(...)`. */
  readonly service: IPrivateLinkService;
  /**
   * Subnets of the endpoint, at most one per Availability Zone; those outside the service's zones
   * (matched by AZ ID) are left out.
   * @default - the VPC's private subnets (isolated subnets if it has no private ones)
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Security groups of the endpoint.
   * @default - a new security group without outbound rules
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Whether to admit the consumer VPC's CIDR blocks (IPv4 and IPv6, primary and secondary) on the
   * service's ports. Open more with `connections`.
   * @default true
   */
  readonly open?: boolean;
  /**
   * Whether to associate the service's private DNS name with the endpoint.
   * @default - true when the service has a verified private DNS name
   */
  readonly privateDnsEnabled?: boolean;
  /**
   * The consumer account's AZ name → AZ ID mapping in the consumer's region.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
  /**
   * The consumer VPC's CIDR blocks, when they cannot be read at synth (IPAM, imported VPCs with
   * secondary blocks); they replace the blocks read from the VPC.
   * @default - the blocks read from the VPC
   */
  readonly vpcCidrBlocks?: string[];
  /**
   * The IP address type of the endpoint: IPv4 needs subnets with IPv4 ranges, dualstack subnets
   * with IPv4 and IPv6 ranges, IPv6 IPv6-only subnets; the service must support the families used.
   * @default - IPv4 (AWS default)
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
  /**
   * The type of DNS records created for the endpoint (A, AAAA or both).
   * @default - AWS's default for the endpoint's IP address type
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
}

/**
 * A consumer's interface endpoint to a PrivateLink service: in the service's zones (matched by
 * AZ ID), with a security group that admits only the service's ports from the consumer VPC, and
 * `ServiceRegion` set when the service is in another region.
 */
export class PrivateLinkEndpoint extends Construct implements ec2.IConnectable {
  /** The interface endpoint. */
  public readonly endpoint: ec2.InterfaceVpcEndpoint;
  /** The endpoint's ID. */
  public readonly vpcEndpointId: string;
  /** The endpoint's DNS entries (`hosted-zone-id:dns-name`). */
  public readonly vpcEndpointDnsEntries: string[];
  /** The endpoint's security groups: open more with `connections.allowFrom(...)`. */
  public readonly connections: ec2.Connections;
  /** The service connected to. */
  public readonly service: IPrivateLinkService;
  /** The subnets the endpoint is in. */
  public readonly subnets: ec2.ISubnet[];
  /**
   * The service's region, when it is not the consumer's.
   * @default - the consumer's region
   */
  public readonly serviceRegion?: string;
  /** Whether private DNS is enabled. */
  public readonly privateDnsEnabled: boolean;

  constructor(scope: Construct, id: string, props: PrivateLinkEndpointProps) {
    super(scope, id);
    const stack = Stack.of(this);
    checkStackRegion(this);
    const region = literal(stack.region);
    const account = literal(stack.account);
    const service = props.service;
    this.service = service;
    const graph = ConnectivityGraph.of(this);
    checkCidrOverrides(this, 'vpcCidrBlocks', props.vpcCidrBlocks);
    if (props.vpcCidrBlocks) graph._addVpc(props.vpc, { cidrBlocks: props.vpcCidrBlocks });
    const facts = readVpcFacts(props.vpc, props.vpcCidrBlocks ? { cidrBlocks: props.vpcCidrBlocks } : undefined);

    this.serviceRegion = this.checkRegions(service, region);
    const crossRegion = this.serviceRegion !== undefined;

    // ---- subnets, in the service's zones ----
    const zoned = selectZonedSubnets(this, 'subnets', props.vpc, props.subnets ?? defaultPrivateSubnets(props.vpc));
    // AZ IDs name zones of one region: a cross-region endpoint lives in the consumer region's zones.
    this.subnets = crossRegion || zoned.subnets.length === 0
      ? zoned.subnets
      : this.matchZones(service, props.vpc, zoned.subnets, zoned.zoneNames, account, region, props.availabilityZoneIds);

    // ---- IP address types: subnets, service and DNS records ----
    this.checkIpAddressType(service, props.ipAddressType, props.dnsRecordIpType);

    // ---- private DNS ----
    this.privateDnsEnabled = this.checkPrivateDns(service, props.privateDnsEnabled, facts);

    // ---- security group: the service's ports, from the consumer VPC's blocks only ----
    const securityGroups = props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `PrivateLink endpoint ${this.node.path}: service ports from ${facts.path}`,
    })];
    const ports = service.ports.flatMap(securityGroupPorts);
    this.connections = new ec2.Connections({ securityGroups, defaultPort: ports.length === 1 ? ports[0] : undefined });
    for (const sg of securityGroups) {
      if (!(sg.node.defaultChild instanceof ec2.CfnSecurityGroup)) {
        warnOnce(this, { scope: sg }, Rules.PRIVATELINK_ENDPOINT_SG_UNKNOWN, {
          prop: 'security group',
          received: `${sg.securityGroupId} is imported`,
          rule: 'the inbound rules of an imported security group are not visible at synth, so 0.0.0.0/0 cannot be ruled out',
        });
      }
    }
    if (props.open !== false) this.admitVpc(facts, ports);

    // ---- the endpoint ----
    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Resource', {
      vpc: props.vpc,
      service: { name: service.serviceName, port: service.ports[0]?.port ?? 443, privateDnsDefault: false },
      subnets: { subnets: this.subnets },
      securityGroups,
      open: false,
      privateDnsEnabled: this.privateDnsEnabled,
      serviceRegion: this.serviceRegion,
      ipAddressType: props.ipAddressType,
      dnsRecordIpType: props.dnsRecordIpType,
    });
    this.vpcEndpointId = this.endpoint.vpcEndpointId;
    this.vpcEndpointDnsEntries = this.endpoint.vpcEndpointDnsEntries;

    // A service of this app admits the consumer on its load balancer (when it filters PrivateLink
    // traffic) and tells acceptance steps to wait for this endpoint.
    if (service instanceof PrivateLinkService) service._addConsumer(this, facts.cidrs);

    graph._addEndpoint({ owner: this, vpc: props.vpc, kind: EndpointKind.INTERFACE, serviceName: service.serviceName });
    graph._addConnection({
      owner: this,
      kind: ConnectionKind.PRIVATELINK,
      source: props.vpc,
      target: service.vpc,
      connectionId: this.vpcEndpointId,
      ports: service.ports.map((p) => p.port),
    });
    // Refuse any security group of the endpoint that admits 0.0.0.0/0 or ::/0, however it was added.
    this.node.addValidation({ validate: () => openIngressProblems(this, this.connections.securityGroups) });
  }

  /** The service's region when it differs from the consumer's; refuses unsupported regions and partitions. */
  private checkRegions(service: IPrivateLinkService, region: string | undefined): string | undefined {
    const serviceRegion = service.region === undefined ? undefined : literal(service.region);
    if (region === undefined || serviceRegion === undefined) {
      // The consumer's stack, or the service, is the cause: one warning for all its endpoints.
      warnOnce(this, region === undefined ? { scope: Stack.of(this) } : { scope: service, key: 'region' }, Rules.VPC_REGION_UNKNOWN, {
        prop: 'region',
        received: region === undefined ? 'is a token (environment-agnostic stack)' : 'is not known',
        rule: 'PrivateLink endpoints skip the cross-region, partition and Availability Zone checks',
        fix: region === undefined
          ? 'Give the consumer stack an explicit env: { account, region }.'
          : 'Give the provider stack an explicit env, or pass region to PrivateLinkService.fromServiceAttributes.',
      });
      return undefined;
    }
    if (serviceRegion === region) return undefined;
    const [p, q] = [partitionOf(region), partitionOf(serviceRegion)];
    if (p !== q) {
      fail(this, Rules.PRIVATELINK_PARTITION_MISMATCH, {
        prop: 'service',
        received: `${service.node.path} is in ${serviceRegion} (partition ${q}), the consumer in ${region} (partition ${p})`,
        rule: 'PrivateLink connects consumers and services of one partition only',
      });
    }
    if (service.supportedRegions.some((r) => Token.isUnresolved(r))) {
      warnOnce(this, { scope: service, key: 'supportedRegions' }, Rules.VPC_REGION_UNKNOWN, {
        prop: 'supportedRegions',
        received: show(service.supportedRegions),
        rule: 'a token among the supported regions hides whether the consumer\'s region is supported',
      });
    } else if (!service.supportedRegions.includes(region)) {
      fail(this, Rules.PRIVATELINK_REGION_NOT_SUPPORTED, {
        prop: 'service',
        received: `${service.node.path} in ${serviceRegion} supports ${service.supportedRegions.length ? service.supportedRegions.join(', ') : 'no other region'}; the consumer is in ${region}`,
        rule: 'a consumer in another region can connect only if the service lists that region in SupportedRegions',
      });
    }
    return serviceRegion;
  }

  /** The subnets in the service's zones: by name within one account, else by AZ ID; warns when unknown. */
  private matchZones(
    service: IPrivateLinkService,
    vpc: ec2.IVpc,
    subnets: ec2.ISubnet[],
    names: string[] | undefined,
    account: string | undefined,
    region: string | undefined,
    mappings: AzMapping[] | undefined,
  ): ec2.ISubnet[] {
    // The cause is the consumer VPC, the service, or the AZ IDs of one account and region (its stack).
    const unknown = (side: string, why: string, fix?: string, cause: IConstruct = side === 'service' ? service : vpc) => {
      warnOnce(this, { scope: cause, key: `${side} ${why}` }, Rules.PRIVATELINK_AZ_IDS_UNKNOWN, {
        prop: `${side} Availability Zones`,
        received: why,
        rule: 'an interface endpoint works only in zones where the service has a load balancer node, and zone names differ between accounts',
        fix,
      });
      return subnets;
    };
    if (names === undefined) return unknown('consumer', 'are tokens (the VPC has no literal AZs)', 'Give the consumer stack an explicit env, or import the VPC with literal availabilityZones.');

    // Same account and region: zone names denote the same physical zones.
    if (service instanceof PrivateLinkService && service._availabilityZoneNames && account !== undefined
      && service._account === account && service.region === region) {
      const serviceZones = service._availabilityZoneNames;
      return this.keepZones(subnets, names, (n) => serviceZones.includes(n),
        `${describeZones(names)}; the service's zones are ${describeZones(serviceZones)}`);
    }

    const serviceIds = service.availabilityZoneIds;
    if (serviceIds === undefined) {
      return unknown('service', 'are not known as AZ IDs',
        service instanceof PrivateLinkService
          ? 'Declare the provider account\'s AZ IDs (PrivateLinkService availabilityZoneIds prop or the cdk-private-connectivity:az-ids:account=<account>:region=<region> context key).'
          : 'Pass availabilityZoneIds (AZ IDs, e.g. use1-az1) to PrivateLinkService.fromServiceAttributes.');
    }
    const ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', account, region, mappings);
    const missing = names.filter((n) => !ids?.has(n));
    if (ids === undefined || missing.length > 0) {
      return unknown('consumer', `${missing.join(', ')} of account ${account ?? '(token)'} have no known AZ ID`, undefined, Stack.of(this));
    }
    return this.keepZones(subnets, names, (n) => serviceIds.includes(ids.get(n)!),
      `${describeZones(names, ids)}; the service's zones are ${serviceIds.join(', ')}`);
  }

  private keepZones(subnets: ec2.ISubnet[], names: string[], inService: (name: string) => boolean, both: string): ec2.ISubnet[] {
    const kept = subnets.filter((_, i) => inService(names[i]));
    if (kept.length === 0) {
      fail(this, Rules.PRIVATELINK_AZ_MISMATCH, {
        prop: 'subnets',
        received: `are in ${both}`,
        rule: 'an interface endpoint works only in Availability Zones where the service has a load balancer node',
      });
    }
    return kept;
  }

  /**
   * Share your services through AWS PrivateLink (IP address types): the subnets and DNS records
   * are checked as for every interface endpoint (core/endpoint-ip-types); the service must also
   * accept requests over each family the endpoint uses.
   */
  private checkIpAddressType(
    service: IPrivateLinkService,
    requested: ec2.VpcEndpointIpAddressType | undefined,
    records: ec2.VpcEndpointDnsRecordIpType | undefined,
  ): void {
    checkDnsRecordIpType(this, requested, records);
    if (requested === undefined) return;
    checkSubnetIpTypes(this, this.subnets, requested);

    // The service: every family the endpoint uses must be one it supports.
    const used = requested === ec2.VpcEndpointIpAddressType.DUALSTACK ? [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6]
      : requested === ec2.VpcEndpointIpAddressType.IPV6 ? [ec2.IpAddressType.IPV6] : [ec2.IpAddressType.IPV4];
    const supported = service.supportedIpAddressTypes;
    if (supported === undefined) {
      // Undeclared: AWS's default (IPv4) is assumed for IPv4 endpoints only.
      if (used.includes(ec2.IpAddressType.IPV6)) {
        warnOnce(this, { scope: service, key: 'supportedIpAddressTypes' }, Rules.PRIVATELINK_IP_TYPE_UNKNOWN, {
          prop: 'supportedIpAddressTypes',
          received: 'are not declared',
          rule: 'IPv6 and dualstack endpoints need a service that supports IPv6',
        });
      }
      return;
    }
    const missing = used.filter((t) => !supported.includes(t));
    if (missing.length > 0) {
      fail(this, Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SERVICE, {
        prop: 'ipAddressType',
        received: `${show(requested)}, but ${service.node.path} supports ${supported.join(', ') || 'no IP address type'}`,
        rule: `an interface endpoint of IP address type ${requested} needs a service that supports ${missing.join(' and ')}`,
      });
    }
  }

  private checkPrivateDns(service: IPrivateLinkService, requested: boolean | undefined, facts: VpcFacts): boolean {
    const enabled = requested ?? (service.privateDnsName !== undefined && service.privateDnsNameVerified);
    if (!enabled) return false;
    if (service.privateDnsName === undefined) {
      fail(this, Rules.PRIVATELINK_PRIVATE_DNS_UNAVAILABLE, {
        prop: 'privateDnsEnabled',
        received: `true, but ${service.node.path} has no private DNS name`,
        rule: 'an endpoint can only associate the private DNS name its service has',
      });
    }
    if (!service.privateDnsNameVerified) {
      warnOnce(this, { scope: service }, Rules.PRIVATELINK_PRIVATE_DNS_UNVERIFIED, {
        prop: 'private DNS name',
        received: `${show(service.privateDnsName)} is not declared verified`,
        rule: 'endpoints with privateDnsEnabled can use the name only once its state is verified',
      });
    }
    if (facts.dnsSupport === false || facts.dnsHostnames === false) {
      fail(this, Rules.PRIVATELINK_PRIVATE_DNS_VPC_SETTINGS, {
        prop: 'privateDnsEnabled',
        received: `true, but ${facts.path} has enableDnsSupport ${facts.dnsSupport} and enableDnsHostnames ${facts.dnsHostnames}`,
        rule: 'private DNS for an interface endpoint needs DNS support and DNS hostnames in the VPC',
      });
    }
    return true;
  }

  /** Admit every block of the consumer VPC on the service's ports; warn for blocks that cannot be read. */
  private admitVpc(facts: VpcFacts, ports: ec2.Port[]): void {
    if (facts.pendingLookup) {
      warnOnce(this, { scope: facts.vpc }, Rules.VPC_PENDING_LOOKUP, {
        prop: 'Vpc.fromLookup',
        received: 'is pending',
        rule: 'PrivateLink endpoints admit the VPC\'s blocks once the lookup has real values',
      });
    }
    for (const c of facts.cidrs) {
      let peer: ec2.IPeer;
      if (c.block) {
        peer = c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(c.block.cidr) : ec2.Peer.ipv4(c.block.cidr);
      } else if (c.text !== '') {
        // A deploy-time block (IPAM): admit it by reference, but it cannot be checked at synth.
        peer = c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(c.text) : ec2.Peer.ipv4(c.text);
        if (!facts.pendingLookup) {
          warnOnce(this, { scope: facts.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
            prop: `${c.source} ${c.family} block`,
            received: `is an unresolved token (${c.unknownReason ?? 'resolved at deploy time'})`,
            rule: 'PrivateLink endpoints admit it as resolved at deploy time',
            fix: 'Pass vpcCidrBlocks with the literal blocks so the inbound rules can be checked at synth.',
          });
        }
      } else {
        warnOnce(this, { scope: facts.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is not given (${c.unknownReason ?? 'not known'})`,
          rule: 'PrivateLink endpoints do not admit traffic from it',
          fix: 'Pass vpcCidrBlocks with the VPC\'s blocks, or open it with endpoint.connections.allowFrom(...).',
        });
        continue;
      }
      for (const port of ports) this.connections.allowFrom(peer, port, `${c.source} block of ${facts.path}`);
    }
  }
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}
