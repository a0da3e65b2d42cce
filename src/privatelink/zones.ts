/** Subnets per Availability Zone for load balancers and interface endpoints (internal). */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { Rules } from '../core/rules';
import { refuseSharedZones, selectZoned, ZonedSubnets } from '../core/zoned-subnets';

/** Render zones for messages: `us-east-1a (use1-az6)`, or the name alone when its ID is unknown. */
export function describeZones(names: readonly string[], ids?: Map<string, string>): string {
  return names.map((n) => (ids?.get(n) ? `${n} (${ids.get(n)})` : n)).join(', ');
}
/** The default subnets of a load balancer or interface endpoint: private subnets (else isolated ones), one per zone. */
export function defaultPrivateSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return {
    subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED,
    onePerAz: true,
  };
}

/**
 * The subnets of `selection`, refused when there are none (unless a lookup is pending) or when two
 * share an Availability Zone (Elastic Load Balancing and interface endpoints take one subnet per zone).
 */
export function selectZonedSubnets(scope: IConstruct, prop: string, vpc: ec2.IVpc, selection: ec2.SubnetSelection): ZonedSubnets {
  const zoned = selectZoned(scope, prop, vpc, selection, { rule: Rules.PRIVATELINK_SUBNETS_EMPTY, what: 'a load balancer or interface endpoint' });
  refuseSharedZones(scope, prop, zoned, Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE, 'a load balancer or interface endpoint takes one subnet per Availability Zone');
  return zoned;
}
