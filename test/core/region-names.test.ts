import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { checkRegionName, checkStackRegion } from '../../src/core/region-names';

function scope(region = 'us-east-1'): { stack: Stack; c: Construct } {
  const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region } });
  new CfnWaitConditionHandle(stack, 'NotEmpty'); // a template needs a resource to synthesize
  return { stack, c: new Construct(stack, 'C') };
}

const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));

describe('checkRegionName / checkStackRegion (one helper for every family)', () => {
  test('region-unknown: a well-formed region this library does not know is warned, not refused', () => {
    const { stack, c } = scope();
    checkRegionName(c, 'serviceRegion', 'eu-east-9');
    expect(warnings(stack)).toEqual([
      expect.stringMatching(/^Construct 'S\/C': serviceRegion "eu-east-9" is not a region this library knows; .*\[cdk-private-connectivity:region-unknown\]/),
    ]);
  });

  test('region-invalid: a name that cannot be a region is refused', () => {
    const { c } = scope();
    expect(() => checkRegionName(c, 'serviceRegion', 'us-east')).toThrow(/'S\/C': serviceRegion "us-east"; .*\[cdk-private-connectivity:region-invalid\]/);
  });

  test('region-unknown: an unknown stack region is warned once, on the stack', () => {
    const { stack, c } = scope('eu-east-9');
    checkStackRegion(c);
    checkStackRegion(new Construct(stack, 'D'));
    const found = Annotations.fromStack(stack).findWarning('/S', Match.stringLikeRegexp('region-unknown'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(
      /^Stack 'S': env\.region "eu-east-9" is not a region this library knows; it affects 2 constructs: a region that does not exist fails at deploy; a region AWS opened after this library was released is fine \(2: Construct 'S\/C', Construct 'S\/D'\)\./,
    );
  });

  test('control: an environment-agnostic stack has no region to check', () => {
    const stack = new Stack(new App(), 'Agnostic');
    new CfnWaitConditionHandle(stack, 'NotEmpty');
    checkStackRegion(new Construct(stack, 'C'));
    expect(warnings(stack)).toEqual([]);
  });

  test('control: known regions and tokens pass without a word', () => {
    const { stack, c } = scope();
    checkRegionName(c, 'serviceRegion', 'us-west-2');
    checkRegionName(c, 'serviceRegion', new Stack(new App(), 'Agnostic').region);
    checkStackRegion(c);
    expect(warnings(stack)).toEqual([]);
  });
});
