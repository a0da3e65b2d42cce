// What a resource type handler implements.
import type { HandlerContext, ResourceState } from '../engine';

/** What a create or update produced: the physical ID (what `Ref` returns) and `Fn::GetAtt` attributes. */
export interface Provisioned {
  readonly physicalId: string;
  readonly attributes?: Record<string, unknown>;
}

/** Creates, updates and deletes one CloudFormation resource type through the emulated service API. */
export interface ResourceHandler {
  create(props: Record<string, any>, ctx: HandlerContext): Promise<Provisioned>;
  /**
   * Apply changed properties in place; return undefined when the change needs a replacement
   * (the engine then creates a new resource and deletes the old one after the stack's updates).
   */
  update?(props: Record<string, any>, old: ResourceState, ctx: HandlerContext): Promise<Provisioned | undefined>;
  delete(old: ResourceState, ctx: HandlerContext): Promise<void>;
}

/** A CloudFormation-style physical name: `<stack>-<logicalId>-<random>`, cut to `max`. */
export function physicalName(ctx: HandlerContext, max: number, lower = false): string {
  const rand = Math.random().toString(36).slice(2, 14).toUpperCase();
  const base = `${ctx.stack.stackName}-${ctx.logicalId}`.slice(0, max - rand.length - 1);
  const name = `${base}-${rand}`;
  return lower ? name.toLowerCase() : name;
}

/** Properties whose values differ between two resolved property sets. */
export function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** The tags CloudFormation puts on every resource it creates, followed by the template's `Tags`. */
export function cfnTags(ctx: HandlerContext, tags?: Array<{ Key: string; Value: string }>): Array<{ Key: string; Value: string }> {
  return [
    { Key: 'aws:cloudformation:stack-name', Value: ctx.stack.stackName },
    { Key: 'aws:cloudformation:logical-id', Value: ctx.logicalId },
    { Key: 'aws:cloudformation:stack-id', Value: ctx.stack.stackId },
    ...(tags ?? []),
  ];
}

/** A JSON document property (CloudFormation accepts objects or strings). */
export function jsonDoc(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
