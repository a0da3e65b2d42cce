// No CDK import here: `src/net` (pure values) throws this error too. CDK-aware helpers are in warnings.ts.
import * as path from 'path';
import { ConnectivityError } from './error';
import { RuleDefinition, warningId } from './rules';

export { ConnectivityError } from './error';

/** The least a message needs of a construct: its kind (class name) and path. */
export interface ProblemScope {
  readonly node: { readonly path: string };
}

/**
 * What went wrong, in the parts every message of this library has:
 * the prop, the value received, the rule broken and the fix.
 */
export interface ProblemDetails {
  /** The prop (or fact) at fault, e.g. `requester CIDR` or `props.listeners[1].port`. */
  readonly prop: string;
  /** The value received, already rendered for humans (use {@link show}). */
  readonly received: string;
  /** The rule broken, phrased as the AWS fact, e.g. `VPC peering needs disjoint IPv4 and IPv6 blocks`. */
  readonly rule: string;
  /** @default - the rule's catalogue fix */
  readonly fix?: string;
}

/** The construct's kind and path as messages show them: `PeeredVpcPair 'Stack/Peering'`. */
export function describeConstruct(scope: ProblemScope): string {
  return `${kindOf(scope)} '${scope.node.path}'`;
}

/** A construct's class name; aws-cdk-lib classes by their jsii name (their runtime names may be mangled). */
function kindOf(scope: ProblemScope): string {
  const ctor = (scope as { constructor?: unknown }).constructor as
    | ({ name?: string } & Record<symbol, { fqn?: string } | undefined>)
    | undefined;
  const name = ctor?.name || 'Construct';
  const fqn = ctor?.[Symbol.for('jsii.rtti')]?.fqn;
  if (!fqn) return name;
  // The RTTI may be inherited: a user's subclass keeps its own name, while aws-cdk-lib's decorated
  // classes (`Vpc2` for `Vpc`) take their jsii name.
  const jsiiName = fqn.split('.').pop()!;
  return new RegExp(`^${jsiiName}\\d*$`).test(name) ? jsiiName : name;
}

/**
 * The message of a problem: `<Kind> '<path>': <prop> <received>; <rule>. <fix> [<rule id>]`.
 */
export function formatProblem(scope: ProblemScope | string, r: RuleDefinition, d: ProblemDetails): string {
  const who = typeof scope === 'string' ? scope : describeConstruct(scope);
  const fix = d.fix ?? r.fix;
  return `${who}: ${d.prop} ${d.received}; ${d.rule}. ${fix} [${warningId(r)}]`;
}

/** Throw a {@link ConnectivityError} for `scope` (for what props alone decide, in a constructor). */
export function fail(scope: ProblemScope | string, r: RuleDefinition, d: ProblemDetails): never {
  const error = new ConnectivityError(r.id, formatProblem(scope, r, d));
  trimLibraryFrames(error);
  throw error;
}

/**
 * The library's own code: `lib/` as shipped and `src/`, which the inline source maps of `lib/*.js`
 * name (Node's `--enable-source-maps`, ts-node and jest map frames to them) but the package does
 * not ship. This file is `<package>/lib/core/errors.js` or `<package>/src/core/errors.ts`.
 */
const LIBRARY_DIRS = ['lib', 'src'].map((d) => path.join(path.resolve(__dirname, '..', '..'), d) + path.sep);

/**
 * Start the error's stack trace at the caller's code (the `new` with the invalid props), not inside
 * the library, whose frames name files the user cannot open. A stack with no frame outside the
 * library is left whole.
 */
export function trimLibraryFrames(error: Error): void {
  const lines = (error.stack ?? '').split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  if (first < 0) return;
  const frames = lines.slice(first);
  const outside = frames.filter((l) => !LIBRARY_DIRS.some((d) => l.includes(d)));
  if (outside.length === 0 || outside.length === frames.length) return;
  error.stack = [...lines.slice(0, first), ...outside].join('\n');
}

