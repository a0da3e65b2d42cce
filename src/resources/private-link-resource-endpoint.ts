import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describeRanges, expandPorts, parsePortRanges, PortRange, tcpPort } from './ports';
import { PrivateLinkResource } from './private-link-resource';
import { IPrivateLinkResource } from './resource-reference';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { fail } from '../core/errors';
import { ConnectionKind, ConnectivityGraph, EndpointKind } from '../core/graph';
import { Rules } from '../core/rules';
import { checkCidrOverrides, readVpcFacts, VpcFacts } from '../core/vpc-facts';
import { warn, warnOnce } from '../core/warnings';
import { refuseSharedZones, selectZoned } from '../core/zoned-subnets';
import { IpFamily } from '../net/cidr';
import { partitionOf } from '../net/regions';

/** Properties of a {@link PrivateLinkResourceEndpoint}. */
export interface PrivateLinkResourceEndpointProps {
  /** The consumer's VPC. */
  readonly vpc: ec2.IVpc;
  /**
   * The resource to connect to (a `Resource`-type endpoint): a `PrivateLinkResource` of this app, or
   * `PrivateLinkResource.fromResourceAttributes(...)`.
   * @default - none: give `serviceNetworkArn`
   */
  readonly resource?: IPrivateLinkResource;
  /**
   * A VPC Lattice service network to connect to (a `ServiceNetwork`-type endpoint), for providers
   * that share their resources through a service network.
   * @default - none: give `resource`
   */
  readonly serviceNetworkArn?: string;
  /**
   * The TCP port ranges the endpoint's security group admits.
   * @default - the resource's port ranges (required for a service-network endpoint)
   */
  readonly portRanges?: string[];
  /**
   * Subnets of the endpoint, at most one per Availability Zone; at least one must share a zone
   * (by AZ ID) with the resource gateway.
   * @default - the VPC's private subnets (isolated subnets if it has no private ones), one per zone
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Security groups of the endpoint.
   * @default - a new security group without outbound rules
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Whether to admit the consumer VPC's CIDR blocks on the resource's ports. Open more with `connections`.
   * @default true
   */
  readonly open?: boolean;
  /**
   * Whether VPC Lattice manages private hosted zones for the resource's custom domain names (needs
   * DNS support and DNS hostnames in the VPC).
   * @default - AWS's default
   */
  readonly privateDnsEnabled?: boolean;
  /**
   * The consumer account's AZ name → AZ ID mapping in the consumer's region.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
  /**
   * The consumer VPC's CIDR blocks, when they cannot be read at synth; they replace the blocks read from the VPC.
   * @default - the blocks read from the VPC
   */
  readonly vpcCidrBlocks?: string[];
  /**
   * The endpoint's IP address type (IPv4, IPv6 or dualstack).
   * @default - IPv4 (AWS default)
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
}

/**
 * A consumer's endpoint to a resource shared through PrivateLink for VPC resources: a
 * `Resource`-type VPC endpoint (or a `ServiceNetwork`-type one) in the consumer's subnets, with a
 * security group that admits only the resource's ports from the consumer VPC's CIDR blocks.
 */
export class PrivateLinkResourceEndpoint extends Construct implements ec2.IConnectable {
  /** The VPC endpoint. */
  public readonly endpoint: ec2.CfnVPCEndpoint;
  /** The endpoint's ID. */
  public readonly vpcEndpointId: string;
  /** The endpoint's security groups: open more with `connections.allowFrom(...)`. */
  public readonly connections: ec2.Connections;
  /** The subnets the endpoint is in. */
  public readonly subnets: ec2.ISubnet[];
  /**
   * The resource connected to.
   * @default - none (a service-network endpoint)
   */
  public readonly resource?: IPrivateLinkResource;

