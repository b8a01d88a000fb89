/**
 * `CLINIC_BENCH_DATASET=clinic_bench_admin npx tsx scripts/bench/report-timing.ts [--store sqlite]`
 * Times the admin clinic report (clinicReport) on the generated clinic (~1M appointments) for
 * 1, 4 and 13 weeks, all doctors, and prints MariaDB's EXPLAIN of its appointment query.
 */
import { parseArgs } from 'node:util';
import { QueryTypes } from 'sequelize';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { clinicReport } from '../../electron/main/services/reports/clinic-report';
import { addDays } from '../../shared/domain/scheduling';
import { BENCH_TODAY, ensureDataset, type BenchStore } from './dataset';
import { percentile } from './stats';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { store: { type: 'string', default: 'mariadb' } } });
  const store = (values.store === 'sqlite' ? 'sqlite' : 'mariadb') as BenchStore;
  const dataset = await ensureDataset(store, (l) => process.stdout.write(`${l}\n`));
  const sql = await openSqlStore(dataset.config);
  try {
    for (const weeks of [1, 4, 13]) {
      const times: number[] = [];
      let appointments = 0;
      for (let i = 0; i < 12; i++) {
        const from = addDays(BENCH_TODAY, -7 * weeks - 7 * (i % 6));
        const started = performance.now();
        const report = await clinicReport(sql, { fromDate: from, weeks });
        times.push(performance.now() - started);
        appointments = report.totals.appointments;
      }
      times.splice(0, 2); // warm-up
      process.stdout.write(`${store} report ${weeks} week(s), 150 doctors (${appointments} appointments counted): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms\n`);
    }
    if (store === 'mariadb') {
      const plan = await sql.sequelize.query(
        `EXPLAIN SELECT doctor_id, SUM(duration_minutes) FROM appointments WHERE appointment_date >= :from AND appointment_date < :end AND status <> 'Cancelled' GROUP BY doctor_id`,
        { type: QueryTypes.SELECT, replacements: { from: addDays(BENCH_TODAY, -28), end: BENCH_TODAY } },
      );
      process.stdout.write(`EXPLAIN: ${JSON.stringify(plan)}\n`);
    }
  } finally {
    await sql.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
