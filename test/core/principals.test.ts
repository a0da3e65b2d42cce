import { App, CfnWaitConditionHandle, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ConnectivityError } from '../../src/core/error';
import { allowedAccounts, checkPrincipals } from '../../src/core/principals';
import { Rules, warningId } from '../../src/core/rules';

const A = '111111111111';
const B = '222222222222';

function setup(env: boolean = true): { stack: Stack; scope: Construct } {
  const stack = new Stack(new App(), 'S', env ? { env: { account: A, region: 'us-east-1' } } : undefined);
  new CfnWaitConditionHandle(stack, 'Placeholder'); // a template needs a resource
  return { stack, scope: new Construct(stack, 'Svc') };
}

function thrown(f: () => unknown): ConnectivityError {
  try {
    f();
  } catch (e) {
    return e as ConnectivityError;
  }
  throw new Error('expected a ConnectivityError');
}

function warningsOf(stack: Stack, r: { id: string }): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue())
    .map((m) => String(m.entry.data).replace(/ \[ack: [^\]]*\]$/, ''))
    .filter((t) => t.includes(`[${warningId(r as never)}]`));
}

describe('checkPrincipals', () => {
  test('IAM ARNs of the partition pass unchanged: root, user, role', () => {
    const { scope, stack } = setup();
    const given = [`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:user/alice`, `arn:aws:iam::${B}:role/r/x`].map((a) => new iam.ArnPrincipal(a));
    const out = checkPrincipals(scope, { given, allowAny: false, partition: 'aws' });
    expect(out.map((p) => p.arn)).toEqual(given.map((p) => p.arn));
    expect(out).not.toBe(given);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    ['an account ID', A, `Use new iam.AccountPrincipal('${A}') or new iam.ArnPrincipal('arn:aws:iam::${A}:root').`],
    ['a bucket ARN', 'arn:aws:s3:::bucket', undefined],
    ['a group ARN', `arn:aws:iam::${A}:group/g`, undefined],
    ['a short account', `arn:aws:iam::${A.slice(1)}:root`, undefined],
    ['a role without a name', `arn:aws:iam::${A}:role/`, undefined],
    ['text around an ARN', ` arn:aws:iam::${A}:root`, undefined],
    ['an ARN with a suffix', `arn:aws:iam::${A}:rootx`, undefined],
    ['a thirteen-digit account ID', `${A}1`, undefined],
  ])('%s is refused as not an IAM principal ARN', (_what, arn, fix) => {
    const { scope } = setup();
    const err = thrown(() => checkPrincipals(scope, { given: [new iam.ArnPrincipal(`arn:aws:iam::${B}:root`), new iam.ArnPrincipal(arn)], allowAny: false, partition: 'aws' }));
    expect(err.ruleId).toBe(Rules.PRIVATELINK_PRINCIPAL_INVALID.id);
    expect(err.message).toBe(`Construct 'S/Svc': allowedPrincipals[1] ${JSON.stringify(arn)}; an endpoint service allows IAM principals by ARN: `
      + 'arn:<partition>:iam::<account>:root, :user/<name> or :role/<name>. '
      + `${fix ?? Rules.PRIVATELINK_PRINCIPAL_INVALID.fix} [${warningId(Rules.PRIVATELINK_PRINCIPAL_INVALID)}]`);
  });

  test('a principal without an ARN is refused, naming its class and the prop', () => {
    const { scope } = setup();
    const noArn = new iam.ServicePrincipal('ec2.amazonaws.com') as unknown as iam.ArnPrincipal;
    const err = thrown(() => checkPrincipals(scope, { given: [noArn], allowAny: false, prop: 'principals' }));
    expect(err.ruleId).toBe(Rules.PRIVATELINK_PRINCIPAL_INVALID.id);
    expect(err.message).toContain("Construct 'S/Svc': principals[0] ServicePrincipal without an ARN; an endpoint service allows principals by ARN.");
    const plain = thrown(() => checkPrincipals(scope, { given: [{ arn: 5 } as never], allowAny: false }));
    expect(plain.message).toContain('allowedPrincipals[0] Object without an ARN;');
    const bare = thrown(() => checkPrincipals(scope, { given: [Object.create(null)], allowAny: false }));
    expect(bare.message).toContain('allowedPrincipals[0] object without an ARN;');
  });

  test('another partition is refused, naming both', () => {
    const { scope } = setup();
    const arn = `arn:aws-cn:iam::${B}:root`;
    const err = thrown(() => checkPrincipals(scope, { given: [new iam.ArnPrincipal(arn)], allowAny: false, partition: 'aws' }));
    expect(err.ruleId).toBe(Rules.PRIVATELINK_PARTITION_MISMATCH.id);
    expect(err.message).toContain(`allowedPrincipals[0] "${arn}" is in partition aws-cn, the service in aws; principals of another partition cannot connect to an endpoint service.`);
    // Control: an unknown partition (environment-agnostic stack) compares nothing.
    expect(checkPrincipals(scope, { given: [new iam.ArnPrincipal(arn)], allowAny: false }).map((p) => p.arn)).toEqual([arn]);
  });

  test('`*` needs allowAny, and the risk names what it allows', () => {
    const { scope } = setup();
    const err = thrown(() => checkPrincipals(scope, { given: [new iam.ArnPrincipal('*')], allowAny: false }));
    expect(err.ruleId).toBe(Rules.PRIVATELINK_PRINCIPAL_WILDCARD.id);
    expect(err.message).toContain('allowedPrincipals[0] "*"; a `*` principal lets any AWS account request a connection to the service.');
    const custom = thrown(() => checkPrincipals(scope, { given: [new iam.AnyPrincipal()], allowAny: false, wildcardRisk: 'send traffic' }));
    expect(custom.message).toContain('a `*` principal lets any AWS account send traffic.');
  });

  test('allowAny: `*` is added once, kept when given', () => {
    const { scope } = setup();
    expect(checkPrincipals(scope, { given: [], allowAny: true }).map((p) => p.arn)).toEqual(['*']);
    const arn = `arn:aws:iam::${B}:root`;
    expect(checkPrincipals(scope, { given: [new iam.ArnPrincipal(arn)], allowAny: true }).map((p) => p.arn)).toEqual([arn, '*']);
    expect(checkPrincipals(scope, { given: [new iam.ArnPrincipal('*')], allowAny: true }).map((p) => p.arn)).toEqual(['*']);
  });

  test('no principal left: a warning on the scope, naming the prop', () => {
    const { scope, stack } = setup();
    expect(checkPrincipals(scope, { given: [], allowAny: false, prop: 'principals' })).toEqual([]);
    expect(warningsOf(stack, Rules.PRIVATELINK_NO_PRINCIPALS)).toEqual([
      `Construct 'S/Svc': principals (none); only allowed principals can create an endpoint to the service. ${Rules.PRIVATELINK_NO_PRINCIPALS.fix} [${warningId(Rules.PRIVATELINK_NO_PRINCIPALS)}]`,
    ]);
  });

  test('an AccountPrincipal (a join with AWS::Partition) is checked when the partition is known', () => {
    const { scope, stack } = setup(false); // environment-agnostic: the ARN joins AWS::Partition under every flag
    expect(checkPrincipals(scope, { given: [new iam.AccountPrincipal(B)], allowAny: false, partition: 'aws' })).toHaveLength(1);
    expect(warningsOf(stack, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN)).toEqual([]);
    // The join renders with the partition, so a principal of another partition is refused.
    expect(() => checkPrincipals(scope, { given: [new iam.AccountPrincipal(B)], allowAny: false, partition: 'aws-cn' }))
      .not.toThrow(); // the partition is substituted: the rendered ARN is in the service's partition
  });

  test('a deploy-time ARN (unknown partition, or a lazy value) warns and is kept', () => {
    const { scope, stack } = setup(false);
    const lazy = new iam.ArnPrincipal(Lazy.string({ produce: () => ({ Ref: 'RoleArn' }) as never }));
    const out = checkPrincipals(scope, { given: [new iam.AccountPrincipal(B), lazy], allowAny: false });
    expect(out).toHaveLength(2);
    const w = warningsOf(stack, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN);
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^Construct 'S\/Svc': allowedPrincipals\[0\] \(unresolved token .*\); the principal's ARN is resolved at deploy time, so its shape and partition are not checked\./);
    expect(w[1]).toMatch(/^Construct 'S\/Svc': allowedPrincipals\[1\] \(unresolved token/);
  });

  test('a token that resolves to a literal string is checked as that string', () => {
    const { scope, stack } = setup();
    const token = new iam.ArnPrincipal(Lazy.string({ produce: () => `${B}` }));
    expect(() => checkPrincipals(scope, { given: [token], allowAny: false })).toThrow(/allowedPrincipals\[0\] "222222222222"; an endpoint service allows IAM principals/);
    const ok = new iam.ArnPrincipal(Lazy.string({ produce: () => `arn:aws:iam::${B}:root` }));
    expect(checkPrincipals(scope, { given: [ok], allowAny: false })).toEqual([ok]);
    expect(warningsOf(stack, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN)).toEqual([]);
  });

  test('a join of anything but strings and AWS::Partition, or with a separator, is not rendered', () => {
    const { scope, stack } = setup();
    const ref = new iam.ArnPrincipal(`arn:${Stack.of(scope).partition}:iam::${Stack.of(scope).urlSuffix}:root`);
    const sep = new iam.ArnPrincipal(Lazy.string({ produce: () => ({ 'Fn::Join': ['-', ['a', 'b']] }) as never }));
    checkPrincipals(scope, { given: [ref, sep], allowAny: false, partition: 'aws' });
    expect(warningsOf(stack, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN)).toHaveLength(2);
  });
  test('a deploy-time value that resolves to nothing, or a join with a null part, warns instead of crashing', () => {
    const { scope, stack } = setup();
    const nothing = new iam.ArnPrincipal(Lazy.string({ produce: () => undefined }));
    const nullPart = new iam.ArnPrincipal(Lazy.string({ produce: () => ({ 'Fn::Join': ['', ['arn:', null]] }) as never }));
    expect(checkPrincipals(scope, { given: [nothing, nullPart], allowAny: false, partition: 'aws' })).toHaveLength(2);
    expect(warningsOf(stack, Rules.PRIVATELINK_PRINCIPAL_UNKNOWN).map((w) => w.match(/allowedPrincipals\[\d\]/)![0]))
      .toEqual(['allowedPrincipals[0]', 'allowedPrincipals[1]']);
  });
});

describe('allowedAccounts', () => {
  test('the distinct accounts of literal ARNs, in order', () => {
    const { scope } = setup();
    const p = [`arn:aws:iam::${B}:root`, `arn:aws:iam::${A}:role/x`, `arn:aws:iam::${B}:user/u`].map((a) => new iam.ArnPrincipal(a));
    expect(allowedAccounts(scope, p, 'aws')).toEqual([B, A]);
    expect(allowedAccounts(scope, [], 'aws')).toEqual([]);
  });

  test('an AccountPrincipal counts when the partition is known', () => {
    const { scope } = setup(false);
    expect(allowedAccounts(scope, [new iam.AccountPrincipal(B)], 'aws')).toEqual([B]);
    expect(allowedAccounts(scope, [new iam.AccountPrincipal(B)], undefined)).toBeUndefined();
  });

  test('`*` or an ARN that is not an IAM principal makes the accounts unknown', () => {
    const { scope } = setup();
    expect(allowedAccounts(scope, [new iam.ArnPrincipal(`arn:aws:iam::${B}:root`), new iam.AnyPrincipal()], 'aws')).toBeUndefined();
    expect(allowedAccounts(scope, [new iam.ArnPrincipal('arn:aws:s3:::b')], 'aws')).toBeUndefined();
  });
});
