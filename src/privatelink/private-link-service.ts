import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct, IConstruct } from 'constructs';
import { PrivateLinkConsumer } from './consumer';
import { ImportedPrivateLinkService } from './imported-service';
import { vpcHasIpv6 } from './ip-families';
import { checkGivenLoadBalancer, listenerQuotaProblems } from './load-balancer-facts';
import { checkPrivateDnsName } from './names';
import { securityGroupPorts, validatePorts } from './ports';
import { IPrivateLinkService, PrivateLinkPort, PrivateLinkServiceAttributes } from './service-reference';
import { defaultPrivateSubnets, selectZonedSubnets } from './zones';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { subnetFamilies } from '../core/endpoint-ip-types';
import { fail } from '../core/errors';
import { ConnectivityGraph } from '../core/graph';
import { acknowledgeRule, acknowledgeServiceLoadBalancer } from '../core/nag';
import { allowedAccounts, checkPrincipals } from '../core/principals';
import { checkRegionName, checkStackRegion } from '../core/region-names';
import { Rules } from '../core/rules';
import { readVpcFacts, VpcCidrFact } from '../core/vpc-facts';
import { show, warn, warnOnce } from '../core/warnings';
import { IpFamily } from '../net/cidr';
import { FIXED_QUOTAS } from '../net/quota-table';
import { partitionOf } from '../net/regions';

/** A listener of the service's Network Load Balancer and the targets behind it. */
export interface PrivateLinkListener extends PrivateLinkPort {
  /**
   * The targets (instances, IPs, an Application Load Balancer...).
   * @default - none: add them later with `service.listeners[i]` or register by IP
   */
  readonly targets?: elbv2.INetworkLoadBalancerTarget[];
  /**
   * The port the targets listen on.
   * @default - the listener port
   */
  readonly targetPort?: number;
  /**
   * The type of the targets (instance, IP, ALB), for a listener whose targets are registered later.
   * @default - inferred from `targets`
   */
  readonly targetType?: elbv2.TargetType;
  /**
   * Certificates of a TLS listener.
   * @default - none (required for protocol TLS)
   */
  readonly certificates?: elbv2.IListenerCertificate[];
  /**
   * SSL policy of a TLS listener.
   * @default - the Elastic Load Balancing default policy
   */
  readonly sslPolicy?: elbv2.SslPolicy;
  /**
   * Health check of the target group.
   * @default - the elbv2 defaults for a Network Load Balancer target group
   */
  readonly healthCheck?: elbv2.HealthCheck;
  /**
   * Whether targets see the client's IP address (with PrivateLink, the consumer's endpoint address).
   * @default - the elbv2 default for the target type
   */
  readonly preserveClientIp?: boolean;
  /**
   * Whether to send a Proxy Protocol v2 header (carries the consumer's endpoint ID and address).
   * @default false
   */
  readonly proxyProtocolV2?: boolean;
}

