/** Runs a catalogue case and collects what the library said: the error, or every warning of every stack. */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { appFor, InvalidCase, ValidCase } from './types';

export interface Outcome {
  /** The error thrown while building the app or at synth, if any. */
  readonly error?: Error;
  /** Where the error was thrown. */
  readonly phase?: 'construction' | 'synth';
  /** The text of every warning of every stack (empty when the synth failed). */
  readonly warnings: string[];
}

/** Build the case's app, synthesize it, and collect the warnings of every stack. */
export function run(c: InvalidCase | ValidCase): Outcome {
  const app = appFor(c);
  try {
    c.build(app);
  } catch (e) {
    return { error: e as Error, phase: 'construction', warnings: [] };
  }
  try {
    app.synth();
  } catch (e) {
    return { error: e as Error, phase: 'synth', warnings: [] };
  }
  const warnings: string[] = [];
  for (const stack of app.node.findAll().filter((x): x is Stack => Stack.isStack(x))) {
    for (const w of Annotations.fromStack(stack).findWarning('*', Match.anyValue())) {
      warnings.push(`${w.id}: ${String(w.entry.data)}`);
    }
  }
  return { warnings };
}
