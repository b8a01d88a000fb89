/**
 * `npx tsx scripts/bench/patient-search.ts [--store mariadb|sqlite] [--iterations N]`
 *
 * The front desk's patient typeahead on the benchmark clinic (100,000 patients): p50/p95 of
 * searchPatients for what receptionists type: one to a few letters of a name, two names, a phone
 * prefix, an email prefix, a date of birth. Reports; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { QueryTypes } from 'sequelize';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { searchPatients } from '../../electron/main/services/reception/patient-search';
import { ensureDataset, type BenchStore } from './dataset';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { store: { type: 'string', default: 'mariadb' }, iterations: { type: 'string', default: '200' } },
  });
  const store = (values.store === 'sqlite' ? 'sqlite' : 'mariadb') as BenchStore;
  const iterations = Number(values.iterations);
  const dataset = await ensureDataset(store, log);
  const sql = await openSqlStore(dataset.config); // applies the app's migrations: the search indexes too
  try {
    const [sample] = await sql.sequelize.query<{
      first_name: string;
      last_name: string;
      phone: string;
      email: string;
      date_of_birth: string;
    }>('SELECT first_name, last_name, phone, email, date_of_birth FROM patients WHERE id = 54321', {
      type: QueryTypes.SELECT,
    });
    if (!sample) throw new Error('the benchmark clinic has no patient 54321');
    const queries: [string, string][] = [
      ['one letter', sample.last_name.slice(0, 1)],
      ['three letters', sample.last_name.slice(0, 3).toLowerCase()],
      ['full last name', sample.last_name],
      ['first + last prefixes', `${sample.first_name.slice(0, 3)} ${sample.last_name.slice(0, 3)}`],
      ['phone prefix (8)', sample.phone.slice(0, 8)],
      ['email prefix', sample.email.slice(0, 10)],
      ['date of birth', String(sample.date_of_birth).slice(0, 10)],
      ['no match', 'Zzqxv'],
    ];
    log(`Store: ${store}. ${iterations} searches per row, limit 20. (Generated names; no patient data printed.)`);
    log(`${'search'.padEnd(24)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'hits'.padStart(6)}`);
    for (const [name, query] of queries) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < iterations + 10; i++) {
        const started = performance.now();
        const found = await searchPatients(sql, { query, limit: 20, includeInactive: false });
        if (i >= 10) times.push(performance.now() - started);
        hits = found.length;
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      log(
        `${name.padEnd(24)}${at(0.5).toFixed(2).padStart(9)}${at(0.95).toFixed(2).padStart(9)}${String(hits).padStart(6)}`,
      );
    }
  } finally {
    await sql.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
