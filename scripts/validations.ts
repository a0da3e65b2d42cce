/**
 * Renders docs/validations.md from the rule catalogue (src/core/rules.ts), the tests that
 * trigger each rule, and the catalogue of cited configurations (test/catalogue): rule → AWS
 * source → message. `test/docs/validations.test.ts` fails when the committed file drifts;
 * `npx projen docs:validations` rewrites it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules, RuleSeverity, warningId } from '../src/core/rules';
import { INVALID_CASES, NOT_CATALOGUED, VALID_CONTROLS } from '../test/catalogue';

/** The test file that runs the catalogue (its titles are `<rule id>: <case title> (<case id>)`). */
export const CATALOGUE_TEST = 'test/catalogue/catalogue.test.ts';

const ROOT = path.join(__dirname, '..');
export const VALIDATIONS_DOC = path.join(ROOT, 'docs', 'validations.md');

/** A test that names a rule: its file and the title of the test around the first mention. */
export interface RuleTest {
  readonly file: string;
  readonly title: string;
  /** The assertion that names the rule: the message pattern the test expects. */
  readonly assertion: string;
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(p));
    else if (entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

/** Every test (file and title) that mentions each rule's ID, by rule ID. */
export function testsByRule(): Map<string, RuleTest[]> {
  const byRule = new Map<string, RuleTest[]>();
  const files = testFiles(path.join(ROOT, 'test')).map((f) => ({ f, text: fs.readFileSync(f, 'utf-8') }));
  for (const r of allRules()) {
    const found: RuleTest[] = [];
    // A test names a rule by its ID, either in full ('cdk-private-connectivity:<id>') or bare.
    const needle = new RegExp(`(?<![a-z0-9-])${r.id.replace(/-/g, '\\-')}(?![a-z0-9-])`);
    for (const { f, text } of files) {
      // The first mention that asserts the rule fires (not one asserting that it does not).
      const m = [...text.matchAll(new RegExp(needle.source, 'g'))].find((x) => {
        const lineStart = text.lastIndexOf('\n', x.index) + 1;
        const lineEnd = text.indexOf('\n', x.index);
        const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
        return !/hasNoWarning|hasNoError|\.not\./.test(line);
      });
      if (!m) continue;
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const lineEnd = text.indexOf('\n', m.index);
      const assertion = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
      // Up to the end of the matching line, so a rule ID in the test's own title names that test;
      // titles may hold escaped quotes.
      const before = text.slice(0, lineEnd < 0 ? undefined : lineEnd);
      const titles = [...before.matchAll(/\b(?:test|it)(?:\.each\([\s\S]*?\))?\(\s*(['`"])((?:\\.|(?!\1)[^\\\n])*)\1/g)];
      const title = titles.length > 0 ? titles[titles.length - 1][2].replace(/\\(.)/g, '$1') : '(table)';
      found.push({ file: path.relative(ROOT, f), title, assertion });
    }
    // The catalogue's cases name the rule in their test titles (test.each over data).
    const cases = INVALID_CASES.filter((c) => c.rule.id === r.id);
    if (cases.length > 0) {
      found.push({
        file: CATALOGUE_TEST,
        title: `${r.id}: ${cases.length} catalogue case${cases.length === 1 ? '' : 's'} (${cases.map((c) => c.id).join(', ')})`,
        assertion: `${r.id}: ${cases[0].title} — message matches ${cases[0].expect}`,
      });
    }
    byRule.set(r.id, found);
  }
  return byRule;
}

/** The catalogue section: every invalid case with its rule, AWS source and message, then the valid controls. */
export function renderCatalogue(): string[] {
  const link = (c: { source: { title: string; url: string } }) => `[${cell(c.source.title)}](${c.source.url})`;
  const lines = [
    '',
    '## Catalogue',
    '',
    `${INVALID_CASES.length} invalid configurations and ${VALID_CONTROLS.length} valid controls, each a small user app in \`test/catalogue/cases-*.ts\` / \`valid.ts\`,`,
    `run by \`${CATALOGUE_TEST}\`: an invalid case must be refused with its rule (or warned about, for a warning rule) with a`,
    'message matching the pattern; a valid control must synthesize with no error and no warning on any stack.',
    '',
    '| rule | case | configuration | AWS source | message matches |',
    '|---|---|---|---|---|',
  ];
  const order = new Map(allRules().map((r, i) => [r.id, i]));
  const sorted = [...INVALID_CASES].sort((a, b) => (order.get(a.rule.id) ?? 0) - (order.get(b.rule.id) ?? 0));
  for (const c of sorted) {
    lines.push(`| \`${c.rule.id}\` | \`${c.id}\` | ${cell(c.title)} | ${link(c)} | <code>${cell(escapeHtml(c.expect.source))}</code> |`);
  }
  const uncatalogued = Object.entries(NOT_CATALOGUED);
  if (uncatalogued.length > 0) {
    lines.push('', 'Rules without a catalogue case:', '');
    for (const [id, reason] of uncatalogued) lines.push(`- \`${id}\`: ${reason}`);
  }
  lines.push('', '### Valid controls', '', '| case | configuration | AWS source |', '|---|---|---|');
  for (const c of VALID_CONTROLS) lines.push(`| \`${c.id}\` | ${cell(c.title)} | ${link(c)} |`);
  return lines;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown of docs/validations.md. */
export function renderValidationsDoc(): string {
  const tests = testsByRule();
  const rules = allRules();
  const errors = rules.filter((r) => r.severity === RuleSeverity.ERROR).length;
  const lines = [
    '# Validations',
    '',
    '<!-- Generated from src/core/rules*.ts and the tests by `npx projen docs:validations`; a test fails when it drifts. -->',
    '',
    `${rules.length} rules: ${errors} refuse the app at synth time (errors), ${rules.length - errors} warn when a check cannot be made or a risk is likely.`,
    'Every message has the form `<Construct> \'<path>\': <prop> <value received>; <rule>. <fix> [<warning id>]`.',
    '',
    `The [catalogue](#catalogue) below lists ${INVALID_CASES.length} cited invalid configurations (rule → AWS source → message) and ${VALID_CONTROLS.length} valid controls.`,
    '',
    '| ID | severity | what it refuses or reports | fix | AWS sources (catalogue) | proved by | message, as the first test asserts it |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rules) {
    const t = tests.get(r.id) ?? [];
    const proof = t.length === 0 ? '**no test**' : t.map((x) => `\`${x.file}\` — ${cell(x.title)}`).join('<br>');
    const message = t.length === 0 ? '' : `<code>${escapeHtml(t[0].assertion.slice(0, 220))}</code>`;
    const sources = [...new Map(INVALID_CASES.filter((c) => c.rule.id === r.id).map((c) => [c.source.url, c.source])).values()];
    const cited = sources.length === 0 ? '' : sources.map((src) => `[${cell(src.title)}](${src.url})`).join('<br>');
    lines.push(`| \`${warningId(r)}\` | ${r.severity} | ${cell(r.summary)} | ${cell(r.fix)} | ${cited} | ${proof} | ${cell(message)} |`);
  }
  lines.push(...renderCatalogue());
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  fs.writeFileSync(VALIDATIONS_DOC, renderValidationsDoc());
  console.log(`wrote ${path.relative(process.cwd(), VALIDATIONS_DOC)}`);
}
