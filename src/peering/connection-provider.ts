// Internal (not re-exported): the custom resource behind the peering's deploy-time steps that need
// an ACTIVE connection (the accepter's lookup and DNS resolution options), with its handler in
// handlers/peering-connection (plain JavaScript, shipped in the package, run by Lambda's nodejs
// runtime with the AWS SDK v3 it provides).
import * as path from 'path';
import { CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeFunctionOutsideVpc, acknowledgeRule } from '../core/nag';

/** The resource type of every peering step, one provider function per stack. */
export const PEERING_CONNECTION_RESOURCE_TYPE = 'Custom::PeeringConnection';

/**
 * How long a step waits for the connection to become active. A peering connection is usually
 * active seconds after it is accepted; the bound keeps a stuck deploy from hanging for an hour.
 */
export const WAIT_SECONDS = 600;

const CODE_DIRECTORY = path.join(__dirname, '..', '..', 'handlers', 'peering-connection');

/** The stack's provider of `Custom::PeeringConnection` (created once per stack). */
export function peeringConnectionProvider(scope: IConstruct): CustomResourceProvider {
  const stack = Stack.of(scope);
  const provider = CustomResourceProvider.getOrCreateProvider(stack, 'Custom::PeeringConnectionProvider', {
    codeDirectory: CODE_DIRECTORY,
    runtime: CustomResourceProviderRuntime.NODEJS_22_X,
    // Lambda quotas: 15 minutes at most; the handler gives up after WAIT_SECONDS with a message.
    timeout: Duration.minutes(15),
    description: 'cdk-private-connectivity: waits for VPC peering connections to be active, finds them from the accepter side, sets their DNS options',
  });
  acknowledgeProvider(provider);
  return provider;
}

/** A `Custom::PeeringConnection` step with these properties. */
export function peeringConnectionStep(scope: Construct, id: string, properties: Record<string, unknown>): CustomResource {
  const provider = peeringConnectionProvider(scope);
  return new CustomResource(scope, id, {
    serviceToken: provider.serviceToken,
    resourceType: PEERING_CONNECTION_RESOURCE_TYPE,
    properties: { WaitSeconds: WAIT_SECONDS, ...properties },
  });
}

/** Allow the provider to call `actions` on `resources` (statements accumulate on the stack's one role). */
export function allowProvider(scope: IConstruct, actions: string[], resources: string[], condition?: Record<string, unknown>): void {
  peeringConnectionProvider(scope).addToRolePolicy({ Effect: 'Allow', Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) });
}

/** Acknowledge the `vpc-peering-connection/*` resource of a statement narrowed by a VPC condition. */
export function acknowledgePeeringWildcard(scope: IConstruct, accounts: string[]): void {
  const stack = Stack.of(scope);
  // cdk-nag names the finding by the rendered ARN (a literal partition under enablePartitionLiterals).
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
  const provider = peeringConnectionProvider(scope);
  for (const account of accounts) {
    const a = Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
    acknowledgeRule(provider, `AwsSolutions-IAM5[Resource::arn:${partition}:ec2:${region}:${a}:vpc-peering-connection/*]`,
      'The connection ID is found at deploy time by this same provider; the statement is narrowed by the ec2:AccepterVpc or ec2:RequesterVpc condition to this side\'s VPC.');
  }
}

const acknowledged = new WeakSet<CustomResourceProvider>();

function acknowledgeProvider(provider: CustomResourceProvider): void {
  if (acknowledged.has(provider)) return;
  acknowledged.add(provider);
  acknowledgeRule(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The peering provider function only writes its own CloudWatch Logs with this managed policy (aws-cdk-lib CustomResourceProvider).');
  acknowledgeRule(provider, 'AwsSolutions-IAM5[Resource::*]',
    'ec2:DescribeVpcPeeringConnections supports no resource-level permissions (Actions, resources, and condition keys for Amazon EC2); it is the only action granted on *.');
  acknowledgeFunctionOutsideVpc(provider, 'the EC2 API (DescribeVpcPeeringConnections, ModifyVpcPeeringConnectionOptions)');
}
