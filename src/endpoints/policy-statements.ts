/**
 * What AWS refuses, or accepts but never matches, in endpoint policy statements. Internal:
 * import by path (function-typed options are no jsii API).
 */
import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ProblemDetails } from '../core/errors';
import { RuleDefinition, Rules } from '../core/rules';
import { show } from '../core/warnings';

/** A problem found in an endpoint policy statement. */
export interface PolicyFinding {
  readonly rule: RuleDefinition;
  readonly details: ProblemDetails;
}

/** How {@link inspectStatements} reads the statements. */
export interface InspectOptions {
  /** Whether the policy is a gateway endpoint's (its Principal must be `*`). */
  readonly gateway: boolean;
  /** The prop of statement `i`, for messages. */
  readonly prop: (i: number) => string;
  /**
   * The literal value of a token, when known (pseudo parameters of a stack with an env); a
   * token with no known value on a checked key is reported. @default - tokens are not checked
   */
  readonly known?: (token: string) => string | undefined;
  /** How values are rendered for messages (e.g. the stack's resolve). @default - as they are */
  readonly render?: (value: unknown) => unknown;
}

/**
 * Global condition keys that hold system-generated identifiers (account, organization, VPC and
 * VPC endpoint IDs). "Control access to VPC endpoints using endpoint policies": "You can't use
 * wildcard characters (* or ?) or numeric condition operators with global context keys that
 * reference system-generated identifiers (for example, aws:PrincipalAccount or aws:SourceVpc)".
 */
const SYSTEM_ID_KEYS: Record<string, { shape: RegExp; what: string }> = {
  'aws:principalaccount': { shape: /^\d{12}$/, what: 'a 12-digit account ID' },
  'aws:resourceaccount': { shape: /^\d{12}$/, what: 'a 12-digit account ID' },
  'aws:sourceaccount': { shape: /^\d{12}$/, what: 'a 12-digit account ID' },
  'aws:principalorgid': { shape: /^o-[a-z0-9]{10,32}$/, what: 'an organization ID (o-...)' },
  'aws:resourceorgid': { shape: /^o-[a-z0-9]{10,32}$/, what: 'an organization ID (o-...)' },
  'aws:sourceorgid': { shape: /^o-[a-z0-9]{10,32}$/, what: 'an organization ID (o-...)' },
  'aws:sourcevpc': { shape: /^vpc-[0-9a-f]+$/, what: 'a VPC ID (vpc-...)' },
  'aws:sourcevpce': { shape: /^vpce-[0-9a-f]+$/, what: 'a VPC endpoint ID (vpce-...)' },
};

/** Condition keys whose values are ARNs. */
const ARN_KEYS = ['aws:principalarn', 'aws:sourcearn'];

const PAGE = 'AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies"';

/**
 * What AWS refuses or never matches in endpoint policy statements: wildcards and numeric
 * operators on system-generated identifiers, wildcards with fewer than six characters beside
 * them, ARNs whose account part mixes digits and a wildcard (errors); condition values that can
 * never match, values unknown at synth, and, on gateway endpoints, a Principal other than `*`
 * (warnings: AWS accepts the policy, but it does not do what it says).
 */
