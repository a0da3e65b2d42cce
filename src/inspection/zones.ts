/** Subnets per Availability Zone and AZ IDs for the inspection constructs (internal). */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show } from '../core/warnings';

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

/** Context key of an account's AZ name → AZ ID mapping in a region (shared with PrivateLinkEndpoint). */
const AZ_IDS_CONTEXT_PREFIX = 'cdk-private-connectivity:az-ids';

/**
 * The AZ name → AZ ID map of an account and region from the library's context key
 * (`cdk-private-connectivity:az-ids:account=<account>:region=<region>`), or undefined.
 */
export function azIdsFromContext(scope: IConstruct, account: string | undefined, region: string | undefined): Map<string, string> | undefined {
  if (account === undefined || region === undefined) return undefined;
  const key = `${AZ_IDS_CONTEXT_PREFIX}:account=${account}:region=${region}`;
  const raw = scope.node.tryGetContext(key) as unknown;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(scope, Rules.PRIVATELINK_AZ_ID_INVALID, {
      prop: `context '${key}'`,
      received: show(raw),
      rule: 'the context value is an object of AZ name to AZ ID, e.g. { "us-east-1a": "use1-az6" }',
    });
  }
  const entries = Object.entries(raw as Record<string, unknown>).map(([n, id]) => [n, String(id)] as [string, string]);
  validateAzIds(scope, `context '${key}'`, entries.map(([, id]) => id));
  return new Map(entries);
}

// AZ IDs look like use1-az1, usw2-az4, apne1-az4; AZ names (us-east-1a) differ between accounts.
const AZ_ID = /^[a-z]+[0-9]+-az[0-9]+$/;

/** Refuse literal AZ IDs that do not look like AZ IDs (`use1-az1`). */
export function validateAzIds(scope: IConstruct, prop: string, ids: readonly string[]): void {
  ids.forEach((id, i) => {
    if (Token.isUnresolved(id) || AZ_ID.test(id)) return;
    fail(scope, Rules.PRIVATELINK_AZ_ID_INVALID, {
      prop: `${prop}[${i}]`,
      received: show(id),
      rule: 'an AZ ID looks like use1-az1; AZ names map to different physical zones in each account',
    });
  });
}
