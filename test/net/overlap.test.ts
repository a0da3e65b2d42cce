import fc from 'fast-check';
import { anyBlock, ipv4Block, ipv6Block, RefBlock, refCidr, refRange, compareParts } from './ip-reference';
import { runs } from './runs';
import { CidrBlock } from '../../src/net';
import { DIRECT_PAIRS_MAX, findOverlaps, overlapsAny, RADIX_THRESHOLD, sweepOrder, SweepSort, usesRadix } from '../../src/net/overlap';

// At least 10,000 random cases per property and per family.
const RUNS = runs(10_000);
// Inputs of hundreds of blocks, for the radix-sort path: few runs, and no shrinking on failure
// (shrinking a 400-block counterexample through an O(n²) reference takes minutes).
const LARGE = { numRuns: runs(40), endOnFailure: true };

jest.setTimeout(120_000);

interface Item {
  readonly id: number;
  readonly block: CidrBlock;
}

/** Pairs (i, j) with i < j whose reference ranges overlap, by brute force, in (i, j) order. */
function bruteForcePairs(refs: readonly RefBlock[]): Array<[number, number]> {
  const ranges = refs.map(refRange);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      if (refs[i].v6 === refs[j].v6
        && compareParts(ranges[i][0], ranges[j][1]) <= 0 && compareParts(ranges[j][0], ranges[i][1]) <= 0) {
        out.push([i, j]);
      }
    }
  }
  return out;
}

/** Pairs (i, j), i from `a` and j from `b`, whose reference ranges overlap, by brute force, in (i, j) order. */
function bruteForceCross(a: readonly RefBlock[], b: readonly RefBlock[]): Array<[number, number]> {
  const ra = a.map(refRange);
  const rb = b.map(refRange);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (a[i].v6 === b[j].v6 && compareParts(ra[i][0], rb[j][1]) <= 0 && compareParts(rb[j][0], ra[i][1]) <= 0) {
        out.push([i, j]);
      }
    }
  }
  return out;
}

/** Blocks, with some drawn again so that equal blocks (duplicates) are frequent. */
function withDuplicates(block: fc.Arbitrary<RefBlock>, maxLength: number): fc.Arbitrary<RefBlock[]> {
  return fc.tuple(fc.array(block, { maxLength }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }))
    .map(([blocks, copies]) => {
      const out = [...blocks];
      for (const [from, to] of copies) {
        if (blocks.length > 0) out.splice(to % (out.length + 1), 0, blocks[from % blocks.length]);
      }
      return out;
    });
}

function checkFindOverlaps(refs: readonly RefBlock[], sort: SweepSort = 'auto'): void {
  // GIVEN items carrying parsed blocks
  const items: Item[] = refs.map((r, id) => ({ id, block: CidrBlock.parse(refCidr(r)) }));

  // WHEN
  const pairs = findOverlaps(items, (item) => item.block, sort);

  // THEN the same pairs, in the same order, as the O(n²) double loop
  expect(pairs.map(([x, y]) => [x.id, y.id])).toEqual(bruteForcePairs(refs));
}

function checkOverlapsAny(a: readonly RefBlock[], b: readonly RefBlock[], sort: SweepSort = 'auto'): void {
  // GIVEN
  const blocksA = a.map((r) => CidrBlock.parse(refCidr(r)));
  const blocksB = b.map((r) => CidrBlock.parse(refCidr(r)));

  // WHEN
  const pairs = overlapsAny(blocksA, blocksB, sort);

  // THEN
  expect(pairs.map(([x, y]) => [blocksA.indexOf(x), blocksB.indexOf(y)])).toEqual(bruteForceCross(a, b));
}

