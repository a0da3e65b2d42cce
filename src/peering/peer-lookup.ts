// Internal (not re-exported): deploy-time lookups that carry IDs across regions and accounts,
// where CloudFormation has no cross-stack reference.
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeDescribeCustomResource } from '../core/nag';

/** Where to find the peering connection from the accepter's side. */
export interface ConnectionLookupProps {
  /** The accepter VPC ID, as the accepter's stack sees it. */
  readonly accepterVpcId: string;
  /** The requester's account (literal). */
  readonly requesterAccount: string;
  /** The requester VPC ID, when literal. */
  readonly requesterVpcId?: string;
  /** The requester's primary IPv4 block, used when the requester VPC ID is not literal. */
  readonly requesterCidrBlock?: string;
  /** The accepter's region. */
  readonly region: string;
}

// DescribeVpcPeeringConnections and DescribeVpcs support no resource-level permissions
// (Actions, resources, and condition keys for Amazon EC2), so their statements name '*'.
const describe = (action: string) => new iam.PolicyStatement({ actions: [action], resources: ['*'] });
const PATH_PCX = 'VpcPeeringConnections.0.VpcPeeringConnectionId';
const PATH_VPC = 'Vpcs.0.VpcId';

/**
 * The ID of an active peering connection, read in the accepter's account and region with
 * filters known at synth (tags exist only in the account and region that created them, so the
 * accepter side cannot search by tag).
 */
export class PeeringConnectionLookup extends Construct {
  /** The peering connection ID (a deploy-time value). */
  public readonly peeringConnectionId: string;

  constructor(scope: Construct, id: string, props: ConnectionLookupProps) {
    super(scope, id);
    const filters = [
      { Name: 'accepter-vpc-info.vpc-id', Values: [props.accepterVpcId] },
      { Name: 'requester-vpc-info.owner-id', Values: [props.requesterAccount] },
      props.requesterVpcId !== undefined
        ? { Name: 'requester-vpc-info.vpc-id', Values: [props.requesterVpcId] }
        : { Name: 'requester-vpc-info.cidr-block', Values: [props.requesterCidrBlock!] },
      { Name: 'status-code', Values: ['active'] },
    ];
    const call: cr.AwsSdkCall = {
      service: 'EC2',
      action: 'describeVpcPeeringConnections',
      parameters: { Filters: filters },
      region: props.region,
      physicalResourceId: cr.PhysicalResourceId.fromResponse(PATH_PCX),
      outputPaths: [PATH_PCX],
    };
    const resource = new cr.AwsCustomResource(this, 'Resource', {
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromStatements([describe('ec2:DescribeVpcPeeringConnections')]),
      installLatestAwsSdk: false,
    });
    acknowledgeDescribeCustomResource(resource);
    this.peeringConnectionId = resource.getResponseField(PATH_PCX);
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