/** Properties of a {@link PrivateLinkService}. */
export interface PrivateLinkServiceProps {
  /** The provider's VPC. */
  readonly vpc: ec2.IVpc;
  /** The listeners of the Network Load Balancer (at least one; one per port). */
  readonly listeners: PrivateLinkListener[];
  /**
   * An existing Network Load Balancer to front the service; the listeners are added to it.
   * `vpcSubnets`, `securityGroups` and `enforceSecurityGroupInboundRulesOnPrivateLinkTraffic` then do not apply.
   * @default - an internal Network Load Balancer is created
   */
  readonly loadBalancer?: elbv2.INetworkLoadBalancer;
  /**
   * Subnets of the created load balancer (one per Availability Zone); consumers can connect only
   * in these zones.
   * @default - the VPC's private subnets (isolated subnets if it has no private ones)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Security groups of the created load balancer. A Network Load Balancer can have security groups
   * only if it is created with them. With groups, the service opens their outbound rules to the
   * targets (target and health-check ports) and, while PrivateLink traffic is filtered, their inbound
   * rules to the CIDR blocks of the consumers this app holds.
   * @default - no security group, whatever the `@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault` feature flag says
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Whether the load balancer's security groups filter PrivateLink traffic too (the source is then
   * the consumer client's private address).
   * @default - AWS's default (enforced) when security groups are given
   */
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;
  /**
   * Whether the created load balancer balances across zones.
   * @default false
   */
  readonly crossZoneEnabled?: boolean;
  /**
   * A bucket for the created load balancer's access logs (Network Load Balancers log TLS
   * listeners only).
   * @default - no access logs
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * IAM principals (accounts, users, roles) allowed to connect.
   * @default - none: no other account can connect yet (a warning says so)
   */
  readonly allowedPrincipals?: iam.ArnPrincipal[];
  /**
   * Allow every AWS principal (`*`) to request a connection. With acceptance required, each
   * request still waits for you to accept it.
   * @default false
   */
  readonly allowAnyPrincipal?: boolean;
  /**
   * Whether each connection request must be accepted by the service owner.
   * @default true
   */
  readonly acceptanceRequired?: boolean;
  /**
   * Regions other than the service's own from which consumers may connect (cross-region PrivateLink).
   * @default - none: consumers must be in the service's region
   */
  readonly supportedRegions?: string[];
  /**
   * IP address types the service supports. With IPv6, the VPC and the load balancer's subnets need
   * IPv6 blocks and the load balancer is dualstack (the created one is made dualstack).
   * @default - IPv4 only (AWS default)
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  /**
   * Whether to enable PrivateLink's built-in Contributor Insights rules.
   * @default false
   */
  readonly contributorInsights?: boolean;
  /**
   * A private DNS name for consumers (e.g. `orders.example.com`); AWS verifies that you own the domain.
   * @default - none
   */
  readonly privateDnsName?: string;
  /**
   * The public hosted zone of the private DNS name's domain: the verification TXT record is
   * written there and verification is started (aws-cdk-lib `VpcEndpointServiceDomainName`).
   * @default - the name is set on the service; you add the TXT record and start verification yourself
   */
  readonly publicHostedZone?: route53.IPublicHostedZone;
  /**
   * Whether the private DNS name is verified (set it once AWS shows the name's state as
   * `verified`); same-app consumers then enable private DNS.
   * @default false
   */
  readonly privateDnsNameVerified?: boolean;
  /**
   * The provider account's AZ name → AZ ID mapping in the service's region, to tell consumers in
   * other accounts the service's zones.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
}

/**
 * A PrivateLink endpoint service: an internal Network Load Balancer with listeners and target
 * groups, the `AWS::EC2::VPCEndpointService` in front of it, who may connect, and an optional
 * private DNS name.
 */
export class PrivateLinkService extends Construct implements IPrivateLinkService {
  /** A service defined in another app or account, for `PrivateLinkEndpoint.service`. */
  public static fromServiceAttributes(scope: Construct, id: string, attrs: PrivateLinkServiceAttributes): IPrivateLinkService {
    return new ImportedPrivateLinkService(scope, id, attrs);
  }

  /** The service name consumers connect to (`com.amazonaws.vpce.<region>.vpce-svc-...`). */
  public readonly serviceName: string;
  /** The service ID (`vpce-svc-...`). */
  public readonly serviceId: string;
  /** The endpoint service. */
  public readonly endpointService: ec2.VpcEndpointService;
  /** The Network Load Balancer in front of the service. */
  public readonly loadBalancer: elbv2.INetworkLoadBalancer;
  /** The listeners, in the order of `listeners`. */
  public readonly listeners: elbv2.NetworkListener[];
  /** The listener ports. */
  public readonly ports: PrivateLinkPort[];
  /** The provider's VPC. */
  public readonly vpc?: ec2.IVpc;
  /**
   * The service's region.
   * @default - unknown (environment-agnostic stack)
   */
  public readonly region?: string;
  /** Regions other than its own from which consumers may connect. */
  public readonly supportedRegions: string[];
  /**
   * AZ IDs of the load balancer's zones.
   * @default - unknown (no AZ ID mapping for the provider account)
   */
  public readonly availabilityZoneIds?: string[];
  /**
   * The private DNS name.
   * @default - none
   */
  public readonly privateDnsName?: string;
  /** Whether the private DNS name is declared verified. */
  public readonly privateDnsNameVerified: boolean;
  /** Whether each connection request must be accepted by the service owner. */
  public readonly acceptanceRequired: boolean;
  /** The IP address types the service supports. */
  public readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  /**
   * The private DNS name's verification (TXT record and custom resources), when a public hosted zone was given.
   * @default - none
   */
  public readonly domainName?: route53.VpcEndpointServiceDomainName;

