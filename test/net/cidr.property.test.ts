import { isIP } from 'net';
import fc from 'fast-check';
import {
  hasHostBits, ipv4Block, ipv4Parts, ipv4Prefix, ipv6Block, ipv6Parts, ipv6Prefix, ipv6Spelling, maskParts,
  powerOfTwoDecimal, RefBlock, refAddressText, refBlock, refCidr, refContains, refEquals, refOverlaps,
} from './ip-reference';
import { runs } from './runs';
import { CidrBlock, IpFamily } from '../../src/net';
import { tryParseCidr } from '../../src/net/cidr-parse';

// At least 10,000 random cases per property and per family.
const RUNS = runs(10_000);

jest.setTimeout(120_000);

function parseRef(b: RefBlock): CidrBlock {
  return CidrBlock.parse(refCidr(b));
}

/** Address parts and a prefix, half of the time with the host bits cleared (a valid block), half as drawn. */
function partsAndPrefix(v6: boolean): fc.Arbitrary<[number[], number]> {
  return fc.tuple(v6 ? ipv6Parts : ipv4Parts, v6 ? ipv6Prefix : ipv4Prefix, fc.boolean())
    .map(([parts, prefix, clear]) => [clear ? maskParts(parts, v6, prefix, false) : parts, prefix]);
}

/** Whether Node's own parser (`net.isIP`) and a prefix check find `text` a well-formed address/prefix. */
function nodeAcceptsSyntax(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const length = slash === -1 ? '' : text.slice(slash + 1);
  const family = address.includes('%') ? 0 : isIP(address); // Node accepts zone indexes; a CIDR has none
  return family !== 0 && /^(0|[1-9][0-9]*)$/.test(length) && Number(length) <= (family === 4 ? 32 : 128);
}

describe('IPv4 against a plain-number reference', () => {
  test('parse: accepts exactly the blocks without host bits, in canonical form', () => {
    fc.assert(fc.property(partsAndPrefix(false), ([parts, prefix]) => {
      // GIVEN
      const text = `${parts.join('.')}/${prefix}`;
      const expected = refBlock(false, parts, prefix);

      // WHEN
      const result = tryParseCidr(text);

      // THEN
      if (hasHostBits(false, parts, prefix)) {
        expect(result).toEqual({ ok: false, reason: 'host bits are set', canonical: refCidr(expected) });
      } else {
        expect(result.ok).toBe(true);
        const block = CidrBlock.parse(text);
        expect(block.cidr).toBe(text);
        expect(block.networkAddress).toBe(refAddressText(false, expected.parts));
        expect(block.prefixLength).toBe(prefix);
        expect(block.family).toBe(IpFamily.IPV4);
        expect(block.addressCount).toBe(String(2 ** (32 - prefix)));
      }
    }), { numRuns: RUNS });
  });

  test('contains, overlaps and isEqual agree with numeric ranges', () => {
    fc.assert(fc.property(ipv4Block, ipv4Block, (a, b) => {
      // GIVEN
      const x = parseRef(a);
      const y = parseRef(b);

      // WHEN / THEN
      expect(x.contains(y)).toBe(refContains(a, b));
      expect(x.overlaps(y)).toBe(refOverlaps(a, b));
      expect(x.isEqual(y)).toBe(refEquals(a, b));
    }), { numRuns: RUNS });
  });
});

describe('IPv6 against an eight-group reference', () => {
  test('parse: any spelling gives the RFC 5952 canonical form, or the host-bits refusal', () => {
    const spelled = partsAndPrefix(true).chain(([parts, prefix]) =>
      ipv6Spelling(parts).map((address) => ({ parts, prefix, text: `${address}/${prefix}` })));
    fc.assert(fc.property(spelled, ({ parts, prefix, text }) => {
      // GIVEN
      const expected = refBlock(true, parts, prefix);

      // WHEN
      const result = tryParseCidr(text);

      // THEN
      if (hasHostBits(true, parts, prefix)) {
        expect(result).toEqual({ ok: false, reason: 'host bits are set', canonical: refCidr(expected) });
      } else {
        expect(result.ok).toBe(true);
        const block = CidrBlock.parse(text);
        expect(block.cidr).toBe(refCidr(expected));
        expect(block.networkAddress).toBe(refAddressText(true, expected.parts));
        expect(block.prefixLength).toBe(prefix);
        expect(block.family).toBe(IpFamily.IPV6);
        expect(block.addressCount).toBe(powerOfTwoDecimal(128 - prefix));
        expect(CidrBlock.parse(block.cidr).isEqual(block)).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  test('contains, overlaps and isEqual agree with group-wise ranges', () => {
    fc.assert(fc.property(ipv6Block, ipv6Block, (a, b) => {
      // GIVEN
      const x = parseRef(a);
      const y = parseRef(b);

      // WHEN / THEN
      expect(x.contains(y)).toBe(refContains(a, b));
      expect(x.overlaps(y)).toBe(refOverlaps(a, b));
      expect(x.isEqual(y)).toBe(refEquals(a, b));
    }), { numRuns: RUNS });
  });
});

describe('both families', () => {
  test('blocks of different families never contain, overlap or equal each other', () => {
    fc.assert(fc.property(ipv4Block, ipv6Block, (a, b) => {
      // GIVEN
      const x = parseRef(a);
      const y = parseRef(b);

      // WHEN / THEN
      expect([x.contains(y), y.contains(x), x.overlaps(y), y.overlaps(x), x.isEqual(y)]).toEqual([false, false, false, false, false]);
    }), { numRuns: runs(2_000) });
  });

  test('random text is accepted only where Node\'s own address parser agrees', () => {
    // GIVEN text assembled from fragments of addresses, often almost valid
    const fragment = fc.constantFrom(
      '0', '1', '9', '10', '255', '256', '010', 'a', 'F', 'ffff', '12345', 'g', ':', '::', '.', '/', '/0', '/8', '/32', '/64',
      '/128', '/129', ' ', '%', '1.2.3.4', '::ffff:',
    );
    const text = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => {
      // WHEN
      const result = tryParseCidr(t);

      // THEN the address and prefix syntax is valid exactly when Node's parser says so
      const accepted = result.ok || result.reason === 'host bits are set';
      expect(accepted).toBe(nodeAcceptsSyntax(t));
      expect(CidrBlock.isValid(t)).toBe(result.ok);
    }), { numRuns: RUNS });
  });

  test('one-character edits of valid blocks are accepted only where Node\'s own address parser agrees', () => {
    // GIVEN a valid spelling of a block, with one character deleted, inserted or replaced
    const valid = fc.oneof(
      partsAndPrefix(false).map(([parts, prefix]) => `${parts.join('.')}/${prefix}`),
      partsAndPrefix(true).chain(([parts, prefix]) => ipv6Spelling(parts).map((a) => `${a}/${prefix}`)),
    );
    const edited = fc.tuple(valid, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'0129afAF:./ %g-'))
      .map(([t, at, edit, c]) => {
        const i = at % (t.length + 1);
        if (edit === 'insert') return t.slice(0, i) + c + t.slice(i);
        if (i === t.length) return t;
        return t.slice(0, i) + (edit === 'replace' ? c : '') + t.slice(i + 1);
      });
    fc.assert(fc.property(edited, (t) => {
      // WHEN
      const result = tryParseCidr(t);

      // THEN
      const accepted = result.ok || result.reason === 'host bits are set';
      expect(accepted).toBe(nodeAcceptsSyntax(t));
    }), { numRuns: RUNS });
  });
});
