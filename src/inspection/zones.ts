/** Subnets per Availability Zone for the inspection constructs (internal; AZ IDs are in core/az-ids.ts). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** Subnets picked for a load balancer or endpoints, with their zone names when all are literal. */
export interface ZonedSubnets {
  readonly subnets: ec2.ISubnet[];
  /** AZ names, one per subnet; undefined when any is a token. */
  readonly zoneNames?: string[];
  /** Whether a `Vpc.fromLookup` is still pending (the selection holds placeholders). */
  readonly pendingLookup: boolean;
}

/** The subnets of `selection`, refused when there are none or when two share a zone. */
export function selectZoned(scope: IConstruct, prop: string, vpc: ec2.IVpc, selection: ec2.SubnetSelection, what: string): ZonedSubnets {
  const selected = vpc.selectSubnets(selection);
  const subnets = selected.subnets;
  if (subnets.length === 0 && !selected.isPendingLookup) {
    fail(scope, Rules.INSPECTION_SUBNETS_EMPTY, {
      prop,
      received: `selects no subnet of ${vpc.node.path}`,
      rule: `${what} needs at least one subnet`,
    });
  }
  const names = subnets.map((s) => s.availabilityZone);
  if (names.some((n) => n === undefined || Token.isUnresolved(n))) return { subnets, pendingLookup: selected.isPendingLookup === true };
  return { subnets, zoneNames: names, pendingLookup: selected.isPendingLookup === true };
}

/** Refuse two subnets in one zone (`rule` says why one per zone). */
export function refuseSharedZones(scope: IConstruct, prop: string, zoned: ZonedSubnets, rule: string): void {
  if (!zoned.zoneNames) return;
  const byZone = new Map<string, string[]>();
  zoned.subnets.forEach((s) => byZone.set(s.availabilityZone, [...(byZone.get(s.availabilityZone) ?? []), s.node.path]));
  for (const [zone, paths] of byZone) {
    if (paths.length > 1) {
      fail(scope, Rules.INSPECTION_SUBNET_AZ_DUPLICATE, {
        prop,
        received: `selects ${paths.length} subnets in ${zone} (${paths.join(', ')})`,
        rule,
      });
    }
  }
}
