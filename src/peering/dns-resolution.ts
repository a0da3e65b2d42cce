// Internal (not re-exported): DNS resolution across a peering, which CloudFormation cannot set.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeCustomResourceProvider } from '../core/nag';

/** Which side(s) of the peering a {@link PeeringDnsResolution} sets, and where. */
export interface PeeringDnsResolutionProps {
  /** The peering connection ID, as this stack sees it. */
  readonly peeringConnectionId: string;
  /** Set the requester's option (call from the requester's account and region). */
  readonly requesterSide: boolean;
  /** Set the accepter's option (call from the accepter's account and region). */
  readonly accepterSide: boolean;
  /** Accounts that may own the connection's ARN as this stack's IAM sees it. @default - this stack's account */
  readonly connectionAccounts?: string[];
}

/**
 * `AllowDnsResolutionFromRemoteVpc` on one or both sides of a peering connection, through the EC2
 * API `ModifyVpcPeeringConnectionOptions` (AwsCustomResource shares one provider function per stack).
 *
 * ModifyVpcPeeringConnectionOptions: for inter-region peering the requester's options are set in
 * the requester's region and the accepter's in the accepter's; across accounts each owner sets its own.
 */
export class PeeringDnsResolution extends Construct {
  constructor(scope: Construct, id: string, props: PeeringDnsResolutionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const call = (allow: boolean): cr.AwsSdkCall => {
      const options = { AllowDnsResolutionFromRemoteVpc: allow };
      return {
        service: 'EC2',
        action: 'modifyVpcPeeringConnectionOptions',
        parameters: {
          VpcPeeringConnectionId: props.peeringConnectionId,
          ...(props.requesterSide ? { RequesterPeeringConnectionOptions: options } : {}),
          ...(props.accepterSide ? { AccepterPeeringConnectionOptions: options } : {}),
        },
        physicalResourceId: cr.PhysicalResourceId.of(props.peeringConnectionId),
        // Deleting the connection first (or with it) removes the options anyway.
        ignoreErrorCodesMatching: allow ? undefined : 'InvalidVpcPeeringConnectionID.*',
      };
    };
    const accounts = props.connectionAccounts ?? [stack.account];
    new cr.AwsCustomResource(this, 'Resource', {
      onCreate: call(true),
      onUpdate: call(true),
      onDelete: call(false),
      policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({
        actions: ['ec2:ModifyVpcPeeringConnectionOptions'],
        resources: accounts.map((account) => stack.formatArn({
          service: 'ec2', account, resource: 'vpc-peering-connection', resourceName: props.peeringConnectionId,
        })),
      })]),
      installLatestAwsSdk: false,
    });
    acknowledgeCustomResourceProvider(this);
  }
}
