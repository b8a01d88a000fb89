/** A bookable request the throughput measurements send: a free slot and a patient free then. */
export interface Candidate {
  doctorId: number;
  patientId: number;
  date: string;
  time: string;
  durationMinutes: number;
}

/** Runs `work` over `items` with at most `inFlight` at once; how many calls failed. */
export async function inLanes<T>(items: readonly T[], inFlight: number, work: (item: T) => Promise<unknown>): Promise<{ failed: number }> {
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch(() => (failed += 1));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { failed };
}

export type Side = 'app' | 'raw';

/** One round of one side: how long it took, what it booked and refused, and the CPU it used. */
export interface RoundResult {
  seconds: number;
  bookings: number;
  failed: number;
  cpuMs: number;
}

/** CPU milliseconds this process used since `from` (a `process.cpuUsage()`). */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** One side's share of a throughput level: bookings per second over all its rounds, and refusals. */
export interface SideRate {
  rate: number;
  failed: number;
  /** CPU milliseconds per booking of the booking processes (user + system, driver threads included): less moved by other load than the rate. */
  cpuMsPerBooking: number;
}

/**
 * Runs a throughput level as `rounds` rounds of each side, alternating which side goes first
 * (app, raw, raw, app, …): on a machine whose load drifts, both sides see the same drift. Each
 * side's rate is its bookings over the sum of its rounds' seconds.
 */
export async function alternatingRounds(rounds: number, run: (side: Side, round: number) => Promise<RoundResult>): Promise<Record<Side, SideRate>> {
  const total: Record<Side, RoundResult> = { app: { seconds: 0, bookings: 0, failed: 0, cpuMs: 0 }, raw: { seconds: 0, bookings: 0, failed: 0, cpuMs: 0 } };
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const)) {
      const result = await run(side, round);
      total[side].seconds += result.seconds;
      total[side].bookings += result.bookings;
      total[side].failed += result.failed;
      total[side].cpuMs += result.cpuMs;
    }
  }
  const rate = (side: Side): SideRate => ({ rate: total[side].bookings / total[side].seconds, failed: total[side].failed, cpuMsPerBooking: total[side].cpuMs / total[side].bookings });
  return { app: rate('app'), raw: rate('raw') };
}

/** `items` cut into `parts` nearly equal consecutive slices. */
export function slices<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, k) => items.slice(k * size, (k + 1) * size));
}
