/**
 * A brute-force reference for the CIDR arithmetic, written independently of `src/net`:
 * IPv4 with plain number arithmetic, IPv6 as arrays of eight 16-bit groups (no bigint), and
 * the canonical IPv6 text by string and regex work rather than a scan of the groups.
 */
import fc from 'fast-check';

/** An IPv4 address as four octets, or an IPv6 address as eight 16-bit groups, with a prefix length. */
export interface RefBlock {
  readonly v6: boolean;
  /** Four octets (IPv4) or eight groups (IPv6), host bits already cleared when built by `refBlock`. */
  readonly parts: readonly number[];
  readonly prefix: number;
}

const PART_BITS = (v6: boolean) => (v6 ? 16 : 8);

/** The parts with every bit past `prefix` cleared (`ones: false`) or set (`ones: true`). */
export function maskParts(parts: readonly number[], v6: boolean, prefix: number, ones: boolean): number[] {
  const width = PART_BITS(v6);
  return parts.map((p, i) => {
    const kept = Math.min(width, Math.max(0, prefix - i * width)); // network bits in this part
    const hostSize = 2 ** (width - kept);
    const network = p - (p % hostSize);
    return ones ? network + hostSize - 1 : network;
  });
}

/** The block `parts/prefix` with host bits cleared. */
export function refBlock(v6: boolean, parts: readonly number[], prefix: number): RefBlock {
  return { v6, parts: maskParts(parts, v6, prefix, false), prefix };
}

/** Whether host bits are set in `parts/prefix`. */
export function hasHostBits(v6: boolean, parts: readonly number[], prefix: number): boolean {
  return maskParts(parts, v6, prefix, false).some((p, i) => p !== parts[i]);
}

/** -1, 0 or 1 comparing two part arrays of the same length, most significant first. */
export function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

/** First and last address of a block, as part arrays. */
export function refRange(b: RefBlock): [number[], number[]] {
  return [maskParts(b.parts, b.v6, b.prefix, false), maskParts(b.parts, b.v6, b.prefix, true)];
}

/** IPv4 range as plain numbers: [first, last]. */
export function ipv4Range(b: RefBlock): [number, number] {
  const value = b.parts.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - b.prefix);
  const first = value - (value % size);
  return [first, first + size - 1];
}

export function refContains(a: RefBlock, b: RefBlock): boolean {
  if (a.v6 !== b.v6) return false;
  if (!a.v6) {
    const [af, al] = ipv4Range(a);
    const [bf, bl] = ipv4Range(b);
    return af <= bf && bl <= al;
  }
  const [af, al] = refRange(a);
  const [bf, bl] = refRange(b);
  return compareParts(af, bf) <= 0 && compareParts(bl, al) <= 0;
}

export function refOverlaps(a: RefBlock, b: RefBlock): boolean {
  if (a.v6 !== b.v6) return false;
  if (!a.v6) {
    const [af, al] = ipv4Range(a);
    const [bf, bl] = ipv4Range(b);
    return af <= bl && bf <= al;
  }
  const [af, al] = refRange(a);
  const [bf, bl] = refRange(b);
  return compareParts(af, bl) <= 0 && compareParts(bf, al) <= 0;
}

export function refEquals(a: RefBlock, b: RefBlock): boolean {
  return a.v6 === b.v6 && a.prefix === b.prefix && compareParts(refRange(a)[0], refRange(b)[0]) === 0;
}

/** 2^n in decimal, by repeated doubling of a digit string. */
export function powerOfTwoDecimal(n: number): string {
  let digits = [1]; // least significant first
  for (let i = 0; i < n; i++) {
    let carry = 0;
    digits = digits.map((d) => {
      const v = d * 2 + carry;
      carry = v >= 10 ? 1 : 0;
      return v % 10;
    });
    if (carry) digits.push(1);
  }
  return digits.reverse().join('');
}

/** Canonical IPv6 text (RFC 5952) of eight groups: lowercase, longest zero run (two or more, first on a tie) as `::`, IPv4-mapped in mixed notation. */
export function refIpv6Text(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const quad = [groups[6], groups[7]].flatMap((g) => [Math.floor(g / 256), g % 256]);
    return `::ffff:${quad.join('.')}`;
  }
  const padded = `:${groups.map((g) => g.toString(16)).join(':')}:`;
  let best: { index: number; length: number } | undefined;
  for (const m of padded.matchAll(/:(?:0:){2,}/g)) {
    if (best === undefined || m[0].length > best.length) {
      best = { index: m.index, length: m[0].length };
    }
  }
  let text = best === undefined ? padded : `${padded.slice(0, best.index)}::${padded.slice(best.index + best.length)}`;
  if (text.startsWith(':') && !text.startsWith('::')) text = text.slice(1);
  if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  return text;
}

