import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Acknowledgements of validation-plugin rules where a rule is wrong for what a construct must do,
 * each with the reason a security reviewer needs: cdk-nag's AwsSolutions pack, and the AWS Control
 * Tower proactive controls that `@cdklabs/cdk-validator-cfnguard` runs. Acknowledging needs no
 * dependency on either plugin: it is aws-cdk-lib's `Validations` API.
 */

/** The construct ID aws-cdk-lib gives the one provider function `AwsCustomResource` shares per stack. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/** The name `CfnGuardValidator` reports under; its findings are acknowledged as `<name>::<guard rule>`. */
const CFN_GUARD_PLUGIN = 'cdk-validator-cfnguard';

/** Acknowledge one rule (or one finding, `Rule[Finding]`) on `scope` and its children. */
export function acknowledgeRule(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledge one Control Tower proactive control, by the guard rule name cfn-guard reports
 * (e.g. `lambda_inside_vpc_check` for CT.LAMBDA.PR.3), on `scope` and its children.
 */
export function acknowledgeGuardRule(scope: IConstruct, guardRule: string, reason: string): void {
  acknowledgeRule(scope, `${CFN_GUARD_PLUGIN}::${guardRule}`, reason);
}

/**
 * Acknowledge what an `AwsCustomResource` that calls EC2 `Describe*` APIs is flagged for: its
 * policy names `*` (EC2 describe actions support no resource-level permissions: "Actions,
 * resources, and condition keys for Amazon EC2"), and what the shared provider function is flagged for.
 */
export function acknowledgeDescribeCustomResource(resource: IConstruct): void {
  acknowledgeRule(resource, 'AwsSolutions-IAM5[Resource::*]',
    'EC2 Describe* actions support no resource-level permissions; the policy allows only the describe call this lookup makes.');
  acknowledgeCustomResourceProvider(resource);
}

/** Acknowledge the findings on the stack's shared `AwsCustomResource` provider function (and its log group). */
export function acknowledgeCustomResourceProvider(scope: IConstruct): void {
  const provider = Stack.of(scope).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
  if (provider === undefined) return;
  acknowledgeRule(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The aws-cdk-lib AwsCustomResource provider function only writes its own CloudWatch Logs with this managed policy.');
  acknowledgeFunctionOutsideVpc(provider, 'EC2 APIs (DescribeVpcs, DescribeVpcPeeringConnections), sometimes in another region');
  // CT.CLOUDWATCH.PR.3. "Encrypt log data in CloudWatch Logs using AWS Key Management Service": log
  // group data is always encrypted at rest; a KMS key is the alternative to the service's own encryption.
  acknowledgeGuardRule(provider, 'cloudwatch_log_group_encrypted_check',
    'The log group (created by aws-cdk-lib under @aws-cdk/aws-lambda:useCdkManagedLogGroup) holds only the '
    + 'provider\'s EC2 call logs, no secrets; CloudWatch Logs encrypts it at rest, and a customer managed KMS key '
    + 'per stack and region would be a key the library creates and the user must govern.');
}

/**
 * Acknowledge CT.LAMBDA.PR.3 on a provider function of the library that calls only AWS APIs.
 * "Giving Lambda functions access to resources in an Amazon VPC": a function in a VPC reaches AWS
 * APIs only through a NAT gateway or an interface endpoint of that region.
 */
export function acknowledgeFunctionOutsideVpc(provider: IConstruct, calls: string): void {
  acknowledgeGuardRule(provider, 'lambda_inside_vpc_check',
    `The function only calls ${calls} and reaches no VPC resource; in a VPC it would need a NAT gateway or an EC2 `
    + 'interface endpoint in every region it calls, which the isolated VPCs this library serves do not have.');
}

/** What a Network Load Balancer the library creates for a PrivateLink service has switched on. */
export interface ServiceLoadBalancerSettings {
  /** Whether cross-zone load balancing is on. */
  readonly crossZoneEnabled: boolean;
  /** Whether access logs go to a bucket. */
  readonly accessLogs: boolean;
}

/**
 * Acknowledge the Control Tower controls a PrivateLink service's own Network Load Balancer is
 * flagged for, for the settings its owner left at their default.
 */
export function acknowledgeServiceLoadBalancer(nlb: IConstruct, settings: ServiceLoadBalancerSettings): void {
  if (!settings.crossZoneEnabled) {
    // CT.ELASTICLOADBALANCING.PR.14. "Cross-zone load balancing for target groups": off by default
    // for Network Load Balancers; turning it on makes cross-zone traffic pay EC2 data transfer charges.
    acknowledgeGuardRule(nlb, 'nlb_cross_zone_load_balancing_enabled_check',
      'Off is the Network Load Balancer default and keeps each consumer zone\'s traffic (and failures) in its zone '
      + 'without cross-AZ data transfer charges; the service needs targets in every zone it is offered in. '
      + 'Set crossZoneEnabled: true for small target fleets or where this control is enforced.');
  }
  // CT.ELASTICLOADBALANCING.PR.5. "Edit attributes for your Network Load Balancer": with deletion
  // protection on, the load balancer cannot be deleted until it is turned off.
  acknowledgeGuardRule(nlb, 'elbv2_deletion_protection_enabled_check',
    'The load balancer lives and dies with its stack and endpoint service: deletion protection would make stack '
    + 'deletion and replacement fail. Protect the stack (termination protection) or pass a loadBalancer of your own.');
  if (!settings.accessLogs) {
    // CT.ELASTICLOADBALANCING.PR.6. "Access logs for your Network Load Balancer": created only for
    // TLS listeners, in a bucket of the load balancer's region.
    acknowledgeGuardRule(nlb, 'elbv2_logging_enabled_check',
      'Access logs are opt-in through accessLogsBucket: Network Load Balancer access logs cover TLS listeners only '
      + 'and need a bucket the owner chooses.');
  }
}
