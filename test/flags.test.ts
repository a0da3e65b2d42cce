import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';

/** The context `cdk init` writes into a new app's cdk.json, kept for the `cdk init flags` test run. */
const CONTEXT_FILE = path.join(__dirname, 'cdk-init-context.json');
const committed: Record<string, unknown> = JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf-8'));

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

describe('the cdk init flags', () => {
  test('test/cdk-init-context.json is the installed aws-cdk-lib\'s recommended-feature-flags.json, keys sorted as cdk init writes them', () => {
    // GIVEN the flags this aws-cdk-lib recommends for new apps
    const recommended: Record<string, unknown> = JSON.parse(fs.readFileSync(packageFile('aws-cdk-lib', 'recommended-feature-flags.json'), 'utf-8'));

    // THEN the committed file holds exactly them (after an upgrade: regenerate the file from it)
    expect(committed).toEqual(recommended);
    const sorted = Object.fromEntries(Object.keys(recommended).sort().map((k) => [k, recommended[k]]));
    expect(fs.readFileSync(CONTEXT_FILE, 'utf-8')).toBe(JSON.stringify(sorted, undefined, 2) + '\n');
  });

  test('the CLI\'s cdk init copies its template of those flags into cdk.json, with the same values', () => {
    // The CLI's init (lib/commands/init/init.js, applyFutureFlags) reads lib/init-templates/.recommended-feature-flags.json.
    const init = fs.readFileSync(packageFile('aws-cdk', 'lib/commands/init/init.js'), 'utf-8');
    expect(init).toMatch(/init-templates['"], ['"]\.recommended-feature-flags\.json['"]/);
    const cliFlags: Record<string, unknown> = JSON.parse(fs.readFileSync(packageFile('aws-cdk', 'lib/init-templates/.recommended-feature-flags.json'), 'utf-8'));
    // A newer CLI may know flags this aws-cdk-lib does not (it ignores them); every flag it knows has the same value.
    const disagreeing = Object.keys(committed).filter((k) => JSON.stringify(cliFlags[k]) !== JSON.stringify(committed[k]));
    expect(disagreeing).toEqual([]);
  });

  test('the setup module of the cdk init flags run makes every new App() see every flag', () => {
    const saved = process.env[cxapi.CONTEXT_ENV];
    try {
      delete process.env[cxapi.CONTEXT_ENV];
      // A bare App sees none of them ...
      const bare = new App();
      expect(Object.keys(committed).filter((k) => bare.node.tryGetContext(k) !== undefined)).toEqual([]);

      // ... and an App created after the setup module sees all of them.
      // Run the module as jest's setupFiles does: for its side effect, once, after the bare App.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => require('./setup-cdk-init-flags'));
      const app = new App();
      const seen = Object.fromEntries(Object.keys(committed).map((k) => [k, app.node.tryGetContext(k)]));
      expect(seen).toEqual(committed);
    } finally {
      if (saved === undefined) delete process.env[cxapi.CONTEXT_ENV];
      else process.env[cxapi.CONTEXT_ENV] = saved;
    }
  });
});
