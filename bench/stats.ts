/** Small timing helpers shared by the benchmarks: medians of several runs in one process. */
import { readFileSync } from 'fs';

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * P(X <= k) for X ~ Binomial(n, 1/2): the chance that at most k of n independent measurements fall
 * below their distribution's median.
 */
export function binomialHalfCdf(n: number, k: number): number {
  let term = 2 ** -n; // C(n, 0) / 2^n
  let sum = 0;
  for (let i = 0; i <= Math.min(k, n); i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/** A distribution-free confidence interval for a median. */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  /** The chance that the interval holds the true median, exactly (at least `confidence`). */
  readonly coverage: number;
}

/**
 * The narrowest interval between two order statistics, the k-th smallest and k-th largest, that
 * holds the median of the measurements' distribution with probability at least `confidence`:
 * the true median lies outside only when fewer than k measurements fall on one side of it, which
 * has probability 2 P(X <= k - 1) for X ~ Binomial(n, 1/2). No assumption about the distribution
 * is made, only that the measurements are independent. `undefined` when there are too few
 * measurements for that confidence (fewer than 6 for 95%).
 */
export function medianInterval(xs: number[], confidence = 0.95): MedianInterval | undefined {
  const n = xs.length;
  let k = 0; // the largest k with 1 - 2 P(X <= k - 1) >= confidence
  while (k + 1 <= Math.floor((n + 1) / 2) && 1 - 2 * binomialHalfCdf(n, k) >= confidence) k++;
  if (k === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return { low: s[k - 1], high: s[n - k], coverage: 1 - 2 * binomialHalfCdf(n, k - 1) };
}

/** Run `fn` `warmup` times untimed, then `runs` times, and return each run's milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

/** Milliseconds with one decimal. */
export function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

/** What else used the machine while a benchmark ran, as shares of its total CPU time. */
export interface MachineLoad {
  /** CPU time of everything but this process (other processes, the kernel on their behalf). */
  readonly others: number;
  /** Time the hypervisor gave to other guests ("steal"). */
  readonly steal: number;
}

/**
 * Start measuring what else used the machine; the returned function gives the shares since the
 * call, from /proc/stat (clock ticks of 1/100 s) and this process's own CPU time, or `undefined`
 * where /proc/stat is not available. On a shared machine this is what moves wall-clock ratios
 * between runs.
 */
export function machineLoadMeter(): () => MachineLoad | undefined {
  const read = (): number[] | undefined => {
    try {
      // First line: "cpu  user nice system idle iowait irq softirq steal ..." summed over CPUs.
      const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
      return line.trim().split(/\s+/).slice(1, 9).map(Number);
    } catch {
      return undefined;
    }
  };
  const start = read();
  const cpu0 = process.cpuUsage();
  return () => {
    const end = read();
    if (start === undefined || end === undefined) return undefined;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = end.map((v, i) => v - start[i]);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    if (total <= 0) return undefined;
    const own = process.cpuUsage(cpu0);
    const ownTicks = (own.user + own.system) / 1e4; // microseconds to 1/100 s
    const busy = user + nice + system + irq + softirq;
    return { others: Math.max(0, busy - ownTicks) / total, steal: steal / total };
  };
}

/** A machine load as printed. */
export function loadText(load: MachineLoad | undefined): string {
  if (load === undefined) return 'load of other processes not measured';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `other processes ${pct(load.others)}, hypervisor steal ${pct(load.steal)} of the machine's CPU time`;
}
