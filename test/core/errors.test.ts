import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ConnectivityError } from '../../src/core/error';
import { describeConstruct, fail, formatProblem } from '../../src/core/errors';
import { rule, RuleSeverity } from '../../src/core/rule-types';
import { allRules, Rules, warningId, WARNING_PREFIX } from '../../src/core/rules';

const R = rule('some-rule', RuleSeverity.ERROR, 'A summary.', 'The catalogue fix.');

describe('formatProblem', () => {
  test('a string scope: `<who>: <prop> <received>; <rule>. <fix> [<id>]`, the catalogue fix by default', () => {
    expect(formatProblem('CidrBlock', R, { prop: 'block', received: '"x"', rule: 'it is bad' }))
      .toBe('CidrBlock: block "x"; it is bad. The catalogue fix. [cdk-private-connectivity:some-rule]');
  });

  test('a fix given in the details replaces the catalogue fix', () => {
    expect(formatProblem('X', R, { prop: 'p', received: 'r', rule: 'q', fix: 'Do this.' }))
      .toBe('X: p r; q. Do this. [cdk-private-connectivity:some-rule]');
  });

  test('a construct scope is named by its class and path', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const c = new Construct(stack, 'C');
    expect(formatProblem(c, R, { prop: 'p', received: 'r', rule: 'q' }))
      .toBe("Construct 'S/C': p r; q. The catalogue fix. [cdk-private-connectivity:some-rule]");
  });
});

describe('describeConstruct', () => {
  class MyThing extends Construct {}
  class MyVpc extends ec2.Vpc {}

  test('a plain construct by its class name', () => {
    const app = new App();
    expect(describeConstruct(new MyThing(app, 'T'))).toBe("MyThing 'T'");
  });

  test('an aws-cdk-lib class by its jsii name, a user subclass by its own name', () => {
    const stack = new Stack(new App(), 'S');
    expect(describeConstruct(stack)).toBe("Stack 'S'");
    expect(describeConstruct(new ec2.Vpc(stack, 'V', { maxAzs: 1, natGateways: 0 }))).toBe("Vpc 'S/V'");
    expect(describeConstruct(new MyVpc(stack, 'M', { maxAzs: 1, natGateways: 0 }))).toBe("MyVpc 'S/M'");
  });

  test('a mangled runtime name (jsii name + digits) reads as the jsii name; another suffix does not', () => {
    const rtti = Symbol.for('jsii.rtti');
    const fake = (name: string) => {
      const ctor = { [name]: class {} }[name] as unknown as Record<symbol, unknown>;
      ctor[rtti] = { fqn: 'aws-cdk-lib.aws_ec2.Vpc' };
      return { constructor: ctor, node: { path: 'P' } };
    };
    expect(describeConstruct(fake('Vpc2'))).toBe("Vpc 'P'");
    expect(describeConstruct(fake('Vpc'))).toBe("Vpc 'P'");
    expect(describeConstruct(fake('Vpc2x'))).toBe("Vpc2x 'P'");
    expect(describeConstruct(fake('XVpc2'))).toBe("XVpc2 'P'");
  });

  test('an object without a constructor name is a Construct', () => {
    expect(describeConstruct({ node: { path: 'A/B' } } as never)).toBe("Object 'A/B'");
    const bare = Object.create(null) as { node: { path: string } };
    bare.node = { path: 'A/B' };
    expect(describeConstruct(bare)).toBe("Construct 'A/B'");
    const anonymous = Object.create({ constructor: { name: '' } }) as { node: { path: string } };
    anonymous.node = { path: 'A/C' };
    expect(describeConstruct(anonymous)).toBe("Construct 'A/C'");
  });
});

describe('fail', () => {
  test('throws a ConnectivityError with the rule ID and the formatted message', () => {
    let caught: unknown;
    try {
      fail('Thing', R, { prop: 'p', received: 'r', rule: 'q' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConnectivityError);
    expect(caught).toBeInstanceOf(Error);
    const err = caught as ConnectivityError;
    expect(err.ruleId).toBe('some-rule');
    expect(err.name).toBe('ConnectivityError');
    expect(err.message).toBe('Thing: p r; q. The catalogue fix. [cdk-private-connectivity:some-rule]');
  });
});

describe('the rule catalogue', () => {
  test('rule() builds an entry from its four parts', () => {
    expect(R).toEqual({ id: 'some-rule', severity: 'error', summary: 'A summary.', fix: 'The catalogue fix.' });
    expect(RuleSeverity.WARNING).toBe('warning');
  });

  test('warningId prefixes the ID with the library name', () => {
    expect(WARNING_PREFIX).toBe('cdk-private-connectivity');
    expect(warningId(Rules.CIDR_INVALID)).toBe('cdk-private-connectivity:cidr-invalid');
  });

  test('allRules lists every rule of Rules, in catalogue order, with unique IDs', () => {
    const all = allRules();
    expect(all).toEqual(Object.values(Rules));
    expect(all[0]).toBe(Rules.CIDR_INVALID);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });
});
