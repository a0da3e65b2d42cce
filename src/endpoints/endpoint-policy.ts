import { Aws, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ecrLayerStatement } from './ecr-layers';
import { fail, ProblemDetails } from '../core/errors';
import { RuleDefinition, Rules, RuleSeverity } from '../core/rules';
import { show } from '../core/warnings';
import { validateRegionName } from '../net/regions';

/**
 * What an endpoint policy narrows access to. Every restriction given narrows further (they are
 * combined with AND in one Allow statement); at least one is required.
 */
export interface EndpointPolicyRestrictions {
  /**
   * Only principals of these AWS Organizations may use the endpoint (condition `aws:PrincipalOrgID`).
   * @default - principals of any organization or account
   */
  readonly principalOrgIds?: string[];

  /**
   * Only these principals may use the endpoint. On an interface endpoint they are the statement's
   * `Principal` element. A gateway endpoint's `Principal` must be `*` (AWS PrivateLink guide,
   * "Control access to VPC endpoints using endpoint policies"), so there they become conditions:
   * roles and users `aws:PrincipalArn`, accounts `aws:PrincipalAccount` (every role and user of the
   * account, not only its root user), organizations `aws:PrincipalOrgID`, one statement per key.
   * Service and federated principals are refused on gateway endpoints.
   * @default - any principal (`*`)
   */
  readonly principals?: iam.IPrincipal[];

  /**
   * On an S3 endpoint: only these buckets and their objects. A gateway endpoint reaches buckets of
   * its own region only: a bucket of another region is refused, one whose region is a token warned.
   * @default - no bucket restriction (unless `bucketNames` is given)
   */
  readonly buckets?: s3.IBucket[];

  /**
   * On an S3 endpoint: only these buckets (and their objects), by name; for buckets outside this
   * app, such as `prod-<region>-starport-layer-bucket` for ECR image layers. A name carries no
   * region: make sure these buckets are in the endpoint's region (a gateway endpoint reaches no other).
   * @default - no bucket restriction (unless `buckets` is given)
   */
  readonly bucketNames?: string[];

  /**
   * On a DynamoDB endpoint: only these tables (and their indexes and streams), of the endpoint's
   * region (a table of another region is refused on a gateway endpoint).
   * @default - no table restriction (unless `tableNames` is given)
   */
  readonly tables?: dynamodb.ITable[];

  /**
   * On a DynamoDB endpoint: only these tables of the endpoint's account and region, by name.
   * @default - no table restriction (unless `tables` is given)
   */
  readonly tableNames?: string[];

  /**
   * Only these actions (e.g. `s3:GetObject`).
   * @default ['*']
   */
  readonly actions?: string[];

  /**
   * Statements added as they are, after the narrowing one (each needs a principal), e.g. anonymous
   * reads of the Amazon Linux package repositories.
   * @default - none
   */
  readonly additionalStatements?: iam.PolicyStatement[];
}

/**
 * The policy of a VPC endpoint: AWS's full-access default, a narrowed policy, or statements of
 * your own. An endpoint policy only limits what passes through the endpoint; IAM and resource
 * policies must still allow the request (AWS PrivateLink guide, "Control access to VPC endpoints
 * using endpoint policies").
 */
export class EndpointPolicy {
  /**
   * AWS's default policy: any principal, any action, any resource of the service. The endpoint
   * gets no `PolicyDocument`, which is how AWS attaches its default.
   */
  public static allowAll(): EndpointPolicy {
    return new EndpointPolicy(undefined, undefined);
  }

  /**
   * A policy that allows only what the restrictions name. Bucket restrictions apply to the S3
   * endpoint and table restrictions to the DynamoDB endpoint; the organization, principal and
   * action restrictions apply to every endpoint that uses the policy.
   */
  public static restrictTo(restrictions: EndpointPolicyRestrictions): EndpointPolicy {
    const r = restrictions;
    const given = [r.principalOrgIds, r.principals, r.buckets, r.bucketNames, r.tables, r.tableNames, r.actions]
      .filter((x) => x !== undefined && x.length > 0).length;
    if (given === 0) {
      fail('EndpointPolicy.restrictTo', Rules.ENDPOINT_POLICY_INVALID, {
        prop: 'restrictions',
        received: 'narrow nothing (every list is empty or unset)',
        rule: 'a narrowed endpoint policy needs at least one of principalOrgIds, principals, buckets, bucketNames, tables, tableNames, actions',
        fix: 'Give a restriction, or use EndpointPolicy.allowAll() if full access is intended.',
      });
    }
    for (const [i, id] of (r.principalOrgIds ?? []).entries()) {
      // AWS Organizations API reference: an organization ID is "o-" then 10 to 32 lowercase letters or digits.
      if (!Token.isUnresolved(id) && !/^o-[a-z0-9]{10,32}$/.test(id)) {
        fail('EndpointPolicy.restrictTo', Rules.ENDPOINT_POLICY_INVALID, {
          prop: `principalOrgIds[${i}]`,
          received: show(id),
          rule: 'an AWS Organizations ID is "o-" followed by 10 to 32 lowercase letters or digits',
          fix: 'Copy the organization ID (o-...) from the Organizations console, not the root ID (r-...) or account ID.',
        });
      }
    }
    for (const [i, s] of (r.additionalStatements ?? []).entries()) checkStatement('EndpointPolicy.restrictTo', s, `additionalStatements[${i}]`);
    return new EndpointPolicy(r, undefined);
  }

