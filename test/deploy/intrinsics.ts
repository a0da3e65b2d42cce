// CloudFormation intrinsic functions, resolved against what the engine knows.

/** Marks a value that `Ref: AWS::NoValue` removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** What the resolver asks the engine. */
export interface ResolveContext {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly stackName: string;
  readonly stackId: string;
  /** Parameter values. */
  readonly parameters: Record<string, unknown>;
  readonly mappings: Record<string, Record<string, Record<string, unknown>>>;
  /** Evaluate a named condition. */
  condition(name: string): boolean;
  /** `Ref` of a resource (its physical ID, or what the type returns). */
  ref(logicalId: string): unknown;
  /** `Fn::GetAtt` of a resource. */
  getAtt(logicalId: string, attribute: string): unknown;
  /** `Fn::ImportValue`: an export of this account and region. */
  importValue(name: string): unknown;
  /** `Fn::GetStackOutput`: an output of another stack (any account and region). */
  stackOutput(stackName: string, outputName: string, region?: string, roleArn?: string): unknown;
  /** `Fn::GetAZs`. */
  azs(region: string): string[];
}

const PSEUDO = ['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs'];

function pseudo(name: string, ctx: ResolveContext): unknown {
  switch (name) {
    case 'AWS::AccountId': return ctx.account;
    case 'AWS::Region': return ctx.region;
    case 'AWS::Partition': return ctx.partition;
    case 'AWS::StackName': return ctx.stackName;
    case 'AWS::StackId': return ctx.stackId;
    case 'AWS::URLSuffix': return ctx.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    case 'AWS::NotificationARNs': return [];
    default: return NO_VALUE;
  }
}

/** Resolve every intrinsic in `value`. */
export function resolve(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx)).filter((v) => v !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) {
    return intrinsic(keys[0], obj[keys[0]], ctx);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = resolve(obj[k], ctx);
    if (v !== NO_VALUE) out[k] = v;
  }
  return out;
}

function str(v: unknown, fn: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`${fn}: expected a string, got ${JSON.stringify(v)}`);
}

function intrinsic(fn: string, arg: unknown, ctx: ResolveContext): unknown {
  switch (fn) {
    case 'Ref': {
      const name = str(arg, 'Ref');
      if (PSEUDO.includes(name)) return pseudo(name, ctx);
      if (name in ctx.parameters) return ctx.parameters[name];
      return ctx.ref(name);
    }
    case 'Fn::GetAtt': {
      const [id, ...attr] = Array.isArray(arg) ? arg as string[] : str(arg, fn).split('.');
      return ctx.getAtt(id, str(resolve(attr.join('.'), ctx), fn));
    }
    case 'Fn::Join': {
      const [sep, list] = arg as [string, unknown];
      const items = resolve(list, ctx) as unknown[];
      return items.map((i) => str(i, fn)).join(sep);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = resolve(list, ctx) as unknown[];
      const i = Number(resolve(index, ctx));
      if (!Array.isArray(items) || i < 0 || i >= items.length) throw new Error(`Fn::Select: index ${i} out of ${JSON.stringify(items)}`);
      return items[i];
    }
    case 'Fn::Split': {
      const [sep, source] = arg as [string, unknown];
      return str(resolve(source, ctx), fn).split(sep);
    }
    case 'Fn::Sub': return sub(arg, ctx);
    case 'Fn::GetAZs': {
      const r = str(resolve(arg, ctx), fn);
      return ctx.azs(r || ctx.region);
    }
    case 'Fn::ImportValue': return ctx.importValue(str(resolve(arg, ctx), fn));
    case 'Fn::GetStackOutput': {
      const a = resolve(arg, ctx) as { StackName: string; OutputName: string; Region?: string; RoleArn?: string };
      return ctx.stackOutput(a.StackName, a.OutputName, a.Region, a.RoleArn);
    }
    case 'Fn::If': {
      const [cond, yes, no] = arg as [string, unknown, unknown];
      return resolve(ctx.condition(cond) ? yes : no, ctx);
    }
    case 'Fn::Equals': {
      const [a, b] = (arg as unknown[]).map((v) => resolve(v, ctx));
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'Fn::Not': return !truthy(resolve((arg as unknown[])[0], ctx));
    case 'Fn::And': return (arg as unknown[]).every((v) => truthy(resolve(v, ctx)));
    case 'Fn::Or': return (arg as unknown[]).some((v) => truthy(resolve(v, ctx)));
    case 'Condition': return ctx.condition(str(arg, fn));
    case 'Fn::FindInMap': {
      const [map, top, second] = (arg as unknown[]).map((v) => str(resolve(v, ctx), fn));
      const v = ctx.mappings[map]?.[top]?.[second];
      if (v === undefined) throw new Error(`Fn::FindInMap: no ${map}.${top}.${second}`);
      return v;
    }
    case 'Fn::Base64': return Buffer.from(str(resolve(arg, ctx), fn)).toString('base64');
    case 'Fn::ToJsonString': return JSON.stringify(resolve(arg, ctx));
    default: throw new Error(`intrinsic ${fn} is not supported by the deploy tier`);
  }
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true';
}

function sub(arg: unknown, ctx: ResolveContext): string {
  const [template, vars] = Array.isArray(arg) ? arg as [string, Record<string, unknown>] : [arg as string, {}];
  const local = resolve(vars, ctx) as Record<string, unknown>;
  return template.replace(/\$\{(!?)([^}]+)\}/g, (_m, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (name in local) return str(local[name], 'Fn::Sub');
    if (PSEUDO.includes(name)) return str(pseudo(name, ctx), 'Fn::Sub');
    if (name in ctx.parameters) return str(ctx.parameters[name], 'Fn::Sub');
    const dot = name.indexOf('.');
    return dot < 0 ? str(ctx.ref(name), 'Fn::Sub') : str(ctx.getAtt(name.slice(0, dot), name.slice(dot + 1)), 'Fn::Sub');
  });
}

/** Logical IDs of resources that `value` references (Ref, Fn::GetAtt, Fn::Sub), for ordering. */
export function references(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => references(v, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string' && !PSEUDO.includes(v)) {into.add(v);} else if (k === 'Fn::GetAtt') {into.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);} else if (k === 'Fn::Sub') {
        const t = Array.isArray(v) ? v[0] : v;
        for (const m of String(t).matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = m[1].split('.')[0];
          if (!PSEUDO.includes(m[1]) && !(Array.isArray(v) && v[1] && name in v[1])) into.add(name);
        }
        if (Array.isArray(v)) references(v[1], into);
      } else {references(v, into);}
    }
  }
  return into;
}