  /**
   * AZ names of the load balancer's zones in the provider account.
   * @internal
   */
  public readonly _availabilityZoneNames?: string[];
  /**
   * The provider account, when literal.
   * @internal
   */
  public readonly _account?: string;
  /**
   * Accounts of the allowed principals, when every principal is a literal ARN (no `*`).
   * @internal
   */
  public readonly _allowedAccounts?: string[];

  private readonly consumers: PrivateLinkConsumer[] = [];
  private readonly consumerListeners: Array<(c: PrivateLinkConsumer) => void> = [];
  private readonly acceptedAccounts: string[] = [];
  /** Whether the load balancer's inbound rules filter PrivateLink traffic, so consumers must be admitted. */
  private readonly admitsConsumers: boolean;

  constructor(scope: Construct, id: string, props: PrivateLinkServiceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vpc = props.vpc;
    this.region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    this._account = Token.isUnresolved(stack.account) ? undefined : stack.account;
    const partition = this.region === undefined ? undefined : partitionOf(this.region);
    this.acceptanceRequired = props.acceptanceRequired ?? true;
    checkStackRegion(this);

    // ---- listeners ----
    if (props.listeners.length === 0) {
      fail(this, Rules.PRIVATELINK_LISTENERS_EMPTY, {
        prop: 'listeners',
        received: '[]',
        rule: 'a Network Load Balancer without listeners accepts no traffic',
      });
    }
    validatePorts(this, 'listeners', props.listeners);
    props.listeners.forEach((l, i) => {
      if (l.targetPort !== undefined) validatePorts(this, `listeners[${i}].targetPort`, [{ port: l.targetPort }]);
    });
    this.ports = props.listeners.map((l) => ({ port: l.port, protocol: l.protocol ?? elbv2.Protocol.TCP }));
    const listenerQuota = FIXED_QUOTAS.listenersPerNetworkLoadBalancer;
    if (props.listeners.length > listenerQuota.value) {
      fail(this, Rules.PRIVATELINK_LISTENER_QUOTA, {
        prop: 'listeners',
        received: `has ${props.listeners.length} entries`,
        rule: `a Network Load Balancer has at most ${listenerQuota.value} listeners ("${listenerQuota.source}", not adjustable)`,
      });
    }

    // ---- regions ----
    this.supportedRegions = [...new Set(props.supportedRegions ?? [])];
    this.supportedRegions.forEach((r, i) => {
      checkRegionName(this, `supportedRegions[${i}]`, r);
      const p = Token.isUnresolved(r) ? undefined : partitionOf(r);
      if (partition !== undefined && p !== undefined && p !== partition) {
        fail(this, Rules.PRIVATELINK_PARTITION_MISMATCH, {
          prop: `supportedRegions[${i}]`,
          received: `${show(r)} is in partition ${p}, the service in ${partition} (${this.region})`,
          rule: 'cross-region PrivateLink connects regions of one partition only',
        });
      }
    });

    // ---- load balancer and its zones ----
    this.supportedIpAddressTypes = [...(props.supportedIpAddressTypes ?? [ec2.IpAddressType.IPV4])];
    const ipv6 = this.supportedIpAddressTypes.includes(ec2.IpAddressType.IPV6);
    if (ipv6) this.checkIpv6Vpc(props.vpc);
    if (props.loadBalancer) {
      checkGivenLoadBalancer(this, props.loadBalancer, props.vpc);
      if (ipv6) this.checkIpv6LoadBalancer(props.loadBalancer);
      this.loadBalancer = props.loadBalancer;
      this._availabilityZoneNames = zonesOfLoadBalancer(props.loadBalancer, props.vpc);
      // A load balancer built elsewhere (with the feature flag on, elbv2 gives it a closed group).
      const enforcement = props.loadBalancer instanceof elbv2.NetworkLoadBalancer
        ? props.loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic : undefined;
      this.admitsConsumers = props.loadBalancer.connections.securityGroups.length > 0 && enforcement !== 'off';
      if (this.admitsConsumers && enforcement === undefined) {
        warn(this, Rules.PRIVATELINK_NLB_SG_ENFORCED, {
          prop: 'loadBalancer',
          received: `${props.loadBalancer.node.path} has security groups and enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is not set`,
          rule: 'Network Load Balancers with security groups filter PrivateLink traffic by their inbound rules unless this is off',
        });
      }
    } else {
      const zoned = selectZonedSubnets(this, 'vpcSubnets', props.vpc, props.vpcSubnets ?? defaultPrivateSubnets(props.vpc));
      this._availabilityZoneNames = zoned.zoneNames;
      if (ipv6) this.checkIpv6Subnets(zoned.subnets);
      const securityGroups = props.securityGroups && props.securityGroups.length > 0 ? props.securityGroups : undefined;
      this.admitsConsumers = securityGroups !== undefined && props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic !== false;
      if (securityGroups && props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic === undefined) {
        warn(this, Rules.PRIVATELINK_NLB_SG_ENFORCED, {
          prop: 'enforceSecurityGroupInboundRulesOnPrivateLinkTraffic',
          received: 'is not set while securityGroups are given',
          rule: 'Network Load Balancers with security groups filter PrivateLink traffic by their inbound rules unless this is off',
        });
      }
      const nlb = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
        vpc: props.vpc,
        internetFacing: false,
        vpcSubnets: { subnets: zoned.subnets },
        securityGroups,
        // Security groups for your Network Load Balancer: one created without security groups can
        // never have them, and one with groups filters PrivateLink traffic unless told not to. The
        // feature flag networkLoadBalancerWithSecurityGroupByDefault would add a group that admits
        // nothing and lets nothing out; the service is built the same way under every flag value.
        disableSecurityGroups: securityGroups === undefined ? true : undefined,
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic,
        crossZoneEnabled: props.crossZoneEnabled,
        // Share your services through AWS PrivateLink (IP address types): IPv6 needs dualstack load balancers.
        ipAddressType: ipv6 ? elbv2.IpAddressType.DUAL_STACK : undefined,
      });
      this.loadBalancer = nlb;
      acknowledgeServiceLoadBalancer(nlb, { crossZoneEnabled: props.crossZoneEnabled === true, accessLogs: props.accessLogsBucket !== undefined });
      if (props.accessLogsBucket) {
        nlb.logAccessLogs(props.accessLogsBucket);
      } else {
        // Access logs of a Network Load Balancer cover TLS listeners only ("Access logs for your
        // Network Load Balancer") and need a bucket the user owns.
        acknowledgeRule(nlb, 'AwsSolutions-ELB2',
          'Access logs are opt-in through accessLogsBucket: Network Load Balancer access logs cover TLS listeners only and need a bucket the owner chooses.');
      }
    }
    const ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', this._account, this.region, props.availabilityZoneIds);
    const names = this._availabilityZoneNames;
    if (ids && names && names.every((n) => ids.has(n))) {
      this.availabilityZoneIds = names.map((n) => ids.get(n)!);
    }

