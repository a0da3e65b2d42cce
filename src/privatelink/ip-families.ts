/** Whether a VPC has IPv6 blocks, as far as it is known at synth (internal); subnets: core/endpoint-ip-types. */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { readVpcFacts } from '../core/vpc-facts';
import { IpFamily } from '../net/cidr';

/** Whether a VPC has an IPv6 block: true when one is known, false for a VPC of this app without one, else unknown. */
export function vpcHasIpv6(vpc: ec2.IVpc): boolean | undefined {
  if (readVpcFacts(vpc).cidrs.some((c) => c.family === IpFamily.IPV6)) return true;
  return vpc.node.defaultChild instanceof ec2.CfnVPC ? false : undefined;
}
