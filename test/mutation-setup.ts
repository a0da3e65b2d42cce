/**
 * Jest setup for mutation runs only (stryker.jest.config.js): the property tests' 10,000 runs
 * each would make a run over a few hundred mutants take hours. A mutant that breaks a property
 * breaks it for most inputs, so a hundred runs per property find it; `runs()` in
 * test/net/runs.ts reads this cap, and each property stops after three seconds at most
 * (`MUTATION_NUM_RUNS` and `MUTATION_TIME_LIMIT_MS` change them).
 */
import * as fc from 'fast-check';

fc.configureGlobal({
  numRuns: positiveFromEnv('MUTATION_NUM_RUNS', 100),
  interruptAfterTimeLimit: positiveFromEnv('MUTATION_TIME_LIMIT_MS', 3_000),
});

function positiveFromEnv(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}
