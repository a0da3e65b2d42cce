// Custom resources: the Lambda behind a ServiceToken is loaded from the assembly's asset directory
// and run in this process with a CloudFormation event; its answer (an https PUT to ResponseURL) is
// captured. The custom-resources Provider framework, whose framework Lambda would invoke user
// Lambdas through the Lambda API, is run with its semantics: onEvent once, isComplete polled.
import { EventEmitter } from 'events';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { Engine, HandlerContext, ResourceState } from './engine';
import type { Provisioned, ResourceHandler } from './resources/types';

/** A Lambda function the engine recorded. */
export interface LambdaRecord {
  readonly arn: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** `file.export` */
  readonly handler: string;
  readonly codeDir?: string;
  readonly environment: Record<string, string>;
  readonly runtime?: string;
  /** Seconds. */
  readonly timeout: number;
}

/** The response a custom resource handler sends to CloudFormation. */
export interface CfnResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId?: string;
  Data?: Record<string, unknown>;
  NoEcho?: boolean;
}

const RESPONSE_HOST = 'cloudformation-custom-resource-response.invalid';
const projectRequire = createRequire(path.join(__dirname, '..', '..', 'package.json'));

/** Options of the runtime. */
export interface RuntimeOptions {
  /** Interval between isComplete calls of the Provider framework. @default 50 ms */
  readonly pollIntervalMs?: number;
  /** Give up on isComplete after this long. @default 30 s */
  readonly totalTimeoutMs?: number;
}

/** Runs custom resource handlers for the engine. */
export class CustomResourceRuntime {
  /** The resource handler the engine uses for `Custom::*` types. */
  public readonly handler: ResourceHandler;
  /** Every invocation, for assertions: function name and request type. */
  public readonly invocations: Array<{ functionName: string; requestType: string; logicalId: string }> = [];
  /** What handlers logged. */
  public readonly logs: string[] = [];

  constructor(private readonly engine: Engine, private readonly endpoint: string, public options: RuntimeOptions = {}) {
    this.handler = {
      create: (p, ctx) => this.run('Create', p, undefined, ctx),
      update: (p, old, ctx) => this.run('Update', p, old, ctx),
      delete: async (old, ctx) => {
        await this.run('Delete', old.properties, old, ctx);
      },
    };
  }

  private async run(requestType: 'Create' | 'Update' | 'Delete', props: Record<string, unknown>, old: ResourceState | undefined, ctx: HandlerContext): Promise<Provisioned> {
    const token = String(props.ServiceToken ?? '');
    const fn = this.engine.lambda(token);
    if (!fn) throw new Error(`custom resource ${ctx.logicalId}: ServiceToken ${token} is not a Lambda function the deploy tier created`);
    const requestId = uuid();
    const event: Record<string, unknown> = {
      RequestType: requestType,
      ServiceToken: token,
      ResponseURL: `https://${RESPONSE_HOST}/${requestId}`,
      StackId: ctx.stack.stackId,
      RequestId: requestId,
      LogicalResourceId: ctx.logicalId,
      ResourceType: ctx.resourceType,
      ResourceProperties: props,
      ...(old ? { PhysicalResourceId: old.physicalId } : {}),
      ...(requestType === 'Update' ? { OldResourceProperties: old!.properties } : {}),
    };
    this.invocations.push({ functionName: fn.name, requestType, logicalId: ctx.logicalId });
    const response = fn.environment.USER_ON_EVENT_FUNCTION_ARN
      ? await this.providerFramework(fn, event)
      : await this.invokeForResponse(fn, event);
    if (response.Status !== 'SUCCESS') {
      throw new Error(`custom resource ${ctx.logicalId} (${event.ResourceType}) ${requestType} failed: ${response.Reason ?? 'no reason given'}`);
    }
    const physicalId = response.PhysicalResourceId ?? old?.physicalId ?? requestId;
    if (requestType === 'Delete') return { physicalId };
    return { physicalId, attributes: { ...(response.Data ?? {}) } };
  }

