import * as fc from 'fast-check';
import { binomialHalfCdf, median, medianInterval } from '../../bench/stats';
import { ratioText, summary, verdict } from '../../bench/synth';
import { runs } from '../net/runs';

/** P(X <= k), X ~ Binomial(n, 1/2), by counting the n-bit patterns with at most k ones. */
function bruteCdf(n: number, k: number): number {
  let hits = 0;
  for (let p = 0; p < 2 ** n; p++) {
    const ones = [...p.toString(2)].filter((bit) => bit === '1').length;
    if (ones <= k) hits++;
  }
  return hits / 2 ** n;
}

/**
 * The reference interval: for every k, the chance that the true median lies between the k-th
 * smallest and the k-th largest measurement is the chance that at least k and at most n - k of
 * them fall below it; the largest k whose chance reaches the confidence.
 */
function bruteInterval(xs: number[], confidence: number) {
  const n = xs.length;
  let best: { k: number; coverage: number } | undefined;
  for (let k = 1; k <= n - k + 1; k++) {
    const coverage = bruteCdf(n, n - k) - bruteCdf(n, k - 1);
    if (coverage >= confidence) best = { k, coverage };
  }
  if (best === undefined) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return { low: s[best.k - 1], high: s[n - best.k], coverage: best.coverage };
}

describe('bench statistics', () => {
  test('binomialHalfCdf matches counting bit patterns', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 14 }), fc.integer({ min: -1, max: 16 }), (n, k) => {
      expect(binomialHalfCdf(n, k)).toBeCloseTo(bruteCdf(n, k), 12);
    }), { numRuns: runs(300) });
  });

  test('medianInterval matches the brute-force interval and holds the sample median', () => {
    const sample = fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 1, maxLength: 14 });
    fc.assert(fc.property(sample, fc.constantFrom(0.3, 0.5, 0.8, 0.9, 0.95, 0.99), (xs, confidence) => {
      const got = medianInterval(xs, confidence);
      const want = bruteInterval(xs, confidence);
      if (want === undefined) {
        expect(got).toBeUndefined();
        return;
      }
      expect(got).toBeDefined();
      expect(got!.low).toBe(want.low);
      expect(got!.high).toBe(want.high);
      expect(got!.coverage).toBeCloseTo(want.coverage, 12);
      expect(got!.low).toBeLessThanOrEqual(median(xs));
      expect(got!.high).toBeGreaterThanOrEqual(median(xs));
    }), { numRuns: runs(500) });
  });

  test('15 rounds: the 4th smallest to the 4th largest, 96.5% coverage; 5 rounds are too few for 95%', () => {
    const xs = [15, 3, 9, 1, 12, 7, 5, 14, 2, 11, 8, 4, 13, 6, 10];
    const ci = medianInterval(xs)!;
    expect([ci.low, ci.high]).toEqual([4, 12]);
    expect(ci.coverage).toBeCloseTo(1 - 2 * (1 + 15 + 105 + 455) / 2 ** 15, 12);
    expect(medianInterval([1, 2, 3, 4, 5])).toBeUndefined();
    expect(medianInterval([1, 2, 3, 4, 5, 6])).toMatchObject({ low: 1, high: 6 });
  });

  test('a verdict needs the whole interval on one side of the target', () => {
    expect(verdict({ median: 1.02, low: 0.99, high: 1.05 })).toBe('<= 1.05x');
    expect(verdict({ median: 1.07, low: 1.051, high: 1.09 })).toBe('over 1.05x');
    expect(verdict({ median: 1.04, low: 0.98, high: 1.06 })).toBe('not resolved by this run');
    expect(verdict({ median: 1.07, low: 1.05, high: 1.09 })).toBe('not resolved by this run');
    expect(verdict({ median: 1.0 })).toBe('too few rounds to tell');
    expect(ratioText({ median: 1.071, low: 0.984, high: 1.149 })).toBe('1.07x (0.98-1.15)');
    expect(ratioText({ median: 1.0 })).toBe('1.00x');
  });

  test('the summary gives each row a verdict, and prints the calibration row apart without one', () => {
    const r = (mid: number, low: number, high: number) => ({ median: mid, low, high });
    const lines = summary([
      { title: 'calibration', time: r(1.13, 0.97, 1.18), cpu: r(1.1, 0.9, 1.3), heap: r(1.02, 0.94, 1.06), load: undefined, calibration: true },
      { title: 'mesh', time: r(1.04, 0.92, 1.18), cpu: r(1.04, 0.95, 1.3), heap: r(1.01, 0.99, 1.03), load: { others: 0.02, steal: 0.01 } },
      { title: 'endpoints', time: r(1.01, 0.87, 1.04), cpu: r(1, 0.95, 1.09), heap: r(1.07, 1.06, 1.1), load: undefined },
    ]);
    expect(lines.slice(1)).toEqual([
      '  1.04x (0.92-1.18) time  1.04x (0.95-1.30) CPU  1.01x (0.99-1.03) heap  mesh  (machine: 3% used elsewhere)',
      '      time: not resolved by this run; heap: <= 1.05x',
      '  1.01x (0.87-1.04) time  1.00x (0.95-1.09) CPU  1.07x (1.06-1.10) heap  endpoints',
      '      time: <= 1.05x; heap: over 1.05x',
      'noise of this run (calibration; 1.00x is no difference):',
      '  1.13x (0.97-1.18) time  1.10x (0.90-1.30) CPU  1.02x (0.94-1.06) heap  calibration',
    ]);
  });
});
