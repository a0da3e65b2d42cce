/**
 * IP address types of interface endpoints (internal), one implementation for every construct that
 * makes them (PrivateLinkEndpoint, InterfaceEndpointSet: interface endpoints are PrivateLink):
 * the IP families of the subnets against the endpoint's IP address type, and the DNS record IP
 * type against the IP address type.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rules } from './rules';
import { show, warn } from './warnings';

/** Which address ranges a subnet has; `undefined` where it cannot be known (imported subnets, tokens). */
export interface IpFamilies {
  readonly ipv4?: boolean;
  readonly ipv6?: boolean;
}

/** The address families of a subnet: read from its `AWS::EC2::Subnet` when this app defines it. */
export function subnetFamilies(subnet: ec2.ISubnet): IpFamilies {
  const cfn = subnet.node.defaultChild;
  if (!(cfn instanceof ec2.CfnSubnet)) return {};
  if (Token.isUnresolved(cfn.ipv6Native as unknown)) return {};
  // AWS::EC2::Subnet: an IPv6-only subnet (Ipv6Native) has no IPv4 range; others have a
  // CidrBlock, an IPv4 IPAM pool or an IPv4 netmask length (IPAM).
  const ipv6Only = cfn.ipv6Native === true;
  const ipv4 = ipv6Only ? false
    : cfn.cidrBlock !== undefined || cfn.ipv4IpamPoolId !== undefined || cfn.ipv4NetmaskLength !== undefined ? true : undefined;
  const ipv6 = ipv6Only || cfn.ipv6CidrBlock !== undefined || cfn.ipv6IpamPoolId !== undefined || cfn.ipv6NetmaskLength !== undefined;
  return { ipv4, ipv6 };
}

/** How a subnet's families read in a message: `an IPv4 range and no IPv6 range`. */
export function describeFamilies(f: IpFamilies): string {
  const part = (has: boolean | undefined, family: string) =>
    has === true ? `an ${family} range` : has === false ? `no ${family} range` : `an unknown ${family} range`;
  return `${part(f.ipv4, 'IPv4')} and ${part(f.ipv6, 'IPv6')}`;
}

const T = ec2.VpcEndpointIpAddressType;
const D = ec2.VpcEndpointDnsRecordIpType;

/**
 * The IP address types each DNS record IP type allows (aws-cdk-lib VpcEndpointDnsRecordIpType,
 * EC2 API DnsOptionsSpecification): A records need IPv4 or dualstack, AAAA records IPv6 or
 * dualstack, both kinds (dualstack, service-defined) a dualstack endpoint.
 */
const RECORDS_FIT: Record<string, ec2.VpcEndpointIpAddressType[]> = {
  [D.IPV4]: [T.IPV4, T.DUALSTACK],
  [D.IPV6]: [T.IPV6, T.DUALSTACK],
  [D.DUALSTACK]: [T.DUALSTACK],
  [D.SERVICE_DEFINED]: [T.DUALSTACK],
};

/**
 * Refuse a DNS record IP type that does not fit the endpoint's IP address type. An unset IP
 * address type is IPv4, the default both constructs document for it.
 */
export function checkDnsRecordIpType(
  scope: IConstruct,
  ipAddressType: ec2.VpcEndpointIpAddressType | undefined,
  dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType | undefined,
): void {
  if (dnsRecordIpType === undefined) return;
  const type = ipAddressType ?? T.IPV4;
  const fits = RECORDS_FIT[dnsRecordIpType];
  if (fits === undefined || fits.includes(type)) return;
  fail(scope, Rules.PRIVATELINK_DNS_RECORD_IP_TYPE, {
    prop: 'dnsRecordIpType',
    received: `${show(dnsRecordIpType)} with ipAddressType ${show(type)}${ipAddressType === undefined ? ' (the default)' : ''}`,
    rule: `${dnsRecordIpType} DNS records need an endpoint of IP address type ${fits.join(' or ')}`,
  });
}

/** What each IP address type needs of every subnet (`undefined`: that family does not matter). */
const SUBNETS_NEED: Record<string, { ipv4: boolean; ipv6?: boolean; words: string }> = {
  [T.IPV4]: { ipv4: true, words: 'an IPv4 range' },
  [T.DUALSTACK]: { ipv4: true, ipv6: true, words: 'IPv4 and IPv6 ranges' },
  [T.IPV6]: { ipv4: false, ipv6: true, words: 'an IPv6 range and no IPv4 range (IPv6-only subnets)' },
};

/**
 * Refuse an IP address type the subnets cannot give (AWS PrivateLink guide, "IP address types":
 * IPv4 needs IPv4 ranges in every subnet, dualstack both ranges, IPv6 IPv6-only subnets); warn
 * once for the subnets whose ranges are not known at synth. An unset type is not checked.
 */
export function checkSubnetIpTypes(
  scope: IConstruct,
  subnets: readonly ec2.ISubnet[],
  ipAddressType: ec2.VpcEndpointIpAddressType | undefined,
): void {
  if (ipAddressType === undefined) return;
  const needs = SUBNETS_NEED[ipAddressType];
  if (needs === undefined) return;
  const rule = `an interface endpoint of IP address type ${ipAddressType} needs ${needs.words} in every subnet`;
  const unknown: string[] = [];
  for (const subnet of subnets) {
    const f = subnetFamilies(subnet);
    const misfit = (need: boolean | undefined, has: boolean | undefined) => need !== undefined && has !== undefined && need !== has;
    if (misfit(needs.ipv4, f.ipv4) || misfit(needs.ipv6, f.ipv6)) {
      fail(scope, Rules.PRIVATELINK_ENDPOINT_IP_TYPE_SUBNETS, {
        prop: 'ipAddressType',
        received: `${show(ipAddressType)}, but subnet ${subnet.node.path} has ${describeFamilies(f)}`,
        rule,
      });
    }
    if (f.ipv4 === undefined || (needs.ipv6 !== undefined && f.ipv6 === undefined)) unknown.push(subnet.node.path);
  }
  if (unknown.length > 0) {
    warn(scope, Rules.PRIVATELINK_IP_TYPE_UNKNOWN, {
      prop: 'ipAddressType',
      received: `${show(ipAddressType)}; the address ranges of ${unknown.join(', ')} are not known at synth`,
      rule,
    });
  }
}
