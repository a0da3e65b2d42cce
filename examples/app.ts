/**
 * Example app: the library's patterns in a small multi-account, multi-region estate.
 *
 * Synthesize it with `npx projen example` (the CDK CLI, offline) from the repository root.
 * Each pattern lives in its own file and adds its own stacks.
 */
import { App } from 'aws-cdk-lib';
import { addEndpointsExample } from './endpoints';
import { addPeeringExample } from './peering';
import { addPrivateLinkExample } from './privatelink';

// No stack traces: templates and metadata hold no machine paths.
const app = new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true } });
addEndpointsExample(app);
addPeeringExample(app);
addPrivateLinkExample(app);
app.synth();
