/**
 * The catalogue of invalid configurations and valid controls (test/catalogue/cases-*.ts).
 *
 * Each invalid case is a user app that must be refused with its rule (error rules: thrown in a
 * constructor or at synth) or warned about (warning rules), with a message in the house format;
 * each valid control must synthesize with no error and no warning on any stack.
 */
import { INVALID_CASES, NOT_CATALOGUED, VALID_CONTROLS } from './index';
import { run } from './run';
import { ConnectivityError } from '../../src/core/error';
import { allRules, RuleSeverity, warningId } from '../../src/core/rules';

describe('invalid configurations', () => {
  test.each(INVALID_CASES)('$rule.id: $title ($id)', (c) => {
    // GIVEN / WHEN the user's app is built and synthesized
    const out = run(c);
    const tag = `[${warningId(c.rule)}]`;

    // THEN
    if (c.rule.severity === RuleSeverity.ERROR) {
      expect(out.error).toBeDefined();
      const message = out.error!.message;
      if (out.phase === 'construction') {
        expect(out.error).toBeInstanceOf(ConnectivityError);
        expect((out.error as ConnectivityError).ruleId).toBe(c.rule.id);
      }
      expect(message).toContain(tag);
      // The message of this rule (one line of the synth report) matches the case.
      const lines = message.split('\n').filter((l) => l.includes(tag));
      expect(lines.some((l) => c.expect.test(l))).toBe(true);
    } else {
      expect(out.error?.message).toBeUndefined();
      const matching = out.warnings.filter((w) => w.includes(tag));
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.some((w) => c.expect.test(w))).toBe(true);
    }
  });
});

describe('valid controls', () => {
  test.each(VALID_CONTROLS)('valid: $title ($id)', (c) => {
    const out = run(c);
    expect(out.error?.message).toBeUndefined();
    expect(out.warnings).toEqual([]);
  });
});

describe('the catalogue itself', () => {
  const all = [...INVALID_CASES, ...VALID_CONTROLS];

  test('at least 120 invalid configurations and 20 valid controls', () => {
    expect(INVALID_CASES.length).toBeGreaterThanOrEqual(120);
    expect(VALID_CONTROLS.length).toBeGreaterThanOrEqual(20);
  });

  test('every case cites a source with a title and an https URL', () => {
    const bad = all.filter((c) => !c.source.title.trim() || !/^https:\/\/[^\s]+$/.test(c.source.url)).map((c) => c.id);
    expect(bad).toEqual([]);
  });

  test('case IDs are unique and kebab-case; no two cases are the same app', () => {
    const ids = all.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // One app may prove two rules (a stack without env misses both account and region), never one rule twice.
    const apps = all.map((c) => `${'rule' in c ? (c as { rule: { id: string } }).rule.id : 'valid'}\u0000${c.build.toString()}\u0000${JSON.stringify(c.context ?? {})}`);
    const twins = all.filter((_c, i) => apps.indexOf(apps[i]) !== i).map((c) => c.id);
    expect(twins).toEqual([]);
  });

  test('every rule has a catalogue case, or a reason it has none', () => {
    const covered = new Set(INVALID_CASES.map((c) => c.rule.id));
    const missing = allRules().map((r) => r.id).filter((id) => !covered.has(id) && !(id in NOT_CATALOGUED));
    expect(missing).toEqual([]);
  });
});
