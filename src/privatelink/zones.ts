/** Subnets per Availability Zone for load balancers and interface endpoints (internal). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

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

/** Subnets picked for a load balancer or interface endpoint, with their zone names when all are literal. */
export interface ZonedSubnets {
  readonly subnets: ec2.ISubnet[];
  /** AZ names, one per subnet; undefined when any is a token. */
  readonly zoneNames?: string[];
}

/**
 * The subnets of `selection`, refused when there are none (unless a lookup is pending) or when two
 * share an Availability Zone (Elastic Load Balancing and interface endpoints take one subnet per zone).
 */
export function selectZonedSubnets(scope: IConstruct, prop: string, vpc: ec2.IVpc, selection: ec2.SubnetSelection): ZonedSubnets {
  const selected = vpc.selectSubnets(selection);
  const subnets = selected.subnets;
  if (subnets.length === 0 && !selected.isPendingLookup) {
    fail(scope, Rules.PRIVATELINK_SUBNETS_EMPTY, {
      prop,
      received: `selects no subnet of ${vpc.node.path}`,
      rule: 'a load balancer or interface endpoint needs at least one subnet',
    });
  }
  const names = subnets.map((s) => s.availabilityZone);
  if (names.some((n) => n === undefined || Token.isUnresolved(n))) return { subnets };
  const byZone = new Map<string, string[]>();
  subnets.forEach((s) => byZone.set(s.availabilityZone, [...(byZone.get(s.availabilityZone) ?? []), s.node.path]));
  for (const [zone, paths] of byZone) {
    if (paths.length > 1) {
      fail(scope, Rules.PRIVATELINK_SUBNET_AZ_DUPLICATE, {
        prop,
        received: `selects ${paths.length} subnets in ${zone} (${paths.join(', ')})`,
        rule: 'a load balancer or interface endpoint takes one subnet per Availability Zone',
      });
    }
  }
  return { subnets, zoneNames: names };
}
