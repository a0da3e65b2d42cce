/**
 * Parsing CIDR text without throwing, for layers that collect every problem before reporting
 * (the connectivity graph) or that word the error with their own construct path.
 *
 * Internal: not re-exported by `index.ts` (the result type is a union, which jsii cannot carry).
 */
import { CidrBlock } from './cidr';
import { parseCidrText } from './ip-address';
import { ProblemDetails } from '../core/errors';

export { looksLikeToken } from './ip-address';

/** A parsed block, or why the text is not one (and the block it most likely means, if any). */
export type CidrParseResult =
  | { readonly ok: true; readonly block: CidrBlock }
  | { readonly ok: false; readonly reason: string; readonly canonical?: string };

/**
 * Parse CIDR text as `CidrBlock.parse` does, returning the reason instead of throwing.
 *
 * `reason` is a short phrase (`host bits are set`, `prefix length 33 is out of range 0–32`);
 * `canonical` is set where the input is close to a valid block (`10.0.0.1/16` → `10.0.0.0/16`).
 */
export function tryParseCidr(text: string): CidrParseResult {
  // A synth reads the same few blocks many times (every route, VPC and report row): parse each once.
  const cached = parsed.get(text);
  if (cached !== undefined) return cached;
  const r = parseCidrText(text);
  const result: CidrParseResult = !r.ok
    ? (r.canonical === undefined ? { ok: false, reason: r.reason } : { ok: false, reason: r.reason, canonical: r.canonical })
    : { ok: true, block: CidrBlock._fromParts(r.bits, r.network, r.prefixLength) };
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, result);
  return result;
}

/** Results of `tryParseCidr` by text (blocks are immutable), bounded so a long-lived process does not grow. */
const parsed = new Map<string, CidrParseResult>();
/** How many texts `parsed` holds before it starts again. */
export const PARSED_MAX = 4_096;

/**
 * The problem details for a CIDR that failed to parse, worded as `CidrBlock.parse` words them,
 * for `fail(scope, Rules.CIDR_INVALID, cidrProblem(...))` with the caller's own construct and prop.
 */
export function cidrProblem(prop: string, text: string, failure: { readonly reason: string; readonly canonical?: string }): ProblemDetails {
  return {
    prop,
    received: JSON.stringify(text),
    rule: failure.reason,
    fix: failure.canonical !== undefined ? `Use ${failure.canonical}.` : undefined,
  };
}
