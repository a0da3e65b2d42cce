/** Subnets selected one per Availability Zone (load balancers, endpoints): internal, shared by families. */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { RuleDefinition } from './rules';

/** Subnets picked for a load balancer or endpoints, with their zone names when all are literal. */
export interface ZonedSubnets {
  readonly subnets: ec2.ISubnet[];
  /** AZ names, one per subnet; undefined when any is a token. */
  readonly zoneNames?: string[];
  /** Whether a `Vpc.fromLookup` is still pending (the selection holds placeholders). */
  readonly pendingLookup: boolean;
}

/** The rule refused when a selection is empty, and what needs the subnets (for the message). */
export interface EmptySelectionRule {
  readonly rule: RuleDefinition;
  /** E.g. `a Gateway Load Balancer`; the message says it "needs at least one subnet". */
  readonly what: string;
}

/** The subnets of `selection`, refused when there are none (unless a lookup is pending). */
export function selectZoned(scope: IConstruct, prop: string, vpc: ec2.IVpc, selection: ec2.SubnetSelection, empty: EmptySelectionRule): ZonedSubnets {
  const selected = vpc.selectSubnets(selection);
  const subnets = selected.subnets;
  const pendingLookup = selected.isPendingLookup === true;
  if (subnets.length === 0 && !pendingLookup) {
    fail(scope, empty.rule, {
      prop,
      received: `selects no subnet of ${vpc.node.path}`,
      rule: `${empty.what} needs at least one subnet`,
    });
  }
  const names = subnets.map((s) => s.availabilityZone);
  if (names.some((n) => n === undefined || Token.isUnresolved(n))) return { subnets, pendingLookup };
  return { subnets, zoneNames: names, pendingLookup };
}

/** Refuse two subnets in one zone with `rule`; `why` says why one per zone. Zones that are tokens are not compared. */
export function refuseSharedZones(scope: IConstruct, prop: string, zoned: ZonedSubnets, rule: RuleDefinition, why: string): void {
  if (!zoned.zoneNames) return;
  const byZone = new Map<string, string[]>();
  zoned.subnets.forEach((s) => byZone.set(s.availabilityZone, [...(byZone.get(s.availabilityZone) ?? []), s.node.path]));
  for (const [zone, paths] of byZone) {
    if (paths.length > 1) {
      fail(scope, rule, {
        prop,
        received: `selects ${paths.length} subnets in ${zone} (${paths.join(', ')})`,
        rule: why,
      });
    }
  }
}
