/**
 * Overlap search over many CIDR blocks, in O(n log n + k) for n blocks and k overlapping pairs
 * (from a few hundred blocks up the sort is a radix sort, so in practice O(n + k)).
 *
 * CIDR blocks are laminar: two blocks of one family are either disjoint or one contains the
 * other. Sorted by (family, first address, prefix length), every earlier block that overlaps the
 * current one contains it, so a stack of the enclosing blocks still open is all the sweep needs:
 * pop those that end before the current block starts; every block left on the stack overlaps it.
 *
 * The sort and the sweep work on numeric keys taken from each block once (first and last
 * address as three chunks of at most 43 bits, each exact in a double) rather than on the
 * blocks' bigints: compact typed arrays keep the sweep's random accesses cheap at 10k+ blocks.
 *
 * Internal: `findOverlaps` is generic, which jsii cannot carry; import this file by path.
 */
import { CidrBlock, IpFamily } from './cidr';

/** How `sweepOrder` sorts: by comparison, by radix, or by radix only for large inputs. */
export type SweepSort = 'auto' | 'comparison' | 'radix';

// Below this many blocks a comparison sort is cheaper than the radix passes' fixed cost.
export const RADIX_THRESHOLD = 256;
const DIGIT_BITS = 11;
const RADIX = 2 ** DIGIT_BITS;
const CHUNK_BITS = 43;
const TWO_43 = 2n ** 43n;
const TWO_86 = 2n ** 86n;

/**
 * Numeric keys of n blocks. An address is split into chunks hi (bits 86–127), mid (43–85) and
 * lo (0–42); an IPv4 address has only lo. `last` is the block's last address, likewise split.
 */
interface SweepKeys {
  readonly ipv6: Uint8Array;
  readonly prefix: Float64Array;
  readonly firstHi: Float64Array;
  readonly firstMid: Float64Array;
  readonly firstLo: Float64Array;
  readonly lastHi: Float64Array;
  readonly lastMid: Float64Array;
  readonly lastLo: Float64Array;
}

/** The last value of a chunk of `width` bits starting at bit `low`, when the `hostBits` lowest bits of the address are all ones. */
function lastChunk(first: number, low: number, width: number, hostBits: number): number {
  if (hostBits >= low + width) {
    return 2 ** width - 1;
  }
  return hostBits > low ? first + 2 ** (hostBits - low) - 1 : first;
}

function sweepKeys(blocks: readonly CidrBlock[]): SweepKeys {
  const n = blocks.length;
  const keys: SweepKeys = {
    ipv6: new Uint8Array(n),
    prefix: new Float64Array(n),
    firstHi: new Float64Array(n),
    firstMid: new Float64Array(n),
    firstLo: new Float64Array(n),
    lastHi: new Float64Array(n),
    lastMid: new Float64Array(n),
    lastLo: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    keys.prefix[i] = b.prefixLength;
    if (b.family === IpFamily.IPV4) {
      const first = Number(b._first);
      keys.firstLo[i] = first;
      keys.lastLo[i] = first + 2 ** (32 - b.prefixLength) - 1;
      continue;
    }
    const hostBits = 128 - b.prefixLength;
    const lo = Number(BigInt.asUintN(CHUNK_BITS, b._first));
    const mid = Number(BigInt.asUintN(CHUNK_BITS, b._first / TWO_43));
    const hi = Number(b._first / TWO_86);
    keys.ipv6[i] = 1;
    keys.firstLo[i] = lo;
    keys.firstMid[i] = mid;
    keys.firstHi[i] = hi;
    keys.lastLo[i] = lastChunk(lo, 0, CHUNK_BITS, hostBits);
    keys.lastMid[i] = lastChunk(mid, CHUNK_BITS, CHUNK_BITS, hostBits);
    keys.lastHi[i] = lastChunk(hi, 2 * CHUNK_BITS, 128 - 2 * CHUNK_BITS, hostBits);
  }
  return keys;
}

/** Comparison sort by (family, first address, prefix length, index). */
function comparisonOrder(k: SweepKeys): Int32Array {
  const order = Array.from({ length: k.prefix.length }, (_, i) => i);
  order.sort((x, y) => k.ipv6[x] - k.ipv6[y]
    || k.firstHi[x] - k.firstHi[y]
    || k.firstMid[x] - k.firstMid[y]
    || k.firstLo[x] - k.firstLo[y]
    || k.prefix[x] - k.prefix[y]
    || x - y);
  return Int32Array.from(order);
}

