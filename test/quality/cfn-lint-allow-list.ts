/**
 * The cfn-lint warnings the example and integration apps are allowed to keep, rule ID -> reason.
 * Read by test/quality/cfn-lint.test.ts: a warning not listed here fails the test, and so does a
 * listed rule that no template triggers any more (so the list stays true). Errors are never allowed.
 */
export const CFN_LINT_ALLOWED_WARNINGS: Record<string, string> = {
  W3005:
    'Redundant DependsOn in aws-cdk-lib\'s own custom resource providers (AwsCustomResource, and the default '
    + 'security group restriction of ec2.Vpc): the handler DependsOn the role it already reads with GetAtt. '
    + 'aws-cdk-lib writes it; it orders nothing wrongly.',
  W3010:
    'Literal Availability Zones on the fixture VPCs\' subnets (and the example instance): stacks with a concrete '
    + 'environment get AZ names from cdk.context.json or fixed availabilityZones, so synth never asks AWS. '
    + 'No library resource names an AZ.',
};
