import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { stackIn, synthErrors, vpcIn } from './util';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet } from '../../src/endpoints';
import { measurePolicy } from '../../src/endpoints/policy-size';

describe('policy size', () => {
  test('counts the compact JSON, with pseudo parameters known from the stack and other tokens as unknown', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    const doc = { Statement: [{ Resource: `arn:${stack.partition}:s3:::b`, Principal: { AWS: role.roleArn } }] };
    expect(measurePolicy(stack, doc)).toEqual({
      knownCharacters: JSON.stringify({ Statement: [{ Resource: 'arn:aws:s3:::b', Principal: { AWS: '' } }] }).length,
      unknownValues: 1,
    });
  });

  test('deploy-time values that could take the policy over the limit warn instead of passing silently', () => {
    // GIVEN a policy of about 19,000 literal characters plus role ARNs known only at deploy time
    const app = new App();
    const stack = stackIn(app, 'S');
    const roles = [0, 1].map((i) => new iam.Role(stack, `Role${i}`, { assumedBy: new iam.AccountRootPrincipal() }));
    const bucketNames = Array.from({ length: 200 }, (_, i) => `bucket-name-of-medium-length-${String(i).padStart(3, '0')}`);
    new GatewayEndpointSet(stack, 'G', {
      vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'),
      services: [GatewayEndpointService.S3],
      policy: EndpointPolicy.restrictTo({ bucketNames: bucketNames.slice(0, 180), principals: roles }),
    });

    // THEN
    expect(synthErrors(app)).toBe('');
    Annotations.fromStack(stack).hasWarning('/S/G/S3/Resource', Match.stringLikeRegexp(
      'policy of S/G/S3/Resource is \\d+ characters plus 2 deploy-time values.*cdk-private-connectivity:endpoint-policy-size-unknown',
    ));
  });

  test('a small policy with tokens does not warn', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    new GatewayEndpointSet(stack, 'G', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), policy: EndpointPolicy.restrictTo({ principals: [role] }) });
    app.synth();
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('endpoint-policy-size-unknown'));
  });
});
