/** Types of the rule catalogue (no imports: every layer may use them). */

/** Whether a rule refuses the app (error) or only reports that it could not check (warning). */
export enum RuleSeverity {
  /** The configuration is refused: synth fails. */
  ERROR = 'error',
  /** The configuration may work, but a check could not be made or a risk is likely. */
  WARNING = 'warning',
}

/** One synth-time rule of the library. */
export interface RuleDefinition {
  /** Stable identifier, e.g. `peering-cidr-overlap`. Warning IDs are `cdk-private-connectivity:<id>`. */
  readonly id: string;
  /** Whether the rule refuses (error) or warns. */
  readonly severity: RuleSeverity;
  /** What the rule refuses or reports, in one sentence. */
  readonly summary: string;
  /** What the user does to comply. */
  readonly fix: string;
}

/** Prefix of every warning ID this library emits. */
export const WARNING_PREFIX = 'cdk-private-connectivity';

/** Build a catalogue entry. */
export function rule(id: string, severity: RuleSeverity, summary: string, fix: string): RuleDefinition {
  return { id, severity, summary, fix };
}

