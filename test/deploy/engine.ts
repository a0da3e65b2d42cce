// A small CloudFormation engine: deploys the stacks of a cloud assembly into the emulator, keeps
// each stack's state (logical ID -> physical ID and attributes) and applies later deploys as
// updates: unchanged resources kept, changed ones updated or replaced, removed ones deleted.
import { randomUUID } from 'crypto';
import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { Assembly, StackArtifact, Template, TemplateResource } from './assembly';
import { AwsAccounts, Clients, partitionOf } from './aws';
import { CustomResourceRuntime, LambdaRecord, RuntimeOptions } from './custom';
import { NO_VALUE, references, resolve, ResolveContext } from './intrinsics';
import { ssmParameter } from './raw';
import { HANDLERS, Provisioned, ResourceHandler } from './resources';
import { Shims } from './shims';

/** A resource the engine created. */
export interface ResourceState {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  readonly attributes: Record<string, unknown>;
  /** Resolved properties it was created or last updated with. */
  readonly properties: Record<string, unknown>;
}

/** A deployed stack. */
export interface StackState {
  readonly stackName: string;
  readonly stackId: string;
  readonly account: string;
  readonly region: string;
  readonly resources: Map<string, ResourceState>;
  /** Creation order (deletes run in reverse). */
  readonly order: string[];
  readonly outputs: Record<string, unknown>;
  readonly exports: Record<string, unknown>;
}

/** What a handler gets besides the resource's properties. */
export interface HandlerContext {
  readonly engine: Engine;
  readonly clients: Clients;
  readonly stack: StackState;
  readonly logicalId: string;
  readonly resourceType: string;
}

/** One line of the engine's event log. */
export interface EngineEvent {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly action: 'CREATE' | 'UPDATE' | 'REPLACE' | 'DELETE' | 'KEEP';
  readonly physicalId?: string;
}

/** Options of a deploy. */
export interface DeployOptions {
  /**
   * Literal strings of the templates to replace before resolving, evaluated when first met: the
   * step a user does by hand between deploys (e.g. pasting a deployed endpoint service's name).
   */
  readonly placeholders?: Record<string, (engine: Engine) => string>;
  /** Deploy only these stacks (artifact IDs); their order is kept. @default every stack */
  readonly only?: string[];
}

/** The engine: one emulator, every account and region. */
export class Engine {
  public readonly stacks = new Map<string, StackState>();
  public readonly lambdas = new Map<string, LambdaRecord>();
  public readonly events: EngineEvent[] = [];
  public readonly runtime: CustomResourceRuntime;
  public readonly shims: Shims;
  private readonly azCache = new Map<string, string[]>();
  private assembly?: Assembly;

  /**
   * @param accounts clients against the AWS view (the harness proxy)
   * @param handlerEndpoint where custom-resource handlers send their SDK calls (AWS_ENDPOINT_URL)
   */
  constructor(public readonly accounts: AwsAccounts, handlerEndpoint: string, runtimeOptions: RuntimeOptions = {}) {
    this.runtime = new CustomResourceRuntime(this, handlerEndpoint, runtimeOptions);
    this.shims = new Shims(this);
  }

  /** The asset directory of a Lambda code key in the assembly being deployed. */
  public assetDir(s3Key: string): string | undefined {
    return this.assembly?.assetDir(s3Key);
  }

  /** Deploy every stack of the assembly in `cdk deploy --all` order. */
  public async deploy(assembly: Assembly, options: DeployOptions = {}): Promise<void> {
    this.assembly = assembly;
    for (const stack of assembly.stacks) {
      if (options.only && !options.only.includes(stack.id)) continue;
      await this.deployStack(stack, options);
    }
  }

  /** The state of a stack by name, account and region. */
  public stack(stackName: string, account: string, region: string): StackState | undefined {
    return this.stacks.get(stackKey(account, region, stackName));
  }

  /** Every deployed resource of a type, across stacks. */
  public resourcesOfType(type: string): Array<ResourceState & { stack: StackState }> {
    const out: Array<ResourceState & { stack: StackState }> = [];
    for (const s of this.stacks.values()) {
      for (const r of s.resources.values()) if (r.type === type) out.push({ ...r, stack: s });
    }
    return out;
  }

  /** Delete every stack (reverse order of first deploy). */
  public async destroyAll(): Promise<void> {
    for (const s of [...this.stacks.values()].reverse()) {
      await this.deleteResources(s, [...s.order].reverse());
      this.stacks.delete(stackKey(s.account, s.region, s.stackName));
    }
  }

