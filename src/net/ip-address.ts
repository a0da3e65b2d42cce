/**
 * IP address and CIDR text: strict parsing and canonical formatting, as plain functions over
 * `bigint` values. No CDK, no classes: `CidrBlock` (cidr.ts) and `tryParseCidr` (cidr-parse.ts)
 * build on these.
 *
 * Not re-exported by `index.ts`: the types here use unions and bigint, which jsii cannot carry.
 */

/** Width of an address in bits: 32 for IPv4, 128 for IPv6. */
export type AddressBits = 32 | 128;

/** An address parsed from text, or why it could not be. */
export type AddressParseResult =
  | { readonly ok: true; readonly bits: AddressBits; readonly value: bigint }
  | { readonly ok: false; readonly reason: string };

/** A CIDR block parsed from text (network address and prefix), or why it could not be. */
export type CidrTextResult =
  | { readonly ok: true; readonly bits: AddressBits; readonly network: bigint; readonly prefixLength: number }
  | { readonly ok: false; readonly reason: string; readonly canonical?: string };

// A CDK string token renders as `${Token[...]}`, a list token as `#{Token[...]}`.
const TOKEN_MARKER = /[$#]\{Token\[/;

/** Whether `s` holds an unresolved CDK token (its value is known only at deploy time). */
export function looksLikeToken(s: string): boolean {
  return TOKEN_MARKER.test(s);
}

const DECIMAL = /^[0-9]+$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const WHITESPACE = /\s/;

const TWO_16 = 65536n;
const TWO_32 = 4294967296n;
// ::ffff:0:0/96 holds IPv4-mapped addresses (IP Version 6 Addressing Architecture, RFC 4291 2.5.5.2):
// the value divided by 2^32 is 0xffff.
const IPV4_MAPPED_HIGH = 0xffffn;

/** Number of addresses in a block of `prefixLength` within a `bits`-wide space: 2^(bits - prefixLength). */
export function blockSize(bits: AddressBits, prefixLength: number): bigint {
  return 2n ** BigInt(bits - prefixLength);
}

/** Parse a dotted-quad IPv4 address to its 32-bit value; refuses leading zeros (`010`), which are ambiguous. */
export function parseIpv4(text: string): AddressParseResult {
  const octets = text.split('.');
  if (octets.length !== 4) {
    return { ok: false, reason: `IPv4 address "${text}" has ${octets.length} octets; it needs 4` };
  }
  let value = 0;
  for (const octet of octets) {
    if (octet === '') {
      return { ok: false, reason: `IPv4 address "${text}" has an empty octet` };
    }
    if (!DECIMAL.test(octet)) {
      return { ok: false, reason: `octet "${octet}" is not a decimal number` };
    }
    if (octet.length > 1 && octet.startsWith('0')) {
      return { ok: false, reason: `octet "${octet}" has a leading zero (octal or decimal is ambiguous)` };
    }
    const n = Number(octet);
    if (n > 255) {
      return { ok: false, reason: `octet ${octet} is out of range 0–255` };
    }
    value = value * 256 + n;
  }
  return { ok: true, bits: 32, value: BigInt(value) };
}

function parseHexGroups(groups: readonly string[], text: string): number[] | string {
  const out: number[] = [];
  for (const g of groups) {
    if (g === '') {
      return `IPv6 address "${text}" has an empty group (a lone ":" at either end, or ":::")`;
    }
    if (!HEX_GROUP.test(g)) {
      return `group "${g}" has more than 4 hex digits`;
    }
    out.push(parseInt(g, 16));
  }
  return out;
}

/**
 * Parse an IPv6 address (full, `::`-compressed, or with an embedded IPv4 tail such as
 * `::ffff:1.2.3.4`; any case) to its 128-bit value. Zone indexes (`%eth0`) are refused.
 */
export function parseIpv6(text: string): AddressParseResult {
  if (text.includes('%')) {
    return { ok: false, reason: 'a zone index ("%...") has no place in a CIDR block' };
  }
  if (!IPV6_CHARS.test(text)) {
    return { ok: false, reason: `IPv6 address "${text}" has characters other than hex digits, ":" and "."` };
  }
  let hexText = text;
  if (text.includes('.')) {
    // An embedded IPv4 address stands for the last two groups, and only there.
    const lastColon = text.lastIndexOf(':');
    if (text.slice(0, lastColon).includes('.')) {
      return { ok: false, reason: 'an embedded IPv4 address must be the last part of an IPv6 address' };
    }
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4.ok) {
      return v4;
    }
    const hi = v4.value / TWO_16;
    const lo = v4.value % TWO_16;
    hexText = `${text.slice(0, lastColon + 1)}${hi.toString(16)}:${lo.toString(16)}`;
  }

  const gap = hexText.indexOf('::');
  let groups: number[];
  if (gap === -1) {
    const parsed = parseHexGroups(hexText.split(':'), text);
    if (typeof parsed === 'string') {
      return { ok: false, reason: parsed };
    }
    if (parsed.length !== 8) {
      return { ok: false, reason: `IPv6 address "${text}" has ${parsed.length} groups and no "::"; it needs 8` };
    }
    groups = parsed;
  } else {
    if (hexText.indexOf('::', gap + 1) !== -1) {
      return { ok: false, reason: '"::" may appear only once in an IPv6 address' };
    }
    const leftText = hexText.slice(0, gap);
    const rightText = hexText.slice(gap + 2);
    const left = parseHexGroups(leftText === '' ? [] : leftText.split(':'), text);
    if (typeof left === 'string') {
      return { ok: false, reason: left };
    }
    const right = parseHexGroups(rightText === '' ? [] : rightText.split(':'), text);
    if (typeof right === 'string') {
      return { ok: false, reason: right };
    }
    const zeros = 8 - left.length - right.length;
    if (zeros < 1) {
      return { ok: false, reason: `IPv6 address "${text}" has 8 groups besides "::", which must stand for at least one zero group` };
    }
    groups = [...left, ...new Array<number>(zeros).fill(0), ...right];
  }

  let value = 0n;
  for (const g of groups) {
    value = value * TWO_16 + BigInt(g);
  }
  return { ok: true, bits: 128, value };
}

