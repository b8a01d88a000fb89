/**
 * `npm run bench [-- --store mariadb|sqlite] [--json FILE] [--iterations N] [--regenerate] [--pull 5000,50000]`
 *
 * Measures the scheduling services on a generated clinic of 100,000 patients and about a
 * million appointments, each against the raw driver doing the same work in the same run:
 * (a) booking one appointment, (b) the day view of 30 doctors, (c) the soonest-slot search over
 * 50 doctors and 30 days, (d) bookings per second at 1, 5 and 20 in flight from one process and
 * from two processes at once. Prints a table; --json writes the figures. Targets are reported, not
 * asserted: tests assert behaviour, this reports speed.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { loadClinicSettings, schedulingRules } from '../../electron/main/services/scheduling/rules';
import { startOfDay } from '../../shared/domain/scheduling';
import { BENCH_TODAY, BENCH_ZONE, ensureDataset, resetToGenerated, type BenchStore } from './dataset';
import { countCacheStatements } from './cache-statements';
import { benchBooking, benchCalendarDay, benchSoonest, benchThroughput, bookingCandidates, type Measurement } from './measurements';
import { measurePrescriptionPulls, pullLine } from './sync-pull';
import { benchTwoProcessThroughput } from './two-process-throughput';
import { openRawDriver } from './raw-driver';

const log = (line: string) => process.stdout.write(`${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      store: { type: 'string', default: 'mariadb' },
      json: { type: 'string' },
      iterations: { type: 'string', default: '200' },
      regenerate: { type: 'boolean', default: false },
      // e.g. 5000 or 5000,50000: also a workstation's first pull of that many prescriptions (scripts/bench/sync-pull.ts)
      pull: { type: 'string' },
    },
  });
  const store = values.store === 'mysql' ? 'mariadb' : values.store;
  if (store !== 'mariadb' && store !== 'sqlite') throw new Error(`--store must be mariadb or sqlite, not ${values.store}`);
  const iterations = Number(values.iterations);
  if (!Number.isInteger(iterations) || iterations < 10) throw new Error('--iterations must be a whole number of at least 10');
  const pull = values.pull === undefined ? [] : values.pull.split(',').map(Number);
  if (pull.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--pull takes whole numbers, e.g. 5000 or 5000,50000');
  return { store: store as BenchStore, json: values.json, iterations, regenerate: values.regenerate, pull };
}

const ms = (n: number) => n.toFixed(2);

function table(rows: Measurement[]): string {
  const header = ['measurement', 'p50 ms', 'p95 ms', 'raw p50', 'raw p95', 'ratio', 'cpu ms', 'raw cpu', 'cpu ratio', 'queries', 'raw q.', 'target', 'met'];
  const body = rows.map((m) => [
    m.name,
    ms(m.p50),
    ms(m.p95),
    ms(m.rawP50),
    ms(m.rawP95),
    `${m.ratio.toFixed(2)}x`,
    ms(m.cpuP50),
    ms(m.rawCpuP50),
    `${m.cpuRatio.toFixed(2)}x`,
    String(m.queries ?? '-'),
    String(m.rawQueries ?? '-'),
    m.target,
    m.met ? 'met' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 11 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const opts = options();
  const dataset = await ensureDataset(opts.store, log, opts.regenerate);
  const { marker } = dataset;
  log(
    `Store: ${opts.store}. Clinic: ${marker.rows.patients?.toLocaleString('en-US')} patients, ${marker.rows.appointments?.toLocaleString('en-US')} appointments, ${marker.rows.doctors} doctors ` +
      `(${dataset.generatedNow ? 'generated now' : 'cached'}; generation took ${marker.generationSeconds} s).`,
  );
  const sql = await openSqlStore(dataset.config);
  const raw = await openRawDriver(dataset.config);
  const now = startOfDay(BENCH_TODAY, BENCH_ZONE) + 7 * 60;
  // Timings depend on what else the machine runs: the load is recorded with them.
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const ctx = {
      sql,
      raw,
      rules: schedulingRules(await loadClinicSettings(sql.models)),
      clock: () => now,
      today: BENCH_TODAY,
      iterations: opts.iterations,
      warmup: Math.max(5, Math.round(opts.iterations / 10)),
      log,
    };
    const measurements: Measurement[] = [];
    for (const bench of [benchBooking, benchCalendarDay, benchSoonest]) {
      const measured = await bench(ctx);
      log(`  measured: ${measured.name}`);
      measurements.push(measured);
    }
    const throughput = await benchThroughput(ctx);
    log('  measured: booking throughput');
    throughput.push(...(await benchTwoProcessThroughput(ctx, dataset.config, (count) => bookingCandidates(ctx, count))));
    const documentPull = opts.pull.length > 0 ? await measurePrescriptionPulls(opts.pull, log) : [];
    const cacheStatements = await countCacheStatements(ctx);
    const bookingStatements = measurements.find((m) => m.name.startsWith('booking'))?.queries ?? null;
    const loadAfter = loadavg()[0] ?? 0;
    log('');
    log(table(measurements));
    log(
      `Statements per calendar day (30 doctors): ${cacheStatements.calendarDayWithoutCache} without the reference cache, ` +
        `${cacheStatements.calendarDayWithCache} with it; per booking: ${bookingStatements ?? '-'} either way (a booking reads committed rows, never the cache).`,
    );
    for (const t of throughput) {
      const cpu = `CPU ms per booking app ${t.appCpuMsPerBooking.toFixed(2)}, raw ${t.rawCpuMsPerBooking.toFixed(2)}`;
      log(`${t.name}: app ${t.app.toFixed(1)}/s, raw ${t.raw.toFixed(1)}/s, ${t.ratio.toFixed(2)}x (${cpu}); refused ${t.refused}; target ${t.target}${t.target === 'reported' ? '' : t.met ? '  met' : '  NO'}`);
    }
    for (const t of documentPull) log(pullLine(t));
    log(`(1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} cores)`);
    if (opts.json) {
      const report = {
        store: opts.store,
        dialect: dataset.config.dialect,
        node: process.version,
        date: new Date().toISOString(),
        machine: { cores: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
        dataset: { ...marker, cached: !dataset.generatedNow },
        measurements,
        throughput,
        documentPull,
        statements: { ...cacheStatements, booking: bookingStatements },
      };
      writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
      log(`\nWrote ${opts.json}`);
    }
  } finally {
    await resetToGenerated(sql, marker);
    await raw.close();
    await sql.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
