/**
 * One "workstation" of the booking race: its own process and connection pool. Reads the plan
 * from argv as JSON, fires every booking at once, prints the outcome counts as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { openSqlStore } from '../../../electron/main/data/sql/open-sql-store';
import type { SqlConfig } from '../../../electron/main/data/sql/connection';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { AppFailure } from '../../../shared/ipc/result';

interface Plan {
  config: SqlConfig;
  now: number;
  bookings: { patientId: number; doctorId: number; date: string; time: string; durationMinutes: number }[];
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] as string) as Plan;
  const store = await openSqlStore(plan.config);
  const outcomes: Record<string, number> = {};
  await Promise.all(
    plan.bookings.map(async (booking) => {
      let outcome = 'BOOKED';
      try {
        await bookAppointment(store, { ...booking, idempotencyKey: randomUUID() }, () => plan.now);
      } catch (error) {
        outcome = error instanceof AppFailure ? error.code : `ERROR ${(error as Error).message}`;
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }),
  );
  await store.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
