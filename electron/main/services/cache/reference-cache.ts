import type { Sequelize } from 'sequelize';

/** The tables whose rows the cache holds copies of: settings, doctors, weekly hours, days off. */
const REFERENCE_TABLE = /\b(clinic_settings|doctors|doctor_availability|doctor_unavailable_dates)\b/i;
const WRITE_STATEMENT = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * Beyond this age an entry is read again even when no change feed confirmed it: the bound on
 * staleness for a workstation with no calendar open (the feed is what polls other workstations'
 * writes). Well above the feed's 2.5 s poll, so an open calendar invalidates long before.
 */
export const REFERENCE_MAX_AGE_MS = 60_000;

interface Entry {
  value: Promise<unknown>;
  loadedAt: number;
}

/**
 * Settings, doctors, weekly hours and days off as last read from ONE store, for reads outside
 * transactions. Keyed by the store's Sequelize instance (see `referenceCacheOf`), so a
 * workstation's mirror and the server never serve each other's copies.
 *
 * Invalidated:
 * - at once by any INSERT/UPDATE/DELETE naming one of the tables on this store, whoever sends it
 *   (services, offline replay, mirror pull), and again when that statement's transaction commits,
 *   so a read that slipped in before the commit cannot keep the old rows;
 * - by other workstations' writes when the calendar change feed reports a different fingerprint
 *   of the tables (`confirmFingerprint`);
 * - after REFERENCE_MAX_AGE_MS in any case.
 *
 * Never used inside a booking, series or availability transaction: those read locked,
 * committed rows themselves.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, Entry>();
  private fingerprint: string | null = null;
  /** How many times the cache was emptied: lets tests and the bench see invalidation happen. */
  invalidations = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The cached value for `key`, or `load()`'s, kept until the next invalidation or expiry. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.loadedAt < REFERENCE_MAX_AGE_MS) return entry.value as Promise<T>;
    const value = load();
    const fresh: Entry = { value, loadedAt: this.now() };
    this.entries.set(key, fresh);
    // A failed read is not kept: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return value;
  }

  invalidate(): void {
    this.entries.clear();
    this.invalidations += 1;
  }

  /**
   * The fingerprint of the reference tables as the change feed just read it: a change since the
   * last one (another workstation's write, or a direct SQL edit) empties the cache.
   */
  confirmFingerprint(fingerprint: string): void {
    if (this.fingerprint !== null && this.fingerprint !== fingerprint) this.invalidate();
    this.fingerprint = fingerprint;
  }

  /** The statement just sent on the store: a write to a reference table empties the cache. */
  observeStatement(sql: string, onCommit?: (fn: () => void) => void): void {
    if (!WRITE_STATEMENT.test(sql) || !REFERENCE_TABLE.test(sql)) return;
    this.invalidate();
    onCommit?.(() => this.invalidate());
  }
}

const cachesByStore = new WeakMap<Sequelize, ReferenceCache>();

interface HookedQuery {
  sql?: unknown;
}
interface HookedOptions {
  transaction?: { afterCommit(fn: () => void): void } | null;
}

/** The cache of one store, created (and its write watch installed) on first use. */
export function referenceCacheOf(sequelize: Sequelize): ReferenceCache {
  let cache = cachesByStore.get(sequelize);
  if (cache) return cache;
  const created = new ReferenceCache();
  // `afterQuery` runs for every statement of this instance, raw or through a model; it is in
  // Sequelize's hook table but its typings take the model-level option types.
  (sequelize as unknown as { addHook(name: 'afterQuery', fn: (options: HookedOptions, query: HookedQuery) => void): void }).addHook(
    'afterQuery',
    (options, query) => {
      if (typeof query.sql !== 'string') return;
      const transaction = options.transaction ?? undefined;
      created.observeStatement(query.sql, transaction ? (fn) => transaction.afterCommit(fn) : undefined);
    },
  );
  cachesByStore.set(sequelize, created);
  cache = created;
  return cache;
}
