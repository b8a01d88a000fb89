import { DateTime } from 'luxon';
import type { QueryOptions, Sequelize } from 'sequelize';

type Dialect = 'mysql' | 'sqlite';

/**
 * A `Date` as the text a DATETIME column holds with the store's `timezone: '+00:00'`: the same
 * text Sequelize writes through the models (SQLite keeps the offset in the text, MySQL's
 * DATETIME does not and takes whole seconds from a raw literal).
 */
export function utcSqlText(dialect: Dialect, at: Date): string {
  const utc = DateTime.fromJSDate(at, { zone: 'utc' });
  return dialect === 'sqlite' ? utc.toFormat("yyyy-MM-dd HH:mm:ss.SSS '+00:00'") : utc.toFormat('yyyy-MM-dd HH:mm:ss');
}

function utcValue(dialect: Dialect, value: unknown): unknown {
  if (value instanceof Date) return utcSqlText(dialect, value);
  if (Array.isArray(value)) return value.map((item) => utcValue(dialect, item));
  return value;
}

/** The replacements with every `Date` (also inside IN lists) turned into UTC text. */
export function utcReplacements(dialect: Dialect, replacements: QueryOptions['replacements']): QueryOptions['replacements'] {
  if (replacements === undefined || replacements === null) return replacements;
  if (Array.isArray(replacements)) return replacements.map((value) => utcValue(dialect, value));
  return Object.fromEntries(Object.entries(replacements).map(([name, value]) => [name, utcValue(dialect, value)]));
}

/**
 * Sequelize writes a `Date` given as a raw query's replacement in the machine's time zone (it
 * ignores the `timezone` option there), while the models store and read timestamps in UTC. On a
 * workstation outside UTC a raw `updated_at >= :since` then looks hours off. Every raw query of
 * this instance gets its `Date` replacements as UTC text instead, whatever the machine's zone.
 */
export function writeReplacementDatesInUtc(sequelize: Sequelize, dialect: Dialect): void {
  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: QueryOptions) => Promise<unknown>;
  const utcQuery = (sql: unknown, options?: QueryOptions) =>
    query(sql, options?.replacements ? { ...options, replacements: utcReplacements(dialect, options.replacements) } : options);
  sequelize.query = utcQuery as Sequelize['query'];
}