  /** Invoke a Lambda that answers CloudFormation itself, and return what it PUT to ResponseURL. */
  public async invokeForResponse(fn: LambdaRecord, event: Record<string, unknown>): Promise<CfnResponse> {
    let body: string | undefined;
    const result = await this.invoke(fn, event, (url, data) => {
      if (url.startsWith(String(event.ResponseURL))) body = data;
    });
    if (body === undefined) {
      throw new Error(`${fn.name} returned ${JSON.stringify(result)} without answering ResponseURL`);
    }
    return JSON.parse(body) as CfnResponse;
  }

  /**
   * The custom-resources Provider framework (aws-cdk-lib custom-resources/lib/provider-framework):
   * onEvent once; when an isComplete handler exists, poll it until IsComplete; Data of both merged.
   */
  private async providerFramework(framework: LambdaRecord, event: Record<string, unknown>): Promise<CfnResponse> {
    const onEvent = this.userFunction(framework.environment.USER_ON_EVENT_FUNCTION_ARN);
    const isCompleteArn = framework.environment.USER_IS_COMPLETE_FUNCTION_ARN;
    const isComplete = isCompleteArn ? this.userFunction(isCompleteArn) : undefined;
    const { ResponseURL: _url, ...userEvent } = event;
    try {
      const onEventResult = ((await this.invoke(onEvent, userEvent)) ?? {}) as Record<string, any>;
      const defaultId = event.RequestType === 'Create' ? String(event.RequestId) : String(event.PhysicalResourceId);
      const physicalId = onEventResult.PhysicalResourceId ?? defaultId;
      if (event.RequestType === 'Delete' && physicalId !== event.PhysicalResourceId) {
        throw new Error(`DELETE: cannot change the physical resource ID from "${event.PhysicalResourceId}" to "${physicalId}" during deletion`);
      }
      if (!isComplete) return { Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: onEventResult.Data, NoEcho: onEventResult.NoEcho };
      const resourceEvent = { ...userEvent, ...onEventResult, PhysicalResourceId: physicalId };
      const interval = this.options.pollIntervalMs ?? 50;
      const deadline = Date.now() + (this.options.totalTimeoutMs ?? 30_000);
      for (;;) {
        const r = ((await this.invoke(isComplete, resourceEvent)) ?? {}) as Record<string, any>;
        if (r.IsComplete) {
          return { Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { ...(onEventResult.Data ?? {}), ...(r.Data ?? {}) }, NoEcho: onEventResult.NoEcho };
        }
        if (r.Data) throw new Error('"Data" is not allowed if "IsComplete" is "False"');
        if (Date.now() > deadline) throw new Error(`Operation timed out: isComplete did not return IsComplete within ${this.options.totalTimeoutMs ?? 30_000} ms`);
        await new Promise((res) => setTimeout(res, interval));
      }
    } catch (e) {
      return { Status: 'FAILED', Reason: (e as Error).message, PhysicalResourceId: String(event.PhysicalResourceId ?? event.RequestId) };
    }
  }

