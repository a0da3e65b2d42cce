import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { addExampleEstate } from '../../examples/estate';

/**
 * The apps the independent judges (cfn-lint, cfn-guard) read: the example app and every
 * `test/*.integ.ts` snapshot app, each under no feature flags and under the flags `cdk init`
 * writes into a new app's cdk.json.
 */

const REPO = path.join(__dirname, '..', '..');

/** A set of feature flags an app is synthesized under. */
export interface FlagVariant {
  /** How tests name the variant. */
  readonly name: string;
  /** Context the app gets on top of its own (the app's own keys win, as in a cdk.json that holds both). */
  readonly flags: Record<string, unknown>;
}

/**
 * The flags `cdk init` writes: test/cdk-init-context.json when present (the flags, or a cdk.json-like
 * `{ "context": ... }`), else aws-cdk-lib's own list.
 */
export function cdkInitFlags(): Record<string, unknown> {
  const local = path.join(REPO, 'test', 'cdk-init-context.json');
  const file = fs.existsSync(local) ? local : require.resolve('aws-cdk-lib/recommended-feature-flags.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return typeof json.context === 'object' && json.context !== null ? json.context : json;
}

/** No flags, and the flags of a new `cdk init` app. */
export const FLAG_VARIANTS: FlagVariant[] = [
  { name: 'no feature flags', flags: {} },
  { name: 'cdk init feature flags', flags: cdkInitFlags() },
];

/** A callback that registers validation plugins and acknowledgements on an app before it synthesizes. */
export type ConfigureApp = (app: App) => void;

/** One app the judges read. */
export interface JudgedApp {
  /** How tests name the app. */
  readonly name: string;
  /** Synthesize the app into `outdir` under `variant`, after `configure` has seen the app. */
  synth(outdir: string, variant: FlagVariant, configure: ConfigureApp): void;
}

/** Context every judged app gets: no stack traces (so reports hold no machine paths), and reports not thrown. */
export const JUDGE_CONTEXT: Record<string, unknown> = {
  'aws:cdk:disable-stack-trace': true,
  'aws:cdk:disable-creation-stack-traces': true,
  // Findings are read from the cloud assembly's validation report instead of a thrown message.
  '@aws-cdk/core:failSynthOnValidationErrors': false,
};

/** Set `flags` on `app` where the app has no value of its own. */
function applyFlags(app: App, flags: Record<string, unknown>): void {
  for (const [key, value] of Object.entries({ ...flags, ...JUDGE_CONTEXT })) {
    if (app.node.tryGetContext(key) === undefined) app.node.setContext(key, value);
  }
}

/**
 * Run `fn` with `vars` in the environment. Every judged synth runs without aws-cdk-lib's built-in
 * CloudFormation validator (CDK_VALIDATION=false): it leaves templates as they are, is judged in
 * validators.test.ts, and would double the synth time here.
 */
function withEnv(vars: Record<string, string>, fn: () => void): void {
  const all: Record<string, string> = { CDK_VALIDATION: 'false', ...vars };
  const previous = Object.fromEntries(Object.keys(all).map((k) => [k, process.env[k]]));
  Object.assign(process.env, all);
  try {
    fn();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The example app (examples/app.ts without its cdk-nag plugin), with examples/cdk.json and cdk.context.json. */
const exampleApp: JudgedApp = {
  name: 'examples/app.ts',
  synth(outdir, variant, configure) {
    const examples = path.join(REPO, 'examples');
    const cdkJson = JSON.parse(fs.readFileSync(path.join(examples, 'cdk.json'), 'utf8'));
    const cached = JSON.parse(fs.readFileSync(path.join(examples, 'cdk.context.json'), 'utf8'));
    const app = new App({ outdir, context: { ...cached, ...cdkJson.context, ...JUDGE_CONTEXT } });
    applyFlags(app, variant.flags);
    configure(app);
    addExampleEstate(app);
    withEnv({}, () => app.synth());
  },
};

/**
 * A `test/*.integ.ts` app, loaded in a fresh module registry with `integApp()` wrapped so the
 * judges can configure the app it returns; the script's own `app.synth()` writes to CDK_OUTDIR.
 * It gets the repository's cdk.context.json, as `cdk synth` run from the root would give it.
 */
function integApp(file: string): JudgedApp {
  return {
    name: `test/${file}`,
    synth(outdir, variant, configure) {
      withEnv({ CDK_OUTDIR: outdir }, () => jest.isolateModules(() => {
        jest.doMock('../integ-app', () => {
          const actual = jest.requireActual('../integ-app');
          return {
            ...actual,
            integApp: () => {
              const app: App = actual.integApp();
              const cached = path.join(REPO, 'cdk.context.json');
              applyFlags(app, { ...fs.existsSync(cached) ? JSON.parse(fs.readFileSync(cached, 'utf8')) : {}, ...variant.flags });
              configure(app);
              return app;
            },
          };
        });
        // Requiring the script runs it: that is how it synthesizes.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(REPO, 'test', file));
      }));
    },
  };
}

/** The example app and every integration snapshot app. */
export const JUDGED_APPS: JudgedApp[] = [
  exampleApp,
  ...fs.readdirSync(path.join(REPO, 'test')).filter((f) => f.endsWith('.integ.ts')).sort().map(integApp),
];

/** An app of the test's own, built by `build` (for probes that show a judge is live). */
export function adHocApp(name: string, build: (app: App) => void): JudgedApp {
  return {
    name,
    synth(outdir, variant, configure) {
      const app = new App({ outdir, context: { ...JUDGE_CONTEXT } });
      applyFlags(app, variant.flags);
      configure(app);
      build(app);
      withEnv({}, () => app.synth());
    },
  };
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A CloudFormation template of a cloud assembly and the region its stack deploys to. */
export interface StackTemplate {
  /** Absolute path of the template file. */
  readonly file: string;
  /** The stack's region (us-east-1 for an environment-agnostic stack, as `cdk deploy` would default). */
  readonly region: string;
}

/** Every stack template of the cloud assembly in `outdir`, with its region (from manifest.json). */
export function stackTemplates(outdir: string): StackTemplate[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const result: StackTemplate[] = [];
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:cloud-assembly') {
      result.push(...stackTemplates(path.join(outdir, artifact.properties.directoryName)));
    } else if (artifact.type === 'aws:cloudformation:stack') {
      const region = /^aws:\/\/[^/]+\/(.+)$/.exec(artifact.environment)?.[1];
      result.push({
        file: path.join(outdir, artifact.properties.templateFile),
        region: region === undefined || region === 'unknown-region' ? 'us-east-1' : region,
      });
    }
  }
  return result;
}
