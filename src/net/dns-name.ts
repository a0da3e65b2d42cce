/**
 * DNS names that must name something real, not only parse: RFC 1035 label and name lengths and
 * the characters of a host name. Internal: import by path.
 *
 * "Manage DNS names for VPC endpoint services": each DNS label can have up to 63 characters and
 * the whole domain name must not exceed 255 characters (RFC 1034). 255 octets on the wire are 253
 * characters written out (each label carries a length octet, the root a zero octet), so a name is
 * checked at 253 characters without its optional trailing dot.
 */
import { looksLikeToken } from './ip-address';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** Longest label (RFC 1035 section 2.3.4). */
export const MAX_DNS_LABEL_LENGTH = 63;
/** Longest name written out, without the trailing dot (255 octets in wire format). */
export const MAX_DNS_NAME_LENGTH = 253;

// RFC 1035 "preferred name syntax" as relaxed by RFC 1123 (a label may start with a digit):
// letters, digits and hyphens, neither first nor last a hyphen.
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Options of {@link dnsNameProblem}. */
export interface DnsNameOptions {
  /** Whether the first label may be `*` (a wildcard name). @default false */
  readonly allowWildcard?: boolean;
}

/**
 * What is wrong with `name` as a DNS host name, in words, or `undefined` when it is valid or an
 * unresolved token (which cannot be checked here).
 */
export function dnsNameProblem(name: string, options: DnsNameOptions = {}): string | undefined {
  if (looksLikeToken(name)) {
    return undefined;
  }
  const written = name.endsWith('.') ? name.slice(0, -1) : name;
  if (written.length === 0) {
    return 'is empty';
  }
  if (written.length > MAX_DNS_NAME_LENGTH) {
    return `is ${written.length} characters long, more than ${MAX_DNS_NAME_LENGTH}`;
  }
  const labels = written.split('.');
  if (labels.length < 2) {
    return 'is a single label (a top-level domain), which no one can verify as their own';
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.length === 0) {
      return `has an empty label (two dots in a row, or a leading dot) at label ${i + 1}`;
    }
    if (label.length > MAX_DNS_LABEL_LENGTH) {
      return `has a label of ${label.length} characters (${JSON.stringify(label.slice(0, 20))}...), more than ${MAX_DNS_LABEL_LENGTH}`;
    }
    if (i === 0 && label === '*' && options.allowWildcard) {
      continue;
    }
    if (!LABEL.test(label)) {
      return `has the label ${JSON.stringify(label)}, which is not letters, digits and inner hyphens`;
    }
  }
  return undefined;
}

/**
 * Throw a `dns-name-invalid` error if `name` is not a valid DNS host name (see {@link dnsNameProblem}).
 * An unresolved token passes: it cannot be checked at synth time.
 */
export function validateDnsName(name: string, subject: string, prop: string, options: DnsNameOptions = {}): void {
  const problem = dnsNameProblem(name, options);
  if (problem === undefined) {
    return;
  }
  fail(subject, Rules.DNS_NAME_INVALID, {
    prop,
    received: `${JSON.stringify(name)} ${problem}`,
    rule: `a DNS name is dot-separated labels of letters, digits and hyphens, each at most ${MAX_DNS_LABEL_LENGTH} characters, at most ${MAX_DNS_NAME_LENGTH} in all (RFC 1035)`,
  });
}
