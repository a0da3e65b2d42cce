import { App, Aws, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ACCOUNT, stackIn, vpcIn } from './util';
import { EndpointPolicy } from '../../src/endpoints';
import { ecrLayerObjectsArn, evaluateLayerAccess, LayerAccess, serviceShortNameOf } from '../../src/endpoints/ecr-layers';

const LAYERS = 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*';
const ORG = { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } };

/** Statements (as CloudFormation renders them) and what they do to a layer download in us-east-1. */
const CASES: Array<[string, unknown[] | undefined, LayerAccess]> = [
  ['no policy (AWS default)', undefined, LayerAccess.ALLOWED],
  ['full access', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }], LayerAccess.ALLOWED],
  ['the AWS-documented minimum', [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: LAYERS }], LayerAccess.ALLOWED],
  ['wildcards in action and resource', [{ Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: 'arn:aws:s3:::prod-*-starport-layer-bucket/*' }], LayerAccess.ALLOWED],
  ['NotAction that leaves GetObject', [{ Effect: 'Allow', Principal: '*', NotAction: 's3:PutObject', Resource: '*' }], LayerAccess.ALLOWED],
  ['an organization condition', [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: ORG }], LayerAccess.NOT_ALLOWED],
  ['principals of the account', [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: '*', Resource: '*' }], LayerAccess.NOT_ALLOWED],
  ['only the bucket ARN, not its objects', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: LAYERS.slice(0, -2) }], LayerAccess.NOT_ALLOWED],
  ['only PutObject', [{ Effect: 'Allow', Principal: '*', Action: ['s3:PutObject'], Resource: '*' }], LayerAccess.NOT_ALLOWED],
  ['the layer bucket of another region', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: 'arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*' }], LayerAccess.NOT_ALLOWED],
  ['an app bucket only', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: [{ 'Fn::GetAtt': ['Data', 'Arn'] }] }], LayerAccess.NOT_ALLOWED],
  ['a Deny of the layer bucket', [
    { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: LAYERS },
  ], LayerAccess.DENIED],
  ['a Deny outside the organization', [
    { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
  ], LayerAccess.DENIED],
  ['a Deny of everything but the app bucket', [
    { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: '*', NotResource: [{ 'Fn::GetAtt': ['Data', 'Arn'] }] },
  ], LayerAccess.DENIED],
  ['a Deny for one principal only', [
    { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/x` }, Action: '*', Resource: '*' },
  ], LayerAccess.ALLOWED],
  ['a Deny with a condition the synth cannot evaluate', [
    { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } },
  ], LayerAccess.MAYBE_DENIED],
  ['a Deny of a deploy-time resource', [
    { Effect: 'Deny', Principal: '*', Action: '*', Resource: { 'Fn::ImportValue': 'x' } },
  ], LayerAccess.MAYBE_DENIED],
];

describe('ECR image layers', () => {
  test.each(CASES)('%s', (_title, statements, expected) => {
    const document = statements === undefined ? undefined : { Statement: statements, Version: '2012-10-17' };
    expect(evaluateLayerAccess(document, 'aws', 'us-east-1').access).toBe(expected);
  });

  test('the layer bucket is per region and partition', () => {
    expect(ecrLayerObjectsArn('aws-cn', 'cn-north-1')).toBe('arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*');
    const allowCn = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*' }] };
    expect(evaluateLayerAccess(allowCn, 'aws-cn', 'cn-north-1').access).toBe(LayerAccess.ALLOWED);
    expect(evaluateLayerAccess(allowCn, 'aws', 'us-east-1').access).toBe(LayerAccess.NOT_ALLOWED);
  });

  test.each([
    ['us-east-1', 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*'],
    ['cn-northwest-1', 'arn:aws-cn:s3:::prod-cn-northwest-1-starport-layer-bucket/*'],
    ['us-gov-west-1', 'arn:aws-us-gov:s3:::prod-us-gov-west-1-starport-layer-bucket/*'],
  ])('EndpointPolicy.ecrImageLayersStatement(%s) allows s3:GetObject on %s to any principal', (region, arn) => {
    const stack = new Stack();
    expect(stack.resolve(EndpointPolicy.ecrImageLayersStatement(region).toStatementJson())).toEqual({
      Sid: 'AllowEcrImageLayers', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: arn,
    });
  });

  test('ecrImageLayersStatement without a region names the bucket with the pseudo parameters', () => {
    const stack = new Stack();
    expect(stack.resolve(EndpointPolicy.ecrImageLayersStatement().toStatementJson()).Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::prod-', { Ref: 'AWS::Region' }, '-starport-layer-bucket/*']],
    });
    expect(stack.resolve(EndpointPolicy.ecrImageLayersStatement(Aws.REGION).toStatementJson()).Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::prod-', { Ref: 'AWS::Region' }, '-starport-layer-bucket/*']],
    });
  });

  test('ecrImageLayersStatement refuses a malformed region', () => {
    expect(() => EndpointPolicy.ecrImageLayersStatement('us-east-1a')).toThrow(/EndpointPolicy\.ecrImageLayersStatement: region "us-east-1a".*region-invalid/);
  });

  test('service short names are read from literal names and from joins with AWS::Region', () => {
    const app = new App();
    const known = stackIn(app, 'Known');
    const agnostic = stackIn(app, 'Agnostic', null);
    const a = vpcIn(known, 'Vpc', '10.0.0.0/16').addInterfaceEndpoint('Dkr', { service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER });
    const b = vpcIn(agnostic, 'Vpc', '10.0.0.0/16').addInterfaceEndpoint('Api', { service: ec2.InterfaceVpcEndpointAwsService.ECR });
    expect(serviceShortNameOf(a.node.defaultChild as ec2.CfnVPCEndpoint)).toBe('ecr.dkr');
    expect(serviceShortNameOf(b.node.defaultChild as ec2.CfnVPCEndpoint)).toBe('ecr.api');
  });
});
