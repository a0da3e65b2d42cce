/**
 * What inspection endpoints need to know of a Gateway Load Balancer endpoint service, whether it
 * is defined in this app (`GatewayLoadBalancerService`) or elsewhere (`fromServiceAttributes`).
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';
import { validateRegionName } from '../net/regions';

/** A Gateway Load Balancer endpoint service that inspection endpoints can send traffic to. */
export interface IGatewayLoadBalancerService extends IConstruct {
  /** The service name, e.g. `com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0` (a token for a service in this app). */
  readonly serviceName: string;
  /**
   * The service's region.
   * @default - unknown (an environment-agnostic provider stack)
   */
  readonly region?: string;
  /**
   * AZ IDs where the service's Gateway Load Balancer has a subnet.
   * @default - unknown: the endpoints' zones are not matched to the service's (warning)
   */
  readonly availabilityZoneIds?: string[];
  /** IP address types the service supports (`ipv4`, `ipv6`). */
  readonly supportedIpAddressTypes: string[];
  /**
   * The appliance VPC, for a service defined in this app.
   * @default - a service defined elsewhere
   */
  readonly vpc?: ec2.IVpc;
}

/** What is known of a Gateway Load Balancer endpoint service defined in another app or account. */
export interface GatewayLoadBalancerServiceAttributes {
  /** The service name, e.g. `com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0`. */
  readonly serviceName: string;
  /**
   * AZ IDs (not names) where the service's load balancer has a subnet, e.g. `['use1-az1', 'use1-az2']`.
   * @default - unknown: the endpoints' zones are not matched to the service's (warning)
   */
  readonly availabilityZoneIds?: string[];
  /**
   * IP address types the service supports.
   * @default [ec2.IpAddressType.IPV4]
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
}

// Endpoint service names: com.amazonaws.vpce.<region>.vpce-svc-<hex> (cn.com.amazonaws.vpce... in China).
const SERVICE_NAME = /^(?:[a-z0-9-]+\.)*vpce\.([a-z0-9-]+)\.vpce-svc-[0-9a-f]+$/;
// AZ IDs look like use1-az1, usw2-az4, apne1-az4; AZ names (us-east-1a) differ between accounts.
const AZ_ID = /^[a-z]+[0-9]+-az[0-9]+$/;

/** Refuse literal AZ IDs that do not look like AZ IDs (`use1-az1`). */
export function validateAzIds(scope: IConstruct, prop: string, ids: readonly string[]): void {
  ids.forEach((id, i) => {
    if (Token.isUnresolved(id) || AZ_ID.test(id)) return;
    fail(scope, Rules.PRIVATELINK_AZ_ID_INVALID, {
      prop: `${prop}[${i}]`,
      received: show(id),
      rule: 'an AZ ID looks like use1-az1; AZ names map to different physical zones in each account',
    });
  });
}

/** A service defined elsewhere, as `GatewayLoadBalancerService.fromServiceAttributes` returns it. */
export class ImportedGatewayLoadBalancerService extends Construct implements IGatewayLoadBalancerService {
  public readonly serviceName: string;
  public readonly region?: string;
  public readonly availabilityZoneIds?: string[];
  public readonly supportedIpAddressTypes: string[];
  public readonly vpc?: ec2.IVpc;

  constructor(scope: Construct, id: string, attrs: GatewayLoadBalancerServiceAttributes) {
    super(scope, id);
    let region: string | undefined;
    if (!Token.isUnresolved(attrs.serviceName)) {
      const m = SERVICE_NAME.exec(attrs.serviceName);
      if (!m) {
        fail(this, Rules.PRIVATELINK_SERVICE_NAME_INVALID, {
          prop: 'serviceName',
          received: show(attrs.serviceName),
          rule: 'an endpoint service name looks like com.amazonaws.vpce.<region>.vpce-svc-<id>',
        });
      }
      region = m[1];
      validateRegionName(region, `GatewayLoadBalancerService '${this.node.path}'`, 'serviceName');
    }
    if (attrs.availabilityZoneIds) validateAzIds(this, 'availabilityZoneIds', attrs.availabilityZoneIds);
    this.serviceName = attrs.serviceName;
    this.region = region;
    this.availabilityZoneIds = attrs.availabilityZoneIds ? [...attrs.availabilityZoneIds] : undefined;
    this.supportedIpAddressTypes = [...(attrs.supportedIpAddressTypes ?? [ec2.IpAddressType.IPV4])];
  }
}
