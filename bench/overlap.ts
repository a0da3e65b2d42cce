/**
 * Benchmark of `findOverlaps` on 10,000 and 20,000 random IPv4 + IPv6 blocks.
 *
 * The blocks come from a seeded PRNG, so every run sees the same input. The address pool grows
 * with n (10.0.0.0/8 at 10k, 10.0.0.0/7 at 20k; likewise for IPv6), so the density of overlaps is
 * the same at both sizes and the pair count k grows linearly: the 20k/10k time ratio then shows
 * the O(n log n + k) behaviour (about 2.1), where a quadratic search would show 4.
 *
 * Run alone: `npx ts-node --project tsconfig.dev.json bench/overlap.ts`.
 */
import { CidrBlock } from '../src/net/cidr';
import { findOverlaps } from '../src/net/overlap';

const WARMUP_RUNS = 5;
const TIMED_RUNS = 15;

/** Park–Miller minimal standard PRNG: deterministic, and exact in double arithmetic. */
class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = (seed % 2147483646) + 1;
  }

  /** A uniform integer in [0, n). */
  public below(n: number): number {
    this.state = (this.state * 48271) % 2147483647;
    return Math.floor(((this.state - 1) / 2147483646) * n);
  }
}

function ipv4Block(rng: Prng, poolSize: number): CidrBlock {
  const prefix = 16 + rng.below(13); // /16 to /28
  const size = 2 ** (32 - prefix);
  const address = 10 * 2 ** 24 + rng.below(poolSize);
  const network = address - (address % size);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return CidrBlock.parse(`${octets.join('.')}/${prefix}`);
}

function ipv6Block(rng: Prng, sitePool: number): CidrBlock {
  const prefix = 48 + rng.below(17); // /48 to /64
  const site = rng.below(sitePool);
  const subnetSize = 2 ** (64 - prefix);
  const raw = rng.below(65536);
  const subnet = raw - (raw % subnetSize);
  return CidrBlock.parse(`2001:db8:${site.toString(16)}:${subnet.toString(16)}::/${prefix}`);
}

/** `n` blocks, half IPv4 and half IPv6, from a pool that grows with `n`. */
export function randomBlocks(n: number, seed: number): CidrBlock[] {
  const rng = new Prng(seed);
  const ipv4Pool = Math.round((n / 10_000) * 2 ** 24);
  const ipv6Sites = Math.max(1, Math.round(n / 20));
  const blocks: CidrBlock[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push(i % 2 === 0 ? ipv4Block(rng, ipv4Pool) : ipv6Block(rng, ipv6Sites));
  }
  return blocks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds one `findOverlaps` call takes on `blocks`, and the pairs it found. */
function timeOnce(blocks: readonly CidrBlock[]): [number, number] {
  const start = process.hrtime.bigint();
  const pairs = findOverlaps(blocks, (b) => b).length;
  return [Number(process.hrtime.bigint() - start) / 1e6, pairs];
}

/** The times of `TIMED_RUNS` calls on `blocks`, and the pairs found. */
function timeRuns(blocks: readonly CidrBlock[]): [number[], number] {
  const times: number[] = [];
  let pairs = 0;
  for (let run = 0; run < TIMED_RUNS; run++) {
    // With --expose-gc (npm run bench), collect the previous run's garbage outside the timed call.
    (globalThis as { gc?: () => void }).gc?.();
    const [ms, p] = timeOnce(blocks);
    times.push(ms);
    pairs = p;
  }
  return [times, pairs];
}

/** Run the benchmark; one printable line per figure. */
export function benchOverlap(): string[] {
  const small = randomBlocks(10_000, 20240601);
  const large = randomBlocks(20_000, 20240602);
  // Warm both sizes up first (JIT), then time each size in a row. Runs of one size are not
  // interleaved with the other: the young-generation pauses that the garbage of earlier calls
  // brings on would then fall mostly in the 20k runs and skew their median.
  for (let run = 0; run < WARMUP_RUNS; run++) {
    timeOnce(small);
    timeOnce(large);
  }
  const [smallMs, smallPairs] = timeRuns(small);
  const [largeMs, largePairs] = timeRuns(large);
  const small10k = median(smallMs);
  const large20k = median(largeMs);
  return [
    `findOverlaps, median of ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-ups (half IPv4, half IPv6):`,
    `  10k blocks: ${small10k.toFixed(2)} ms, ${smallPairs} overlapping pairs`,
    `  20k blocks: ${large20k.toFixed(2)} ms, ${largePairs} overlapping pairs`,
    `  20k/10k ratio: ${(large20k / small10k).toFixed(2)} (goal: 10k under 50 ms, ratio at most 2.3)`,
  ];
}

if (require.main === module) {
  console.log(benchOverlap().join('\n'));
}
