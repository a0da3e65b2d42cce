import { App, Stack } from 'aws-cdk-lib';
import { stackIn } from './util';
import { gatewayServiceName, interfaceServiceName, normaliseServiceName, parseServiceName, serviceChildId } from '../../src/endpoints/service-name';

describe('service names', () => {
  test.each([
    ['sns', { shortName: 'sns' }],
    ['ecr.dkr', { shortName: 'ecr.dkr' }],
    ['com.amazonaws.eu-west-1.sns', { shortName: 'sns', region: 'eu-west-1', fullName: 'com.amazonaws.eu-west-1.sns' }],
    ['cn.com.amazonaws.cn-north-1.ecr.api', { shortName: 'ecr.api', region: 'cn-north-1', fullName: 'cn.com.amazonaws.cn-north-1.ecr.api' }],
    ['com.amazonaws.iam', { shortName: 'iam', fullName: 'com.amazonaws.iam' }],
  ])('parseServiceName(%s)', (name, expected) => {
    expect(parseServiceName(name)).toEqual(expected);
  });

  test.each([
    ['s3', 'S3'], ['ecr.dkr', 'EcrDkr'], ['kinesis-streams', 'KinesisStreams'], ['dynamodb', 'Dynamodb'],
  ])('serviceChildId(%s) is %s', (name, id) => {
    expect(serviceChildId(name)).toBe(id);
  });

  test('interface names follow aws-cdk-lib per partition; a token region keeps the lazy name', () => {
    const app = new App();
    expect(interfaceServiceName(stackIn(app, 'Us', 'us-east-1'), 'ecr.dkr')).toBe('com.amazonaws.us-east-1.ecr.dkr');
    expect(interfaceServiceName(stackIn(app, 'Cn', 'cn-northwest-1'), 'ecr.dkr')).toBe('cn.com.amazonaws.cn-northwest-1.ecr.dkr');
    expect(interfaceServiceName(stackIn(app, 'Cn1', 'cn-north-1'), 'sns')).toBe('com.amazonaws.cn-north-1.sns');
    const agnostic = stackIn(app, 'Any', null);
    expect(agnostic.resolve(interfaceServiceName(agnostic, 'sns'))).toEqual({ 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.sns']] });
  });

  test('normaliseServiceName fills pseudo parameters in a stack with a literal region', () => {
    const app = new App();
    const stack = stackIn(app, 'S', 'eu-west-1');
    expect(normaliseServiceName(stack, gatewayServiceName('s3', undefined))).toBe('com.amazonaws.eu-west-1.s3');
    expect(normaliseServiceName(stack, 'com.amazonaws.eu-west-1.s3')).toBe('com.amazonaws.eu-west-1.s3');
    const agnostic = new Stack(app, 'Any');
    expect(normaliseServiceName(agnostic, gatewayServiceName('s3', undefined))).toBe(JSON.stringify({ 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] }));
  });
});