export function refAddressText(v6: boolean, parts: readonly number[]): string {
  return v6 ? refIpv6Text(parts) : parts.join('.');
}

/** Canonical `address/prefix` of a block. */
export function refCidr(b: RefBlock): string {
  return `${refAddressText(b.v6, b.parts)}/${b.prefix}`;
}

// ---- generators ----

const octet = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 64, 128, 192, 255), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 2 },
);

/** IPv4 octets, mostly inside 10.0.0.0/8 and from few values, so that blocks often overlap. */
export const ipv4Parts: fc.Arbitrary<number[]> = fc.oneof(
  { arbitrary: fc.tuple(fc.constant(10), octet, octet, octet), weight: 8 },
  { arbitrary: fc.tuple(octet, octet, octet, octet), weight: 1 },
  { arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), weight: 1 },
);

/** An IPv4 prefix length, mostly /8–/32. */
export const ipv4Prefix: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 8, max: 32 }), weight: 9 },
  { arbitrary: fc.integer({ min: 0, max: 7 }), weight: 1 },
);

const group = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0, 1, 0x8000, 0xffff), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 1 },
);
const anyGroup = fc.integer({ min: 0, max: 0xffff });

/** IPv6 groups: mostly inside 2001:db8::/32 from few values, plus zero-heavy, IPv4-mapped and fully random addresses. */
export const ipv6Parts: fc.Arbitrary<number[]> = fc.oneof(
  { arbitrary: fc.tuple(fc.constant(0x2001), fc.constant(0xdb8), group, group, group, group, group, group), weight: 6 },
  { arbitrary: fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: 8, maxLength: 8 }), weight: 2 },
  { arbitrary: fc.tuple(anyGroup, anyGroup).map(([g6, g7]) => [0, 0, 0, 0, 0, 0xffff, g6, g7]), weight: 1 },
  { arbitrary: fc.array(anyGroup, { minLength: 8, maxLength: 8 }), weight: 1 },
);

/** An IPv6 prefix length, mostly /32–/128. */
export const ipv6Prefix: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 32, max: 128 }), weight: 9 },
  { arbitrary: fc.integer({ min: 0, max: 31 }), weight: 1 },
);

/** A valid (host bits cleared) IPv4 block. */
export const ipv4Block: fc.Arbitrary<RefBlock> = fc.tuple(ipv4Parts, ipv4Prefix).map(([p, len]) => refBlock(false, p, len));

/** A valid (host bits cleared) IPv6 block. */
export const ipv6Block: fc.Arbitrary<RefBlock> = fc.tuple(ipv6Parts, ipv6Prefix).map(([p, len]) => refBlock(true, p, len));

/** A valid block of either family. */
export const anyBlock: fc.Arbitrary<RefBlock> = fc.oneof(ipv4Block, ipv6Block);

/**
 * Some textual spelling of an IPv6 address that is not necessarily canonical: random case,
 * leading zeros, `::` over any run of zero groups (or none), and a dotted-quad tail.
 */
export function ipv6Spelling(groups: readonly number[]): fc.Arbitrary<string> {
  const zeroRuns: Array<[number, number]> = [];
  for (let i = 0; i < 8; i++) {
    for (let j = i + 1; j <= 8 && groups[j - 1] === 0; j++) {
      zeroRuns.push([i, j]); // groups[i..j) are zero
    }
  }
  return fc.record({
    widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    run: zeroRuns.length > 0 ? fc.option(fc.constantFrom(...zeroRuns), { nil: undefined }) : fc.constant(undefined),
    quadTail: fc.boolean(),
  }).map(({ widths, upper, run, quadTail }) => {
    const texts = groups.map((g, i) => {
      const hex = g.toString(16).padStart(widths[i], '0');
      return upper[i] ? hex.toUpperCase() : hex;
    });
    let tail: string[] = [];
    let head = texts;
    const tailFree = run === undefined || run[1] <= 6;
    if (quadTail && tailFree) {
      tail = [[groups[6], groups[7]].flatMap((g) => [Math.floor(g / 256), g % 256]).join('.')];
      head = texts.slice(0, 6);
    }
    if (run === undefined) {
      return [...head, ...tail].join(':');
    }
    const [from, to] = run;
    const left = head.slice(0, from).join(':');
    const right = [...head.slice(to), ...tail].join(':');
    return `${left}::${right}`;
  });
}
