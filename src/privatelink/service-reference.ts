/**
 * What a consumer needs to know of an endpoint service, whether it is defined in this app
 * (`PrivateLinkService`) or elsewhere (`PrivateLinkService.fromServiceAttributes`).
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IConstruct } from 'constructs';

/** A port a service listens on, as its consumers see it. */
export interface PrivateLinkPort {
  /** The port, 1–65535. */
  readonly port: number;
  /**
   * The listener protocol (TCP, TLS, UDP or TCP_UDP); decides whether the endpoint's security
   * group admits TCP, UDP or both.
   * @default elbv2.Protocol.TCP
   */
  readonly protocol?: elbv2.Protocol;
}

/** An endpoint service that interface endpoints can connect to. */
export interface IPrivateLinkService extends IConstruct {
  /** The service name, e.g. `com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0` (a token for a service in this app). */
  readonly serviceName: string;
  /** The ports the service listens on. */
  readonly ports: PrivateLinkPort[];
  /**
   * The service's region.
   * @default - unknown (an environment-agnostic provider stack): region checks are skipped with a warning
   */
  readonly region?: string;
  /** Regions other than its own from which consumers may connect (empty: local-region access only). */
  readonly supportedRegions: string[];
  /**
   * AZ IDs where the service's load balancer has nodes.
   * @default - unknown: the consumer's zones are not matched (warning)
   */
  readonly availabilityZoneIds?: string[];
  /**
   * The service's private DNS name.
   * @default - none
   */
  readonly privateDnsName?: string;
  /** Whether the private DNS name is verified, so consumers can enable private DNS. */
  readonly privateDnsNameVerified: boolean;
  /**
   * The IP address types the service accepts requests over.
   * @default - unknown (an imported service that does not declare them): IPv6 and dualstack endpoints are warned
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  /**
   * The provider's VPC, for a service defined in this app.
   * @default - a service defined elsewhere
   */
  readonly vpc?: ec2.IVpc;
}

/** What is known of an endpoint service defined in another app or account. */
export interface PrivateLinkServiceAttributes {
  /** The service name, e.g. `com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0`. */
  readonly serviceName: string;
  /** The ports the service listens on. */
  readonly ports: PrivateLinkPort[];
  /**
   * The service's region.
   * @default - the region named in `serviceName`
   */
  readonly region?: string;
  /**
   * Regions other than its own from which the service accepts consumers (its `SupportedRegions`).
   * @default - none: consumers must be in the service's region
   */
  readonly supportedRegions?: string[];
  /**
   * AZ IDs (not names) where the service's load balancer has nodes, e.g. `['use1-az1', 'use1-az4']`.
   * @default - unknown: the consumer's zones are not matched to the service's (warning)
   */
  readonly availabilityZoneIds?: string[];
  /**
   * The service's private DNS name; give it once its state is `verified`.
   * @default - none: consumers use the endpoint's own DNS names
   */
  readonly privateDnsName?: string;
  /**
   * The IP address types the service supports (its `SupportedIpAddressTypes`).
   * @default - unknown: endpoints with an IPv6 or dualstack IP address type are warned, IPv4 ones assume AWS's default (IPv4)
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
}
