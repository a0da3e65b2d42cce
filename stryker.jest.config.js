// Jest configuration for mutation runs only (`npm run mutation`, stryker.config.json).
//
// The repository's Jest configuration (package.json) has two projects; a mutation run needs one:
// these are the "no flags" project's settings, restricted to the unit tests of the mutated layers,
// plus a setup file that caps fast-check's runs (test/mutation-setup.ts).
//
// MUTATION_TESTS picks the tests: `net` (test/net), `core` (test/core), test files by path
// (space-separated, e.g. `test/core/az-ids.test.ts`) or, by default, both layers.
// Run each layer against its own tests (docs/mutation.md): test/core synthesizes CDK apps, so a
// src/net mutant covered by it would cost a synth per mutant for little gain. Construct tests
// (test/peering, test/privatelink, ...) exercise src/core too; the scores count only what the
// layer's own tests kill.
const scopes = {
  net: ['<rootDir>/test/net/**/*.test.ts'],
  core: ['<rootDir>/test/core/**/*.test.ts'],
};
const scope = process.env.MUTATION_TESTS;

function testMatch() {
  if (scope === undefined || scope === '') return [...scopes.net, ...scopes.core];
  if (scope in scopes) return scopes[scope];
  const paths = scope.split(/\s+/).filter((p) => p !== '');
  for (const p of paths) {
    if (!/^test\/(net|core)\/[\w./-]+\.test\.ts$/.test(p)) {
      throw new Error(`MUTATION_TESTS: ${p} is not a test file of test/net or test/core; use net, core or test paths`);
    }
  }
  return paths.map((p) => `<rootDir>/${p}`);
}

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: testMatch(),
  testPathIgnorePatterns: ['/node_modules/'],
  clearMocks: true,
  transform: {
    '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
  },
  setupFiles: ['<rootDir>/test/mutation-setup.ts'],
  testEnvironment: 'node',
};