    this.listeners = props.listeners.map((l) => {
      const protocol = l.protocol ?? elbv2.Protocol.TCP;
      const listener = this.loadBalancer.addListener(`Listener${l.port}`, {
        port: l.port,
        protocol,
        certificates: l.certificates,
        sslPolicy: l.sslPolicy,
      });
      // As `listener.addTargets('Targets', ...)` would build it, with a target type for empty groups.
      const group = new elbv2.NetworkTargetGroup(listener, 'TargetsGroup', {
        vpc: this.loadBalancer.vpc ?? props.vpc,
        port: l.targetPort ?? l.port,
        // A TLS listener terminates TLS and forwards TCP.
        protocol: protocol === elbv2.Protocol.TLS ? elbv2.Protocol.TCP : protocol,
        targets: l.targets,
        targetType: l.targetType,
        healthCheck: l.healthCheck,
        preserveClientIp: l.preserveClientIp,
        proxyProtocolV2: l.proxyProtocolV2,
      });
      listener.addTargetGroups('Targets', group);
      return listener;
    });
    this.openEgressToTargets(props);

    // ---- who may connect ----
    const principals = checkPrincipals(this, {
      given: props.allowedPrincipals ?? [],
      allowAny: props.allowAnyPrincipal ?? false,
      partition,
    });
    this._allowedAccounts = allowedAccounts(this, principals, partition);

