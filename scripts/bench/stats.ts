/** Nearest-rank percentile of a list of durations (milliseconds). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Timings {
  p50: number;
  p95: number;
}

export const summarize = (values: readonly number[]): Timings => ({ p50: percentile(values, 50), p95: percentile(values, 95) });

/**
 * Wall-clock milliseconds per call of each side, and this process's CPU milliseconds per call
 * (user + system, including the SQLite driver's worker threads): on a machine loaded by others
 * the wall clock mostly measures waiting for a core, the CPU time what each side itself costs.
 */
export interface AlternatingTimes {
  app: number[];
  raw: number[];
  appCpu: number[];
  rawCpu: number[];
}

/**
 * Times the app's way and the raw driver's way of the same work, alternating one call of each,
 * so both see the same caches, the same load from other processes and the same data growth.
 * The first `warmup` pairs are not counted (JIT, connection pools, buffer pool).
 */
export async function timeAlternating(
  iterations: number,
  warmup: number,
  app: (i: number) => Promise<unknown>,
  raw: (i: number) => Promise<unknown>,
): Promise<AlternatingTimes> {
  const result: AlternatingTimes = { app: [], raw: [], appCpu: [], rawCpu: [] };
  for (let i = 0; i < warmup + iterations; i++) {
    const [first, second] = i % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const);
    for (const side of [first, second]) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await (side === 'app' ? app(i) : raw(i));
      if (i >= warmup) {
        result[side].push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        result[side === 'app' ? 'appCpu' : 'rawCpu'].push((used.user + used.system) / 1000);
      }
    }
  }
  return result;
}
