/**
 * Example app: the library's patterns in a small multi-account, multi-region estate.
 *
 * Synthesize it with `npx projen example` (the CDK CLI, offline) from the repository root.
 * Each pattern lives in its own file and adds its own stacks.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addEndpointsExample } from './endpoints';
import { addHubExample } from './hub';
import { addPeeringExample } from './peering';
import { addPrivateLinkExample } from './privatelink';

// No stack traces: templates and metadata hold no machine paths.
const app = new App({ context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true } });
addEndpointsExample(app);
addHubExample(app);
addPeeringExample(app);
addPrivateLinkExample(app);

// Judges: cdk-nag's AWS Solutions pack, beside AWS's CloudFormation validator (turned into
// errors by '@aws-cdk/core:validateAgainstDefaultRules' in cdk.json).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
Validations.of(app).acknowledge({
  id: 'AwsSolutions-VPC7',
  reason: 'The example VPCs stand for VPCs a platform team already runs, whose flow logs belong to the account baseline.',
});
app.synth();
