/** Small timing helpers shared by the benchmarks: medians of several runs in one process. */
import { readFileSync } from 'fs';

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
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