describe('findOverlaps', () => {
  test('reports every overlapping pair once, duplicates pairwise, families apart, in input order', () => {
    // GIVEN
    const cidrs = ['10.0.0.0/16', '2001:db8::/32', '10.0.1.0/24', '192.168.0.0/16', '10.0.0.0/16', '::/0', '10.0.0.0/16', '0.0.0.0/0'];
    const items = cidrs.map((c) => ({ name: c, block: CidrBlock.parse(c) }));

    // WHEN
    const pairs = findOverlaps(items, (i) => i.block).map(([a, b]) => [items.indexOf(a), items.indexOf(b)]);

    // THEN
    expect(pairs).toEqual([
      [0, 2], [0, 4], [0, 6], [0, 7],
      [1, 5],
      [2, 4], [2, 6], [2, 7],
      [3, 7],
      [4, 6], [4, 7],
      [6, 7],
    ]);
  });

  test('finds nothing in disjoint blocks or an empty list', () => {
    // GIVEN
    const blocks = ['10.0.0.0/17', '10.0.128.0/17', '2001:db8::/33', '2001:db8:8000::/33'].map((c) => CidrBlock.parse(c));

    // WHEN / THEN
    expect(findOverlaps(blocks, (b) => b)).toEqual([]);
    expect(findOverlaps([], (b: CidrBlock) => b)).toEqual([]);
  });

  test('IPv6 blocks whose high bits differ: short prefixes contain, /48s side by side do not', () => {
    // GIVEN: prefixes of 41 bits or less reach into the highest 42 bits of the address
    const cidrs = ['2000::/3', '2001:db8::/48', '2001:db9::/48', '3fff::/16', '4000::/2'];
    const blocks = cidrs.map((c) => CidrBlock.parse(c));

    for (const sort of ['comparison', 'radix'] as const) {
      // WHEN
      const pairs = findOverlaps(blocks, (b) => b, sort).map(([a, b]) => `${a} ~ ${b}`);

      // THEN
      expect(pairs).toEqual(['2000::/3 ~ 2001:db8::/48', '2000::/3 ~ 2001:db9::/48', '2000::/3 ~ 3fff::/16']);
    }
  });

  test('the radix sort orders IPv6 blocks by their highest bits too', () => {
    // GIVEN: first addresses that differ only above bit 97, in reverse order
    const blocks = ['f000::/4', 'c000::/4', '8000::/4', '4000::/4', '1000::/4', '::/4'].map((c) => CidrBlock.parse(c));

    // WHEN
    const order = Array.from(sweepOrder(blocks, 'radix'));

    // THEN
    expect(order).toEqual([5, 4, 3, 2, 1, 0]);
    expect(Array.from(sweepOrder(blocks, 'comparison'))).toEqual(order);
  });

  test('IPv4: matches the O(n²) double loop on clustered blocks', () => {
    fc.assert(fc.property(withDuplicates(ipv4Block, 30), (refs) => checkFindOverlaps(refs)), { numRuns: RUNS });
  });

  test('IPv6: matches the O(n²) double loop on clustered blocks', () => {
    fc.assert(fc.property(withDuplicates(ipv6Block, 30), (refs) => checkFindOverlaps(refs)), { numRuns: RUNS });
  });

  test('both families mixed: matches the O(n²) double loop', () => {
    fc.assert(fc.property(withDuplicates(anyBlock, 30), (refs) => checkFindOverlaps(refs)), { numRuns: runs(2_000) });
  });

  test('the radix sort (large inputs) gives the same pairs as the double loop', () => {
    fc.assert(fc.property(fc.array(anyBlock, { minLength: 256, maxLength: 400 }), (refs) => checkFindOverlaps(refs)), LARGE);
  });

  test('both sort strategies agree, whatever the size', () => {
    fc.assert(fc.property(withDuplicates(anyBlock, 60), (refs) => {
      // GIVEN
      const blocks = refs.map((r) => CidrBlock.parse(refCidr(r)));

      // WHEN
      const byComparison = sweepOrder(blocks, 'comparison');
      const byRadix = sweepOrder(blocks, 'radix');

      // THEN
      expect(Array.from(byRadix)).toEqual(Array.from(byComparison));
      checkFindOverlaps(refs, 'radix');
    }), { numRuns: runs(2_000) });
  });
});

