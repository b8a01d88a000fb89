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
 * Times the app's way and the raw driver's way of the same work, alternating one call of each,
 * so both see the same caches, the same load from other processes and the same data growth.
 * The first `warmup` pairs are not counted (JIT, connection pools, buffer pool).
 */
export async function timeAlternating(
  iterations: number,
  warmup: number,
  app: (i: number) => Promise<unknown>,
  raw: (i: number) => Promise<unknown>,
): Promise<{ app: number[]; raw: number[] }> {
  const result = { app: [] as number[], raw: [] as number[] };
  for (let i = 0; i < warmup + iterations; i++) {
    const [first, second] = i % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const);
    for (const side of [first, second]) {
      const started = performance.now();
      await (side === 'app' ? app(i) : raw(i));
      if (i >= warmup) result[side].push(performance.now() - started);
    }
  }
  return result;
}
