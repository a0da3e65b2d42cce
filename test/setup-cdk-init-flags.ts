/**
 * Jest setup of the `cdk init flags` project: every `new App()` in the test file reads the feature
 * flags `cdk init` writes into a new app's cdk.json (test/cdk-init-context.json), through the
 * environment variable the CDK CLI uses to pass context to an app (aws-cdk-lib cx-api `CONTEXT_ENV`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as cxapi from 'aws-cdk-lib/cx-api';

const flags: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(__dirname, 'cdk-init-context.json'), 'utf-8'));
const existing: Record<string, unknown> = process.env[cxapi.CONTEXT_ENV] ? JSON.parse(process.env[cxapi.CONTEXT_ENV]!) : {};
process.env[cxapi.CONTEXT_ENV] = JSON.stringify({ ...existing, ...flags });