describe('overlapsAny', () => {
  test('pairs each block of the first list with the blocks of the second it overlaps', () => {
    // GIVEN
    const a = ['10.0.0.0/8', '::/0', '10.1.0.0/16'].map((c) => CidrBlock.parse(c));
    const b = ['10.1.2.0/24', '2001:db8::/32', '192.168.0.0/16', '10.0.0.0/8'].map((c) => CidrBlock.parse(c));

    // WHEN
    const pairs = overlapsAny(a, b).map(([x, y]) => `${x} ~ ${y}`);

    // THEN
    expect(pairs).toEqual([
      '10.0.0.0/8 ~ 10.1.2.0/24',
      '10.0.0.0/8 ~ 10.0.0.0/8',
      '::/0 ~ 2001:db8::/32',
      '10.1.0.0/16 ~ 10.1.2.0/24',
      '10.1.0.0/16 ~ 10.0.0.0/8',
    ]);
  });

  test('IPv4: matches the double loop', () => {
    fc.assert(fc.property(withDuplicates(ipv4Block, 15), withDuplicates(ipv4Block, 15), (a, b) => checkOverlapsAny(a, b)), { numRuns: RUNS });
  });

  test('IPv6: matches the double loop', () => {
    fc.assert(fc.property(withDuplicates(ipv6Block, 15), withDuplicates(ipv6Block, 15), (a, b) => checkOverlapsAny(a, b)), { numRuns: RUNS });
  });

  test('small lists through the sweep (no direct comparison): matches the double loop', () => {
    fc.assert(fc.property(withDuplicates(anyBlock, 8), withDuplicates(anyBlock, 8), (a, b) => checkOverlapsAny(a, b, 'comparison')), { numRuns: RUNS });
  });

  test(`auto compares up to ${DIRECT_PAIRS_MAX} pairs directly and sweeps above: both match the double loop at the threshold`, () => {
    // GIVEN: 8 x 8 pairs (direct) and 8 x 9 (sweep) of mixed blocks
    fc.assert(fc.property(fc.array(anyBlock, { minLength: 8, maxLength: 8 }), fc.array(anyBlock, { minLength: 8, maxLength: 9 }),
      (a, b) => checkOverlapsAny(a, b)), { numRuns: RUNS });
    expect(DIRECT_PAIRS_MAX).toBe(64);
  });

  test('large mixed lists (radix sort): matches the double loop', () => {
    fc.assert(fc.property(fc.array(anyBlock, { minLength: 128, maxLength: 250 }), fc.array(anyBlock, { minLength: 128, maxLength: 250 }),
      (a, b) => checkOverlapsAny(a, b, 'radix')), LARGE);
  });
});

describe('usesRadix', () => {
  test('auto takes the radix sort from RADIX_THRESHOLD blocks up; the others are fixed', () => {
    // GIVEN / WHEN / THEN
    expect(RADIX_THRESHOLD).toBe(256);
    expect(usesRadix(RADIX_THRESHOLD - 1, 'auto')).toBe(false);
    expect(usesRadix(RADIX_THRESHOLD, 'auto')).toBe(true);
    expect(usesRadix(1, 'radix')).toBe(true);
    expect(usesRadix(10 * RADIX_THRESHOLD, 'comparison')).toBe(false);
  });

  test('an unknown strategy is refused, so a default can never fall back silently', () => {
    // GIVEN
    const blocks = [CidrBlock.parse('10.0.0.0/8')];

    // WHEN / THEN
    expect(() => usesRadix(1, '' as SweepSort)).toThrow(/sweep sort "" is not 'auto', 'comparison' or 'radix'/);
    expect(() => sweepOrder(blocks, 'quick' as SweepSort)).toThrow(/sweep sort "quick"/);
    // the defaults are 'auto'
    expect(Array.from(sweepOrder(blocks))).toEqual([0]);
    expect(findOverlaps(blocks, (b) => b)).toEqual([]);
    expect(overlapsAny(blocks, blocks)).toEqual([[blocks[0], blocks[0]]]);
  });
});
