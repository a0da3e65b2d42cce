// Internal (not re-exported): the association of a hub's private hosted zones with a spoke VPC of
// another stack (the zone's VPC list would need the spoke's ID in the hub's stack, a cycle when the
// spoke's stack holds its peering with the hub; across accounts and regions no reference exists at
// all). CloudFormation has no resource for it, so a custom resource in a stack of the spoke's
// account and region associates the VPC; across accounts it runs the two steps of "Associating an Amazon VPC and a
// private hosted zone that you created with different AWS accounts" (Route 53 Developer Guide):
// CreateVPCAssociationAuthorization with the hub account's role, AssociateVPCWithHostedZone with
// its own, then DeleteVPCAssociationAuthorization. Handler: handlers/zone-association.
import * as path from 'path';
import { CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, PhysicalName, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeFunctionOutsideVpc, acknowledgeRule } from '../core/nag';

/** The resource type of every association step. */
export const ZONE_ASSOCIATION_RESOURCE_TYPE = 'Custom::HostedZoneAssociation';

const CODE_DIRECTORY = path.join(__dirname, '..', '..', 'handlers', 'zone-association');

/** The stack's provider of `Custom::HostedZoneAssociation` (created once per stack). */
export function zoneAssociationProvider(scope: IConstruct): CustomResourceProvider {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('Custom::HostedZoneAssociationProviderCustomResourceProvider');
  const provider = CustomResourceProvider.getOrCreateProvider(stack, 'Custom::HostedZoneAssociationProvider', {
    codeDirectory: CODE_DIRECTORY,
    runtime: CustomResourceProviderRuntime.NODEJS_22_X,
    timeout: Duration.minutes(5),
    description: 'cdk-private-connectivity: associates a VPC with an interface endpoint hub\'s private hosted zones',
  });
  if (existing === undefined) {
    // "Actions, resources, and condition keys for Amazon Route 53": the association actions take a
    // hostedzone resource (its ID is found at deploy time) and depend on ec2:DescribeVpcs; the list
    // call takes no resource.
    provider.addToRolePolicy({
      Effect: 'Allow',
      Action: ['route53:AssociateVPCWithHostedZone', 'route53:DisassociateVPCFromHostedZone'],
      Resource: `arn:${stack.partition}:route53:::hostedzone/*`,
    });
    provider.addToRolePolicy({ Effect: 'Allow', Action: ['route53:ListHostedZonesByName', 'route53:ListHostedZonesByVPC', 'ec2:DescribeVpcs'], Resource: '*' });
    acknowledgeRule(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The zone association provider function only writes its own CloudWatch Logs with this managed policy (aws-cdk-lib CustomResourceProvider).');
    acknowledgeRule(provider, 'AwsSolutions-IAM5[Resource::*]',
      'ListHostedZonesByName, ListHostedZonesByVPC and ec2:DescribeVpcs take no resource (Actions, resources, and condition keys for Amazon Route 53).');
    // cdk-nag names the finding by the rendered ARN (a literal partition under enablePartitionLiterals).
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    acknowledgeRule(provider, `AwsSolutions-IAM5[Resource::arn:${partition}:route53:::hostedzone/*]`,
      'The hub\'s zone (often another account\'s) is found by name at deploy time, so its ID is not known when the policy is written; the actions are only (dis)associating a VPC.');
    acknowledgeFunctionOutsideVpc(provider, 'the Route 53 API (AssociateVPCWithHostedZone) and STS');
  }
  return provider;
}

const assumable = new WeakMap<CustomResourceProvider, Set<string>>();

/** Properties of one association step. */
export interface ZoneAssociationStepProps {
  readonly zoneName: string;
  readonly zoneComment: string;
  readonly vpcId: string;
  readonly vpcRegion: string;
  /** The hub account's role that may authorize the association (cross-account only). */
  readonly authorizerRoleArn?: string;
}

/** A `Custom::HostedZoneAssociation` step. */
export function zoneAssociationStep(scope: Construct, id: string, props: ZoneAssociationStepProps): CustomResource {
  const provider = zoneAssociationProvider(scope);
  const granted = assumable.get(provider) ?? new Set<string>();
  assumable.set(provider, granted);
  if (props.authorizerRoleArn !== undefined && !granted.has(props.authorizerRoleArn)) {
    granted.add(props.authorizerRoleArn);
    provider.addToRolePolicy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: props.authorizerRoleArn });
  }
  return new CustomResource(scope, id, {
    serviceToken: provider.serviceToken,
    resourceType: ZONE_ASSOCIATION_RESOURCE_TYPE,
    properties: {
      HostedZoneName: props.zoneName,
      HostedZoneComment: props.zoneComment,
      VpcId: props.vpcId,
      VpcRegion: props.vpcRegion,
      ...(props.authorizerRoleArn !== undefined ? { AuthorizerRoleArn: props.authorizerRoleArn } : {}),
    },
  });
}

/**
 * The hub account's role a spoke account assumes to authorize (and then remove the authorization
 * of) its VPC's association with the hub's zones: it trusts the spoke account only and may only
 * create and delete association authorizations on the hub's zones.
 */
export function authorizerRole(scope: Construct, id: string, spokeAccount: string, zoneIds: string[]): iam.Role {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.AccountPrincipal(spokeAccount),
    roleName: PhysicalName.GENERATE_IF_NEEDED,
    description: `Lets account ${spokeAccount} authorize its VPCs' association with an interface endpoint hub's private hosted zones`,
  });
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['route53:CreateVPCAssociationAuthorization', 'route53:DeleteVPCAssociationAuthorization'],
    resources: zoneIds.map((z) => stack.formatArn({ service: 'route53', region: '', account: '', resource: 'hostedzone', resourceName: z })),
  }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['route53:ListHostedZonesByName'], resources: ['*'] }));
  acknowledgeRule(role, 'AwsSolutions-IAM5[Resource::*]',
    'route53:ListHostedZonesByName takes no resource (Actions, resources, and condition keys for Amazon Route 53); the spoke finds the zone IDs with it.');
  return role;
}
