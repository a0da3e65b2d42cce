import { CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { newApp, stackIn } from './fixtures';
import { GatewayLoadBalancerService } from '../../src';

/** A stack that synthesizes on its own (a template needs a resource). */
function app(): Stack {
  const stack = stackIn(newApp(), 'App');
  new CfnWaitConditionHandle(stack, 'NotEmpty');
  return stack;
}

describe('GatewayLoadBalancerService.fromServiceAttributes: the region named in the service name', () => {
  test('region-unknown: a well-formed region this library does not know is warned, as PrivateLink services are', () => {
    const stack = app();
    const svc = GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: 'com.amazonaws.vpce.eu-east-9.vpce-svc-0123456789abcdef0' });
    expect(svc.region).toBe('eu-east-9');
    const found = Annotations.fromStack(stack).findWarning('/App/Fw', Match.stringLikeRegexp('region-unknown'));
    expect(found.map((w) => String(w.entry.data))).toEqual([
      expect.stringMatching(/'App\/Fw': serviceName "eu-east-9" is not a region this library knows; .*\[cdk-private-connectivity:region-unknown\]/),
    ]);
  });

  test('region-invalid: a partition part no partition has is refused', () => {
    const stack = app();
    expect(() => GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: 'com.amazonaws.vpce.us-gvo-west-1.vpce-svc-0123456789abcdef0' }))
      .toThrow(/'App\/Fw': serviceName "us-gvo-west-1"; .*\[cdk-private-connectivity:region-invalid\]/);
  });

  test('region-unknown control: a known region gets no warning', () => {
    const stack = app();
    GatewayLoadBalancerService.fromServiceAttributes(stack, 'Fw', { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
