/**
 * Who may connect to an endpoint service (internal): IAM ARNs of the service's partition, `*` only
 * when opted in. Shared by PrivateLinkService and GatewayLoadBalancerService, whose
 * `AWS::EC2::VPCEndpointServicePermissions` take the same principals.
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rules } from './rules';
import { show, warn, warnOnce } from './warnings';
import { KNOWN_PARTITIONS } from '../net/regions';

// IAM ARNs an endpoint service accepts as principals: an account root, a user or a role
// ("Configure an endpoint service", AWS PrivateLink guide).
const IAM_PRINCIPAL_ARN = /^arn:([a-z-]+):iam::\d{12}:(root|user\/.+|role\/.+)$/;

// IAM and AWS STS quotas, name requirements, and character limits: user and role names are at
// most 64 characters of letters, digits and + = , . @ _ -; a path is at most 512 characters.
const IAM_NAME = /^[\w+=,.@-]+$/;
const MAX_IAM_NAME_LENGTH = 64;
const MAX_IAM_PATH_LENGTH = 512;

/** What is wrong with the user or role name (and path) of an IAM ARN's resource part, if anything. */
export function iamNameProblem(resource: string): string | undefined {
  const slash = resource.indexOf('/');
  if (slash < 0) return undefined; // root
  const kind = resource.slice(0, slash);
  const rest = resource.slice(slash + 1);
  const last = rest.lastIndexOf('/');
  const name = rest.slice(last + 1);
  const path = `/${rest.slice(0, last + 1)}`;
  if (name.length === 0) return `has no ${kind} name after its path`;
  if (name.length > MAX_IAM_NAME_LENGTH) return `has a ${kind} name of ${name.length} characters, more than ${MAX_IAM_NAME_LENGTH}`;
  if (!IAM_NAME.test(name)) return `has the ${kind} name ${JSON.stringify(name)}, which is not letters, digits and + = , . @ _ -`;
  if (path.length > MAX_IAM_PATH_LENGTH) return `has a path of ${path.length} characters, more than ${MAX_IAM_PATH_LENGTH}`;
  return undefined;
}

/** What an endpoint service's principals are checked against, and how its messages name things. */
export interface PrincipalCheck {
  /** The principals given. */
  readonly given: readonly iam.ArnPrincipal[];
  /** Whether `*` is allowed (and added when not given). */
  readonly allowAny: boolean;
  /** The service's partition; undefined in an environment-agnostic stack. */
  readonly partition?: string;
  /** The prop holding the principals. @default 'allowedPrincipals' */
  readonly prop?: string;
  /**
   * What a `*` principal lets any AWS account do, e.g. `request a connection to the service`.
   * @default 'request a connection to the service'
   */
  readonly wildcardRisk?: string;
}

/**
 * The principals to allow, checked: literal ARNs must be IAM ARNs of the service's partition, `*`
 * needs `allowAny`, deploy-time ARNs are warned about; `*` is added when `allowAny` is set and a
 * warning says so when no principal is left.
 */
