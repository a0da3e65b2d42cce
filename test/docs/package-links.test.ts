import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// What `npm pack` would publish, read from npm itself (no scripts run, nothing written).
const ROOT = path.join(__dirname, '..', '..');
const packed: string[] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
}))[0].files.map((f: { path: string }) => f.path);

/** The relative targets of the README's Markdown links and images (no URLs, no in-page anchors). */
function readmeTargets(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]);
  return [...new Set(targets.filter((t) => t && !/^[a-z]+:/i.test(t)))];
}

test('every file the README links to exists and is in the npm package', () => {
  const targets = readmeTargets();
  expect(targets).toEqual(expect.arrayContaining(['docs/validations.md', 'docs/example-topology.svg']));
  for (const t of targets) {
    expect({ link: t, exists: fs.existsSync(path.join(ROOT, t)) }).toEqual({ link: t, exists: true });
    expect({ link: t, packed: packed.includes(t) }).toEqual({ link: t, packed: true });
  }
});

test('the package holds the library, its handlers and docs, and no test, source or tooling file', () => {
  expect(packed).toEqual(expect.arrayContaining(['README.md', 'API.md', 'LICENSE', 'handlers/peering-connection/index.js']));
  const stray = packed.filter((p) => /^(src|test|scripts|bench|examples|\.ci|projenrc)\//.test(p)
    || ['requirements-dev.txt', 'cdk.context.json', '.projenrc.ts', 'docs/mutation.md', 'stryker.config.json', 'stryker.jest.config.js'].includes(p));
  expect(stray).toEqual([]);
});