  private async deployStack(art: StackArtifact, options: DeployOptions): Promise<void> {
    const key = stackKey(art.account, art.region, art.stackName);
    const prev = this.stacks.get(key);
    const template = substitute(art.template, options.placeholders ?? {}, this) as Template;
    const clients = await this.accounts.for(art.account, art.region);
    const state: StackState = {
      stackName: art.stackName,
      stackId: prev?.stackId ?? `arn:${partitionOf(art.region)}:cloudformation:${art.region}:${art.account}:stack/${art.stackName}/${uuid()}`,
      account: art.account,
      region: art.region,
      resources: new Map(),
      order: [],
      outputs: {},
      exports: {},
    };
    const ctx = await this.resolveContext(art, template, state, clients);
    const wanted = Object.entries(template.Resources).filter(([, r]) => !r.Condition || ctx.condition(r.Condition));
    const order = createOrder(wanted.map(([id]) => id), template);
    const replaced: ResourceState[] = [];
    this.stacks.set(key, state);
    try {
      for (const id of order) {
        const res = template.Resources[id];
        const handler = this.handler(res.Type, art.stackName, id);
        const props = (resolve(res.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>;
        const hctx: HandlerContext = { engine: this, clients, stack: state, logicalId: id, resourceType: res.Type };
        const old = prev?.resources.get(id);
        if (old && old.type === res.Type && deepEqual(old.properties, props)) {
          this.record(state, old, 'KEEP');
          continue;
        }
        if (old && old.type === res.Type) {
          const updated = await handler.update?.(props, old, hctx);
          if (updated) {
            if (updated.physicalId !== old.physicalId) replaced.push(old);
            this.record(state, toState(id, res, updated, props), updated.physicalId !== old.physicalId ? 'REPLACE' : 'UPDATE');
            continue;
          }
          const created = await handler.create(props, hctx);
          replaced.push(old);
          this.record(state, toState(id, res, created, props), 'REPLACE');
          continue;
        }
        if (old) replaced.push(old);
        const created = await handler.create(props, hctx);
        this.record(state, toState(id, res, created, props), 'CREATE');
      }
      // Cleanup phase: removed resources (reverse of their creation order), then replaced ones.
      if (prev) {
        // One cleanup pass in reverse creation order: removed resources and the old copies of
        // replaced ones, so a child goes before its parent whichever way it left.
        const replacedIds = new Set(replaced.map((r) => r.logicalId));
        const cleanup = [...new Set(prev.order)].reverse().filter((id) => !state.resources.has(id) || replacedIds.has(id));
        await this.deleteResources(prev, cleanup);
      }
      for (const [name, out] of Object.entries(template.Outputs ?? {})) {
        if (out.Condition && !ctx.condition(out.Condition)) continue;
        const value = resolve(out.Value, ctx);
        state.outputs[name] = value;
        if (out.Export) state.exports[String(resolve(out.Export.Name, ctx))] = value;
      }
    } catch (e) {
      throw new Error(`deploy of stack ${art.stackName} (${art.account}/${art.region}) failed: ${(e as Error).message}`, { cause: e });
    }
  }

  /** The Lambda behind a service token, or undefined. */
  public lambda(arn: string): LambdaRecord | undefined {
    return this.lambdas.get(arn);
  }

  private handler(type: string, stackName: string, logicalId: string): ResourceHandler {
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return this.runtime.handler;
    const h = HANDLERS[type];
    if (!h) throw new Error(`stack ${stackName}: resource ${logicalId} has type ${type}, which the deploy tier does not know; add a handler in test/deploy/resources`);
    return h;
  }

  private record(state: StackState, r: ResourceState, action: EngineEvent['action']): void {
    state.resources.set(r.logicalId, r);
    state.order.push(r.logicalId);
    this.events.push({ stack: state.stackName, logicalId: r.logicalId, type: r.type, action, physicalId: r.physicalId });
  }

  private async deleteResources(stack: StackState, ids: string[]): Promise<void> {
    for (const id of ids) {
      const r = stack.resources.get(id);
      if (r) await this.deleteOne(stack, r);
    }
  }

  private async deleteOne(stack: StackState, r: ResourceState): Promise<void> {
    const clients = await this.accounts.for(stack.account, stack.region);
    const handler = this.handler(r.type, stack.stackName, r.logicalId);
    try {
      await handler.delete(r, { engine: this, clients, stack, logicalId: r.logicalId, resourceType: r.type });
    } catch (e) {
      // CloudFormation treats a resource that is already gone as deleted.
      if (!/NotFound|NoSuchEntity|does not exist/.test(`${(e as Error).name} ${(e as Error).message}`)) throw e;
    }
    this.events.push({ stack: stack.stackName, logicalId: r.logicalId, type: r.type, action: 'DELETE', physicalId: r.physicalId });
  }

  private async resolveContext(art: StackArtifact, template: Template, state: StackState, clients: Clients): Promise<ResolveContext> {
    const parameters: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(template.Parameters ?? {})) {
      if (name === 'BootstrapVersion') continue; // CDK bootstrap version check: no bootstrap stack here
      const m = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(p.Type);
      if (m) {
        parameters[name] = await ssmParameter(this.accounts.endpoint, clients.credentials, art.region, String(p.Default));
      } else if (p.Default !== undefined) {
        parameters[name] = p.Type.startsWith('List<') || p.Type === 'CommaDelimitedList' ? String(p.Default).split(',') : p.Default;
      } else {
        throw new Error(`parameter ${name} has no default and the deploy tier passes no parameter values`);
      }
    }
    if (!this.azCache.has(art.region)) {
      const azs = await clients.ec2.send(new DescribeAvailabilityZonesCommand({}));
      this.azCache.set(art.region, (azs.AvailabilityZones ?? []).map((z) => z.ZoneName!).sort());
    }
    const conditions = new Map<string, boolean>();
    const self = this;
    const ctx: ResolveContext = {
      account: art.account,
      region: art.region,
      partition: partitionOf(art.region),
      stackName: art.stackName,
      stackId: state.stackId,
      parameters,
      mappings: template.Mappings ?? {},
      condition(name) {
        if (!conditions.has(name)) {
          const def = template.Conditions?.[name];
          if (def === undefined) throw new Error(`condition ${name} is not defined`);
          conditions.set(name, resolve(def, ctx) === true);
        }
        return conditions.get(name)!;
      },
      ref(id) {
        const r = state.resources.get(id);
        if (!r) throw new Error(`Ref ${id}: no such resource (yet) in ${art.stackName}`);
        return r.physicalId;
      },
      getAtt(id, attribute) {
        const r = state.resources.get(id);
        if (!r) throw new Error(`Fn::GetAtt ${id}.${attribute}: no such resource (yet) in ${art.stackName}`);
        if (!(attribute in r.attributes)) {
          throw new Error(`Fn::GetAtt ${id}.${attribute}: ${r.type} ${r.physicalId} has no attribute ${attribute} (has ${Object.keys(r.attributes).join(', ')})`);
        }
        return r.attributes[attribute];
      },
      importValue(name) {
        for (const s of self.stacks.values()) {
          if (s.account === art.account && s.region === art.region && name in s.exports) return s.exports[name];
        }
        throw new Error(`Fn::ImportValue: no export named ${name} in ${art.account}/${art.region}`);
      },
      stackOutput(stackName, outputName, region, roleArn) {
        const account = roleArn ? /:iam::(\d{12}):/.exec(roleArn)?.[1] ?? art.account : art.account;
        const s = self.stack(stackName, account, region ?? art.region);
        if (!s || !(outputName in s.outputs)) throw new Error(`Fn::GetStackOutput: stack ${stackName} in ${account}/${region ?? art.region} has no output ${outputName}`);
        return s.outputs[outputName];
      },
      azs(region) {
        const azs = self.azCache.get(region);
        if (!azs) throw new Error(`Fn::GetAZs ${region}: only the stack's own region is known`);
        return azs;
      },
    };
    return ctx;
  }
}

function toState(logicalId: string, res: TemplateResource, p: Provisioned, properties: Record<string, unknown>): ResourceState {
  return { logicalId, type: res.Type, physicalId: p.physicalId, attributes: p.attributes ?? {}, properties };
}

function stackKey(account: string, region: string, name: string): string {
  return `${account}/${region}/${name}`;
}

/** Resources in an order where every resource comes after what it references or depends on. */
export function createOrder(ids: string[], template: Template): string[] {
  const wanted = new Set(ids);
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, from?: string) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`circular dependency between resources through ${id}`);
    const res = template.Resources[id];
    if (!res) throw new Error(`${from} references ${id}, which is not a resource of the template`);
    state.set(id, 'visiting');
    const deps = references(res.Properties ?? {});
    for (const d of [res.DependsOn ?? []].flat()) deps.add(d);
    for (const d of deps) {
      if (template.Parameters && d in template.Parameters) continue;
      if (!wanted.has(d)) {
        if (template.Resources[d]) continue; // a resource whose condition is false: Fn::If keeps it out
        throw new Error(`${id} references ${d}, which is not a resource or parameter of the template`);
      }
      visit(d, id);
    }
    state.set(id, 'done');
    out.push(id);
  };
  ids.forEach((id) => visit(id));
  return out;
}

function substitute(value: unknown, placeholders: Record<string, (e: Engine) => string>, engine: Engine): unknown {
  const keys = Object.keys(placeholders);
  if (keys.length === 0) return value;
  const cache = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const k of keys) {
        if (s.includes(k)) {
          if (!cache.has(k)) cache.set(k, placeholders[k](engine));
          s = s.split(k).join(cache.get(k)!);
        }
      }
      return s;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Structural equality of resolved property values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A random UUID (stack IDs, request IDs). */
export function uuid(): string {
  return randomUUID();
}

export { NO_VALUE };
