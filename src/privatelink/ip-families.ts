/** The IP address families of subnets and VPCs, as far as they are known at synth (internal). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { readVpcFacts } from '../core/vpc-facts';
import { IpFamily } from '../net/cidr';

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
  // An IPv6-only subnet (Ipv6Native) has no IPv4 range; others have a CidrBlock or an IPAM pool.
  const ipv6Only = cfn.ipv6Native === true;
  const ipv4 = ipv6Only ? false : cfn.cidrBlock !== undefined || cfn.ipv4IpamPoolId !== undefined ? true : undefined;
  const ipv6 = ipv6Only || cfn.ipv6CidrBlock !== undefined || cfn.ipv6IpamPoolId !== undefined;
  return { ipv4, ipv6 };
}

/** Whether a VPC has an IPv6 block: true when one is known, false for a VPC of this app without one, else unknown. */
export function vpcHasIpv6(vpc: ec2.IVpc): boolean | undefined {
  if (readVpcFacts(vpc).cidrs.some((c) => c.family === IpFamily.IPV6)) return true;
  return vpc.node.defaultChild instanceof ec2.CfnVPC ? false : undefined;
}
