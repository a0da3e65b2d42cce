import { App } from 'aws-cdk-lib';

/** The message of the synth error, or '' when the app synthesizes (validation errors are thrown at synth). */
export function synthErrors(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}