export function checkPrincipals(scope: IConstruct, check: PrincipalCheck): iam.ArnPrincipal[] {
  const { given, allowAny, partition } = check;
  const propName = check.prop ?? 'allowedPrincipals';
  given.forEach((p, i) => {
    const prop = `${propName}[${i}]`;
    const raw = (p as { arn?: unknown }).arn;
    if (typeof raw !== 'string') {
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, {
        prop,
        received: `${p?.constructor?.name ?? typeof p} without an ARN`,
        rule: 'an endpoint service allows principals by ARN',
      });
    }
    let arn: string = raw;
    if (Token.isUnresolved(raw)) {
      const resolved = renderArn(Stack.of(scope).resolve(raw), partition);
      if (resolved === undefined) {
        warn(scope, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN, {
          prop,
          received: show(raw),
          rule: 'the principal\'s ARN is resolved at deploy time, so its shape and partition are not checked',
        });
        return;
      }
      arn = resolved;
    }
    if (arn === '*') {
      if (!allowAny) {
        fail(scope, Rules.PRIVATELINK_PRINCIPAL_WILDCARD, {
          prop,
          received: '"*"',
          rule: `a \`*\` principal lets any AWS account ${check.wildcardRisk ?? 'request a connection to the service'}`,
        });
      }
      return;
    }
    const m = IAM_PRINCIPAL_ARN.exec(arn);
    if (!m) {
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, {
        prop,
        received: show(arn),
        rule: 'an endpoint service allows IAM principals by ARN: arn:<partition>:iam::<account>:root, :user/<name> or :role/<name>',
        fix: /^\d{12}$/.test(arn)
          ? `Use new iam.AccountPrincipal('${arn}') or new iam.ArnPrincipal('arn:aws:iam::${arn}:root').`
          : undefined,
      });
    }
    const nameProblem = iamNameProblem(m[2]);
    if (nameProblem !== undefined) {
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, {
        prop,
        received: `${show(arn)} ${nameProblem}`,
        rule: `an IAM user or role name is 1 to ${MAX_IAM_NAME_LENGTH} letters, digits and + = , . @ _ -, its path at most ${MAX_IAM_PATH_LENGTH} characters (IAM and AWS STS quotas)`,
        fix: 'Copy the principal\'s ARN from the IAM console or `aws iam get-role`.',
      });
    }
    if (!KNOWN_PARTITIONS.includes(m[1])) {
      // A partition no AWS region is in: whatever the service's region, no principal has this ARN.
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, {
        prop,
        received: `${show(arn)} is in partition ${m[1]}, which is no AWS partition`,
        rule: `an IAM ARN names one of the partitions ${KNOWN_PARTITIONS.join(', ')}`,
        fix: 'Write the ARN with its account\'s partition, e.g. arn:aws:iam::<account>:root.',
      });
    }
    if (partition === undefined) {
      warnOnce(scope, { scope: Stack.of(scope) }, Rules.VPC_REGION_UNKNOWN, {
        prop: 'region',
        received: 'is a token (environment-agnostic stack)',
        rule: 'the partition of allowed principals is not checked against the service\'s (privatelink-partition-mismatch)',
      });
    } else if (m[1] !== partition) {
      fail(scope, Rules.PRIVATELINK_PARTITION_MISMATCH, {
        prop,
        received: `${show(arn)} is in partition ${m[1]}, the service in ${partition}`,
        rule: 'principals of another partition cannot connect to an endpoint service',
      });
    }
  });
  const principals = [...given];
  if (allowAny && !principals.some((p) => p.arn === '*')) principals.push(new iam.AnyPrincipal());
  if (principals.length === 0) {
    warn(scope, Rules.PRIVATELINK_NO_PRINCIPALS, {
      prop: propName,
      received: '(none)',
      rule: 'only allowed principals can create an endpoint to the service',
    });
  }
  return principals;
}

/**
 * The accounts of the allowed principals, or undefined when any is `*` or not a literal ARN (so
 * the accounts the service allows are not all known).
 */
export function allowedAccounts(scope: IConstruct, principals: readonly iam.ArnPrincipal[], partition: string | undefined): string[] | undefined {
  const accounts: string[] = [];
  for (const p of principals) {
    const arn = Token.isUnresolved(p.arn) ? renderArn(Stack.of(scope).resolve(p.arn), partition) : p.arn;
    const m = arn === undefined ? null : IAM_PRINCIPAL_ARN.exec(arn);
    if (!m) return undefined;
    const account = /:iam::(\d{12}):/.exec(arn!)![1];
    if (!accounts.includes(account)) accounts.push(account);
  }
  return accounts;
}

/**
 * The literal text of a resolved ARN: a string, or a join of strings and `AWS::Partition` (how
 * `iam.AccountPrincipal` renders) when the partition is known; undefined otherwise.
 */
function renderArn(resolved: unknown, partition: string | undefined): string | undefined {
  if (typeof resolved === 'string') return resolved;
  const join = (resolved as { 'Fn::Join'?: unknown } | undefined)?.['Fn::Join'];
  if (!Array.isArray(join) || join[0] !== '' || !Array.isArray(join[1])) return undefined;
  let text = '';
  for (const part of join[1] as unknown[]) {
    if (typeof part === 'string') text += part;
    else if (partition !== undefined && (part as { Ref?: unknown })?.Ref === 'AWS::Partition') text += partition;
    else return undefined;
  }
  return text;
}
