import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLINIC, CLINIC_ADMIN, clinicToday, ZONE } from '../../../tests/e2e/support/calendar-clinic';
import { seedBusyClinic } from '../../../tests/e2e/support/full-day';
import { REPO_ROOT } from '../../../tests/e2e/support/launch';

const STORE_FILE = 'clinic-desk.sqlite';
/**
 * The full day's appointments: the generated ones (about 250 on a weekday) and 15-minute visits in
 * the free time on top, as a busy clinic day (the busy-day end-to-end spec fills its day the same way).
 */
const FULL_DAY_APPOINTMENTS = 400;
/** Outside test-results: Playwright empties its output folder on every run. */
const CACHE_DIR = process.env.BENCH_CLINIC_CACHE ?? join(tmpdir(), 'clinic-desk-bench-clinic');

/** What the stored clinic is made from: a change to any of these writes a new one. */
const SOURCES = [
  'electron/main/data/generator',
  'electron/main/data/sql/migrations',
  'electron/main/services/setup.ts',
  'tests/e2e/support/full-day.ts',
  'scripts/bench/ui/bench-clinic.ts',
];

function filesUnder(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry)));
}

function cacheKey(fullDay: string): string {
  const hash = createHash('sha256');
  hash.update(`${clinicToday()}|${fullDay}\n`);
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update(readFileSync(join(REPO_ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh data folder holding the generated medium clinic (30 doctors, 10,000 patients), set up
 * (the bench's admin account) and `fullDay` filled to FULL_DAY_APPOINTMENTS. Generated once
 * (about a minute, much more on a loaded machine) and copied from then on; the caller removes
 * the folder.
 */
export async function benchClinicDataDir(fullDay: string): Promise<{ dataDir: string; fromCache: boolean }> {
  const cached = join(CACHE_DIR, `medium-${cacheKey(fullDay)}.sqlite`);
  const fromCache = existsSync(cached);
  if (!fromCache) {
    const seedDir = mkdtempSync(join(tmpdir(), 'clinic-desk-bench-seed-'));
    try {
      await seedBusyClinic(seedDir, {
        size: 'medium',
        today: clinicToday(),
        setup: { clinicName: CLINIC, timezone: ZONE, admin: CLINIC_ADMIN },
        date: fullDay,
        total: FULL_DAY_APPOINTMENTS,
        durationMinutes: 15,
      });
      mkdirSync(CACHE_DIR, { recursive: true });
      // Renamed into place whole: an interrupted run leaves no half-written clinic behind.
      const partial = `${cached}.${process.pid}.partial`;
      copyFileSync(join(seedDir, STORE_FILE), partial);
      renameSync(partial, cached);
    } finally {
      rmSync(seedDir, { recursive: true, force: true });
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-bench-'));
  copyFileSync(cached, join(dataDir, STORE_FILE));
  return { dataDir, fromCache };
}
