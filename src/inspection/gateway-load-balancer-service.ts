import { Duration, Fn, Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { ImportedGatewayLoadBalancerService } from './imported-service';
import { GatewayLoadBalancerServiceAttributes, IGatewayLoadBalancerService } from './service-reference';
import { AvailabilityZoneIds, AzMapping } from '../core/az-ids';
import { fail } from '../core/errors';
import { ConnectivityGraph } from '../core/graph';
import { acknowledgeGuardRule, acknowledgeRule } from '../core/nag';
import { checkPrincipals } from '../core/principals';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';
import { refuseSharedZones, selectZoned } from '../core/zoned-subnets';
import { partitionOf } from '../net/regions';

/** Health check of the appliances behind a Gateway Load Balancer. */
export interface GatewayLoadBalancerHealthCheck {
  /**
   * Protocol of the health check: TCP, HTTP or HTTPS (GENEVE is not a health-check protocol).
   * @default elbv2.Protocol.TCP
   */
  readonly protocol?: elbv2.Protocol;
  /**
   * Port of the health check.
   * @default 80 (the Elastic Load Balancing default for GENEVE target groups)
   */
  readonly port?: number;
  /**
   * Path of an HTTP or HTTPS health check.
   * @default '/'
   */
  readonly path?: string;
  /**
   * Time between health checks.
   * @default - the Elastic Load Balancing default (10 seconds)
   */
  readonly interval?: Duration;
  /**
   * Time without a response after which a check fails.
   * @default - the Elastic Load Balancing default (5 seconds)
   */
  readonly timeout?: Duration;
  /**
   * Consecutive successes before an unhealthy target is healthy again.
   * @default - the Elastic Load Balancing default (5)
   */
  readonly healthyThresholdCount?: number;
  /**
   * Consecutive failures before a target is unhealthy.
   * @default - the Elastic Load Balancing default (2)
   */
  readonly unhealthyThresholdCount?: number;
}

/** Properties of a {@link GatewayLoadBalancerService}. */
export interface GatewayLoadBalancerServiceProps {
  /** The appliance VPC. */
  readonly vpc: ec2.IVpc;
  /**
   * The appliances: `new targets.InstanceTarget(instance)` or `new targets.IpTarget(ip)`, all of one kind.
   * @default - none: register them later (e.g. an Auto Scaling group's target group attachment)
   */
  readonly targets?: elbv2.INetworkLoadBalancerTarget[];
  /**
   * Type of the targets, for a target group whose targets are registered later.
   * @default - inferred from `targets`, else elbv2.TargetType.INSTANCE
   */
  readonly targetType?: elbv2.TargetType;
  /**
   * Subnets of the Gateway Load Balancer, one per Availability Zone; consumers can place
   * endpoints only in these zones.
   * @default - the VPC's private subnets (isolated subnets if it has no private ones), one per zone
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Health check of the appliances.
   * @default - TCP on port 80
   */
  readonly healthCheck?: GatewayLoadBalancerHealthCheck;
  /**
   * Whether the load balancer sends traffic to appliances in every zone, not only its own.
   * @default false
   */
  readonly crossZoneEnabled?: boolean;
  /**
   * IAM principals (accounts, users, roles) allowed to create endpoints to the service.
   * @default - none: no other account can connect yet (a warning says so)
   */
  readonly allowedPrincipals?: iam.ArnPrincipal[];
  /**
   * Allow every AWS principal (`*`) to request a connection.
   * @default false
   */
  readonly allowAnyPrincipal?: boolean;
  /**
   * Whether each connection request must be accepted by the service owner.
   * @default true
   */
  readonly acceptanceRequired?: boolean;
  /**
   * IP address types the service supports; with IPv6 the load balancer is dual-stack (its VPC and
   * subnets need IPv6 blocks).
   * @default [ec2.IpAddressType.IPV4]
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  /**
   * The provider account's AZ name → AZ ID mapping in the service's region, to tell consumers in
   * other accounts the service's zones.
   * @default - the `cdk-private-connectivity:az-ids:account=<account>:region=<region>` context key, if set
   */
  readonly availabilityZoneIds?: AzMapping[];
}

/**
 * A fleet of inspection appliances behind a Gateway Load Balancer, offered as a VPC endpoint
 * service: the load balancer, a GENEVE target group with its health check, the listener, the
 * `AWS::EC2::VPCEndpointService` and who may connect.
 */
export class GatewayLoadBalancerService extends Construct implements IGatewayLoadBalancerService {
  /** A service defined in another app or account, for `InspectionEndpoints.service`. */
  public static fromServiceAttributes(scope: Construct, id: string, attrs: GatewayLoadBalancerServiceAttributes): IGatewayLoadBalancerService {
    return new ImportedGatewayLoadBalancerService(scope, id, attrs);
  }

  /** The service name consumers connect to (`com.amazonaws.vpce.<region>.vpce-svc-...`). */
  public readonly serviceName: string;
  /** The service ID (`vpce-svc-...`). */
  public readonly serviceId: string;
  /** The endpoint service. */
  public readonly endpointService: ec2.CfnVPCEndpointService;
  /** The Gateway Load Balancer (aws-cdk-lib has no L2 for it). */
  public readonly loadBalancer: elbv2.CfnLoadBalancer;
  /** The GENEVE target group. */
  public readonly targetGroup: elbv2.CfnTargetGroup;
  /** The listener. */
  public readonly listener: elbv2.CfnListener;
  /** The appliance VPC (always set here; optional as in `IGatewayLoadBalancerService`, which imported services implement). */
  public readonly vpc?: ec2.IVpc;
  /**
   * The service's region.
   * @default - unknown (environment-agnostic stack)
   */
  public readonly region?: string;
  /**
   * AZ IDs of the load balancer's zones.
   * @default - unknown (no AZ ID mapping for the provider account)
   */
  public readonly availabilityZoneIds?: string[];
  /**
   * AZ names of the load balancer's zones, in the provider account.
   * @default - unknown (token zone names)
   */
  public readonly availabilityZones?: string[];
  /** IP address types the service supports. */
  public readonly supportedIpAddressTypes: string[];
  /** Whether each connection request must be accepted by the service owner. */
  public readonly acceptanceRequired: boolean;

  /**
   * The provider account, when literal.
   * @internal
   */
  public readonly _account?: string;

  constructor(scope: Construct, id: string, props: GatewayLoadBalancerServiceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vpc = props.vpc;
    this.region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    this._account = Token.isUnresolved(stack.account) ? undefined : stack.account;
    this.acceptanceRequired = props.acceptanceRequired ?? true;
    this.supportedIpAddressTypes = [...new Set(props.supportedIpAddressTypes ?? [ec2.IpAddressType.IPV4])];
    const dualStack = this.supportedIpAddressTypes.includes(ec2.IpAddressType.IPV6);

    // ---- load balancer: one subnet per zone ----
    const zoned = selectZoned(this, 'vpcSubnets', props.vpc, props.vpcSubnets ?? defaultSubnets(props.vpc), { rule: Rules.INSPECTION_SUBNETS_EMPTY, what: 'a Gateway Load Balancer' });
    refuseSharedZones(this, 'vpcSubnets', zoned, Rules.INSPECTION_SUBNET_AZ_DUPLICATE, 'a load balancer takes one subnet per Availability Zone');
    this.availabilityZones = zoned.zoneNames;
    const ids = AvailabilityZoneIds._resolve(this, 'availabilityZoneIds', this._account, this.region, props.availabilityZoneIds);
    if (ids && zoned.zoneNames && zoned.zoneNames.every((n) => ids.has(n))) {
      this.availabilityZoneIds = zoned.zoneNames.map((n) => ids.get(n)!);
    }

    // Gateway Load Balancers: a load balancer of type gateway, IP address type ipv4 or dualstack.
    this.loadBalancer = new elbv2.CfnLoadBalancer(this, 'LoadBalancer', {
      type: 'gateway',
      subnets: zoned.subnets.map((s) => s.subnetId),
      ipAddressType: dualStack ? 'dualstack' : undefined,
      loadBalancerAttributes: props.crossZoneEnabled === undefined ? undefined
        : [{ key: 'load_balancing.cross_zone.enabled', value: String(props.crossZoneEnabled) }],
    });
    acknowledgeGuardRule(this.loadBalancer, 'elbv2_deletion_protection_enabled_check',
      'The load balancer lives and dies with its stack and endpoint service: deletion protection would make stack deletion and replacement fail.');
    // Gateway Load Balancers: no access logs; the appliances see (and log) every flow.
    const noLogs = 'Gateway Load Balancers have no access logs (they are transparent to the traffic); appliances log the flows they inspect.';
    acknowledgeGuardRule(this.loadBalancer, 'elbv2_logging_enabled_check', noLogs);
    acknowledgeRule(this.loadBalancer, 'AwsSolutions-ELB2', noLogs);

    // ---- target group: GENEVE on 6081 ----
    const registered = (props.targets ?? []).map((t, i) => attachTarget(this, t, i));
    const types = [...new Set(registered.map((r) => r.targetType))];
    if (types.length > 1) {
      fail(this, Rules.INSPECTION_TARGET_INVALID, { prop: 'targets', received: `mixes target types ${show(types)}`, rule: 'a target group holds targets of one type' });
    }
    const targetType = props.targetType ?? types[0] ?? elbv2.TargetType.INSTANCE;
    if (targetType !== elbv2.TargetType.INSTANCE && targetType !== elbv2.TargetType.IP) {
      fail(this, Rules.INSPECTION_TARGET_INVALID, { prop: 'targetType', received: show(targetType), rule: 'a Gateway Load Balancer target group takes instance or ip targets' });
    }
    const hc = checkHealthCheck(this, props.healthCheck ?? {});
    // Target groups for your Gateway Load Balancers: protocol GENEVE, port 6081.
    this.targetGroup = new elbv2.CfnTargetGroup(this, 'TargetGroup', {
      vpcId: props.vpc.vpcId,
      protocol: 'GENEVE',
      port: 6081,
      targetType,
      targets: registered.length > 0 ? registered.map((r) => r.targetJson) : undefined,
      ...hc,
    });

    // A Gateway Load Balancer listener has no protocol or port: it takes every IP packet.
    this.listener = new elbv2.CfnListener(this, 'Listener', {
      loadBalancerArn: this.loadBalancer.ref,
      defaultActions: [{ type: 'forward', targetGroupArn: this.targetGroup.ref }],
    });

    // ---- endpoint service and who may connect ----
    const partition = this.region === undefined ? undefined : partitionOf(this.region);
    const principals = checkPrincipals(this, {
      given: props.allowedPrincipals ?? [],
      allowAny: props.allowAnyPrincipal ?? false,
      partition,
      wildcardRisk: 'send its traffic to your appliances',
    });
    this.endpointService = new ec2.CfnVPCEndpointService(this, 'Resource', {
      gatewayLoadBalancerArns: [this.loadBalancer.ref],
      acceptanceRequired: this.acceptanceRequired,
      supportedIpAddressTypes: props.supportedIpAddressTypes ? this.supportedIpAddressTypes : undefined,
    });
    this.node.defaultChild = this.endpointService;
    this.serviceId = this.endpointService.ref;
    if (principals.length > 0) {
      new ec2.CfnVPCEndpointServicePermissions(this, 'Permissions', {
        serviceId: this.serviceId,
        allowedPrincipals: principals.map((p) => p.arn),
      });
    }
    // VPC endpoint services: the name is com.amazonaws.vpce.<service's region>.<service ID>.
    const prefix = this.region === undefined ? 'com.amazonaws.vpce' : RegionInfo.get(this.region).vpcEndpointServiceNamePrefix ?? 'com.amazonaws.vpce';
    this.serviceName = Fn.join('.', [prefix, this.region ?? stack.region, this.serviceId]);

    ConnectivityGraph.of(this)._addVpc(props.vpc);
  }
}

/** Private subnets, else isolated ones, one per zone: where appliances usually live. */
function defaultSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return { subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: true };
}

