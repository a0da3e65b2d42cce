import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AvailabilityZoneIds } from '../../src/core/az-ids';
import { ConnectivityError } from '../../src/core/error';
import { Rules } from '../../src/core/rules';

const ACCOUNT = '111111111111';
const KEY = `cdk-private-connectivity:az-ids:account=${ACCOUNT}:region=us-east-1`;

function scopeWith(context: Record<string, unknown> = {}): Construct {
  return new Construct(new Stack(new App({ context }), 'S'), 'Svc');
}

function thrown(f: () => unknown): ConnectivityError {
  try {
    f();
  } catch (e) {
    return e as ConnectivityError;
  }
  throw new Error('expected a ConnectivityError');
}

describe('AvailabilityZoneIds', () => {
  test('contextKey names the account and region after the prefix', () => {
    expect(AvailabilityZoneIds.CONTEXT_KEY_PREFIX).toBe('cdk-private-connectivity:az-ids');
    expect(AvailabilityZoneIds.contextKey(ACCOUNT, 'us-east-1')).toBe(KEY);
  });

  test.each([
    ['use1-az1', true], ['usw2-az4', true], ['apne1-az4', true], ['cnn1-az12', true],
    ['us-east-1a', false], ['use1-az', false], ['use1az1', false], ['-az1', false], ['use-az1', false],
    ['Use1-az1', false], ['xuse1-az1 ', false], [' use1-az1', false], ['use1-az1b', false], ['', false],
  ])('isAzId(%j) is %s', (id, expected) => {
    expect(AvailabilityZoneIds.isAzId(id)).toBe(expected);
  });

  describe('_validate', () => {
    test('AZ IDs and tokens pass', () => {
      const scope = scopeWith();
      const token = Lazy.string({ produce: () => 'x' });
      expect(() => AvailabilityZoneIds._validate(scope, 'azIds', ['use1-az1', token, 'use1-az6'])).not.toThrow();
    });

    test('an AZ name is refused with the reason AZ IDs are needed, naming its index', () => {
      const err = thrown(() => AvailabilityZoneIds._validate(scopeWith(), 'azIds', ['use1-az1', 'us-east-1a']));
      expect(err.ruleId).toBe('privatelink-az-id-invalid');
      expect(err.message).toBe("Construct 'S/Svc': azIds[1] \"us-east-1a\"; this is an AZ name, which maps to a different "
        + 'physical zone in each account; PrivateLink zones are matched by AZ ID. '
        + `${Rules.PRIVATELINK_AZ_ID_INVALID.fix} [cdk-private-connectivity:privatelink-az-id-invalid]`);
    });

    test('anything else is refused with the shape of an AZ ID', () => {
      const err = thrown(() => AvailabilityZoneIds._validate(scopeWith(), 'azIds', ['az1']));
      expect(err.message).toMatch(/^Construct 'S\/Svc': azIds\[0\] "az1"; an AZ ID looks like use1-az1\. .* \[cdk-private-connectivity:privatelink-az-id-invalid\]$/);
    });

    test.each(['us-east-1', 'useast-1a', 'us-east-1ab', 'us-east1a'])('%j is not read as an AZ name', (id) => {
      const err = thrown(() => AvailabilityZoneIds._validate(scopeWith(), 'p', [id]));
      expect(err.message).toContain('an AZ ID looks like use1-az1');
    });

    test.each(['us-gov-west-1a', 'ap-southeast-4c', 'us-east-12b'])('%j is read as an AZ name', (id) => {
      const err = thrown(() => AvailabilityZoneIds._validate(scopeWith(), 'p', [id]));
      expect(err.message).toContain('this is an AZ name');
    });
  });

  describe('_resolve', () => {
    test('mappings given: validated and returned as a map, the context not read', () => {
      const scope = scopeWith({ [KEY]: { 'us-east-1a': 'use1-az9' } });
      const m = AvailabilityZoneIds._resolve(scope, 'azMappings', ACCOUNT, 'us-east-1', [
        { name: 'us-east-1a', id: 'use1-az6' },
        { name: 'us-east-1b', id: 'use1-az1' },
      ]);
      expect([...m!.entries()]).toEqual([['us-east-1a', 'use1-az6'], ['us-east-1b', 'use1-az1']]);
      expect(() => AvailabilityZoneIds._resolve(scope, 'azMappings', undefined, undefined, [{ name: 'us-east-1a', id: 'us-east-1a' }]))
        .toThrow(/azMappings\[0\] "us-east-1a"; this is an AZ name/);
    });

    test('mappings given as an empty list: an empty map', () => {
      expect(AvailabilityZoneIds._resolve(scopeWith(), 'p', undefined, undefined, [])?.size).toBe(0);
    });

    test('no mappings: read from the context key of the account and region', () => {
      const scope = scopeWith({ [KEY]: { 'us-east-1a': 'use1-az6', 'us-east-1b': 'use1-az1' } });
      const m = AvailabilityZoneIds._resolve(scope, 'p', ACCOUNT, 'us-east-1');
      expect([...m!.entries()]).toEqual([['us-east-1a', 'use1-az6'], ['us-east-1b', 'use1-az1']]);
      expect(AvailabilityZoneIds._resolve(scope, 'p', ACCOUNT, 'us-west-2')).toBeUndefined();
      expect(AvailabilityZoneIds._resolve(scope, 'p', '222222222222', 'us-east-1')).toBeUndefined();
    });

    test('no mappings and an unknown account or region: undefined, the context not read', () => {
      const scope = scopeWith({
        [AvailabilityZoneIds.contextKey('undefined', 'us-east-1')]: { a: 'use1-az1' },
        [AvailabilityZoneIds.contextKey(ACCOUNT, 'undefined')]: { a: 'use1-az1' },
      });
      expect(AvailabilityZoneIds._resolve(scope, 'p', undefined, 'us-east-1')).toBeUndefined();
      expect(AvailabilityZoneIds._resolve(scope, 'p', ACCOUNT, undefined)).toBeUndefined();
    });

    test('a null context value is no mapping', () => {
      expect(AvailabilityZoneIds._resolve(scopeWith({ [KEY]: null }), 'p', ACCOUNT, 'us-east-1')).toBeUndefined();
    });

    test.each([
      ['a string', 'use1-az1', '"use1-az1"'],
      ['an array', ['use1-az1'], '["use1-az1"]'],
      ['a number', 3, '3'],
    ])('a context value that is %s is refused, showing it', (_what, value, shown) => {
      const err = thrown(() => AvailabilityZoneIds._resolve(scopeWith({ [KEY]: value }), 'p', ACCOUNT, 'us-east-1'));
      expect(err.ruleId).toBe('privatelink-az-id-invalid');
      expect(err.message).toContain(`context '${KEY}' ${shown}; the context value is an object of AZ name to AZ ID, e.g. { "us-east-1a": "use1-az6" }.`);
    });

    test('a context entry that is not an AZ ID is refused, naming the context key and index', () => {
      const scope = scopeWith({ [KEY]: { 'us-east-1a': 'use1-az6', 'us-east-1b': 'us-east-1b' } });
      expect(() => AvailabilityZoneIds._resolve(scope, 'p', ACCOUNT, 'us-east-1'))
        .toThrow(`context '${KEY}'[1] "us-east-1b"; this is an AZ name`);
    });

    test('context values are read as text', () => {
      const scope = scopeWith({ [KEY]: { 'us-east-1a': 'use1-az6' } });
      const m = AvailabilityZoneIds._resolve(scope, 'p', ACCOUNT, 'us-east-1');
      expect(m?.get('us-east-1a')).toBe('use1-az6');
      const numeric = scopeWith({ [KEY]: { 'us-east-1a': 5 } });
      expect(() => AvailabilityZoneIds._resolve(numeric, 'p', ACCOUNT, 'us-east-1')).toThrow(`context '${KEY}'[0] "5"; an AZ ID looks like use1-az1`);
    });
  });
});