    this.endpointService = new ec2.VpcEndpointService(this, 'Resource', {
      vpcEndpointServiceLoadBalancers: [this.loadBalancer],
      acceptanceRequired: this.acceptanceRequired,
      allowedPrincipals: principals,
      allowedRegions: this.supportedRegions.length > 0 ? this.supportedRegions : undefined,
      supportedIpAddressTypes: props.supportedIpAddressTypes,
      contributorInsights: props.contributorInsights,
    });
    this.serviceId = this.endpointService.vpcEndpointServiceId;
    // VPC endpoint services: the name is com.amazonaws.vpce.<service's region>.<service ID>. aws-cdk-lib
    // builds it with AWS::Region, which a consumer stack in another region resolves to its own region.
    this.serviceName = this.region === undefined
      ? this.endpointService.vpcEndpointServiceName
      : Fn.join('.', [RegionInfo.get(this.region).vpcEndpointServiceNamePrefix ?? 'com.amazonaws.vpce', this.region, this.serviceId]);

    // ---- private DNS name ----
    checkPrivateDnsName(this, 'privateDnsName', props.privateDnsName);
    this.privateDnsName = props.privateDnsName;
    this.privateDnsNameVerified = props.privateDnsName !== undefined && (props.privateDnsNameVerified ?? false);
    if (props.privateDnsName !== undefined) {
      if (props.publicHostedZone) {
        checkZone(this, props.privateDnsName, props.publicHostedZone);
        this.domainName = new route53.VpcEndpointServiceDomainName(this, 'PrivateDnsName', {
          endpointService: this.endpointService,
          domainName: props.privateDnsName,
          publicHostedZone: props.publicHostedZone,
        });
      } else {
        // AWS::EC2::VPCEndpointService.PrivateDnsName: the TXT record and verification are the owner's.
        (this.endpointService.node.defaultChild as ec2.CfnVPCEndpointService).addPropertyOverride('PrivateDnsName', props.privateDnsName);
      }
    }

