/**
 * Acknowledgeable synth warnings: `warn` for a problem of one construct, `warnOnce` for a cause
 * many constructs share, and `show` for values in messages.
 *
 * ## One warning per cause
 *
 * Many constructs can skip a check for one reason: every peering of an environment-agnostic stack
 * misses that stack's account, every route to a VPC misses its IPAM-allocated block. Warning on
 * each of them says the same fact dozens of times, and a user stops reading before the one that
 * matters. `warnOnce` reports such a cause once, on the construct the cause belongs to, and names
 * how many constructs it affects (the first few by path) and what each group of them skips:
 *
 * ```
 * Stack 'Mesh': account is a token (environment-agnostic stack); it affects 28 constructs: each
 * pair assumes both VPCs are in the same account (28: PeeredVpcPair 'Mesh/P0x1', ... and 25 more).
 * Give the VPC's stack an explicit env: { account, region }. [cdk-private-connectivity:peering-account-unknown]
 * ```
 *
 * Choosing the cause's scope (where the warning is shown and acknowledged):
 * - a fact of a stack (its account or region is a token): the stack, `Stack.of(vpc)` for a VPC's env;
 * - a fact of one VPC (a token CIDR block, a pending `Vpc.fromLookup`, unknown DNS settings): the VPC;
 * - a fact of another construct the affected one uses (an imported security group, a service
 *   without AZ IDs or with an unverified private DNS name): that construct;
 * - a construct's own setting (a full-access policy, no allowed principals): plain `warn` on it.
 * The `key` tells apart causes of one rule on one scope (`primary ipv4` and `secondary ipv4` blocks
 * of one VPC); leave it out when the rule and scope are the cause. `prop` and `received` must tell
 * them apart too: aws-cdk-lib adds one annotation per text, and a second cause with the same text
 * stays silent.
 *
 * It may be called in constructors and in validations (the graph's checks at synth) alike.
 * Acknowledging works as in aws-cdk-lib: `Annotations.of(x).acknowledgeWarning(id, reason)` on the
 * cause's scope or any construct above it short of the app quiets it, before or after the
 * constructs are built; on the app, it removes only the warnings already added (aws-cdk-lib does
 * not look at the app when a warning is added).
 *
 * Adopting it in a new family: replace `warn(this, Rules.X, { prop, received, rule })` by
 * `warnOnce(this, { scope: causeScope, key }, Rules.X, { prop, received, rule })`, where `prop` and
 * `received` describe the cause (they must not name `this`) and `rule` says what `this` skips;
 * constructs that skip the same thing for the same cause are grouped.
 */
import { Annotations, Token } from 'aws-cdk-lib';
import { ArtifactMetadataEntryType } from 'aws-cdk-lib/cloud-assembly-schema';
import { IConstruct, MetadataEntry } from 'constructs';
import { describeConstruct, formatProblem, ProblemDetails } from './errors';
import { RuleDefinition, warningId } from './rules';

/** Add an acknowledgeable warning with the rule's ID (for checks skipped on tokens, and risks). */
export function warn(scope: IConstruct, r: RuleDefinition, d: ProblemDetails): void {
  Annotations.of(scope).addWarningV2(warningId(r), formatProblem(scope, r, d));
}

/** The cause of a warning many constructs can share. */
export interface WarningCause {
  /** The construct the cause belongs to: the warning is shown and acknowledged there. */
  readonly scope: IConstruct;
  /** Tells apart causes of one rule on one scope, e.g. `secondary ipv4`. @default '' */
  readonly key?: string;
}

/** How many affected constructs a message names before `and N more`. */
export const NAMED_CONSTRUCTS = 3;

/**
 * Report `cause` once per app for rule `r`, adding `affected` to the constructs it affects.
 *
 * `d.prop` and `d.received` describe the cause (the first call's are kept); `d.rule` (and `d.fix`)
 * say what `affected` skips, and constructs that skip the same thing are counted together.
 * Calling it again for the same construct and consequence changes nothing, so it is safe in
 * validations, which run on every synth.
 */
