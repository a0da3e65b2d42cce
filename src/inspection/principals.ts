/** Who may connect to an endpoint service: IAM ARNs of its partition, `*` only when opted in (internal). */
import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';
import { show, warn } from '../core/warnings';

// IAM ARNs an endpoint service accepts as principals: an account root, a user or a role
// ("Configure an endpoint service", AWS PrivateLink guide).
const IAM_PRINCIPAL_ARN = /^arn:([a-z-]+):iam::\d{12}:(root|user\/.+|role\/.+)$/;

/** The principals to allow, checked; `*` is added when `allowAny` is set. */
export function checkPrincipals(scope: IConstruct, given: iam.ArnPrincipal[], allowAny: boolean, partition: string | undefined): iam.ArnPrincipal[] {
  given.forEach((p, i) => {
    const prop = `allowedPrincipals[${i}]`;
    const raw = (p as { arn?: unknown }).arn;
    if (typeof raw !== 'string') {
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, { prop, received: 'a principal without an ARN', rule: 'an endpoint service allows principals by ARN' });
    }
    let arn: string = raw;
    if (Token.isUnresolved(raw)) {
      const rendered = renderArn(Stack.of(scope).resolve(raw), partition);
      if (rendered === undefined) {
        warn(scope, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN, { prop, received: show(raw), rule: 'the principal\'s ARN is resolved at deploy time, so it is not checked' });
        return;
      }
      arn = rendered;
    }
    if (arn === '*') {
      if (!allowAny) {
        fail(scope, Rules.PRIVATELINK_PRINCIPAL_WILDCARD, { prop, received: '"*"', rule: 'a `*` principal lets any AWS account send its traffic to your appliances' });
      }
      return;
    }
    const m = IAM_PRINCIPAL_ARN.exec(arn);
    if (!m) {
      fail(scope, Rules.PRIVATELINK_PRINCIPAL_INVALID, {
        prop,
        received: show(arn),
        rule: 'an endpoint service allows IAM principals by ARN: arn:<partition>:iam::<account>:root, :user/<name> or :role/<name>',
      });
    }
    if (partition !== undefined && m[1] !== partition) {
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
      prop: 'allowedPrincipals',
      received: '(none)',
      rule: 'only allowed principals can create an endpoint to the service',
    });
  }
  return principals;
}

/** The literal text of a resolved ARN (a string, or a join with `AWS::Partition` when the partition is known). */
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
