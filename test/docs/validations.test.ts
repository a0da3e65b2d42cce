import * as fs from 'fs';
import { CATALOGUE_TEST, renderValidationsDoc, testsByRule, VALIDATIONS_DOC } from '../../scripts/validations';
import { allRules } from '../../src/core/rules';
import { INVALID_CASES, VALID_CONTROLS } from '../catalogue';

describe('rule catalogue', () => {
  test('rule IDs are unique and kebab-case', () => {
    const ids = allRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  test('every rule is triggered by at least one test', () => {
    const untested = [...testsByRule().entries()].filter(([, t]) => t.length === 0).map(([id]) => id);
    expect(untested).toEqual([]);
  });

  test('a rule with catalogue cases is proved by the catalogue test, whose titles name the rule', () => {
    const byRule = testsByRule();
    for (const c of INVALID_CASES) {
      expect(byRule.get(c.rule.id)!.some((t) => t.file === CATALOGUE_TEST && t.title.startsWith(`${c.rule.id}: `) && t.title.includes(c.id))).toBe(true);
    }
  });

  test('docs/validations.md matches the catalogue (run `npx projen docs:validations` after changing rules)', () => {
    expect(fs.readFileSync(VALIDATIONS_DOC, 'utf-8')).toEqual(renderValidationsDoc());
  });

  test('the generated doc cites every case\'s AWS source, rule and message pattern', () => {
    const doc = renderValidationsDoc();
    for (const c of INVALID_CASES) {
      expect(doc).toContain(`| \`${c.rule.id}\` | \`${c.id}\` |`);
      expect(doc).toContain(`](${c.source.url})`);
    }
    for (const c of VALID_CONTROLS) expect(doc).toContain(`| \`${c.id}\` |`);
  });
});
