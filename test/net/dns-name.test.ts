import { ConnectivityError } from '../../src/core/errors';
import { Rules } from '../../src/core/rules';
import { dnsNameProblem, MAX_DNS_LABEL_LENGTH, MAX_DNS_NAME_LENGTH, validateDnsName } from '../../src/net/dns-name';

const label63 = 'a'.repeat(MAX_DNS_LABEL_LENGTH);
// 4 labels of 63 + 3 dots = 255 characters; trim to exactly 253.
const name253 = `${label63}.${label63}.${label63}.${'b'.repeat(61)}`;

describe('dnsNameProblem', () => {
  test.each([
    'orders.example.com',
    'orders.example.com.',
    'Orders.Example.COM',
    '1password.example.com',
    'a-b.example.com',
    `${label63}.example.com`,
    name253,
    '${Token[TOKEN.12]}',
  ])('%s is a valid DNS name', (name) => {
    // GIVEN / WHEN / THEN
    expect(dnsNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['', /is empty/],
    ['.', /is empty/],
    ['example', /single label/],
    ['orders..example.com', /empty label .* at label 2/],
    ['.example.com', /empty label/],
    [`${label63}a.example.com`, /a label of 64 characters/],
    [`${name253}b`, new RegExp(`is 254 characters long, more than ${MAX_DNS_NAME_LENGTH}`)],
    ['bad_name.example.com', /the label "bad_name"/],
    ['-orders.example.com', /the label "-orders"/],
    ['orders-.example.com', /the label "orders-"/],
    ['orders example.com', /the label "orders example"/],
    ['*.example.com', /the label "\*"/],
    ['a.*.example.com', /the label "\*"/],
  ])('%j: %s', (name, problem) => {
    // GIVEN / WHEN / THEN
    expect(dnsNameProblem(name)).toMatch(problem);
  });

  test('a leading wildcard label only where allowed', () => {
    // GIVEN / WHEN / THEN
    expect(dnsNameProblem('*.example.com', { allowWildcard: true })).toBeUndefined();
    expect(dnsNameProblem('a.*.example.com', { allowWildcard: true })).toMatch(/the label "\*"/);
    // only a `*` is let through: any other first label is checked as usual
    expect(dnsNameProblem('bad_name.example.com', { allowWildcard: true })).toMatch(/the label "bad_name"/);
  });

  test('a long label is quoted by its first 20 characters', () => {
    // GIVEN
    const label = `${'a'.repeat(20)}${'b'.repeat(44)}`;

    // WHEN / THEN
    expect(dnsNameProblem(`${label}.example.com`)).toBe(`has a label of 64 characters ("${'a'.repeat(20)}"...), more than ${MAX_DNS_LABEL_LENGTH}`);
  });
});

describe('validateDnsName', () => {
  test('dns-name-invalid: refuses a name with a 64-character label, naming the value and the rule', () => {
    // GIVEN
    let error: unknown;

    // WHEN
    try {
      validateDnsName(`${label63}x.example.com`, 'PrivateLinkService \'P/S\'', 'privateDnsName');
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(ConnectivityError);
    expect((error as ConnectivityError).ruleId).toBe(Rules.DNS_NAME_INVALID.id);
    expect((error as ConnectivityError).message).toMatch(
      /^PrivateLinkService 'P\/S': privateDnsName "a+x\.example\.com" has a label of 64 characters .*RFC 1035\). .*\[cdk-private-connectivity:dns-name-invalid\]$/,
    );
  });

  test('passes a valid name and a token', () => {
    // GIVEN / WHEN / THEN
    expect(() => validateDnsName('orders.example.com', 'x', 'privateDnsName')).not.toThrow();
    expect(() => validateDnsName('${Token[TOKEN.7]}', 'x', 'privateDnsName')).not.toThrow();
  });
});
