import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { checkPrincipals, iamNameProblem } from '../../src/core/principals';

/** A construct in a stack of us-east-1 (or an environment-agnostic one). */
function service(env = true): { stack: Stack; c: Construct } {
  const stack = new Stack(new App(), 'S', env ? { env: { account: '111111111111', region: 'us-east-1' } } : undefined);
  new CfnWaitConditionHandle(stack, 'NotEmpty'); // a template needs a resource to synthesize
  return { stack, c: new Construct(stack, 'Service') };
}

const check = (c: Construct, arn: string, partition: string | undefined) =>
  checkPrincipals(c, { given: [new iam.ArnPrincipal(arn)], allowAny: false, partition });

describe('checkPrincipals: ARNs that name something real (IAM and AWS STS quotas, name requirements, and character limits)', () => {
  test.each([
    ['a made-up partition, the service\'s partition unknown', 'arn:aws-foo:iam::222222222222:root', undefined, /"arn:aws-foo:iam::222222222222:root" is in partition aws-foo, which is no AWS partition/],
    ['a made-up partition, the service in aws', 'arn:aws-foo:iam::222222222222:role/app', 'aws', /is in partition aws-foo, which is no AWS partition/],
    ['a role name of 65 characters', `arn:aws:iam::222222222222:role/${'r'.repeat(65)}`, 'aws', /has a role name of 65 characters, more than 64/],
    ['a user name of 65 characters under a path', `arn:aws:iam::222222222222:user/team/${'u'.repeat(65)}`, 'aws', /has a user name of 65 characters, more than 64/],
    ['a role name with a character IAM does not allow', 'arn:aws:iam::222222222222:role/app#1', 'aws', /has the role name "app#1", which is not letters, digits/],
    ['a role path with no name after it', 'arn:aws:iam::222222222222:role/team/', 'aws', /has no role name after its path/],
    ['a path of 513 characters', `arn:aws:iam::222222222222:role/${'p'.repeat(511)}/app`, 'aws', /has a path of 513 characters, more than 512/],
  ])('privatelink-principal-invalid: %s is refused', (_t, arn, partition, message) => {
    const { c } = service(partition !== undefined);
    expect(() => check(c, arn, partition)).toThrow(message);
    expect(() => check(c, arn, partition)).toThrow(/\[cdk-private-connectivity:privatelink-principal-invalid\]/);
  });

  test.each([
    ['an account root', 'arn:aws:iam::222222222222:root'],
    ['a role name of 64 characters with every allowed symbol', `arn:aws:iam::222222222222:role/${'r'.repeat(54)}+=,.@_-Ab9`],
    ['a user under a path', 'arn:aws:iam::222222222222:user/division_abc/subdivision_xyz/JaneDoe'],
    ['a role in aws-us-gov, for a service in us-gov-west-1', 'arn:aws-us-gov:iam::222222222222:role/app'],
  ])('control: %s passes without a word', (_t, arn) => {
    const { stack, c } = service();
    check(c, arn, arn.startsWith('arn:aws-us-gov:') ? 'aws-us-gov' : 'aws');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('iamNameProblem: the root has no name to check', () => {
    expect(iamNameProblem('root')).toBeUndefined();
    expect(iamNameProblem('role/a')).toBeUndefined();
  });
});
