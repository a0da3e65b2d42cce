import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { Rules, warningId } from '../../src/core/rules';
import { NAMED_CONSTRUCTS, warnOnce } from '../../src/core/warnings';

const REGION = warningId(Rules.VPC_REGION_UNKNOWN);
const SKIP = { prop: 'region', received: 'is a token', rule: 'X is skipped' };

function shared(n: number): { stack: Stack; users: Construct[] } {
  const stack = new Stack(new App(), 'S');
  new CfnWaitConditionHandle(stack, 'Placeholder');
  return { stack, users: Array.from({ length: n }, (_, i) => new Construct(stack, `U${i}`)) };
}

/** The text of every warning in the stack, without aws-cdk-lib's acknowledgement suffix. */
function texts(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data).replace(/ \[ack: [^\]]*\]$/, ''));
}

describe('how a cause names the constructs it affects', () => {
  test(`exactly ${NAMED_CONSTRUCTS}: all named, no "more"`, () => {
    expect(NAMED_CONSTRUCTS).toBe(3);
    const { stack, users } = shared(3);
    for (const u of users) warnOnce(u, { scope: stack }, Rules.VPC_REGION_UNKNOWN, SKIP);
    expect(texts(stack)).toEqual([
      "Stack 'S': region is a token; it affects 3 constructs: X is skipped (3: Construct 'S/U0', Construct 'S/U1', Construct 'S/U2'). "
      + `${Rules.VPC_REGION_UNKNOWN.fix} [${REGION}]`,
    ]);
  });

  test('one more than named: "and 1 more"', () => {
    const { stack, users } = shared(4);
    for (const u of users) warnOnce(u, { scope: stack }, Rules.VPC_REGION_UNKNOWN, SKIP);
    expect(texts(stack)).toEqual([
      "Stack 'S': region is a token; it affects 4 constructs: X is skipped (4: Construct 'S/U0', Construct 'S/U1', Construct 'S/U2' and 1 more). "
      + `${Rules.VPC_REGION_UNKNOWN.fix} [${REGION}]`,
    ]);
  });

  test('one construct in two groups counts once in the total', () => {
    const { stack, users } = shared(2);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, SKIP);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, { ...SKIP, rule: 'Y is skipped' });
    warnOnce(users[1], { scope: stack }, Rules.VPC_REGION_UNKNOWN, { ...SKIP, fix: 'Other fix.' });
    expect(texts(stack)).toEqual([
      "Stack 'S': region is a token; it affects 2 constructs: X is skipped (1: Construct 'S/U0'); Y is skipped (1: Construct 'S/U0'); "
      + `X is skipped (1: Construct 'S/U1'). ${Rules.VPC_REGION_UNKNOWN.fix} Other fix. [${REGION}]`,
    ]);
  });

  test('the first call\'s prop and received describe the cause', () => {
    const { stack, users } = shared(2);
    warnOnce(users[0], { scope: stack }, Rules.VPC_REGION_UNKNOWN, SKIP);
    warnOnce(users[1], { scope: stack }, Rules.VPC_REGION_UNKNOWN, { ...SKIP, prop: 'other', received: 'text' });
    expect(texts(stack)).toHaveLength(1);
    expect(texts(stack)[0]).toMatch(/^Stack 'S': region is a token; it affects 2 constructs: X is skipped \(2: /);
  });
});

describe('causes whose text cannot be told apart', () => {
  test('the second stays silent, and constructs joining it never rewrite the first cause\'s warning', () => {
    const { stack, users } = shared(3);
    warnOnce(users[0], { scope: stack, key: 'a' }, Rules.VPC_REGION_UNKNOWN, SKIP);
    warnOnce(users[0], { scope: stack, key: 'b' }, Rules.VPC_REGION_UNKNOWN, SKIP);
    warnOnce(users[1], { scope: stack, key: 'b' }, Rules.VPC_REGION_UNKNOWN, SKIP);
    warnOnce(users[2], { scope: stack, key: 'b' }, Rules.VPC_REGION_UNKNOWN, SKIP);
    expect(texts(stack)).toEqual([
      `Stack 'S': region is a token; it affects 1 construct: X is skipped (1: Construct 'S/U0'). ${Rules.VPC_REGION_UNKNOWN.fix} [${REGION}]`,
    ]);
  });
});
