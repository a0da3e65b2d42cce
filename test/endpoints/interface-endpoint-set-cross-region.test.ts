import { App, CfnParameter } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { stackIn, vpcIn } from './util';
import { ConnectivityGraph } from '../../src/core/graph';
import { InterfaceEndpointService, InterfaceEndpointSet, InterfaceEndpointSetProps } from '../../src/endpoints';
import { CROSS_REGION_SERVICES, CROSS_REGION_SERVICES_CONTEXT_KEY } from '../../src/endpoints/cross-region-services';

/** A set in a VPC of `region` (us-east-1 by default) with `props`; the app, stack and set. */
function build(props: Partial<InterfaceEndpointSetProps>, region = 'us-east-1', context?: Record<string, unknown>) {
  const app = new App({ context });
  const stack = stackIn(app, 'S', region);
  const vpc = vpcIn(stack, 'Vpc', '10.0.0.0/16');
  const set = new InterfaceEndpointSet(stack, 'Remote', { vpc, services: [InterfaceEndpointService.of('s3')], ...props });
  return { app, stack, vpc, set };
}

describe('InterfaceEndpointSet serviceRegion (cross-region endpoints to AWS services)', () => {
  test('S3 in us-west-2 from a VPC in us-east-1: the service region\'s name, ServiceRegion, the graph edge, no warning', () => {
    // GIVEN / WHEN: the example of the issue
    const { app, stack, vpc, set } = build({ serviceRegion: 'us-west-2' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.us-west-2.s3',
      ServiceRegion: 'us-west-2',
      VpcEndpointType: 'Interface',
      VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
    });
    expect(set.serviceRegion).toBe('us-west-2');
    expect(set.serviceNames).toEqual(['com.amazonaws.us-west-2.s3']);
    const [edge] = ConnectivityGraph.of(app).endpoints;
    expect(edge).toEqual(expect.objectContaining({ vpc, serviceName: 'com.amazonaws.us-west-2.s3', serviceRegion: 'us-west-2' }));
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    ['cn-north-1', 'cn-northwest-1', 'ecr.api', 'cn.com.amazonaws.cn-northwest-1.ecr.api'],
    ['cn-north-1', 'cn-northwest-1', 'kms', 'com.amazonaws.cn-northwest-1.kms'],
    ['eu-west-1', 'us-east-1', 'lambda', 'com.amazonaws.us-east-1.lambda'],
    ['us-east-1', 'us-west-2', 'iam', 'com.amazonaws.iam'],
    ['us-east-2', 'us-east-1', 'route53', 'com.amazonaws.route53'],
  ])('from %s to %s, %s is named %s', (region, serviceRegion, service, expected) => {
    const { stack, set } = build({ services: [InterfaceEndpointService.of(service)], serviceRegion }, region);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: expected, ServiceRegion: serviceRegion });
    expect(set.serviceNames).toEqual([expected]);
  });

  test('every service of the table is accepted from another region of its partition', () => {
    for (const svc of CROSS_REGION_SERVICES.filter((s) => s.partitions.includes('aws'))) {
      expect(() => build({ services: [InterfaceEndpointService.of(svc.shortName)], serviceRegion: 'us-west-2' })).not.toThrow();
    }
  });

  test('a serviceRegion equal to the VPC\'s region is a local endpoint (no ServiceRegion)', () => {
    const { stack, set } = build({ services: [InterfaceEndpointService.SNS], serviceRegion: 'us-east-1' });
    const [ep] = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'));
    expect(ep.Properties.ServiceRegion).toBeUndefined();
    expect(ep.Properties.ServiceName).toBe('com.amazonaws.us-east-1.sns');
    expect(set.serviceRegion).toBeUndefined();
  });

  test('a full service name naming the service region is kept verbatim', () => {
    const { stack } = build({ services: [InterfaceEndpointService.of('com.amazonaws.us-west-2.ecr.dkr')], serviceRegion: 'us-west-2' });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-west-2.ecr.dkr', ServiceRegion: 'us-west-2' });
  });

  test('endpoint-cross-region-unsupported: a service AWS does not list is refused, naming the services that are', () => {
    expect(() => build({ services: [InterfaceEndpointService.SNS], serviceRegion: 'us-west-2' })).toThrow(
      /InterfaceEndpointSet 'S\/Remote': services\[0\] "sns" with serviceRegion "us-west-2"; AWS lists these services as cross-region enabled in partition aws \(AWS PrivateLink guide, "Cross-region enabled AWS services"\): s3, iam, ecr\.api, ecr\.dkr, kms, .*route53\..*crossRegionServices.*\[cdk-private-connectivity:endpoint-cross-region-unsupported\]/,
    );
    // the China edition of the page lists no SQS; it does list kinesisanalytics-fips (cn.com.amazonaws.region.kinesisanalytics-fips)
    expect(() => build({ services: [InterfaceEndpointService.SQS], serviceRegion: 'cn-northwest-1' }, 'cn-north-1'))
      .toThrow(/in partition aws-cn .*endpoint-cross-region-unsupported/);
    expect(() => build({ services: [InterfaceEndpointService.of('kinesisanalytics-fips')], serviceRegion: 'cn-northwest-1' }, 'cn-north-1'))
      .not.toThrow();
  });

  test('endpoint-cross-region-unsupported controls: a service added later, by prop or by context key', () => {
    const byProp = build({ services: [InterfaceEndpointService.SQS], serviceRegion: 'us-west-2', crossRegionServices: ['sqs'] });
    Template.fromStack(byProp.stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-west-2.sqs', ServiceRegion: 'us-west-2' });
    const byContext = build({ services: [InterfaceEndpointService.SQS], serviceRegion: 'us-west-2' }, 'us-east-1', { [CROSS_REGION_SERVICES_CONTEXT_KEY]: ['sqs'] });
    expect(byContext.set.serviceNames).toEqual(['com.amazonaws.us-west-2.sqs']);
  });

  test.each([
    ['a full service name', { crossRegionServices: ['com.amazonaws.us-west-2.sqs'] }, undefined],
    ['a context value that is not a list', {}, { [CROSS_REGION_SERVICES_CONTEXT_KEY]: 'sqs' }],
  ])('endpoint-service-name-invalid: extra cross-region services given as %s are refused', (_t, props, context) => {
    expect(() => build({ serviceRegion: 'us-west-2', ...props }, 'us-east-1', context)).toThrow(/extra cross-region services are a list of short service names.*endpoint-service-name-invalid/);
  });

  test.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('endpoint-cross-region-partition: a service region in %s (another partition) is refused', (serviceRegion, partition) => {
    expect(() => build({ serviceRegion })).toThrow(new RegExp(
      `serviceRegion "${serviceRegion}" is in partition ${partition}, the VPC in us-east-1 \\(partition aws\\); an interface endpoint reaches AWS services in other regions of its own partition only.*endpoint-cross-region-partition`));
  });

  test('region-invalid: a service region that is not a region name is refused', () => {
    expect(() => build({ serviceRegion: 'US-West-2' })).toThrow(/serviceRegion "US-West-2".*\[cdk-private-connectivity:region-invalid\]/);
  });

  test('endpoint-region-mismatch: a full service name naming another region than serviceRegion is refused', () => {
    expect(() => build({ services: [InterfaceEndpointService.of('com.amazonaws.eu-west-1.s3')], serviceRegion: 'us-west-2' }))
      .toThrow(/"com\.amazonaws\.eu-west-1\.s3" names region eu-west-1, but serviceRegion is us-west-2.*endpoint-region-mismatch/);
  });

  test('endpoint-service-region-unknown: a token service region warns and passes through', () => {
    const app = new App();
    const stack = stackIn(app, 'S');
    const region = new CfnParameter(stack, 'ServiceRegion', { type: 'String' }).valueAsString;
    const set = new InterfaceEndpointSet(stack, 'Remote', { vpc: vpcIn(stack, 'Vpc', '10.0.0.0/16'), services: [InterfaceEndpointService.SNS], serviceRegion: region });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceRegion: { Ref: 'ServiceRegion' },
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'ServiceRegion' }, '.sns']] },
    });
    expect(set.serviceRegion).toBe(region);
    Annotations.fromStack(stack).hasWarning('/S/Remote', Match.stringLikeRegexp('serviceRegion \\(unresolved token.*cannot be checked at synth.*endpoint-service-region-unknown'));
  });

  test('an environment-agnostic VPC with a literal service region: the table still applies', () => {
    expect(() => build({ services: [InterfaceEndpointService.SNS], serviceRegion: 'us-west-2' }, null as unknown as string)).toThrow(/endpoint-cross-region-unsupported/);
    const { stack } = build({ serviceRegion: 'us-west-2' }, null as unknown as string);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-west-2.s3', ServiceRegion: 'us-west-2' });
  });
});
