import * as fc from 'fast-check';

/**
 * The number of runs for a property: `n`, or the global cap when one is configured (mutation runs
 * set one in test/mutation-setup.ts; an explicit `numRuns` would otherwise win over it).
 */
export function runs(n: number): number {
  const cap = fc.readConfigureGlobal().numRuns;
  return cap === undefined ? n : Math.min(n, cap);
}
