import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Acknowledgements of validation-plugin rules (cdk-nag's AwsSolutions pack) where a rule is wrong
 * for what a construct must do, each with the reason a security reviewer needs. Acknowledging
 * needs no dependency on cdk-nag: it is aws-cdk-lib's `Validations` API.
 */

/** The construct ID aws-cdk-lib gives the one provider function `AwsCustomResource` shares per stack. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/** Acknowledge one rule (or one finding, `Rule[Finding]`) on `scope` and its children. */
export function acknowledgeRule(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledge what an `AwsCustomResource` that calls EC2 `Describe*` APIs is flagged for: its
 * policy names `*` (EC2 describe actions support no resource-level permissions: "Actions,
 * resources, and condition keys for Amazon EC2"), and the shared provider function's role uses the
 * AWS managed AWSLambdaBasicExecutionRole (CloudWatch Logs only).
 */
export function acknowledgeDescribeCustomResource(resource: IConstruct): void {
  acknowledgeRule(resource, 'AwsSolutions-IAM5[Resource::*]',
    'EC2 Describe* actions support no resource-level permissions; the policy allows only the describe call this lookup makes.');
  acknowledgeCustomResourceProvider(resource);
}

/** Acknowledge the managed-policy finding on the stack's shared `AwsCustomResource` provider function. */
export function acknowledgeCustomResourceProvider(scope: IConstruct): void {
  const provider = Stack.of(scope).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
  if (provider === undefined) return;
  acknowledgeRule(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The aws-cdk-lib AwsCustomResource provider function only writes its own CloudWatch Logs with this managed policy.');
}
