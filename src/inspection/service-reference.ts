/**
 * What inspection endpoints need to know of a Gateway Load Balancer endpoint service, whether it
 * is defined in this app (`GatewayLoadBalancerService`) or elsewhere (`fromServiceAttributes`).
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

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
