import { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { stackIn } from './util';

/** Refusals: title, how the policy is made, message (the value received and the rule ID). */
const REFUSALS: Array<[string, () => unknown, RegExp]> = [
  ['restrictTo with nothing', () => EndpointPolicy.restrictTo({ buckets: [] }),
    /EndpointPolicy\.restrictTo: restrictions narrow nothing.*EndpointPolicy\.allowAll\(\).*\[cdk-private-connectivity:endpoint-policy-invalid\]/],
  ['a malformed organization ID', () => EndpointPolicy.restrictTo({ principalOrgIds: ['r-abcd'] }),
    /principalOrgIds\[0\] "r-abcd"; an AWS Organizations ID is "o-".*endpoint-policy-invalid/],
  ['no statements', () => EndpointPolicy.fromStatements([]), /statements \[\]; an endpoint policy needs at least one statement.*endpoint-policy-invalid/],
  ['a statement without a principal', () => EndpointPolicy.fromStatements([new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })]),
    /statements\[0\] \{"Action":"s3:\*","Effect":"Allow","Resource":"\*"\}; an endpoint policy statement must contain a Principal element.*endpoint-policy-invalid/],
];
import { EndpointPolicy } from '../../src/endpoints';

describe('EndpointPolicy', () => {
  test('allowAll renders nothing (AWS default)', () => {
    const p = EndpointPolicy.allowAll();
    expect(p.isAllowAll).toBe(true);
    expect(p._render({ serviceShortName: 's3' })).toEqual({ statements: [], unrestricted: true });
  });

  test('restrictTo renders one Allow statement; partition and region come from the context', () => {
    const stack = stackIn(new App(), 'S', 'cn-north-1');
    const { statements, unrestricted } = EndpointPolicy.restrictTo({ bucketNames: ['b'], tableNames: ['t'], actions: ['s3:GetObject'] })
      ._render({ serviceShortName: 's3', partition: 'aws-cn', region: 'cn-north-1', account: '111111111111' });
    expect(unrestricted).toBe(false);
    expect(stack.resolve(statements.map((s) => s.toStatementJson()))).toEqual([{
      Effect: 'Allow', Action: 's3:GetObject', Principal: { AWS: '*' }, Resource: ['arn:aws-cn:s3:::b', 'arn:aws-cn:s3:::b/*'],
    }]);
  });

  test('fromStatements keeps the statements; additionalStatements are appended', () => {
    const own = new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::amazonlinux-2-repos-us-east-1/*'], principals: [new iam.AnyPrincipal()] });
    expect(EndpointPolicy.fromStatements([own])._render({ serviceShortName: 's3' }).statements).toEqual([own]);
    const r = EndpointPolicy.restrictTo({ principalOrgIds: ['o-a1b2c3d4e5'], additionalStatements: [own] })._render({ serviceShortName: 's3' });
    expect(r.statements).toHaveLength(2);
    expect(r.statements[1]).toBe(own);
  });

  test.each(REFUSALS)('%s is refused', (_title, make, message) => {
    expect(make).toThrow(message);
  });
});