  /** The handler's console: its lines go to `logs` (what CloudWatch Logs would hold), not to the test output. */
  private console(fn: LambdaRecord): Console {
    const line = (...args: unknown[]) => {
      this.logs.push(`${fn.name}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    };
    return { ...console, log: line, info: line, warn: line, error: line, debug: line } as Console;
  }

  private userFunction(arn: string): LambdaRecord {
    const fn = this.engine.lambda(arn);
    if (!fn) throw new Error(`Provider framework: user function ${arn} is not a Lambda function the deploy tier created`);
    return fn;
  }

  /**
   * Run a Lambda handler in this process with the function's environment, AWS_REGION, the
   * credentials of its account and AWS_ENDPOINT_URL set to the harness's AWS view.
   */
  public async invoke(fn: LambdaRecord, event: Record<string, unknown>, onPut?: (url: string, body: string) => void): Promise<unknown> {
    if (!fn.codeDir) throw new Error(`${fn.name}: no code directory`);
    const dot = fn.handler.lastIndexOf('.');
    const file = resolveFile(path.join(fn.codeDir, fn.handler.slice(0, dot)));
    const creds = await this.engine.accounts.credentials(fn.account, fn.region);
    const env: Record<string, string | undefined> = {
      ...fn.environment,
      AWS_REGION: fn.region,
      AWS_DEFAULT_REGION: fn.region,
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      AWS_SESSION_TOKEN: creds.sessionToken,
      AWS_ENDPOINT_URL: this.endpoint,
      AWS_LAMBDA_FUNCTION_NAME: fn.name,
      AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    setEnv(env);
    try {
      const mod = loadFresh(file, fakeHttps(onPut ?? (() => {})), new Map(), this.console(fn));
      const exported = mod[fn.handler.slice(dot + 1)];
      if (typeof exported !== 'function') throw new Error(`${fn.name}: ${fn.handler} is not a function`);
      const context = {
        functionName: fn.name,
        invokedFunctionArn: fn.arn,
        awsRequestId: uuid(),
        logStreamName: `harness/${fn.name}`,
        logGroupName: `/aws/lambda/${fn.name}`,
        getRemainingTimeInMillis: () => fn.timeout * 1000,
        callbackWaitsForEmptyEventLoop: true,
      };
      return await new Promise((res, rej) => {
        const cb = (err: unknown, value?: unknown) => (err ? rej(err) : res(value));
        const r = exported(JSON.parse(JSON.stringify(event)), context, cb);
        if (r && typeof r.then === 'function') r.then(res, rej);
      });
    } finally {
      setEnv(saved);
    }
  }
}

function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function resolveFile(base: string): string {
  for (const f of [base, `${base}.js`, `${base}.cjs`, path.join(base, 'index.js')]) {
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  throw new Error(`handler file ${base}(.js) not found`);
}

/**
 * Load a handler file afresh (handlers create SDK clients when loaded, with the environment of that
 * moment): relative requires are loaded afresh too, `https` is the capturing stub, packages come
 * from the project's node_modules.
 */
function loadFresh(file: string, https: unknown, seen: Map<string, any>, console: unknown): any {
  const cached = seen.get(file);
  if (cached) return cached.exports;
  const module = { exports: {} as any };
  seen.set(file, module);
  const dir = path.dirname(file);
  const req = (id: string) => {
    if (id === 'https' || id === 'node:https') return https;
    if (id.startsWith('.') || id.startsWith('/')) return loadFresh(resolveFile(path.resolve(dir, id)), https, seen, console);
    return projectRequire(id);
  };
  const code = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', 'console', code);
  wrapper(module.exports, req, module, file, dir, console);
  return module.exports;
}

/** `https` whose requests to the response URL are captured and answered 200; others go out. */
function fakeHttps(onPut: (url: string, body: string) => void): unknown {
  const real = projectRequire('https');
  const request = (...args: any[]) => {
    const [a, b, c] = args;
    const url = typeof a === 'string' ? a : a instanceof URL ? a.toString() : `https://${a.hostname ?? a.host}${a.path ?? '/'}`;
    const opts = typeof b === 'object' && b !== null ? b : {};
    const cb = typeof b === 'function' ? b : c;
    if (!url.includes(RESPONSE_HOST) && !String(opts.hostname ?? '').includes(RESPONSE_HOST)) return real.request(...args);
    const req: any = new EventEmitter();
    let body = '';
    req.write = (chunk: unknown) => { body += String(chunk); return true; };
    req.setTimeout = () => req;
    req.destroy = () => req;
    req.end = (chunk?: unknown, ...rest: any[]) => {
      if (chunk && typeof chunk !== 'function') body += String(chunk);
      onPut(url, body);
      setImmediate(() => {
        const res: any = new EventEmitter();
        res.statusCode = 200;
        res.headers = {};
        res.resume = () => res;
        res.setEncoding = () => res;
        cb?.(res);
        req.emit('response', res);
        res.emit('end');
        req.emit('close');
        const done = rest.find((r) => typeof r === 'function') ?? (typeof chunk === 'function' ? chunk : undefined);
        done?.();
      });
      return req;
    };
    return req;
  };
  return { ...real, request };
}

function uuid(): string {
  return projectRequire('crypto').randomUUID();
}