export function warnOnce(affected: IConstruct, cause: WarningCause, r: RuleDefinition, d: ProblemDetails): void {
  const registry = registryOf(cause.scope);
  const key = `${cause.scope.node.path}\u0000${r.id}\u0000${cause.key ?? ''}`;
  let entry = registry.get(key);
  if (!entry) {
    entry = { cause: cause.scope, rule: r, prop: d.prop, received: d.received, groups: new Map(), affected: new Set() };
    registry.set(key, entry);
  }
  const fix = d.fix ?? r.fix;
  const groupKey = `${d.rule}\u0000${fix}`;
  let group = entry.groups.get(groupKey);
  if (!group) {
    group = { rule: d.rule, fix, constructs: new Set() };
    entry.groups.set(groupKey, group);
  }
  if (group.constructs.has(affected)) return;
  group.constructs.add(affected);
  entry.affected.add(affected);
  publish(entry);
}

/** Render a value for a message: tokens as `(unresolved token)`, strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? `(unresolved token ${value})` : JSON.stringify(value);
  }
  if (typeof value === 'number' && Token.isUnresolved(value)) return '(unresolved token)';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

interface CauseGroup {
  readonly rule: string;
  readonly fix: string;
  readonly constructs: Set<IConstruct>;
}

interface CauseEntry {
  readonly cause: IConstruct;
  readonly rule: RuleDefinition;
  readonly prop: string;
  readonly received: string;
  readonly groups: Map<string, CauseGroup>;
  /** Every affected construct, whatever it skips. */
  readonly affected: Set<IConstruct>;
  /** The annotation on the cause's scope, once added; null when an acknowledgement suppressed it. */
  annotation?: MetadataEntry | null;
}

/** The annotations causes keep current, so that no two causes ever write to one. */
const owned = new WeakSet<MetadataEntry>();

/** One registry per app (the construct tree's root), so separate apps in one process never mix. */
const registries = new WeakMap<IConstruct, Map<string, CauseEntry>>();

function registryOf(scope: IConstruct): Map<string, CauseEntry> {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (!registry) {
    registry = new Map();
    registries.set(root, registry);
  }
  return registry;
}

/**
 * Add the cause's annotation on first use; its text then follows the cause as constructs join.
 *
 * The annotation is added at once, not at the end of the synth, so that it behaves like any
 * `addWarningV2` (acknowledged before: never added; acknowledged after: removed) and is there even
 * when validations are skipped. Its text is rendered when it is read (the cloud assembly copies
 * warning metadata at synth), not each time a construct joins: a mesh would otherwise render one
 * cause once per pair.
 */
function publish(e: CauseEntry): void {
  if (e.annotation !== undefined) return;
  const text = render(e);
  Annotations.of(e.cause).addWarningV2(warningId(e.rule), text);
  // aws-cdk-lib adds nothing when the ID is acknowledged, or when the same text is already there
  // (another cause whose `prop` and `received` fail to tell it apart): then this cause stays silent.
  const added = e.cause.node.metadata.filter((m) => m.type === ArtifactMetadataEntryType.WARN
    && typeof m.data === 'string' && m.data.startsWith(text) && !owned.has(m)).pop();
  if (added === undefined) {
    e.annotation = null;
    return;
  }
  owned.add(added);
  // What aws-cdk-lib appends after the text (the acknowledge hint) stays after it.
  const suffix = (added.data as string).slice(text.length);
  Object.defineProperty(added, 'data', { get: () => render(e) + suffix, enumerable: true, configurable: true });
  e.annotation = added;
}

function render(e: CauseEntry): string {
  const groups = [...e.groups.values()];
  const total = e.affected.size;
  const effects = groups.map((g) => `${g.rule} (${g.constructs.size}: ${names(g.constructs)})`).join('; ');
  const fixes = [...new Set(groups.map((g) => g.fix))].join(' ');
  return formatProblem(e.cause, e.rule, {
    prop: e.prop,
    received: e.received,
    rule: `it affects ${total} construct${total === 1 ? '' : 's'}: ${effects}`,
    fix: fixes,
  });
}

/** The first few constructs (in the order they were reported) and how many more. */
function names(constructs: Set<IConstruct>): string {
  const first: string[] = [];
  for (const c of constructs) {
    if (first.length === NAMED_CONSTRUCTS) break;
    first.push(describeConstruct(c));
  }
  const named = first.join(', ');
  const more = constructs.size - first.length;
  return more > 0 ? `${named} and ${more} more` : named;
}
