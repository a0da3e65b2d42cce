import * as fs from 'fs';
import { renderValidationsDoc, testsByRule, VALIDATIONS_DOC } from '../../scripts/validations';
import { allRules } from '../../src/core/rules';

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

  test('docs/validations.md matches the catalogue (run `npx projen docs:validations` after changing rules)', () => {
    expect(fs.readFileSync(VALIDATIONS_DOC, 'utf-8')).toEqual(renderValidationsDoc());
  });
});
