// Internal (not re-exported): DNS resolution across a peering, which CloudFormation cannot set.
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgePeeringWildcard, allowProvider, peeringConnectionStep } from './connection-provider';

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
  /**
   * The ARN of this side's VPC, to scope the permission by `ec2:AccepterVpc` (accepter side) or
   * `ec2:RequesterVpc` (requester side) instead of by connection ID. Needed where the ID comes from
   * a lookup of the same provider: naming it in the provider's own role would be a cycle.
   * @default - scoped to the connection's ARN
   */
  readonly sideVpcArn?: string;
}

/**
 * `AllowDnsResolutionFromRemoteVpc` on one or both sides of a peering connection, through the EC2
 * API `ModifyVpcPeeringConnectionOptions`, once the connection is active (the call needs an active
 * connection; the handler waits for it).
 *
 * ModifyVpcPeeringConnectionOptions: for inter-region peering the requester's options are set in
 * the requester's region and the accepter's in the accepter's; across accounts each owner sets its own.
 */
export class PeeringDnsResolution extends Construct {
  constructor(scope: Construct, id: string, props: PeeringDnsResolutionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    peeringConnectionStep(this, 'Resource', {
      Operation: 'DnsOptions',
      PeeringConnectionId: props.peeringConnectionId,
      RequesterSide: props.requesterSide,
      AccepterSide: props.accepterSide,
    });
    const accounts = props.connectionAccounts ?? [stack.account];
    const arns = (name: string) => accounts.map((account) => stack.formatArn({
      service: 'ec2', account, resource: 'vpc-peering-connection', resourceName: name,
    }));
    if (props.sideVpcArn === undefined) {
      allowProvider(this, ['ec2:ModifyVpcPeeringConnectionOptions'], arns(props.peeringConnectionId));
    } else {
      // Identity and access management for VPC peering: the vpc-peering-connection resource type
      // takes the ec2:AccepterVpc / ec2:RequesterVpc condition keys.
      const key = props.accepterSide ? 'ec2:AccepterVpc' : 'ec2:RequesterVpc';
      allowProvider(this, ['ec2:ModifyVpcPeeringConnectionOptions'], arns('*'), { ArnEquals: { [key]: props.sideVpcArn } });
      acknowledgePeeringWildcard(this, accounts);
    }
    allowProvider(this, ['ec2:DescribeVpcPeeringConnections'], ['*']);
  }
}
