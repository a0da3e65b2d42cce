// Lambda functions (recorded for custom resources, never run by the emulator), S3, SNS, CloudWatch
// Logs, the Provider framework's state machine (recorded) and CDK metadata.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonDoc, physicalName, ResourceHandler } from './types';
import type { HandlerContext } from '../engine';
import { jsonCall, queryCall, rawCall } from '../raw';

const endpoint = (ctx: HandlerContext) => ctx.engine.accounts.endpoint;

const LambdaFunction: ResourceHandler = {
  async create(p, ctx) {
    const name = p.FunctionName ?? physicalName(ctx, 64);
    const arn = `arn:${ctx.stack.stackId.split(':')[1]}:lambda:${ctx.stack.region}:${ctx.stack.account}:function:${name}`;
    let codeDir: string | undefined;
    if (p.Code?.S3Key) {
      codeDir = ctx.engine.assetDir(String(p.Code.S3Key));
      if (!codeDir) throw new Error(`AWS::Lambda::Function ${ctx.logicalId}: code ${p.Code.S3Key} is not an asset of the assembly`);
    } else if (p.Code?.ZipFile) {
      codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-inline-'));
      fs.writeFileSync(path.join(codeDir, 'index.js'), String(p.Code.ZipFile));
    }
    ctx.engine.lambdas.set(arn, {
      arn,
      name,
      account: ctx.stack.account,
      region: ctx.stack.region,
      handler: p.Handler,
      codeDir,
      environment: (p.Environment?.Variables ?? {}) as Record<string, string>,
      runtime: p.Runtime,
      timeout: Number(p.Timeout ?? 3),
    });
    return { physicalId: name, attributes: { Arn: arn } };
  },
  async update(p, old, ctx) {
    if (p.FunctionName !== old.properties.FunctionName) return undefined;
    ctx.engine.lambdas.delete(old.attributes.Arn as string);
    const made = await LambdaFunction.create({ ...p, FunctionName: old.physicalId }, ctx);
    return made;
  },
  async delete(old, ctx) {
    ctx.engine.lambdas.delete(old.attributes.Arn as string);
  },
};

const LogGroup: ResourceHandler = {
  async create(p, ctx) {
    const name = p.LogGroupName ?? physicalName(ctx, 512);
    await jsonCall(endpoint(ctx), ctx.clients.credentials, ctx.stack.region, 'logs', 'Logs_20140328.CreateLogGroup', { logGroupName: name });
    if (p.RetentionInDays) {
      await jsonCall(endpoint(ctx), ctx.clients.credentials, ctx.stack.region, 'logs', 'Logs_20140328.PutRetentionPolicy', { logGroupName: name, retentionInDays: Number(p.RetentionInDays) });
    }
    return { physicalId: name, attributes: { Arn: `arn:aws:logs:${ctx.stack.region}:${ctx.stack.account}:log-group:${name}:*` } };
  },
  async delete(old, ctx) {
    await jsonCall(endpoint(ctx), ctx.clients.credentials, ctx.stack.region, 'logs', 'Logs_20140328.DeleteLogGroup', { logGroupName: old.physicalId });
  },
};

async function s3(ctx: HandlerContext, method: string, pathName: string, body?: string): Promise<void> {
  const r = await rawCall(endpoint(ctx), ctx.clients.credentials, ctx.stack.region, 's3', { method, path: pathName, body });
  if (r.status >= 300) throw new Error(`S3 ${method} ${pathName}: ${r.status} ${r.body}`);
}

const Bucket: ResourceHandler = {
  async create(p, ctx) {
    const name = p.BucketName ?? physicalName(ctx, 63, true);
    const region = ctx.stack.region;
    await s3(ctx, 'PUT', `/${name}`, region === 'us-east-1' ? undefined
      : `<CreateBucketConfiguration><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`);
    const suffix = ctx.stack.stackId.split(':')[1] === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    return {
      physicalId: name,
      attributes: {
        Arn: `arn:${ctx.stack.stackId.split(':')[1]}:s3:::${name}`,
        DomainName: `${name}.s3.${suffix}`,
        RegionalDomainName: `${name}.s3.${region}.${suffix}`,
        DualStackDomainName: `${name}.s3.dualstack.${region}.${suffix}`,
        WebsiteURL: `http://${name}.s3-website-${region}.${suffix}`,
      },
    };
  },
  async delete(old, ctx) {
    await s3(ctx, 'DELETE', `/${old.physicalId}`);
  },
};

const BucketPolicy: ResourceHandler = {
  async create(p, ctx) {
    await s3(ctx, 'PUT', `/${p.Bucket}?policy`, jsonDoc(p.PolicyDocument));
    return { physicalId: `${p.Bucket}-policy` };
  },
  async update(p, old, ctx) {
    if (p.Bucket !== old.properties.Bucket) return undefined;
    await s3(ctx, 'PUT', `/${p.Bucket}?policy`, jsonDoc(p.PolicyDocument));
    return { physicalId: old.physicalId };
  },
  async delete(old, ctx) {
    await s3(ctx, 'DELETE', `/${old.properties.Bucket}?policy`);
  },
};

const sns = (ctx: HandlerContext, params: Record<string, string>) =>
  queryCall(endpoint(ctx), ctx.clients.credentials, ctx.stack.region, 'sns', { Version: '2010-03-31', ...params });

const Topic: ResourceHandler = {
  async create(p, ctx) {
    const name = p.TopicName ?? physicalName(ctx, 256);
    const xml = await sns(ctx, { Action: 'CreateTopic', Name: name });
    const arn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(xml)![1];
    return { physicalId: arn, attributes: { TopicArn: arn, TopicName: name } };
  },
  async delete(old, ctx) {
    await sns(ctx, { Action: 'DeleteTopic', TopicArn: old.physicalId });
  },
};

const TopicPolicy: ResourceHandler = {
  async create(p, ctx) {
    for (const arn of p.Topics ?? []) {
      await sns(ctx, { Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: 'Policy', AttributeValue: jsonDoc(p.PolicyDocument)! });
    }
    return { physicalId: `${ctx.logicalId}-${Math.random().toString(36).slice(2, 10)}` };
  },
  async delete() {
    // The topic's policy goes with the topic.
  },
};

// Recorded, not created: the only state machine the tier meets is the Provider framework's waiter,
// whose polling the custom-resource runtime performs itself (see custom.ts).
const StateMachine: ResourceHandler = {
  async create(p, ctx) {
    const name = p.StateMachineName ?? physicalName(ctx, 80);
    const arn = `arn:${ctx.stack.stackId.split(':')[1]}:states:${ctx.stack.region}:${ctx.stack.account}:stateMachine:${name}`;
    return { physicalId: arn, attributes: { Arn: arn, Name: name } };
  },
  async delete() {},
};

const Metadata: ResourceHandler = {
  async create(_p, ctx) {
    return { physicalId: ctx.logicalId };
  },
  async update(_p, old) {
    return { physicalId: old.physicalId };
  },
  async delete() {},
};

/** Handlers of Lambda, S3, SNS, Logs and CDK metadata types. */
export const MISC_HANDLERS: Record<string, ResourceHandler> = {
  'AWS::Lambda::Function': LambdaFunction,
  'AWS::Logs::LogGroup': LogGroup,
  'AWS::S3::Bucket': Bucket,
  'AWS::S3::BucketPolicy': BucketPolicy,
  'AWS::SNS::Topic': Topic,
  'AWS::SNS::TopicPolicy': TopicPolicy,
  'AWS::StepFunctions::StateMachine': StateMachine,
  'AWS::CDK::Metadata': Metadata,
};
