import { Aws, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ecrLayerStatement } from './ecr-layers';
import { inspectStatements } from './policy-statements';
import { fail } from '../core/errors';
import { Rules, RuleSeverity } from '../core/rules';
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