  /**
   * A policy of your own statements; each must name a principal, as endpoint policies require.
   * Refused as AWS refuses them: wildcards or numeric operators on keys holding system-generated
   * identifiers (aws:PrincipalAccount, aws:SourceVpc, ...), wildcards with fewer than six
   * characters beside them, ARNs whose account part mixes digits and a wildcard. On a gateway
   * endpoint, a `Principal` other than `*` and conditions that can never match are warned about.
   */
  public static fromStatements(statements: iam.PolicyStatement[]): EndpointPolicy {
    if (statements.length === 0) {
      fail('EndpointPolicy.fromStatements', Rules.ENDPOINT_POLICY_INVALID, {
        prop: 'statements',
        received: '[]',
        rule: 'an endpoint policy needs at least one statement',
        fix: 'Give at least one statement, or use EndpointPolicy.allowAll() if full access is intended.',
      });
    }
    statements.forEach((s, i) => checkStatement('EndpointPolicy.fromStatements', s, `statements[${i}]`));
    return new EndpointPolicy(undefined, [...statements]);
  }

  /**
   * The narrowest statement that lets ECR image pulls through an S3 gateway endpoint:
   * `s3:GetObject` on `arn:<partition>:s3:::prod-<region>-starport-layer-bucket/*` for any
   * principal (Amazon ECR User Guide, "Amazon ECR interface VPC endpoints (AWS PrivateLink)").
   * A `GatewayEndpointSet` adds it by itself; use this for S3 endpoints made otherwise.
   *
   * @param region the VPC's region, which also gives the partition; when omitted, `AWS::Region`
   *   and `AWS::Partition`, resolved at deploy time
   */
  public static ecrImageLayersStatement(region?: string): iam.PolicyStatement {
    if (region !== undefined) validateRegionName(region, 'EndpointPolicy.ecrImageLayersStatement');
    return ecrLayerStatement(region);
  }

  /** Whether this is AWS's full-access default. */
  public readonly isAllowAll: boolean;

  private constructor(
    private readonly restrictions: EndpointPolicyRestrictions | undefined,
    private readonly statements: iam.PolicyStatement[] | undefined,
  ) {
    this.isAllowAll = restrictions === undefined && statements === undefined;
  }

  /**
   * The buckets and tables the policy is restricted to (for region checks).
   * @internal
   */
  public _resources(): { buckets: s3.IBucket[]; tables: dynamodb.ITable[] } {
    return { buckets: [...(this.restrictions?.buckets ?? [])], tables: [...(this.restrictions?.tables ?? [])] };
  }