/** The target's registration: instance and IP targets only (they ignore the group they are given). */
function attachTarget(scope: Construct, t: elbv2.INetworkLoadBalancerTarget, i: number): elbv2.LoadBalancerTargetProps {
  // InstanceTarget and IpTarget describe themselves without touching the group; other targets
  // (ALB, Lambda) register through an elbv2 target group and cannot sit behind a Gateway Load Balancer.
  let props: elbv2.LoadBalancerTargetProps | undefined;
  try {
    props = t.attachToNetworkTargetGroup(undefined as unknown as elbv2.INetworkTargetGroup);
  } catch {
    props = undefined;
  }
  if (!props || (props.targetType !== elbv2.TargetType.INSTANCE && props.targetType !== elbv2.TargetType.IP) || !props.targetJson) {
    fail(scope, Rules.INSPECTION_TARGET_INVALID, {
      prop: `targets[${i}]`,
      received: `${t.constructor?.name ?? typeof t}${props ? ` (type ${props.targetType})` : ''}`,
      rule: 'a Gateway Load Balancer forwards GENEVE to instances or IP addresses',
    });
  }
  return { targetType: props.targetType, targetJson: { id: props.targetJson.id, availabilityZone: props.targetJson.availabilityZone } };
}

const HEALTH_CHECK_PROTOCOLS = [elbv2.Protocol.TCP, elbv2.Protocol.HTTP, elbv2.Protocol.HTTPS];