  constructor(scope: Construct, id: string, props: PrivateLinkResourceEndpointProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = literal(stack.region);
    const account = literal(stack.account);
    const resource = props.resource;
    this.resource = resource;
    if ((resource === undefined) === (props.serviceNetworkArn === undefined)) {
      fail(this, Rules.RESOURCE_ENDPOINT_TARGET_INVALID, {
        prop: 'resource / serviceNetworkArn',
        received: resource ? 'are both given' : 'are both missing',
        rule: 'an endpoint connects to one resource configuration (Resource type) or one service network (ServiceNetwork type)',
      });
    }
    const rangeText = props.portRanges ?? resource?.portRanges;
    if (rangeText === undefined) {
      fail(this, Rules.RESOURCE_ENDPOINT_TARGET_INVALID, {
        prop: 'portRanges',
        received: 'is not given for a service-network endpoint',
        rule: 'the endpoint\'s security group admits the ports of the service network\'s resources, which are not known here',
      });
    }
    const ranges = parsePortRanges(this, 'portRanges', rangeText);

    const graph = ConnectivityGraph.of(this);
    checkCidrOverrides(this, 'vpcCidrBlocks', props.vpcCidrBlocks);
    if (props.vpcCidrBlocks) graph._addVpc(props.vpc, { cidrBlocks: props.vpcCidrBlocks });
    const facts = readVpcFacts(props.vpc, props.vpcCidrBlocks ? { cidrBlocks: props.vpcCidrBlocks } : undefined);

    if (resource) {
      this.checkPlacement(resource, props.vpc, region, account);
    }

    // ---- subnets, one per zone, sharing a zone with the gateway ----
    const zoned = selectZoned(this, 'subnets', props.vpc, props.subnets ?? defaultSubnets(props.vpc),
      { rule: Rules.PRIVATELINK_SUBNETS_EMPTY, what: 'a resource endpoint' });
    // Access VPC resources through AWS PrivateLink (Subnets and Availability Zones): one subnet per Availability Zone.
    refuseSharedZones(this, 'subnets', zoned, Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE, 'a VPC endpoint takes one subnet per Availability Zone');
    this.subnets = zoned.subnets;
    if (resource && zoned.zoneNames) this.checkZones(resource, zoned.zoneNames, account, region, props.availabilityZoneIds);

    // ---- security group: the resource's ports, from the consumer VPC's blocks only ----
    const securityGroups = props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `Resource endpoint ${this.node.path}: TCP ${describeRanges(ranges)} from ${facts.path}`,
    })];
    this.connections = new ec2.Connections({ securityGroups, defaultPort: ranges.length === 1 ? tcpPort(ranges[0]) : undefined });
    if (props.open !== false) this.admitVpc(facts, ranges);

    // ---- the endpoint ----
    this.endpoint = new ec2.CfnVPCEndpoint(this, 'Resource', {
      vpcId: props.vpc.vpcId,
      // AWS::EC2::VPCEndpoint: VpcEndpointType Resource with ResourceConfigurationArn, or ServiceNetwork with ServiceNetworkArn.
      vpcEndpointType: resource ? 'Resource' : 'ServiceNetwork',
      resourceConfigurationArn: resource?.resourceConfigurationArn,
      serviceNetworkArn: props.serviceNetworkArn,
      subnetIds: this.subnets.map((s) => s.subnetId),
      securityGroupIds: securityGroups.map((sg) => sg.securityGroupId),
      privateDnsEnabled: props.privateDnsEnabled,
      ipAddressType: props.ipAddressType,
    });
    this.vpcEndpointId = this.endpoint.ref;
    if (resource instanceof PrivateLinkResource && resource.resourceShare && Stack.of(resource) === stack) {
      this.endpoint.addDependency(resource.resourceShare);
    }

    // AWS PrivateLink quotas count interface and Gateway Load Balancer endpoints per VPC: the graph
    // counts those kinds only, so a Resource or ServiceNetwork endpoint uses none of that quota.
    graph._addEndpoint({
      owner: this,
      vpc: props.vpc,
      kind: resource ? EndpointKind.RESOURCE : EndpointKind.SERVICE_NETWORK,
      serviceName: resource?.resourceConfigurationArn ?? props.serviceNetworkArn!,
    });
    graph._addConnection({
      owner: this,
      kind: ConnectionKind.PRIVATELINK_RESOURCE,
      source: props.vpc,
      target: resource?.vpc,
      connectionId: this.vpcEndpointId,
      ports: expandPorts(ranges),
    });
  }

  /** Region, partition, VPC and sharing: what props alone decide. */
  private checkPlacement(resource: IPrivateLinkResource, vpc: ec2.IVpc, region: string | undefined, account: string | undefined): void {
    // Access a resource through a resource VPC endpoint: "VPC Lattice does not create a resource endpoint
    // if ... Resource gateway is in the same VPC as the resource endpoint."
    if (resource.vpc === vpc) {
      fail(this, Rules.RESOURCE_ENDPOINT_SAME_VPC, {
        prop: 'vpc',
        received: `${vpc.node.path} is the VPC of ${resource.node.path}'s resource gateway`,
        rule: 'VPC Lattice does not create a resource endpoint in the resource gateway\'s VPC',
      });
    }
    if (region === undefined || resource.region === undefined) {
      warnOnce(this, region === undefined ? { scope: Stack.of(this) } : { scope: resource, key: 'region' }, Rules.VPC_REGION_UNKNOWN, {
        prop: 'region',
        received: region === undefined ? 'is a token (environment-agnostic stack)' : 'is not known',
        rule: 'resource endpoints skip the region and Availability Zone checks',
        fix: region === undefined ? 'Give the consumer stack an explicit env: { account, region }.' : 'Give the provider stack an explicit env.',
      });
    } else if (resource.region !== region) {
      // Creating a resource share in AWS RAM: "AWS RAM is a Regional service ... principals must access each
      // resource from the same AWS Region that it was created in."
      const [p, q] = [partitionOf(region), partitionOf(resource.region)];
      fail(this, Rules.RESOURCE_REGION_MISMATCH, {
        prop: 'resource',
        received: `${resource.node.path} is in ${resource.region}${p !== q ? ` (partition ${q})` : ''}, the endpoint in ${region}${p !== q ? ` (partition ${p})` : ''}`,
        rule: 'a shared resource configuration is used from the region it was created in',
      });
    }
    if (account !== undefined && resource.account !== undefined && account !== resource.account) {
      if (resource.sharedAccounts === undefined) {
        if (resource instanceof PrivateLinkResource && resource.resourceShare) {
          warn(this, Rules.RESOURCE_UNCHECKED, {
            prop: 'resource',
            received: `${resource.node.path} is shared with organizations, OUs or principals known only at deploy time`,
            rule: `whether account ${account} may use it is not checked`,
          });
        }
      } else if (!resource.sharedAccounts.includes(account)) {
        // Resource configurations for VPC resources: a resource configuration is used from another account once shared through AWS RAM.
        fail(this, Rules.RESOURCE_CONSUMER_NOT_SHARED, {
          prop: 'resource',
          received: `${resource.node.path} of account ${resource.account} is shared with ${resource.sharedAccounts.join(', ') || 'no account'}; the endpoint is in ${account}`,
          rule: 'an account sees another account\'s resource configuration only through an AWS RAM share',
        });
      }
    }
  }

  /** "At least one Availability Zone of the VPC endpoint and the resource gateway have to overlap" (by AZ ID). */
  private checkZones(
    resource: IPrivateLinkResource,
    names: string[],
    account: string | undefined,
    region: string | undefined,
    mappings: AzMapping[] | undefined,
  ): void {
    if (region !== undefined && resource.region !== undefined && region !== resource.region) return;
    const unknown = (received: string) => warnOnce(this, { scope: resource, key: received }, Rules.RESOURCE_AZ_IDS_UNKNOWN, {
      prop: 'Availability Zones',
      received,
      rule: 'the endpoint\'s zones are not compared with the gateway\'s',
    });
    let overlap: boolean;
    let both: string;
    if (resource instanceof PrivateLinkResource && resource._availabilityZoneNames && account !== undefined && resource.account === account) {
      const gw = resource._availabilityZoneNames;
      overlap = names.some((n) => gw.includes(n));
      both = `${names.join(', ')}; the gateway's zones are ${gw.join(', ')}`;
    } else {
      const gwIds = resource.availabilityZoneIds;
      if (gwIds === undefined) return unknown('of the resource gateway are not known as AZ IDs');
      const ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', account, region, mappings);
      const missing = names.filter((n) => !ids?.has(n));
      if (ids === undefined || missing.length > 0) return unknown(`${missing.join(', ') || names.join(', ')} of account ${account ?? '(token)'} have no known AZ ID`);
      overlap = names.some((n) => gwIds.includes(ids.get(n)!));
      both = `${names.map((n) => `${n} (${ids.get(n)})`).join(', ')}; the gateway's zones are ${gwIds.join(', ')}`;
    }
    if (!overlap) {
      fail(this, Rules.RESOURCE_AZ_MISMATCH, {
        prop: 'subnets',
        received: `are in ${both}`,
        rule: 'at least one Availability Zone of the resource endpoint and the resource gateway have to overlap',
      });
    }
  }

  /** Admit every block of the consumer VPC on the resource's ports; warn for blocks that cannot be read. */
  private admitVpc(facts: VpcFacts, ranges: PortRange[]): void {
    if (facts.pendingLookup) {
      warnOnce(this, { scope: facts.vpc }, Rules.VPC_PENDING_LOOKUP, {
        prop: 'Vpc.fromLookup',
        received: 'is pending',
        rule: 'resource endpoints admit the VPC\'s blocks once the lookup has real values',
      });
    }
    for (const c of facts.cidrs) {
      if (c.text === '') {
        warnOnce(this, { scope: facts.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is not given (${c.unknownReason ?? 'not known'})`,
          rule: 'resource endpoints do not admit traffic from it',
          fix: 'Pass vpcCidrBlocks with the VPC\'s blocks, or open it with endpoint.connections.allowFrom(...).',
        });
        continue;
      }
      if (!c.block && !facts.pendingLookup) {
        warnOnce(this, { scope: facts.vpc, key: `${c.source} ${c.family}` }, Rules.VPC_CIDR_UNKNOWN, {
          prop: `${c.source} ${c.family} block`,
          received: `is an unresolved token (${c.unknownReason ?? 'resolved at deploy time'})`,
          rule: 'resource endpoints admit it as resolved at deploy time',
          fix: 'Pass vpcCidrBlocks with the literal blocks so the inbound rules can be checked at synth.',
        });
      }
      const peer = c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(c.text) : ec2.Peer.ipv4(c.text);
      for (const r of ranges) this.connections.allowFrom(peer, tcpPort(r), `${c.source} block of ${facts.path}`);
    }
  }
}

function defaultSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return {
    subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED,
    onePerAz: true,
  };
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

