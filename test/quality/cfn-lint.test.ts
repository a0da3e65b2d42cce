import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CFN_LINT_ALLOWED_WARNINGS } from './cfn-lint-allow-list';
import { FLAG_VARIANTS, JUDGED_APPS, StackTemplate, stackTemplates, tempDir } from './judged-apps';

/**
 * cfn-lint, AWS's own CloudFormation linter (the machine's Python tool), over every template of the
 * example app and of the integration apps, under no feature flags and under `cdk init`'s flags.
 */

/** One cfn-lint finding (`--format json`). */
interface LintFinding {
  readonly Filename: string;
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Path: Array<string | number> };
}

/** A template cfn-lint must reject (a property AWS::EC2::VPC does not have), to prove the judge is live. */
const PROBE_TEMPLATE = {
  Resources: { Probe: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', NotAVpcProperty: true } } },
};

/** Run cfn-lint over `files`, checked against `region`; resolves with its JSON findings. */
function cfnLint(region: string, files: string[]): Promise<LintFinding[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('cfn-lint', ['--format', 'json', '--regions', region, '--', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    // Exit codes 0, 2 (errors), 4 (warnings), 8 (informational) and their sums are reports, not failures.
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`cfn-lint exited ${code} without a JSON report: ${stderr || stdout}`));
      }
    });
  });
}

/** A finding in a form a failing assertion can show: file (relative to the run), rule, level, resource, message. */
function show(root: string, f: LintFinding): string {
  return `${path.relative(root, f.Filename)} ${f.Rule.Id} ${f.Level} ${f.Location.Path.slice(0, 2).join('/')}: ${f.Message}`;
}

describe('cfn-lint on every template of the example and integration apps', () => {
  const root = tempDir('cfn-lint-');
  const probe = path.join(root, 'probe', 'Probe.template.json');
  let templates: StackTemplate[] = [];
  let findings: LintFinding[] = [];

  beforeAll(async () => {
    // Synthesize every app under every flag variant, then lint all templates at once per region.
    for (const variant of FLAG_VARIANTS) {
      for (const app of JUDGED_APPS) {
        const outdir = path.join(root, variant.name.replace(/\W+/g, '-'), app.name.replace(/\W+/g, '-'));
        app.synth(outdir, variant, () => undefined);
        templates.push(...stackTemplates(outdir));
      }
    }
    fs.mkdirSync(path.dirname(probe));
    fs.writeFileSync(probe, JSON.stringify(PROBE_TEMPLATE));
    const byRegion = new Map<string, string[]>([['us-east-1', [probe]]]);
    for (const t of templates) byRegion.set(t.region, [...byRegion.get(t.region) ?? [], t.file]);
    const reports = await Promise.all([...byRegion].map(([region, files]) => cfnLint(region, files)));
    findings = reports.flat();
  }, 900_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const judged = () => findings.filter((f) => f.Filename !== probe);

  test('every app and flag variant produced templates', () => {
    // Examples 10 stacks, endpoints 2, peering 9, privatelink 4: each under both variants.
    expect(templates.length).toBeGreaterThanOrEqual(2 * 25);
    expect(new Set(templates.map((t) => t.region))).toEqual(new Set(['us-east-1', 'eu-west-1', 'us-gov-west-1']));
  });

  test('no cfn-lint error', () => {
    expect(judged().filter((f) => f.Level === 'Error').map((f) => show(root, f))).toEqual([]);
  });

  test('every warning is on the allow-list', () => {
    expect(judged().filter((f) => f.Level !== 'Error' && !(f.Rule.Id in CFN_LINT_ALLOWED_WARNINGS)).map((f) => show(root, f))).toEqual([]);
  });

  test('every allow-listed warning still appears', () => {
    const seen = new Set(judged().map((f) => f.Rule.Id));
    expect(Object.keys(CFN_LINT_ALLOWED_WARNINGS).filter((id) => !seen.has(id))).toEqual([]);
  });

  test('the judge is live: a template with a property AWS::EC2::VPC does not have is an error', () => {
    expect(findings.filter((f) => f.Filename === probe).map((f) => `${f.Rule.Id} ${f.Level}`)).toContain('E3002 Error');
  });
});
