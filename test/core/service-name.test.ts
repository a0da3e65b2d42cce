import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { ConnectivityError } from '../../src/core/errors';
import { regionOfServiceName } from '../../src/core/service-name';

describe('regionOfServiceName', () => {
  const stack = () => new Stack(new App(), 'S');

  test.each([
    ['com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', 'us-east-1'],
    ['cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0', 'cn-north-1'],
    ['com.amazonaws.vpce.us-gov-west-1.vpce-svc-0a1b2c3d', 'us-gov-west-1'],
  ])('%s names %s', (name, region) => {
    // GIVEN / WHEN / THEN
    expect(regionOfServiceName(stack(), 'serviceName', name)).toBe(region);
  });

  test('a token names no region, and is not refused', () => {
    // GIVEN
    const s = stack();
    const name = new CfnParameter(s, 'Name').valueAsString;

    // WHEN / THEN
    expect(regionOfServiceName(s, 'serviceName', name)).toBeUndefined();
  });

  test.each([
    'com.amazonaws.us-east-1.s3',
    'com.amazonaws.vpce.us-east-1.vpce-svc-XYZ',
    'com.amazonaws.vpce.us-east-1.vpce-svc-0123 ',
    'com.amazonaws.vpce..vpce-svc-01',
    'vpce-svc-0123456789abcdef0',
  ])('%j is refused, naming the prop, the value and the expected form', (name) => {
    // GIVEN
    const s = stack();

    // WHEN
    const call = () => regionOfServiceName(s, 'props.serviceName', name);

    // THEN
    expect(call).toThrow(ConnectivityError);
    expect(call).toThrow(`Stack 'S': props.serviceName ${JSON.stringify(name)}; an endpoint service name looks like com.amazonaws.vpce.<region>.vpce-svc-<id>.`);
  });
});
