// Internal (not re-exported): deploy-time lookups that carry IDs across regions and accounts,
// where CloudFormation has no cross-stack reference.
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { allowProvider, peeringConnectionStep } from './connection-provider';
import { acknowledgeDescribeCustomResource } from '../core/nag';

// DescribeVpcs supports no resource-level permissions (Actions, resources, and condition keys for
// Amazon EC2), so its statement names '*'.
const describe = (action: string) => new iam.PolicyStatement({ actions: [action], resources: ['*'] });
const PATH_VPC = 'Vpcs.0.VpcId';

/** Where to find the peering connection from the accepter's side. */
export interface ConnectionLookupProps {
  /** The accepter VPC ID, as the accepter's stack sees it. */
  readonly accepterVpcId: string;
  /** The requester's account (literal). */
  readonly requesterAccount: string;
  /** The requester's region (literal): a match from another region is not this pair's. */
  readonly requesterRegion?: string;
  /** The requester VPC ID, when literal. */
  readonly requesterVpcId?: string;
  /** The requester's primary IPv4 block, used when the requester VPC ID is not literal. */
  readonly requesterCidrBlock?: string;
  /**
   * Changes whenever the connection would be replaced (its own replacement properties and those of
   * both VPCs), so that the accepter's next deploy looks the connection up again.
   */
  readonly generation: string;
}

/**
 * The ID of the peering connection, read in the accepter's account and region with filters known
 * at synth (tags exist only in the account and region that created them, so the accepter side
 * cannot search by tag). The handler waits until the connection is active, requires exactly one
 * live match, and fails with the connection's state and what to do.
 */
export class PeeringConnectionLookup extends Construct {
  /** The peering connection ID (a deploy-time value). */
  public readonly peeringConnectionId: string;

  constructor(scope: Construct, id: string, props: ConnectionLookupProps) {
    super(scope, id);
    const resource = peeringConnectionStep(this, 'Resource', {
      Operation: 'Lookup',
      AccepterVpcId: props.accepterVpcId,
      RequesterAccount: props.requesterAccount,
      RequesterRegion: props.requesterRegion,
      RequesterVpcId: props.requesterVpcId,
      RequesterCidrBlock: props.requesterVpcId === undefined ? props.requesterCidrBlock : undefined,
      Generation: props.generation,
    });
    allowProvider(this, ['ec2:DescribeVpcPeeringConnections'], ['*']);
    // The physical ID is the connection ID: a replaced connection is a replaced lookup, and every
    // route that uses it is updated.
    this.peeringConnectionId = resource.ref;
  }
}

/** Where to find a VPC created by a stack in another region or account. */
export interface VpcIdLookupProps {
  /** Name of the stack that created the VPC. */
  readonly stackName: string;
  /** Logical ID of the `AWS::EC2::VPC` in that stack. */
  readonly logicalId: string;
  /** The VPC's region. */
  readonly region: string;
  /** A role in the VPC's account to assume. @default - the caller's own account */
  readonly assumedRoleArn?: string;
}

/**
 * The ID of a VPC in another region or account, found by the tags CloudFormation puts on every
 * resource it creates (`aws:cloudformation:stack-name`, `aws:cloudformation:logical-id`).
 */
export class VpcIdLookup extends Construct {
  /** The VPC ID (a deploy-time value). */
  public readonly vpcId: string;

  constructor(scope: Construct, id: string, props: VpcIdLookupProps) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'EC2',
      action: 'describeVpcs',
      parameters: {
        Filters: [
          { Name: 'tag:aws:cloudformation:stack-name', Values: [props.stackName] },
          { Name: 'tag:aws:cloudformation:logical-id', Values: [props.logicalId] },
        ],
      },
      region: props.region,
      assumedRoleArn: props.assumedRoleArn,
      physicalResourceId: cr.PhysicalResourceId.fromResponse(PATH_VPC),
      outputPaths: [PATH_VPC],
    };
    const statements = props.assumedRoleArn
      ? [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [props.assumedRoleArn] })]
      : [describe('ec2:DescribeVpcs')];
    const resource = new cr.AwsCustomResource(this, 'Resource', {
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromStatements(statements),
      installLatestAwsSdk: false,
    });
    acknowledgeDescribeCustomResource(resource);
    this.vpcId = resource.getResponseField(PATH_VPC);
  }
}
