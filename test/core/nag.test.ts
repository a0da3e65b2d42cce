import { App, Stack, Validations } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import {
  acknowledgeCustomResourceProvider, acknowledgeDescribeCustomResource, acknowledgeFunctionOutsideVpc,
  acknowledgeGuardRule, acknowledgeRule, acknowledgeServiceLoadBalancer,
} from '../../src/core/nag';

/** The rules acknowledged on `scope` itself: id → reason. */
function acknowledged(c: IConstruct): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of c.node.metadata) {
    if (m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) Object.assign(out, m.data as Record<string, string>);
  }
  return out;
}

function scope(): { stack: Stack; c: Construct } {
  const stack = new Stack(new App(), 'S');
  return { stack, c: new Construct(stack, 'C') };
}

describe('acknowledgements', () => {
  test('acknowledgeRule records the rule and reason on the scope', () => {
    const { c } = scope();
    acknowledgeRule(c, 'AwsSolutions-IAM5', 'because');
    expect(Object.values(acknowledged(c))).toEqual(['because']);
    expect(Object.keys(acknowledged(c))[0]).toContain('AwsSolutions-IAM5');
  });

  test('acknowledgeGuardRule names the cfn-guard plugin', () => {
    const { c } = scope();
    acknowledgeGuardRule(c, 'lambda_inside_vpc_check', 'r');
    expect(acknowledged(c)).toEqual({ 'cdk-validator-cfnguard::lambda_inside_vpc_check': 'r' });
  });

  test('acknowledgeFunctionOutsideVpc says what the function calls', () => {
    const { c } = scope();
    acknowledgeFunctionOutsideVpc(c, 'EC2 APIs');
    expect(acknowledged(c)).toEqual({
      'cdk-validator-cfnguard::lambda_inside_vpc_check': 'The function only calls EC2 APIs and reaches no VPC resource; in a VPC it would need '
        + 'a NAT gateway or an EC2 interface endpoint in every region it calls, which the isolated VPCs this library serves do not have.',
    });
  });

  test('no AwsCustomResource provider in the stack: nothing acknowledged', () => {
    const { stack, c } = scope();
    acknowledgeCustomResourceProvider(c);
    expect(stack.node.findAll().flatMap((x) => Object.keys(acknowledged(x)))).toEqual([]);
  });

  test('a describe custom resource: IAM5 on the resource; IAM4, Lambda outside a VPC and log encryption on the shared provider', () => {
    const { stack } = scope();
    const res = new cr.AwsCustomResource(stack, 'Lookup', {
      onCreate: { service: 'EC2', action: 'describeVpcs', physicalResourceId: cr.PhysicalResourceId.of('x') },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    acknowledgeDescribeCustomResource(res);
    expect(Object.entries(acknowledged(res)).map(([k, v]) => [k.includes('AwsSolutions-IAM5[Resource::*]'), v])).toEqual([
      [true, 'EC2 Describe* actions support no resource-level permissions; the policy allows only the describe call this lookup makes.'],
    ]);
    const provider = stack.node.findChild('AWS679f53fac002430cb0da5b7982bd2287');
    const keys = Object.keys(acknowledged(provider));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toContain('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]');
    expect(keys.slice(1)).toEqual(['cdk-validator-cfnguard::lambda_inside_vpc_check', 'cdk-validator-cfnguard::cloudwatch_log_group_encrypted_check']);
    const reasons = acknowledged(provider);
    expect(reasons[keys[0]]).toBe('The aws-cdk-lib AwsCustomResource provider function only writes its own CloudWatch Logs with this managed policy.');
    expect(reasons[keys[1]]).toContain('The function only calls EC2 APIs (DescribeVpcs, DescribeVpcPeeringConnections), sometimes in another region and');
    expect(reasons[keys[2]]).toMatch(/^The log group .* holds only the provider's EC2 call logs, no secrets; .* the user must govern\.$/);
  });
});

describe('acknowledgeServiceLoadBalancer', () => {
  const CROSS = 'cdk-validator-cfnguard::nlb_cross_zone_load_balancing_enabled_check';
  const DELETE = 'cdk-validator-cfnguard::elbv2_deletion_protection_enabled_check';
  const LOGS = 'cdk-validator-cfnguard::elbv2_logging_enabled_check';

  test('defaults: cross-zone, deletion protection and logging acknowledged, each with its reason', () => {
    const { c } = scope();
    acknowledgeServiceLoadBalancer(c, { crossZoneEnabled: false, accessLogs: false });
    const a = acknowledged(c);
    expect(Object.keys(a)).toEqual([CROSS, DELETE, LOGS]);
    expect(a[CROSS]).toMatch(/^Off is the Network Load Balancer default .* Set crossZoneEnabled: true for small target fleets or where this control is enforced\.$/);
    expect(a[CROSS]).toContain("keeps each consumer zone's traffic (and failures) in its zone without cross-AZ data transfer charges; the service needs targets in every zone it is offered in.");
    expect(a[DELETE]).toMatch(/^The load balancer lives and dies with its stack .* or pass a loadBalancer of your own\.$/);
    expect(a[LOGS]).toMatch(/^Access logs are opt-in through accessLogsBucket: .* and need a bucket the owner chooses\.$/);
  });

  test('cross-zone on and access logs on: only deletion protection is acknowledged', () => {
    const { c } = scope();
    acknowledgeServiceLoadBalancer(c, { crossZoneEnabled: true, accessLogs: true });
    expect(Object.keys(acknowledged(c))).toEqual([DELETE]);
  });
});
