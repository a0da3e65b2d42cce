/** Invalid gateway endpoint policies: principals, wildcards, conditions that never match, buckets and tables of another region. */
import { App, CfnWaitConditionHandle, Fn, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S } from './sources';
import { InvalidCase, isolatedVpc, NETWORK, PARTNER, stackIn } from './types';
import { EndpointPolicy, GatewayEndpointService, GatewayEndpointSet } from '../../src';
import { Rules } from '../../src/core/rules';

/** A gateway endpoint set for `services` (default S3) in stack App (us-east-1) with `policy`. */
function gateway(app: App, policy: (stack: Stack) => EndpointPolicy, services = [GatewayEndpointService.S3]): void {
  const stack = stackIn(app, 'App');
  new GatewayEndpointSet(stack, 'G', { vpc: isolatedVpc(stack, 'Vpc', '10.0.0.0/16'), services, policy: policy(stack) });
}

/** A statement reading objects, for `principal` (default: anyone) under `conditions`. */
function read(conditions?: Record<string, unknown>, principal: iam.IPrincipal = new iam.AnyPrincipal(), resources = ['*']): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions: ['s3:GetObject'], resources, principals: [principal], conditions });
}

/** A stack without an environment that holds a resource (a template needs one). */
function agnosticData(app: App): Stack {
  const data = new Stack(app, 'Data');
  new CfnWaitConditionHandle(data, 'Keep');
  return data;
}

