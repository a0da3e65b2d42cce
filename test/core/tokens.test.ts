import { App, CfnParameter, CfnWaitConditionHandle, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AvailabilityZoneIds } from '../../src/core/az-ids';
import { ConnectivityGraph } from '../../src/core/graph';
import { checkPrincipals } from '../../src/core/principals';
import { synthErrors } from '../synth';

const ACCOUNT = '111111111111';

/** A stack with one resource (an empty template is a warning of its own). */
function stackOf(app: App, env = true): Stack {
  const s = new Stack(app, 'S', env ? { env: { account: ACCOUNT, region: 'us-east-1' } } : undefined);
  new CfnWaitConditionHandle(s, 'Placeholder');
  return s;
}

/** Every warning of a stack, as text. */
function warningsOf(s: Stack): string[] {
  return Annotations.fromStack(s).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('a token never makes a core check pass silently', () => {
  test('privatelink-az-ids-unknown: a token AZ ID is left out of the map and warned about, literal ones are kept', () => {
    // GIVEN
    const app = new App();
    const s = stackOf(app);
    const scope = new Construct(s, 'Consumer');
    const id = Lazy.string({ produce: () => 'use1-az1' });

    // WHEN
    const ids = AvailabilityZoneIds._resolve(scope, 'availabilityZoneIds', ACCOUNT, 'us-east-1', [
      { name: 'us-east-1a', id: 'use1-az6' },
      { name: 'us-east-1b', id },
    ]);

    // THEN: the literal zone is matched, the token one is unknown (not a match, not a mismatch)
    expect([...ids!.entries()]).toEqual([['us-east-1a', 'use1-az6']]);
    expect(warningsOf(s)).toEqual([expect.stringMatching(/'S\/Consumer': availabilityZoneIds\[1\] "us-east-1b" → \(unresolved token .*\); a token zone name or AZ ID cannot be matched at synth, so the zone-matching check \(by AZ ID\) treats this zone as unknown.*privatelink-az-ids-unknown/)]);
  });

  test('literal AZ IDs are kept without a warning (valid control)', () => {
    const app = new App();
    const s = stackOf(app);
    const ids = AvailabilityZoneIds._resolve(new Construct(s, 'C'), 'availabilityZoneIds', ACCOUNT, 'us-east-1', [{ name: 'us-east-1a', id: 'use1-az6' }]);
    expect(ids?.get('us-east-1a')).toBe('use1-az6');
    expect(warningsOf(s)).toEqual([]);
  });

  test('vpc-region-unknown: in an environment-agnostic stack the partition of a literal principal is not checked, and a warning says so', () => {
    // GIVEN a service in an env-agnostic stack, a principal of aws-cn
    const app = new App();
    const s = stackOf(app, false);
    const service = new Construct(s, 'Service');

    // WHEN
    checkPrincipals(service, { given: [new iam.ArnPrincipal('arn:aws-cn:iam::222222222222:root')], allowAny: false, partition: undefined });

    // THEN
    Annotations.fromStack(s).hasWarning('/S', Match.stringLikeRegexp("Stack 'S': region is a token.*the partition of allowed principals is not checked against the service's \\(privatelink-partition-mismatch\\).*Construct 'S/Service'.*vpc-region-unknown"));
  });

  test('with a known partition the principal is checked (control): refused across partitions, no warning within', () => {
    const app = new App();
    const s = stackOf(app);
    const service = new Construct(s, 'Service');
    expect(() => checkPrincipals(service, { given: [new iam.ArnPrincipal('arn:aws-cn:iam::222222222222:root')], allowAny: false, partition: 'aws' }))
      .toThrow(/partition aws-cn, the service in aws.*privatelink-partition-mismatch/);
    checkPrincipals(service, { given: [new iam.ArnPrincipal('arn:aws:iam::222222222222:root')], allowAny: false, partition: 'aws' });
    expect(warningsOf(s)).toEqual([]);
  });

  test('value-unknown: an endpoint whose VpcEndpointType is a token warns that the endpoint quotas skip it', () => {
    // GIVEN
    const app = new App();
    const s = stackOf(app);
    const vpc = new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    ConnectivityGraph.of(s)._addVpc(vpc);
    new ec2.CfnVPCEndpoint(s, 'Ep', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.s3', vpcEndpointType: new CfnParameter(s, 'Type').valueAsString });
    new ec2.CfnVPCEndpoint(s, 'Literal', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.dynamodb', vpcEndpointType: 'Gateway' });

    // THEN
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(s).hasWarning('/S/Ep', Match.stringLikeRegexp("CfnVPCEndpoint 'S/Ep': VpcEndpointType \\(unresolved token.*not counted against the gateway endpoint quota \\(graph-gateway-endpoint-quota\\).*value-unknown"));
    Annotations.fromStack(s).hasNoWarning('/S/Literal', Match.anyValue());
  });
});