    ConnectivityGraph.of(this)._addVpc(props.vpc);
    this.node.addValidation({ validate: () => this.warnUnaccepted() });
    this.node.addValidation({ validate: () => listenerQuotaProblems(this, this.loadBalancer) });
  }

  /**
   * Record an endpoint of this app that connects to the service: with PrivateLink traffic filtered
   * by the load balancer's security groups, its VPC's blocks are admitted on the listener ports.
   * @internal
   */
  public _addConsumer(endpoint: IConstruct, blocks: VpcCidrFact[]): void {
    const stack = Stack.of(endpoint);
    const consumer: PrivateLinkConsumer = {
      endpoint,
      account: Token.isUnresolved(stack.account) ? undefined : stack.account,
    };
    this.consumers.push(consumer);
    if (this.admitsConsumers) this.admitConsumer(endpoint, blocks);
    this.consumerListeners.forEach((listener) => listener(consumer));
  }

  /**
   * Call `listener` for every consumer of this app, those recorded already and those to come.
   * @internal
   */
  public _onConsumer(listener: (c: PrivateLinkConsumer) => void): void {
    this.consumers.forEach(listener);
    this.consumerListeners.push(listener);
  }

  /**
   * Record accounts whose endpoints a deploy-time acceptance accepts.
   * @internal
   */
  public _addAcceptedAccounts(accounts: string[]): void {
    this.acceptedAccounts.push(...accounts);
  }

  /** Admit the literal blocks of a consumer's VPC on the listener ports (the source is the client's address). */
  private admitConsumer(endpoint: IConstruct, blocks: VpcCidrFact[]): void {
    const ports = this.ports.flatMap(securityGroupPorts);
    for (const c of blocks) {
      if (!c.block) {
        // A deploy-time block would be a reference into the consumer's stack (maybe another account).
        // One warning per service, naming every consumer it cannot admit.
        warnOnce(endpoint, { scope: this, key: 'consumer blocks' }, Rules.PRIVATELINK_NLB_SG_ENFORCED, {
          prop: 'consumers',
          received: 'have CIDR blocks not known at synth',
          rule: 'the load balancer\'s inbound rules admit consumers by literal CIDR block, so these are not admitted',
          fix: 'Pass vpcCidrBlocks to the endpoint, or admit the block with service.loadBalancer.connections.allowFrom(...).',
        });
        continue;
      }
      const peer = c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(c.block.cidr) : ec2.Peer.ipv4(c.block.cidr);
      for (const port of ports) this.loadBalancer.connections.allowFrom(peer, port, `PrivateLink consumer ${endpoint.node.path}`);
    }
  }

  /**
   * Let the load balancer's security groups (when it has any) reach the targets in its VPC on the
   * target ports and health-check ports. "Security groups for your Network Load Balancer": health
   * checks are subject to outbound rules. Groups that allow all outbound traffic are left as they are.
   */
  private openEgressToTargets(props: PrivateLinkServiceProps): void {
    if (this.loadBalancer.connections.securityGroups.length === 0) return;
    const facts = readVpcFacts(props.vpc);
    const peers = facts.cidrs
      .filter((c) => c.text !== '')
      .map((c) => (c.family === IpFamily.IPV6 ? ec2.Peer.ipv6(c.text) : ec2.Peer.ipv4(c.text)));
    const ports = new Map<string, ec2.Port>();
    props.listeners.forEach((l) => {
      const targetPort = l.targetPort ?? l.port;
      const protocol = l.protocol === elbv2.Protocol.TLS ? elbv2.Protocol.TCP : l.protocol;
      for (const p of securityGroupPorts({ port: targetPort, protocol })) ports.set(p.toString(), p);
      // Health checks are TCP, HTTP or HTTPS: TCP on the traffic port unless another port is given.
      const hc = l.healthCheck?.port;
      const hcPort = hc === undefined || hc === 'traffic-port' ? targetPort : Number(hc);
      if (Number.isInteger(hcPort)) ports.set(ec2.Port.tcp(hcPort).toString(), ec2.Port.tcp(hcPort));
    });
    for (const sg of this.loadBalancer.connections.securityGroups) {
      if (sg.allowAllOutbound) continue;
      for (const peer of peers) {
        for (const port of ports.values()) sg.addEgressRule(peer, port, `PrivateLink service ${this.node.path}: targets and health checks`);
      }
    }
  }

  /**
   * Create a service powered by AWS PrivateLink (prerequisites): for IPv6 interface endpoints, the
   * VPC and subnets of the endpoint service must have IPv6 CIDR blocks.
   */
  private checkIpv6Vpc(vpc: ec2.IVpc): void {
    const has = vpcHasIpv6(vpc);
    if (has === false) {
      fail(this, Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS, {
        prop: 'supportedIpAddressTypes',
        received: `includes ipv6, but ${vpc.node.path} has no IPv6 block`,
        rule: 'an endpoint service supports IPv6 only in a VPC whose load balancer subnets have IPv6 blocks (Create a service powered by AWS PrivateLink)',
      });
    } else if (has === undefined) {
      this.warnIpUnknown(`the IPv6 blocks of ${vpc.node.path} (imported)`);
    }
  }

  /** "Update the IP address types for your Network Load Balancer": dualstack needs IPv6 blocks on its subnets. */
  private checkIpv6Subnets(subnets: ec2.ISubnet[]): void {
    const without = subnets.filter((s) => subnetFamilies(s).ipv6 === false);
    if (without.length > 0) {
      fail(this, Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS, {
        prop: 'vpcSubnets',
        received: `selects ${without.map((s) => s.node.path).join(', ')} without an IPv6 block, while supportedIpAddressTypes includes ipv6`,
        rule: 'a dualstack Network Load Balancer needs IPv6 blocks on every subnet (Update the IP address types for your Network Load Balancer)',
      });
    }
    const unknown = subnets.filter((s) => subnetFamilies(s).ipv6 === undefined);
    if (unknown.length > 0) this.warnIpUnknown(`the IPv6 blocks of ${unknown.map((s) => s.node.path).join(', ')} (imported subnets)`);
  }

  /** Share your services through AWS PrivateLink (IP address types): the load balancers of an IPv6 service are dualstack. */
  private checkIpv6LoadBalancer(lb: elbv2.INetworkLoadBalancer): void {
    if (lb.ipAddressType === undefined) {
      this.warnIpUnknown(`the IP address type of ${lb.node.path} (imported)`);
    } else if (lb.ipAddressType === elbv2.IpAddressType.IPV4) {
      fail(this, Rules.PRIVATELINK_SERVICE_IPV6_REQUIREMENTS, {
        prop: 'supportedIpAddressTypes',
        received: `includes ipv6, but ${lb.node.path} has IP address type ipv4`,
        rule: 'an endpoint service supports IPv6 only if its Network Load Balancers are dualstack (Share your services through AWS PrivateLink)',
        fix: 'Create the load balancer with ipAddressType: elbv2.IpAddressType.DUAL_STACK, or support IPv4 only.',
      });
    }
  }

  private warnIpUnknown(what: string): void {
    warn(this, Rules.PRIVATELINK_IP_TYPE_UNKNOWN, {
      prop: 'supportedIpAddressTypes',
      received: `includes ipv6; ${what} cannot be read at synth`,
      rule: 'an IPv6 endpoint service needs a dualstack load balancer in subnets with IPv6 blocks',
    });
  }

  /** Warn for each consumer of this app in another account whose endpoint nothing accepts. */
  private warnUnaccepted(): string[] {
    if (!this.acceptanceRequired || this._account === undefined) return [];
    for (const c of this.consumers) {
      if (c.account === undefined || c.account === this._account || this.acceptedAccounts.includes(c.account)) continue;
      warn(this, Rules.PRIVATELINK_ACCEPTANCE_MISSING, {
        prop: 'acceptanceRequired',
        received: `is true and nothing accepts the endpoint ${c.endpoint.node.path} of account ${c.account}`,
        rule: 'an endpoint to a service that requires acceptance stays pendingAcceptance until the service owner accepts it',
      });
    }
    return [];
  }
}