/** One stable counting-sort pass of `order` into `out` on the digit `floor(key / scale) % RADIX`; false when all digits are equal. */
function radixPass(order: Int32Array, out: Int32Array, key: Float64Array, scale: number, count: Int32Array): boolean {
  count.fill(0);
  for (const p of order) {
    count[Math.floor(key[p] / scale) % RADIX]++;
  }
  if (count.includes(order.length)) {
    return false; // one digit value for all: the pass would move nothing
  }
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  for (const p of order) {
    out[count[Math.floor(key[p] / scale) % RADIX]++] = p;
  }
  return true;
}

/** LSD radix sort of `indexes` (one family) by (first address, prefix length), stable on input order. */
function radixOrderOf(k: SweepKeys, indexes: Int32Array, ipv6: boolean): Int32Array {
  // Least significant first: prefix length, then the address from its low chunk up.
  const passes: Array<[Float64Array, number]> = [[k.prefix, 1]];
  const chunks: Array<[Float64Array, number]> = ipv6
    ? [[k.firstLo, CHUNK_BITS], [k.firstMid, CHUNK_BITS], [k.firstHi, 128 - 2 * CHUNK_BITS]]
    : [[k.firstLo, 32]];
  for (const [chunk, width] of chunks) {
    for (let shift = 0; shift < width; shift += DIGIT_BITS) {
      passes.push([chunk, 2 ** shift]);
    }
  }
  let order: Int32Array = indexes;
  let spare: Int32Array = new Int32Array(indexes.length);
  const count = new Int32Array(RADIX);
  for (const [key, scale] of passes) {
    if (radixPass(order, spare, key, scale, count)) {
      [order, spare] = [spare, order];
    }
  }
  return order;
}

/** Radix sort by (family, first address, prefix length, index): linear for a fixed address width. */
function radixOrder(k: SweepKeys): Int32Array {
  const n = k.prefix.length;
  const v4: number[] = [];
  const v6: number[] = [];
  for (let i = 0; i < n; i++) {
    (k.ipv6[i] === 1 ? v6 : v4).push(i);
  }
  const out = new Int32Array(n);
  out.set(radixOrderOf(k, Int32Array.from(v4), false));
  out.set(radixOrderOf(k, Int32Array.from(v6), true), v4.length);
  return out;
}

/**
 * Whether `strategy` sorts `count` blocks by radix: always for `radix`, never for `comparison`,
 * and for `auto` from RADIX_THRESHOLD blocks up. Throws on any other value (a JavaScript caller's typo).
 */
export function usesRadix(count: number, strategy: SweepSort): boolean {
  switch (strategy) {
    case 'radix': return true;
    case 'comparison': return false;
    case 'auto': return count >= RADIX_THRESHOLD;
    default: throw new Error(`sweep sort ${JSON.stringify(strategy)} is not 'auto', 'comparison' or 'radix'`);
  }
}

function orderOf(k: SweepKeys, strategy: SweepSort): Int32Array {
  return usesRadix(k.prefix.length, strategy) ? radixOrder(k) : comparisonOrder(k);
}

/**
 * Indexes 0..n-1 sorted by (family: IPv4 first, first address, prefix length, index), the order
 * the sweep needs. Every strategy gives the same order; `auto` takes the radix sort from a few
 * hundred blocks up.
 */
export function sweepOrder(blocks: readonly CidrBlock[], strategy: SweepSort = 'auto'): Int32Array {
  return orderOf(sweepKeys(blocks), strategy);
}

/** Whether block `t` ends before block `p` starts (or is of the other family): it can overlap neither `p` nor any later block. */
function endsBefore(k: SweepKeys, t: number, p: number): boolean {
  if (k.ipv6[t] !== k.ipv6[p]) {
    return true;
  }
  if (k.lastHi[t] !== k.firstHi[p]) {
    return k.lastHi[t] < k.firstHi[p];
  }
  if (k.lastMid[t] !== k.firstMid[p]) {
    return k.lastMid[t] < k.firstMid[p];
  }
  return k.lastLo[t] < k.firstLo[p];
}

/** Pop the blocks of `stack` that end before block `p` starts. */
function popEnded(stack: number[], k: SweepKeys, p: number): void {
  while (stack.length > 0 && endsBefore(k, stack[stack.length - 1], p)) {
    stack.pop();
  }
}

/** Pairs of indexes (left, right), in typed arrays that grow by doubling (no per-pair garbage). */
class PairList {
  public left = new Int32Array(64);
  public right = new Int32Array(64);
  public length = 0;