  /**
   * The statements for one endpoint (none for AWS's default), and whether the narrowing
   * statement ends up unrestricted for this service (any principal, action and resource).
   * Partition, region and account default to the pseudo parameters.
   * @internal
   */
  public _render(
    ctx: { serviceShortName: string; partition?: string; region?: string; account?: string; gateway?: boolean },
  ): { statements: iam.PolicyStatement[]; unrestricted: boolean } {
    if (this.statements) return { statements: this.statements, unrestricted: false };
    const r = this.restrictions;
    if (!r) return { statements: [], unrestricted: true };

    const partition = ctx.partition ?? Aws.PARTITION;
    const resources: string[] = [];
    if (ctx.serviceShortName === 's3') {
      const arns = [...(r.buckets ?? []).map((b) => b.bucketArn), ...(r.bucketNames ?? []).map((n) => `arn:${partition}:s3:::${n}`)];
      for (const arn of arns) resources.push(arn, `${arn}/*`);
    } else if (ctx.serviceShortName === 'dynamodb') {
      const arns = [
        ...(r.tables ?? []).map((t) => t.tableArn),
        ...(r.tableNames ?? []).map((n) => `arn:${partition}:dynamodb:${ctx.region ?? Aws.REGION}:${ctx.account ?? Aws.ACCOUNT_ID}:table/${n}`),
      ];
      for (const arn of arns) resources.push(arn, `${arn}/*`);
    }

    const narrowing = (): iam.PolicyStatement => {
      const statement = new iam.PolicyStatement({
        effect: iam.Effect.ALLOW,
        actions: r.actions && r.actions.length > 0 ? r.actions : ['*'],
        resources: resources.length > 0 ? resources : ['*'],
      });
      if (r.principalOrgIds && r.principalOrgIds.length > 0) {
        statement.addCondition('StringEquals', { 'aws:PrincipalOrgID': r.principalOrgIds });
      }
      return statement;
    };
    const statements: iam.PolicyStatement[] = [];
    const principals = r.principals ?? [];
    if (principals.length > 0 && ctx.gateway) {
      // Control access to VPC endpoints using endpoint policies, "Principals for gateway endpoints":
      // the Principal element must be *, and a principal is named with a condition key. One
      // statement per key, since the keys of one statement are combined with AND.
      const conditions = gatewayPrincipalConditions(principals);
      for (const [key, values] of conditions ?? [['', []]]) {
        const statement = narrowing();
        statement.addAnyPrincipal();
        if (key !== '') statement.addCondition('StringEquals', { [key]: values.length === 1 ? values[0] : values });
        statements.push(statement);
      }
    } else {
      const statement = narrowing();
      if (principals.length > 0) statement.addPrincipals(...principals);
      else statement.addAnyPrincipal();
      statements.push(statement);
    }
    const unrestricted = principals.length === 0 && (r.principalOrgIds ?? []).length === 0
      && (r.actions ?? []).length === 0 && resources.length === 0;
    return { statements: [...statements, ...(r.additionalStatements ?? [])], unrestricted };
  }
}

function checkStatement(who: string, s: iam.PolicyStatement, prop: string): void {
  if (!s.hasPrincipal) {
    fail(who, Rules.ENDPOINT_POLICY_INVALID, {
      prop,
      received: show(s.toStatementJson()),
      rule: 'an endpoint policy statement must contain a Principal element',
      fix: 'Add a principal to the statement (statement.addAnyPrincipal() plus conditions, or specific principals).',
    });
  }
  const refusal = inspectStatements([s], { gateway: false, prop: () => prop }).find((f) => f.rule.severity === RuleSeverity.ERROR);
  if (refusal) fail(who, refusal.rule, refusal.details);
}

/**
 * The condition keys that name `principals` in a gateway endpoint policy ("Principals for gateway
 * endpoints": the Principal element must be `*`; use aws:PrincipalArn): accounts by
 * aws:PrincipalAccount, organizations by aws:PrincipalOrgID, users and roles by aws:PrincipalArn.
 * Undefined when a principal is everyone (no narrowing).
 */
function gatewayPrincipalConditions(principals: iam.IPrincipal[]): Map<string, string[]> | undefined {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  for (const [i, p] of principals.entries()) {
    if (p instanceof iam.AccountPrincipal) {
      add('aws:PrincipalAccount', String(p.accountId));
      continue;
    }
    if (p instanceof iam.OrganizationPrincipal) {
      add('aws:PrincipalOrgID', p.organizationId);
      continue;
    }
    const json = p.policyFragment.principalJson;
    for (const [kind, values] of Object.entries(json)) {
      if (kind !== 'AWS') {
        fail('EndpointPolicy.restrictTo', Rules.ENDPOINT_POLICY_INVALID, {
          prop: `principals[${i}]`,
          received: `a ${kind} principal ${p instanceof iam.ServicePrincipal ? show(p.service) : show(values)}`,
          rule: 'a gateway endpoint policy names principals with aws:PrincipalArn, aws:PrincipalAccount or aws:PrincipalOrgID (its Principal element must be *), which hold IAM principals only (AWS PrivateLink guide, "Control access to VPC endpoints using endpoint policies")',
          fix: 'Name IAM roles, users or accounts in principals, or write the statement yourself with EndpointPolicy.fromStatements.',
        });
      }
      for (const v of values) {
        if (v === '*') return undefined;
        add(/^\d{12}$/.test(v) ? 'aws:PrincipalAccount' : 'aws:PrincipalArn', v);
      }
    }
  }
  return out;
}

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