/** The AZ names of a given load balancer's subnets, when it is a load balancer of this app in `vpc`. */
function zonesOfLoadBalancer(lb: elbv2.INetworkLoadBalancer, vpc: ec2.IVpc): string[] | undefined {
  const cfn = lb.node.defaultChild;
  if (!(cfn instanceof elbv2.CfnLoadBalancer)) return undefined;
  const mappings = Array.isArray(cfn.subnetMappings) ? cfn.subnetMappings as elbv2.CfnLoadBalancer.SubnetMappingProperty[] : undefined;
  const subnetIds = cfn.subnets ?? mappings?.map((m) => m.subnetId);
  if (!Array.isArray(subnetIds)) return undefined;
  const all = [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets];
  const names: string[] = [];
  for (const id of subnetIds) {
    const subnet = all.find((s) => s.subnetId === id);
    if (!subnet || Token.isUnresolved(subnet.availabilityZone)) return undefined;
    names.push(subnet.availabilityZone);
  }
  return names;
}

/** Refuse a private DNS name outside the public hosted zone that is to verify it. */
function checkZone(scope: Construct, name: string, zone: route53.IPublicHostedZone): void {
  let zoneName: string;
  try {
    zoneName = zone.zoneName;
  } catch {
    return; // imported by ID only: the zone's name is not known
  }
  if (Token.isUnresolved(name) || Token.isUnresolved(zoneName)) return;
  const n = name.replace(/\.$/, '').toLowerCase();
  const z = zoneName.replace(/\.$/, '').toLowerCase();
  if (n !== z && !n.endsWith(`.${z}`)) {
    fail(scope, Rules.PRIVATELINK_PRIVATE_DNS_ZONE_MISMATCH, {
      prop: 'privateDnsName',
      received: `${show(name)} is not in the hosted zone ${show(zoneName)}`,
      rule: 'AWS verifies a private DNS name by a TXT record in the public zone of its domain',
    });
  }
}
