import { awscdk, javascript } from 'projen';

const CLI_ENV = {
  CDK_DISABLE_CLI_TELEMETRY: '1',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
};

/** One jest project: the options jest does not inherit from the top level into `projects`. */
function jestProject(displayName: string, options: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName,
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/'],
    // Stryker's sandboxes hold a copy of the repository: jest must not see their modules twice.
    modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
    clearMocks: true,
    transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
    ...options,
  };
}

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-private-connectivity',
  description:
    'AWS CDK constructs for private connectivity between networks: VPC peering with routes on both sides, PrivateLink services and endpoints, gateway and interface endpoint sets, all validated at synth time.',
  author: 'cdk-private-connectivity maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  repositoryUrl: 'https://github.com/cdk-private-connectivity/cdk-private-connectivity.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: '2.276.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  keywords: [
    'cdk',
    'awscdk',
    'aws-cdk',
    'vpc-peering',
    'privatelink',
    'vpc-endpoint',
    'vpc',
    'networking',
  ],

  // Construct Hub builds these bindings; CI here packages js only (no PyPI access).
  publishToPypi: {
    distName: 'cdk-private-connectivity',
    module: 'cdk_private_connectivity',
  },

  // No hosted CI here: `.ci/run` is the pipeline.
  github: false,
  release: false,

  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    compilerOptions: {},
    include: ['.projenrc.ts'],
  },

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc'],
    tsconfigPath: './tsconfig.dev.json',
    // One tsconfig for every linted file: the project service would pick the root tsconfig.json
    // (src only) for tests and examples.
    projectService: false,
  },
  // ts-jest transpiles test files one by one (isolatedModules): type-check them once, up front.
  typecheckTests: true,

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // The suite runs twice: as a bare `new App()` sees it, and with the feature flags `cdk init`
      // writes into a new app's cdk.json (test/cdk-init-context.json), which is what users have.
      // Pure-value tests (test/net: no CDK) and the docs check cannot differ, so they run once.
      projects: [
        jestProject('no flags'),
        jestProject('cdk init flags', {
          setupFiles: ['<rootDir>/test/setup-cdk-init-flags.ts'],
          // Run once: pure math (test/net, test/bench), the docs check, and the suites that synthesize their apps
          // under both contexts themselves (the emulator deploy tier and the cfn-lint / cfn-guard judges).
          testPathIgnorePatterns: [
            '/node_modules/',
            '<rootDir>/test/net/',
            '<rootDir>/test/bench/',
            '<rootDir>/test/docs/',
            '<rootDir>/test/deploy/',
            '<rootDir>/test/quality/cfn-lint.test.ts',
            '<rootDir>/test/quality/cfn-guard.test.ts',
          ],
        }),
      ],
    },
  },

  devDeps: [
    'aws-cdk@^2',
    'fast-check@^4',
    'cdk-nag@^3',
    '@cdklabs/cdk-validator-cfnguard',
    // The emulator deploy tier runs custom-resource handlers in node against moto_server.
    '@aws-sdk/client-ec2@^3',
    '@aws-sdk/client-sts@^3',
    '@aws-sdk/client-elastic-load-balancing-v2@^3',
    '@aws-sdk/client-iam@^3',
    '@aws-sdk/client-route-53@^3',
    '@aws-sdk/client-ram@^3',
    // Mutation testing (`npm run mutation`, outside CI): StrykerJS 9 is the last line that runs on node 20.
    '@stryker-mutator/core@^9',
    '@stryker-mutator/jest-runner@^9',
    '@aws-sdk/credential-providers@^3',
  ],
  gitignore: ['cdk.out', 'examples/cdk.out', '.bench-out', 'dist/python-bindings', 'reports/', '.stryker-tmp/'],

  // `npx cdk-private-connectivity report [cdk.out]`: the connectivity report of a synthesized app.
  bin: { 'cdk-private-connectivity': 'lib/analysis/cli.js' },
});

// Runtime environment shared by every task: silence jsii's node-20 banner and the CDK CLI's telemetry.
for (const [k, v] of Object.entries(CLI_ENV)) {
  project.tasks.addEnvironment(k, v);
}

// Package js, and prove the Python bindings generate (offline: code only, no wheel, no PyPI).
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);
project.packageTask.exec('jsii-pacmak --code-only --target python --outdir dist/python-bindings');

// The example app, synthesized by the real CDK CLI, then summarized.
const example = project.addTask('example', {
  description: 'Synthesize the example app in examples/ with the CDK CLI and print a summary',
  cwd: 'examples',
});
example.exec('rm -rf cdk.out');
example.exec('cdk synth --no-notices --quiet --output cdk.out');
example.exec('ts-node --project ../tsconfig.dev.json summary.ts cdk.out');
example.exec('ts-node --project ../tsconfig.dev.json ../src/analysis/cli.ts report cdk.out');

// The README's diagram, drawn by the report command from the example app. A test
// (test/analysis/example-diagram.test.ts, part of the build's test step) fails when it is stale.
const diagram = project.addTask('docs:diagram', {
  description: "Regenerate docs/example-topology.svg (the README's diagram) from the example app",
  cwd: 'examples',
});
diagram.exec('rm -rf cdk.out');
diagram.exec('cdk synth --no-notices --quiet --output cdk.out');
diagram.exec('ts-node --project ../tsconfig.dev.json ../src/analysis/cli.ts report cdk.out --svg ../docs/example-topology.svg');

project.addTask('docs:validations', {
  description: 'Regenerate docs/validations.md from the rule catalogue and the tests',
  exec: 'ts-node --project tsconfig.dev.json scripts/validations.ts',
});

// Mutation testing over src/net and src/core (not part of CI: hours on two cores). Config: stryker.config.json.
project.addTask('mutation', {
  description: 'StrykerJS mutation run over src/net and src/core (slow; not part of the test run)',
  exec: 'stryker run',
});

project.addTask('bench', {
  description: 'Benchmarks (not part of the test run): overlap search, graph validation, synth vs hand-written L1',
  // --expose-gc: the synth benchmark collects garbage before reading the heap an app holds.
  exec: 'node --expose-gc -r ts-node/register bench/run.ts',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: '1' },
});

project.addPackageIgnore('/examples/');
project.addPackageIgnore('/bench/');
// docs/ ships: the README links docs/validations.md and shows docs/example-topology.svg (test/docs/package-links.test.ts).
project.addPackageIgnore('/docs/mutation.md');
project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/scripts/');
project.addPackageIgnore('/stryker.config.json');
project.addPackageIgnore('/stryker.jest.config.js');
project.addPackageIgnore('/reports/');
project.addPackageIgnore('/requirements-dev.txt');
project.addPackageIgnore('/cdk.context.json');

project.synth();
