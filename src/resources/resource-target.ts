/**
 * What a resource configuration points at: a domain name, an IP address, or an AWS resource by ARN.
 */
import { Token } from 'aws-cdk-lib';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';

/** The kind of a {@link ResourceTarget}. */
export enum ResourceTargetKind {
  /** A domain name (`DnsResource`). */
  DNS_NAME = 'dns-name',
  /** An IP address (`IpResource`). */
  IP_ADDRESS = 'ip-address',
  /** An AWS resource by ARN (`ArnResource`, resource configuration type ARN). */
  ARN = 'arn',
}

/** The IP address family a DNS target resolves to. */
export enum ResourceIpAddressType {
  /** IPv4 addresses (A records). */
  IPV4 = 'IPV4',
  /** IPv6 addresses (AAAA records). */
  IPV6 = 'IPV6',
}

/** Options of a DNS target. */
export interface DnsTargetOptions {
  /**
   * The address family the name resolves to.
   * @default ResourceIpAddressType.IPV4
   */
  readonly ipAddressType?: ResourceIpAddressType;
}

/** The resource a `PrivateLinkResource` shares: by domain name, by IP address, or by ARN (Amazon RDS). */
export class ResourceTarget {
  /** A domain name, e.g. `orders-db.internal.example.com` (resolved by the resource gateway). */
  public static dnsName(name: string, options: DnsTargetOptions = {}): ResourceTarget {
    return new ResourceTarget(ResourceTargetKind.DNS_NAME, name, options.ipAddressType ?? ResourceIpAddressType.IPV4);
  }

  /** A private IP address in the provider VPC, e.g. `10.0.3.10` or an IPv6 address of the VPC. */
  public static ipAddress(ip: string): ResourceTarget {
    return new ResourceTarget(ResourceTargetKind.IP_ADDRESS, ip, ip.includes(':') ? ResourceIpAddressType.IPV6 : ResourceIpAddressType.IPV4);
  }

  /** An AWS resource by ARN: an Amazon RDS DB instance or cluster (e.g. `cluster.clusterArn`). */
  public static arn(arn: string): ResourceTarget {
    return new ResourceTarget(ResourceTargetKind.ARN, arn, undefined);
  }

  /** What kind of target this is. */
  public readonly kind: ResourceTargetKind;
  /** The domain name, IP address or ARN. */
  public readonly value: string;
  /**
   * The address family of a DNS or IP target.
   * @default - none for an ARN target
   */
  public readonly ipAddressType?: ResourceIpAddressType;

  private constructor(kind: ResourceTargetKind, value: string, ipAddressType: ResourceIpAddressType | undefined) {
    this.kind = kind;
    this.value = value;
    this.ipAddressType = ipAddressType;
  }

  /** Whether the value is a token (known only at deploy time). */
  public get isToken(): boolean {
    return Token.isUnresolved(this.value);
  }

  /** The `ResourceConfigurationDefinition` of this target. */
  public toDefinition(): vpclattice.CfnResourceConfiguration.ResourceConfigurationDefinitionProperty {
    switch (this.kind) {
      case ResourceTargetKind.DNS_NAME:
        return { dnsResource: { domainName: this.value, ipAddressType: this.ipAddressType ?? ResourceIpAddressType.IPV4 } };
      case ResourceTargetKind.IP_ADDRESS:
        return { ipResource: this.value };
      default:
        return { arnResource: this.value };
    }
  }

  /** The target as messages show it, e.g. `dnsName("db.example.com")`. */
  public toString(): string {
    const name = this.kind === ResourceTargetKind.DNS_NAME ? 'dnsName' : this.kind === ResourceTargetKind.IP_ADDRESS ? 'ipAddress' : 'arn';
    return `${name}(${Token.isUnresolved(this.value) ? '(unresolved token)' : JSON.stringify(this.value)})`;
  }
}
