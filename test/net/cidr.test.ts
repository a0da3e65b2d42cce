import { ConnectivityError } from '../../src/core/errors';
import { Rules } from '../../src/core/rules';
import { CidrBlock, IpFamily } from '../../src/net';
import { cidrProblem, looksLikeToken, PARSED_MAX, tryParseCidr } from '../../src/net/cidr-parse';

const RULE_TAG = '[cdk-private-connectivity:cidr-invalid]';

function parseError(text: string): ConnectivityError {
  try {
    CidrBlock.parse(text);
  } catch (e) {
    if (e instanceof ConnectivityError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('CidrBlock.parse accepts and canonicalises', () => {
  test.each([
    // [input, canonical cidr, family, network address, address count]
    ['10.0.0.0/16', '10.0.0.0/16', IpFamily.IPV4, '10.0.0.0', '65536'],
    ['0.0.0.0/0', '0.0.0.0/0', IpFamily.IPV4, '0.0.0.0', '4294967296'],
    ['255.255.255.255/32', '255.255.255.255/32', IpFamily.IPV4, '255.255.255.255', '1'],
    ['192.168.0.0/24', '192.168.0.0/24', IpFamily.IPV4, '192.168.0.0', '256'],
    ['0.0.0.0/32', '0.0.0.0/32', IpFamily.IPV4, '0.0.0.0', '1'],
    ['2001:DB8:0:0:0:0:0:0/32', '2001:db8::/32', IpFamily.IPV6, '2001:db8::', '79228162514264337593543950336'],
    ['::/0', '::/0', IpFamily.IPV6, '::', '340282366920938463463374607431768211456'],
    ['::ffff:10.0.0.0/104', '::ffff:10.0.0.0/104', IpFamily.IPV6, '::ffff:10.0.0.0', '16777216'],
    ['::FFFF:0A00:0/104', '::ffff:10.0.0.0/104', IpFamily.IPV6, '::ffff:10.0.0.0', '16777216'],
    ['::ffff:1.2.3.4/128', '::ffff:1.2.3.4/128', IpFamily.IPV6, '::ffff:1.2.3.4', '1'],
    ['::1/128', '::1/128', IpFamily.IPV6, '::1', '1'],
    ['::1.2.3.4/128', '::102:304/128', IpFamily.IPV6, '::102:304', '1'],
    ['64:ff9b::192.0.2.0/120', '64:ff9b::c000:200/120', IpFamily.IPV6, '64:ff9b::c000:200', '256'],
    ['2001:0db8:0000:0000:0001:0000:0000:0000/80', '2001:db8:0:0:1::/80', IpFamily.IPV6, '2001:db8:0:0:1::', '281474976710656'],
    ['2001:db8:0:1:0:0:0:0/64', '2001:db8:0:1::/64', IpFamily.IPV6, '2001:db8:0:1::', '18446744073709551616'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128', IpFamily.IPV6, '2001:db8::1:0:0:1', '1'],
    ['2001:db8:0:1:1:1:1:1/128', '2001:db8:0:1:1:1:1:1/128', IpFamily.IPV6, '2001:db8:0:1:1:1:1:1', '1'],
    ['fd00:0:0:1::/64', 'fd00:0:0:1::/64', IpFamily.IPV6, 'fd00:0:0:1::', '18446744073709551616'],
    ['FE80::/10', 'fe80::/10', IpFamily.IPV6, 'fe80::', '332306998946228968225951765070086144'],
    ['1::/16', '1::/16', IpFamily.IPV6, '1::', '5192296858534827628530496329220096'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', IpFamily.IPV6, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '1'],
    ['1:2:3:4:5:6:7::/128', '1:2:3:4:5:6:7:0/128', IpFamily.IPV6, '1:2:3:4:5:6:7:0', '1'],
  ])('%s → %s', (input, cidr, family, network, count) => {
    // GIVEN / WHEN
    const block = CidrBlock.parse(input);

    // THEN
    expect(block.cidr).toBe(cidr);
    expect(block.toString()).toBe(cidr);
    expect(block.family).toBe(family);
    expect(block.networkAddress).toBe(network);
    expect(block.addressCount).toBe(count);
    expect(block.prefixLength).toBe(Number(cidr.split('/')[1]));
    expect(CidrBlock.isValid(input)).toBe(true);
    expect(CidrBlock.parse(cidr).isEqual(block)).toBe(true);
  });

  test('the first and last addresses span the block', () => {
    // GIVEN
    const block = CidrBlock.parse('10.1.0.0/16');

    // WHEN
    const span = [block._first, block._last];

    // THEN
    expect(span).toEqual([0x0a010000n, 0x0a01ffffn]);
  });
});

describe('CidrBlock.parse refuses', () => {
  test.each([
    // [input, reason (regex), canonical suggestion or undefined]
    ['10.0.0.0/33', /prefix length 33 is out of range 0–32/, undefined],
    ['10.0.0.1/16', /host bits are set/, '10.0.0.0/16'],
    ['10.0.255.255/16', /host bits are set/, '10.0.0.0/16'],
    ['2001:db8::1/64', /host bits are set/, '2001:db8::/64'],
    ['2001:DB8:0:0:0:0:0:1/32', /host bits are set/, '2001:db8::/32'],
    ['300.1.1.1/8', /octet 300 is out of range 0–255/, undefined],
    ['010.0.0.0/8', /octet "010" has a leading zero/, undefined],
    ['10.0.0.00/8', /octet "00" has a leading zero/, undefined],
    ['fd00::/129', /prefix length 129 is out of range 0–128/, undefined],
    ['', /the value is empty/, undefined],
    [' ', /whitespace/, undefined],
    [' 10.0.0.0/16', /whitespace/, '10.0.0.0/16'],
    ['10.0.0.0/16\n', /whitespace/, '10.0.0.0/16'],
    ['10.0.0.0 /16', /whitespace/, undefined],
    ['\t10.0.0.1/16 ', /whitespace/, '10.0.0.0/16'],
    ['10.0.0.0', /prefix length is missing/, undefined],
    ['2001:db8::', /prefix length is missing/, undefined],
    ['10.0.0.0/', /prefix length after "\/" is empty/, undefined],
    ['10.0.0.0/-1', /prefix length "-1" is not a decimal number/, undefined],
    ['10.0.0.0/08', /prefix length "08" has a leading zero/, '10.0.0.0/8'],
    ['10.0.0.0/16/16', /more than one "\/"/, undefined],
    ['10.0.0/8', /has 3 octets; it needs 4/, undefined],
    ['10.0.0.0.0/8', /has 5 octets; it needs 4/, undefined],
    ['10..0.0/8', /empty octet/, undefined],
    ['10.0.0.x/8', /octet "x" is not a decimal number/, undefined],
    ['foo/8', /neither an IPv4 nor an IPv6 address/, undefined],
    ['1::2::3/64', /"::" may appear only once/, undefined],
    [':::/0', /"::" may appear only once/, undefined],
    ['1:2:3:4:5:6:7/64', /has 7 groups and no "::"; it needs 8/, undefined],
    ['1:2:3:4:5:6:7:8:9/64', /has 9 groups/, undefined],
    ['1:2:3:4::5:6:7:8/64', /"::", which must stand for at least one zero group/, undefined],
    ['12345::/16', /group "12345" has more than 4 hex digits/, undefined],
    ['1::12345/128', /group "12345" has more than 4 hex digits/, undefined],
    ['1::2:/128', /empty group/, undefined],
    ['2001:db8:g::/48', /characters other than hex digits/, undefined],
    [':1:2:3:4:5:6:7/64', /empty group/, undefined],
    ['1:2:3:4:5:6:7:/64', /empty group/, undefined],
    ['fe80::1%eth0/128', /zone index/, undefined],
    ['1.2.3.4::/96', /embedded IPv4 address must be the last part/, undefined],
    ['::ffff:1.2.3/104', /has 3 octets; it needs 4/, undefined],
    ['::ffff:256.0.0.0/104', /octet 256 is out of range/, undefined],
    ['${Token[TOKEN.12]}', /unresolved token/, undefined],
  ])('%j: %s', (input, reason, canonical) => {
    // GIVEN / WHEN
    const error = parseError(input);
    const result = tryParseCidr(input);

    // THEN
    expect(error.ruleId).toBe(Rules.CIDR_INVALID.id);
    expect(error.message.startsWith(`CidrBlock: block ${JSON.stringify(input)}; `)).toBe(true);
    expect(error.message).toMatch(reason);
    expect(error.message.endsWith(RULE_TAG)).toBe(true);
    if (canonical !== undefined) {
      expect(error.message).toContain(`Use ${canonical}.`);
    } else {
      expect(error.message).toContain(Rules.CIDR_INVALID.fix);
    }
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.canonical).toBe(canonical);
    }
    expect(CidrBlock.isValid(input)).toBe(false);
  });

  test('the host-bits message names the value, the rule and the canonical block', () => {
    // GIVEN / WHEN
    const error = parseError('10.0.0.1/16');

    // THEN
    expect(error.message).toBe(`CidrBlock: block "10.0.0.1/16"; host bits are set. Use 10.0.0.0/16. ${RULE_TAG}`);
  });
});

describe('relations between blocks', () => {
  test.each([
    // [a, b, a contains b, a overlaps b, a isEqual b]
    ['10.0.0.0/8', '10.1.0.0/16', true, true, false],
    ['10.1.0.0/16', '10.0.0.0/8', false, true, false],
    ['10.0.0.0/16', '10.1.0.0/16', false, false, false],
    ['10.0.0.0/16', '10.0.0.0/16', true, true, true],
    ['10.0.0.0/16', '10.0.0.0/17', true, true, false],
    ['10.0.128.0/17', '10.0.0.0/17', false, false, false],
    ['0.0.0.0/0', '255.255.255.255/32', true, true, false],
    ['2001:db8::/32', '2001:db8:1::/48', true, true, false],
    ['2001:db8::/48', '2001:db8:1::/48', false, false, false],
    ['::/0', '0.0.0.0/0', false, false, false],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8', false, false, false],
    ['0.0.0.0/0', '::/0', false, false, false],
  ])('%s vs %s', (a, b, contains, overlaps, equals) => {
    // GIVEN
    const x = CidrBlock.parse(a);
    const y = CidrBlock.parse(b);

    // WHEN / THEN
    expect(x.contains(y)).toBe(contains);
    expect(x.overlaps(y)).toBe(overlaps);
    expect(y.overlaps(x)).toBe(overlaps);
    expect(x.isEqual(y)).toBe(equals);
  });
});

describe('tryParseCidr', () => {
  test('returns the block when the text is valid', () => {
    // GIVEN / WHEN
    const result = tryParseCidr('2001:DB8::/32');

    // THEN
    expect(result.ok && result.block.cidr).toBe('2001:db8::/32');
  });

  test('a failure carries `canonical` only when there is a block to suggest', () => {
    // GIVEN / WHEN / THEN: the key is absent, not present and undefined
    expect(tryParseCidr('10.0.0.0/33')).toStrictEqual({ ok: false, reason: 'prefix length 33 is out of range 0–32' });
    expect(tryParseCidr('10.0.0.1/16')).toStrictEqual({ ok: false, reason: 'host bits are set', canonical: '10.0.0.0/16' });
  });

  test('parses a text once: the same result again, until the cache of PARSED_MAX texts is full', () => {
    jest.isolateModules(() => {
      // GIVEN: a fresh module, whose cache is empty
      const fresh = jest.requireActual<typeof import('../../src/net/cidr-parse')>('../../src/net/cidr-parse');
      const first = fresh.tryParseCidr('10.254.0.0/16');

      // WHEN: PARSED_MAX - 1 other texts fill the cache and leave it there; one more starts it again
      for (let i = 1; i < PARSED_MAX; i++) fresh.tryParseCidr(`10.${Math.floor(i / 256)}.${i % 256}.0/24`);
      const kept = fresh.tryParseCidr('10.254.0.0/16');
      fresh.tryParseCidr('172.16.0.0/12');
      const again = fresh.tryParseCidr('10.254.0.0/16');

      // THEN
      expect(kept).toBe(first);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    });
  });

  test('cidrProblem words a failure for another construct', () => {
    // GIVEN
    const result = tryParseCidr('10.0.0.1/16');

    // WHEN
    const details = result.ok ? undefined : cidrProblem('props.cidr', '10.0.0.1/16', result);

    // THEN
    expect(details).toEqual({ prop: 'props.cidr', received: '"10.0.0.1/16"', rule: 'host bits are set', fix: 'Use 10.0.0.0/16.' });
  });

  test('cidrProblem leaves the catalogue fix when there is no canonical block', () => {
    // GIVEN
    const result = tryParseCidr('10.0.0.0/33');

    // WHEN
    const details = result.ok ? undefined : cidrProblem('props.cidr', '10.0.0.0/33', result);

    // THEN
    expect(details).toEqual({ prop: 'props.cidr', received: '"10.0.0.0/33"', rule: 'prefix length 33 is out of range 0–32', fix: undefined });
  });
});

describe('looksLikeToken', () => {
  test.each([
    ['${Token[AWS.Region.12]}', true],
    ['10.0.${Token[TOKEN.7]}/16', true],
    ['#{Token[TOKEN.3]}', true],
    ['10.0.0.0/16', false],
    ['us-east-1', false],
    ['${Region}', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    // GIVEN / WHEN / THEN
    expect(looksLikeToken(text)).toBe(expected);
  });
});
