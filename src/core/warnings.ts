/** Acknowledgeable synth warnings (`warn`) and how values are shown in messages (`show`). */
import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { formatProblem, ProblemDetails } from './errors';
import { RuleDefinition, warningId } from './rules';

/** Add an acknowledgeable warning with the rule's ID (for checks skipped on tokens, and risks). */
export function warn(scope: IConstruct, r: RuleDefinition, d: ProblemDetails): void {
  Annotations.of(scope).addWarningV2(warningId(r), formatProblem(scope, r, d));
}

/** Render a value for a message: tokens as `(unresolved token)`, strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? `(unresolved token ${value})` : JSON.stringify(value);
  }
  if (typeof value === 'number' && Token.isUnresolved(value)) return '(unresolved token)';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
