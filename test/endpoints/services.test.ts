import { GatewayEndpointService, InterfaceEndpointService } from '../../src/endpoints';

describe('service catalogues', () => {
  test('gateway services are the three AWS offers', () => {
    expect([GatewayEndpointService.S3, GatewayEndpointService.DYNAMODB, GatewayEndpointService.S3_EXPRESS].map((s) => s.name)).toEqual(['s3', 'dynamodb', 's3express']);
    expect(GatewayEndpointService.of('com.amazonaws.us-east-1.s3').name).toBe('com.amazonaws.us-east-1.s3');
  });

  test.each([
    ['SSM_SESSION_MANAGER', InterfaceEndpointService.SSM_SESSION_MANAGER, ['ssm', 'ssmmessages', 'ec2messages']],
    ['ECR_IMAGE_PULL', InterfaceEndpointService.ECR_IMAGE_PULL, ['ecr.api', 'ecr.dkr']],
    ['CLOUDWATCH', InterfaceEndpointService.CLOUDWATCH, ['logs', 'monitoring']],
  ])('preset %s', (_name, preset, names) => {
    expect(preset.map((s) => s.name)).toEqual(names);
  });

  test('of() keeps any name', () => {
    expect(InterfaceEndpointService.of('bedrock-runtime').name).toBe('bedrock-runtime');
  });
});