export function inspectStatements(statements: iam.PolicyStatement[], opts: InspectOptions): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  statements.forEach((st, i) => {
    const json = st.toStatementJson() as Record<string, unknown>;
    const prop = opts.prop(i);
    const found = (rule: RuleDefinition, where: string, received: string, why: string) =>
      out.push({ rule, details: { prop: `${prop} ${where}`, received, rule: `${why} (${PAGE})` } });

    if (opts.gateway && json.Principal !== undefined && !isStar(json.Principal)) {
      found(Rules.ENDPOINT_GATEWAY_PRINCIPAL, 'Principal', show(opts.render ? opts.render(json.Principal) : json.Principal),
        'a gateway endpoint policy\'s Principal must be *, with principals named by the aws:PrincipalArn condition key; an account ID there grants its root user only');
    }
    for (const field of ['Resource', 'NotResource']) {
      for (const r of asList(json[field])) checkArnAccount(r, (why) => found(Rules.ENDPOINT_POLICY_WILDCARD, field, show(r), why));
    }
    const conditions = (json.Condition ?? {}) as Record<string, Record<string, unknown>>;
    for (const [operator, byKey] of Object.entries(conditions)) {
      const op = operator.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
      for (const [key, raw] of Object.entries(byKey ?? {})) {
        const lower = key.toLowerCase();
        const idKey = SYSTEM_ID_KEYS[lower];
        const checked = idKey !== undefined || ARN_KEYS.includes(lower);
        const where = `Condition ${operator} ${key}`;
        for (const v0 of asList(raw)) {
          let v = v0;
          if (Token.isUnresolved(v)) {
            if (!opts.known || !checked) continue;
            const literal = opts.known(v);
            if (literal === undefined) {
              found(Rules.ENDPOINT_POLICY_CONDITION_UNKNOWN, where, show(v), `whether this value can match ${key} is not known at synth`);
              continue;
            }
            v = literal;
          }
          const wildcard = /[*?]/.test(v);
          if (idKey && /^Numeric/.test(op)) {
            found(Rules.ENDPOINT_POLICY_WILDCARD, where, show(v), `${key} holds a system-generated identifier, which takes no numeric condition operator`);
          } else if (idKey && wildcard) {
            found(Rules.ENDPOINT_POLICY_WILDCARD, where, show(v), `${key} holds a system-generated identifier, which takes no wildcard (* or ?)`);
          } else if (/^String.*Like$/.test(op) && wildcard && !sixCharactersBeside(v)) {
            found(Rules.ENDPOINT_POLICY_WILDCARD, where, show(v), 'with a string condition operator, each wildcard needs at least six consecutive characters before or after it');
          } else if (idKey && /^String(Equals|NotEquals|EqualsIgnoreCase|NotEqualsIgnoreCase)$/.test(op) && !idKey.shape.test(v)) {
            found(Rules.ENDPOINT_POLICY_NEVER_MATCHES, where, show(v), `${key} is ${idKey.what}, so this value never matches`);
          } else if (ARN_KEYS.includes(lower) && !wildcard && !v.startsWith('arn:')) {
            found(Rules.ENDPOINT_POLICY_NEVER_MATCHES, where, show(v), `${key} is an ARN, so this value never matches`);
          }
          checkArnAccount(v, (why) => found(Rules.ENDPOINT_POLICY_WILDCARD, where, show(v), why));
        }
      }
    }
  });
  return out;
}

function asList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `*` or `{ AWS: '*' }` (or a list of only `*`). */
function isStar(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return false;
  const entries = Object.entries(principal as Record<string, unknown>);
  return entries.length === 1 && entries[0][0] === 'AWS' && asList(entries[0][1]).every((v) => v === '*');
}

/** Each wildcard has at least six consecutive non-wildcard characters before or after it. */
function sixCharactersBeside(v: string): boolean {
  const runs = v.split(/[*?]/); // runs[k] and runs[k+1] are beside wildcard k
  for (let k = 0; k < runs.length - 1; k++) {
    if (runs[k].length < 6 && runs[k + 1].length < 6) return false;
  }
  return true;
}

/** "The account portion of the ARN can include an account ID or a wildcard character, but not both." */
function checkArnAccount(v: string, report: (why: string) => void): void {
  if (Token.isUnresolved(v) || !v.startsWith('arn:')) return;
  const account = v.split(':')[4];
  if (account === undefined || Token.isUnresolved(account)) return;
  if (/[*?]/.test(account) && account !== '*' && account !== '?') {
    report(`the account part of an ARN is an account ID or a wildcard, not both (got ${show(account)})`);
  }
}
