// Synthesizing the project's apps into temporary cloud assemblies, as `cdk synth` would.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './harness';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The feature flags `cdk init` writes into a new app's cdk.json. */
export function initContext(): Record<string, unknown> {
  const own = path.join(ROOT, 'test', 'cdk-init-context.json');
  const file = fs.existsSync(own) ? own : require.resolve('aws-cdk-lib/recommended-feature-flags.json', { paths: [ROOT] });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** An app to synthesize: its entry file, working directory and context. */
export interface AppSource {
  readonly entry: string;
  readonly cwd?: string;
  readonly context?: Record<string, unknown>;
}

/** The example app with the context of examples/cdk.json and examples/cdk.context.json, as the CLI reads them. */
export function exampleApp(extra: Record<string, unknown> = {}): AppSource {
  const dir = path.join(ROOT, 'examples');
  const cdkJson = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.json'), 'utf8'));
  const cached = path.join(dir, 'cdk.context.json');
  const context = { ...(fs.existsSync(cached) ? JSON.parse(fs.readFileSync(cached, 'utf8')) : {}), ...extra, ...cdkJson.context };
  return { entry: path.join(dir, 'app.ts'), cwd: dir, context };
}

/** A `test/<name>.integ.ts` app. */
export function integApp(name: string, context: Record<string, unknown> = {}): AppSource {
  return { entry: path.join(ROOT, 'test', `${name}.integ.ts`), cwd: ROOT, context };
}

/**
 * Synthesize apps in one child process (ts-node without type check, aws-cdk-lib loaded once), each
 * with CDK_OUTDIR and CDK_CONTEXT_JSON as the CLI sets them; resolves with their assembly dirs.
 */
export function synthAll(apps: AppSource[]): Promise<string[]> {
  const base = tempDir('deploy-tier-');
  const jobs = apps.map((app, i) => ({ entry: app.entry, out: path.join(base, `app${i}`, 'cdk.out'), context: app.context ?? {}, cwd: app.cwd ?? ROOT }));
  const jobFile = path.join(base, 'jobs.json');
  fs.writeFileSync(jobFile, JSON.stringify(jobs));
  const env = {
    ...process.env,
    TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'),
    TS_NODE_TRANSPILE_ONLY: 'true',
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
    CDK_DISABLE_CLI_TELEMETRY: '1',
  };
  const runner = path.join(__dirname, 'synth-runner.ts');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', 'ts-node/register', runner, jobFile], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`synth failed: ${stderr || err.message}`));
      else resolve(jobs.map((j) => j.out));
    });
  });
}