  public push(l: number, r: number): void {
    if (this.length === this.left.length) {
      const left = new Int32Array(this.length * 2);
      const right = new Int32Array(this.length * 2);
      left.set(this.left);
      right.set(this.right);
      this.left = left;
      this.right = right;
    }
    this.left[this.length] = l;
    this.right[this.length] = r;
    this.length++;
  }

  /** Positions 0..length-1 sorted by left then right, in O(length + range) (LSD radix sort: two counting sorts). */
  public sortedPositions(range: number): Int32Array {
    const identity = new Int32Array(this.length);
    for (let p = 0; p < this.length; p++) {
      identity[p] = p;
    }
    return countingSort(countingSort(identity, this.right, range), this.left, range);
  }
}

/** Stable counting sort of the positions `input` by `keys[position]`, keys in 0..range-1. */
function countingSort(input: Int32Array, keys: Int32Array, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (const p of input) {
    start[keys[p] + 1]++;
  }
  for (let i = 1; i <= range; i++) {
    start[i] += start[i - 1];
  }
  const out = new Int32Array(input.length);
  for (const p of input) {
    out[start[keys[p]]++] = p;
  }
  return out;
}

/**
 * Every pair of items whose blocks overlap (equal blocks overlap; IPv4 never overlaps IPv6).
 *
 * Pairs are `[items[i], items[j]]` with `i < j`, sorted by `i` then `j`. Runs in
 * O(n log n + k) for n items and k pairs (see the file comment for the sweep).
 *
 * @param sort how to sort the blocks (for tests; every strategy gives the same result)
 */
export function findOverlaps<T>(items: readonly T[], blockOf: (t: T) => CidrBlock, sort: SweepSort = 'auto'): Array<[T, T]> {
  const keys = sweepKeys(items.map(blockOf));
  const stack: number[] = [];
  const pairs = new PairList();
  for (const i of orderOf(keys, sort)) {
    popEnded(stack, keys, i);
    for (const s of stack) {
      pairs.push(Math.min(s, i), Math.max(s, i));
    }
    stack.push(i);
  }
  const order = pairs.sortedPositions(items.length);
  const out = new Array<[T, T]>(order.length);
  for (let n = 0; n < order.length; n++) {
    const p = order[n];
    out[n] = [items[pairs.left[p]], items[pairs.right[p]]];
  }
  return out;
}

/**
 * The most pairs `overlapsAny` compares one by one: the two VPCs of a peering have a few blocks
 * each, and the sweep's keys, stacks and sorts cost more than comparing them directly.
 */
export const DIRECT_PAIRS_MAX = 64;

/** Every overlapping pair by the double loop, in the order of `a` then `b`. */
function overlapsDirect(a: readonly CidrBlock[], b: readonly CidrBlock[]): Array<[CidrBlock, CidrBlock]> {
  const out: Array<[CidrBlock, CidrBlock]> = [];
  for (const x of a) {
    for (const y of b) if (x.overlaps(y)) out.push([x, y]);
  }
  return out;
}

/**
 * Every pair `[x, y]` with `x` from `a` and `y` from `b` whose blocks overlap, sorted by the
 * index of `x` in `a` then of `y` in `b`.
 *
 * The same sweep as `findOverlaps` over both lists at once, with one stack per list so that
 * overlaps inside `a` or inside `b` cost nothing: O((n + m) log(n + m) + k) for k pairs.
 *
 * Small lists (at most `DIRECT_PAIRS_MAX` pairs) are compared directly when `sort` is `auto`.
 *
 * @param sort how to sort the blocks (for tests; every strategy gives the same result)
 */
export function overlapsAny(a: readonly CidrBlock[], b: readonly CidrBlock[], sort: SweepSort = 'auto'): Array<[CidrBlock, CidrBlock]> {
  if (sort === 'auto' && a.length * b.length <= DIRECT_PAIRS_MAX) return overlapsDirect(a, b);
  const keys = sweepKeys([...a, ...b]);
  const stackA: number[] = [];
  const stackB: number[] = [];
  const pairs = new PairList();
  for (const i of orderOf(keys, sort)) {
    popEnded(stackA, keys, i);
    popEnded(stackB, keys, i);
    if (i < a.length) {
      for (const j of stackB) {
        pairs.push(i, j - a.length);
      }
      stackA.push(i);
    } else {
      for (const j of stackA) {
        pairs.push(j, i - a.length);
      }
      stackB.push(i);
    }
  }
  const order = pairs.sortedPositions(Math.max(a.length, b.length));
  const out = new Array<[CidrBlock, CidrBlock]>(order.length);
  for (let n = 0; n < order.length; n++) {
    const p = order[n];
    out[n] = [a[pairs.left[p]], b[pairs.right[p]]];
  }
  return out;
}
