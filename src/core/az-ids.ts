/**
 * Availability Zone name → AZ ID resolution.
 *
 * AWS PrivateLink concepts: AZ names (us-east-1a) are mapped to physical zones per account, AZ IDs
 * (use1-az1) are the same in every account; an interface endpoint works only in zones where the
 * service has a load balancer node, and a Gateway Load Balancer endpoint only in zones its load
 * balancer supports. CDK has no context provider for AZ IDs, so they come from a prop or from a
 * context key of this library. Shared by the PrivateLink and inspection families.
 */
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rules } from './rules';
import { show, warn } from './warnings';

/** One Availability Zone of an account: its name in that account and its AZ ID. */
export interface AzMapping {
  /** The zone's name in the account, e.g. `us-east-1a`. */
  readonly name: string;
  /** The zone's AZ ID, the same in every account, e.g. `use1-az6`. */
  readonly id: string;
}

// AZ IDs look like use1-az1, usw2-az4, apne1-az4, usgw1-az1, cnn1-az1, euc1-az2.
const AZ_ID = /^[a-z]+[0-9]+-az[0-9]+$/;
const AZ_NAME = /^[a-z]+(-[a-z]+)+-[0-9]+[a-z]$/;

/** Where AZ IDs are declared for the library: the context key of an account and region. */
export class AvailabilityZoneIds {
  /** Prefix of the context keys (`<prefix>:account=<account>:region=<region>`). */
  public static readonly CONTEXT_KEY_PREFIX = 'cdk-private-connectivity:az-ids';

  /**
   * The context key holding an account's AZ name → AZ ID mapping in a region, e.g.
   * `cdk-private-connectivity:az-ids:account=111111111111:region=us-east-1`, whose value is an
   * object such as `{ "us-east-1a": "use1-az6", "us-east-1b": "use1-az1" }`.
   */
  public static contextKey(account: string, region: string): string {
    return `${AvailabilityZoneIds.CONTEXT_KEY_PREFIX}:account=${account}:region=${region}`;
  }

  /** Whether `id` has the shape of an AZ ID (`use1-az1`). */
  public static isAzId(id: string): boolean {
    return AZ_ID.test(id);
  }

  /**
   * Throw `privatelink-az-id-invalid` unless every literal ID has the shape of an AZ ID.
   * @internal
   */
  public static _validate(scope: IConstruct, prop: string, ids: readonly string[]): void {
    ids.forEach((id, i) => {
      if (Token.isUnresolved(id) || AZ_ID.test(id)) return;
      fail(scope, Rules.PRIVATELINK_AZ_ID_INVALID, {
        prop: `${prop}[${i}]`,
        received: show(id),
        rule: AZ_NAME.test(id)
          ? 'this is an AZ name, which maps to a different physical zone in each account; PrivateLink zones are matched by AZ ID'
          : 'an AZ ID looks like use1-az1',
      });
    });
  }

  /**
   * The AZ name → AZ ID map of an account and region: from `mappings` when given, else from the
   * context key of that account and region; `undefined` when neither is given or the account or
   * region is a token.
   * @internal
   */
  public static _resolve(
    scope: IConstruct,
    prop: string,
    account: string | undefined,
    region: string | undefined,
    mappings?: readonly AzMapping[],
  ): Map<string, string> | undefined {
    if (mappings !== undefined) {
      AvailabilityZoneIds._validate(scope, prop, mappings.map((m) => m.id));
      // A zone whose name or AZ ID is a token cannot be matched at synth: leave it out of the
      // map, so callers treat that zone as one whose AZ ID is unknown (and say so), never as a match.
      const known = mappings.filter((m, i) => {
        if (!Token.isUnresolved(m.id) && !Token.isUnresolved(m.name)) return true;
        warn(scope, Rules.PRIVATELINK_AZ_IDS_UNKNOWN, {
          prop: `${prop}[${i}]`,
          received: `${show(m.name)} → ${show(m.id)}`,
          rule: 'a token zone name or AZ ID cannot be matched at synth, so the zone-matching check (by AZ ID) treats this zone as unknown',
        });
        return false;
      });
      return new Map(known.map((m) => [m.name, m.id]));
    }
    if (account === undefined || region === undefined) return undefined;
    const key = AvailabilityZoneIds.contextKey(account, region);
    const raw = scope.node.tryGetContext(key) as unknown;
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      return fail(scope, Rules.PRIVATELINK_AZ_ID_INVALID, {
        prop: `context '${key}'`,
        received: show(raw),
        rule: 'the context value is an object of AZ name to AZ ID, e.g. { "us-east-1a": "use1-az6" }',
      });
    }
    const entries = Object.entries(raw as Record<string, unknown>).map(([name, id]) => [name, String(id)] as [string, string]);
    AvailabilityZoneIds._validate(scope, `context '${key}'`, entries.map(([, id]) => id));
    return new Map(entries);
  }

  private constructor() {}
}