export const POLICY_CASES: InvalidCase[] = [
  // ---- a gateway endpoint policy's Principal ----
  {
    id: 'gateway-policy-account-principal',
    title: 'a gateway endpoint policy granting an account ID as Principal',
    rule: Rules.ENDPOINT_GATEWAY_PRINCIPAL,
    source: S.ENDPOINT_POLICIES,
    expect: /policy of the s3 endpoint, statement 0 Principal .*111111111111.*; a gateway endpoint policy's Principal must be \*.*root user only/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read(undefined, new iam.AccountPrincipal(NETWORK))])),
  },
  {
    id: 'gateway-policy-role-principal',
    title: 'a gateway endpoint policy naming a role as Principal',
    rule: Rules.ENDPOINT_GATEWAY_PRINCIPAL,
    source: S.ENDPOINT_POLICIES,
    expect: /statement 0 Principal .*arn:aws:iam::222222222222:role\/app.*; a gateway endpoint policy's Principal must be \*/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read(undefined, new iam.ArnPrincipal(`arn:aws:iam::${PARTNER}:role/app`))])),
  },

  // ---- wildcards AWS refuses ----
  {
    id: 'policy-wildcard-principal-account',
    title: 'a wildcard in aws:PrincipalAccount',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /Condition StringLike aws:PrincipalAccount "1111\*"; aws:PrincipalAccount holds a system-generated identifier, which takes no wildcard/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringLike: { 'aws:PrincipalAccount': '1111*' } })])),
  },
  {
    id: 'policy-wildcard-resource-account',
    title: 'a ? wildcard in aws:ResourceAccount',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:ResourceAccount "22222222222\?"; aws:ResourceAccount holds a system-generated identifier/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringLike: { 'aws:ResourceAccount': [NETWORK, '22222222222?'] } })])),
  },
  {
    id: 'policy-numeric-source-vpc',
    title: 'a numeric operator on aws:SourceVpc',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:SourceVpc holds a system-generated identifier, which takes no numeric condition operator/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ NumericEquals: { 'aws:SourceVpc': '1' } })])),
  },
  {
    id: 'policy-wildcard-short-run',
    title: 'a tag pattern with fewer than six characters beside its wildcard',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /"ab\*"; with a string condition operator, each wildcard needs at least six consecutive characters/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringLike: { 'aws:PrincipalTag/team': 'ab*' } })])),
  },
  {
    id: 'policy-arn-account-mixed-wildcard',
    title: 'a principal ARN pattern whose account part mixes digits and a wildcard',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /the account part of an ARN is an account ID or a wildcard, not both \(got "1111\*"\)/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::1111*:role/app' } })])),
  },
  {
    id: 'policy-resource-arn-account-mixed-wildcard',
    title: 'a table ARN whose account part mixes digits and a wildcard',
    rule: Rules.ENDPOINT_POLICY_WILDCARD,
    source: S.ENDPOINT_POLICIES,
    expect: /additionalStatements\[0\] Resource "arn:aws:dynamodb:us-east-1:12\*:table\/t"; the account part of an ARN/,
    build: (app) => gateway(app, () => EndpointPolicy.restrictTo({
      actions: ['dynamodb:GetItem'],
      additionalStatements: [read(undefined, new iam.AnyPrincipal(), ['arn:aws:dynamodb:us-east-1:12*:table/t'])],
    }), [GatewayEndpointService.DYNAMODB]),
  },

  // ---- conditions that never match ----
  {
    id: 'policy-principal-account-short',
    title: 'aws:PrincipalAccount compared with a 4-digit value',
    rule: Rules.ENDPOINT_POLICY_NEVER_MATCHES,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:PrincipalAccount "1234"; aws:PrincipalAccount is a 12-digit account ID, so this value never matches/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringEquals: { 'aws:PrincipalAccount': '1234' } })])),
  },
  {
    id: 'policy-source-vpce-is-a-vpc-id',
    title: 'aws:SourceVpce compared with a VPC ID',
    rule: Rules.ENDPOINT_POLICY_NEVER_MATCHES,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:SourceVpce is a VPC endpoint ID \(vpce-\.\.\.\), so this value never matches/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringEquals: { 'aws:SourceVpce': 'vpc-0a1b2c3d' } })])),
  },
  {
    id: 'policy-resource-org-is-a-root-id',
    title: 'aws:ResourceOrgID compared with a root ID',
    rule: Rules.ENDPOINT_POLICY_NEVER_MATCHES,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:ResourceOrgID is an organization ID \(o-\.\.\.\), so this value never matches/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringNotEquals: { 'aws:ResourceOrgID': 'r-ab12' } })])),
  },
  {
    id: 'policy-principal-arn-is-a-name',
    title: 'aws:PrincipalArn compared with a role name',
    rule: Rules.ENDPOINT_POLICY_NEVER_MATCHES,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:PrincipalArn is an ARN, so this value never matches/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringEquals: { 'aws:PrincipalArn': 'app-role' } })])),
  },

  // ---- condition values known only at deploy time ----
  {
    id: 'policy-source-vpce-token',
    title: 'aws:SourceVpce compared with another endpoint\'s ID, a deploy-time value',
    rule: Rules.ENDPOINT_POLICY_CONDITION_UNKNOWN,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:SourceVpce \(unresolved token .*\); whether this value can match aws:SourceVpce is not known at synth/,
    build: (app) => gateway(app, (stack) => {
      const other = new ec2.CfnVPCEndpoint(stack, 'Sqs', { vpcId: 'vpc-0123456789abcdef0', serviceName: 'com.amazonaws.us-east-1.sqs' });
      return EndpointPolicy.fromStatements([read({ StringEquals: { 'aws:SourceVpce': other.ref } })]);
    }),
  },
  {
    id: 'policy-source-vpc-import',
    title: 'aws:SourceVpc compared with an imported VPC ID',
    rule: Rules.ENDPOINT_POLICY_CONDITION_UNKNOWN,
    source: S.ENDPOINT_POLICIES,
    expect: /aws:SourceVpc \(unresolved token .*\); whether this value can match aws:SourceVpc is not known at synth/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([read({ StringEquals: { 'aws:SourceVpc': Fn.importValue('SharedVpcId') } })])),
  },

  // ---- buckets and tables of another region ----
  {
    id: 'gateway-policy-bucket-other-region',
    title: 'an S3 gateway endpoint restricted to a bucket of eu-west-1',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION,
    source: S.S3_GATEWAY,
    expect: /'App\/G': policy of the s3 endpoint is restricted to bucket App\/EuLogs in eu-west-1; a gateway endpoint in us-east-1 reaches buckets of its own region only/,
    build: (app) => gateway(app, (stack) => EndpointPolicy.restrictTo({ buckets: [s3.Bucket.fromBucketAttributes(stack, 'EuLogs', { bucketName: 'eu-logs', region: 'eu-west-1' })] })),
  },
  {
    id: 'gateway-policy-bucket-other-region-stack',
    title: 'an S3 gateway endpoint restricted to a bucket created in a eu-west-1 stack',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION,
    source: S.S3_GATEWAY,
    context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
    expect: /is restricted to bucket Eu\/Archive in eu-west-1/,
    build: (app) => {
      const bucket = new s3.Bucket(stackIn(app, 'Eu', 'eu-west-1'), 'Archive');
      gateway(app, () => EndpointPolicy.restrictTo({ buckets: [bucket] }));
    },
  },
  {
    id: 'gateway-policy-table-arn-other-region',
    title: 'a DynamoDB gateway endpoint policy naming a table ARN of eu-west-1',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION,
    source: S.DDB_GATEWAY,
    expect: /table arn:aws:dynamodb:eu-west-1:111111111111:table\/t in eu-west-1; a gateway endpoint in us-east-1 reaches tables of its own region only/,
    build: (app) => gateway(app, () => EndpointPolicy.fromStatements([
      new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [`arn:aws:dynamodb:eu-west-1:${NETWORK}:table/t`], principals: [new iam.AnyPrincipal()] }),
    ]), [GatewayEndpointService.DYNAMODB]),
  },
  {
    id: 'gateway-policy-table-other-region',
    title: 'a DynamoDB gateway endpoint restricted to a table imported from eu-west-1',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION,
    source: S.DDB_GATEWAY,
    expect: /is restricted to table .* in eu-west-1/,
    build: (app) => gateway(app, (stack) => EndpointPolicy.restrictTo({
      tables: [dynamodb.Table.fromTableArn(stack, 'EuOrders', `arn:aws:dynamodb:eu-west-1:${NETWORK}:table/orders`)],
    }), [GatewayEndpointService.DYNAMODB]),
  },
  {
    id: 'gateway-policy-bucket-agnostic',
    title: 'an S3 gateway endpoint restricted to a bucket of an environment-agnostic stack',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION_UNKNOWN,
    source: S.S3_GATEWAY,
    expect: /is restricted to bucket Data\/Logs, whose region is a token/,
    build: (app) => {
      const bucket = s3.Bucket.fromBucketName(agnosticData(app), 'Logs', 'shared-logs');
      gateway(app, () => EndpointPolicy.restrictTo({ buckets: [bucket] }));
    },
  },
  {
    id: 'gateway-policy-table-agnostic',
    title: 'a DynamoDB gateway endpoint restricted to a table of an environment-agnostic stack',
    rule: Rules.ENDPOINT_GATEWAY_RESOURCE_REGION_UNKNOWN,
    source: S.DDB_GATEWAY,
    expect: /is restricted to table Data\/Orders, whose region is a token/,
    build: (app) => {
      const table = dynamodb.Table.fromTableName(agnosticData(app), 'Orders', 'orders');
      gateway(app, () => EndpointPolicy.restrictTo({ tables: [table] }), [GatewayEndpointService.DYNAMODB]);
    },
  },
];