/** Parse an IPv4 or IPv6 address; the family is decided by the presence of ":". */
export function parseAddress(text: string): AddressParseResult {
  if (text.includes(':')) {
    return parseIpv6(text);
  }
  if (text.includes('.')) {
    return parseIpv4(text);
  }
  return { ok: false, reason: `address "${text}" is neither an IPv4 nor an IPv6 address` };
}

/** Dotted-quad text of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  let n = Number(value);
  const octets = new Array<number>(4);
  for (let i = 3; i >= 0; i--) {
    octets[i] = n % 256;
    n = Math.floor(n / 256);
  }
  return octets.join('.');
}

/**
 * Canonical text of a 128-bit value (A Recommendation for IPv6 Address Text Representation,
 * RFC 5952): lowercase, no leading zeros, the longest run of two or more zero groups (the first
 * on a tie) written `::`, and IPv4-mapped addresses (`::ffff:0:0/96`) in mixed notation.
 */
export function formatIpv6(value: bigint): string {
  if (value / TWO_32 === IPV4_MAPPED_HIGH) {
    return `::ffff:${formatIpv4(value % TWO_32)}`;
  }
  const groups = new Array<number>(8);
  let v = value;
  for (let i = 7; i >= 0; i--) {
    groups[i] = Number(v % TWO_16);
    v = v / TWO_16;
  }
  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical text of an address of the given width. */
export function formatAddress(bits: AddressBits, value: bigint): string {
  return bits === 32 ? formatIpv4(value) : formatIpv6(value);
}

/**
 * Parse `address/prefixLength` strictly: no whitespace, prefix required and in range, host bits
 * clear. Where the input is close to a valid block (host bits set, whitespace around it, a
 * leading zero in the prefix), `canonical` holds the block it most likely means.
 */
export function parseCidrText(text: string): CidrTextResult {
  if (text.length === 0) {
    return { ok: false, reason: 'the value is empty' };
  }
  if (looksLikeToken(text)) {
    return { ok: false, reason: 'it is an unresolved token, known only at deploy time' };
  }
  if (WHITESPACE.test(text)) {
    const trimmed = text.trim();
    const inner = trimmed !== '' && !WHITESPACE.test(trimmed) ? parseCidrText(trimmed) : undefined;
    const canonical = inner === undefined ? undefined : inner.ok ? formatCidr(inner.bits, inner.network, inner.prefixLength) : inner.canonical;
    return { ok: false, reason: 'it contains whitespace', canonical };
  }
  const slash = text.indexOf('/');
  if (slash === -1) {
    return { ok: false, reason: 'the prefix length is missing (write address/length, e.g. 10.0.0.0/16)' };
  }
  if (text.indexOf('/', slash + 1) !== -1) {
    return { ok: false, reason: 'it has more than one "/"' };
  }
  const address = parseAddress(text.slice(0, slash));
  if (!address.ok) {
    return address;
  }
  const { bits, value } = address;
  const lengthText = text.slice(slash + 1);
  if (lengthText === '') {
    return { ok: false, reason: 'the prefix length after "/" is empty' };
  }
  if (!DECIMAL.test(lengthText)) {
    return { ok: false, reason: `prefix length "${lengthText}" is not a decimal number` };
  }
  const prefixLength = Number(lengthText);
  if (prefixLength > bits) {
    return { ok: false, reason: `prefix length ${lengthText} is out of range 0–${bits}` };
  }
  const hostPart = value % blockSize(bits, prefixLength);
  const network = value - hostPart;
  if (lengthText.length > 1 && lengthText.startsWith('0')) {
    return { ok: false, reason: `prefix length "${lengthText}" has a leading zero`, canonical: formatCidr(bits, network, prefixLength) };
  }
  if (hostPart !== 0n) {
    return { ok: false, reason: 'host bits are set', canonical: formatCidr(bits, network, prefixLength) };
  }
  return { ok: true, bits, network, prefixLength };
}

/** Canonical `address/prefixLength` text. */
export function formatCidr(bits: AddressBits, network: bigint, prefixLength: number): string {
  return `${formatAddress(bits, network)}/${prefixLength}`;
}