/** The target group's health-check properties, checked. */
function checkHealthCheck(scope: Construct, hc: GatewayLoadBalancerHealthCheck): Partial<elbv2.CfnTargetGroupProps> {
  const protocol = hc.protocol ?? elbv2.Protocol.TCP;
  // CreateTargetGroup (Elastic Load Balancing API): GENEVE, TLS, UDP and TCP_UDP are not health-check protocols.
  if (!HEALTH_CHECK_PROTOCOLS.includes(protocol)) {
    fail(scope, Rules.INSPECTION_HEALTH_CHECK_INVALID, { prop: 'healthCheck.protocol', received: show(protocol), rule: 'GENEVE target groups are health-checked over TCP, HTTP or HTTPS' });
  }
  if (protocol === elbv2.Protocol.TCP && hc.path !== undefined) {
    fail(scope, Rules.INSPECTION_HEALTH_CHECK_INVALID, { prop: 'healthCheck.path', received: show(hc.path), rule: 'a TCP health check has no path' });
  }
  const port = hc.port ?? 80;
  if (!Token.isUnresolved(port) && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    fail(scope, Rules.INSPECTION_HEALTH_CHECK_INVALID, { prop: 'healthCheck.port', received: show(port), rule: 'a health-check port is an integer from 1 to 65535' });
  }
  const http = protocol !== elbv2.Protocol.TCP;
  return {
    healthCheckEnabled: true,
    healthCheckProtocol: protocol,
    healthCheckPort: Tokenization.stringifyNumber(port), // a token port stays a token
    healthCheckPath: http ? hc.path ?? '/' : undefined,
    healthCheckIntervalSeconds: hc.interval?.toSeconds(),
    healthCheckTimeoutSeconds: hc.timeout?.toSeconds(),
    healthyThresholdCount: hc.healthyThresholdCount,
    unhealthyThresholdCount: hc.unhealthyThresholdCount,
  };
}
