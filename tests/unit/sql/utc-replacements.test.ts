import fc from 'fast-check';
// Sequelize formats a raw query's Date replacement with moment-timezone in its default zone (the
// machine's unless set): setting that default stands in for a workstation outside UTC.
import momentTz from 'moment-timezone';
import { QueryTypes, Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize } from '../../../electron/main/data/sql/connection';
import { utcReplacements, utcSqlText } from '../../../electron/main/data/sql/utc-replacements';

const AT = new Date('2026-12-07T06:05:09.123Z');
const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

describe('UTC text of a Date for raw queries', () => {
  it('writes a fixed instant as each dialect stores it', () => {
    expect(utcSqlText('sqlite', AT)).toBe('2026-12-07 06:05:09.123 +00:00');
    expect(utcSqlText('mysql', AT)).toBe('2026-12-07 06:05:09');
  });

  it("matches the text Sequelize itself writes with the stores' timezone '+00:00'", () => {
    const stores = (['sqlite', 'mysql'] as const).map((dialect) => ({ dialect, sequelize: new Sequelize({ dialect, timezone: '+00:00', logging: false }) }));
    fc.assert(
      fc.property(instants, (at) => {
        for (const { dialect, sequelize } of stores) expect(`'${utcSqlText(dialect, at)}'`).toBe(sequelize.escape(at));
      }),
    );
  });

  it('turns Dates into text in named and positional replacements and IN lists, and leaves other values alone', () => {
    expect(utcReplacements('mysql', { since: AT, ids: [1, 2], days: [AT], name: 'x', none: null })).toEqual({
      since: '2026-12-07 06:05:09',
      ids: [1, 2],
      days: ['2026-12-07 06:05:09'],
      name: 'x',
      none: null,
    });
    expect(utcReplacements('sqlite', [AT, 3])).toEqual(['2026-12-07 06:05:09.123 +00:00', 3]);
  });
});

describe('raw queries of a store on a workstation outside UTC', () => {
  let sequelize: Sequelize;
  beforeAll(() => {
    momentTz.tz.setDefault('Europe/Vienna');
    sequelize = createSequelize({ dialect: 'sqlite', storage: ':memory:' });
  });
  afterAll(async () => {
    momentTz.tz.setDefault();
    await sequelize.close();
  });

  it('compare a Date replacement with stored timestamps in UTC', async () => {
    await sequelize.query('CREATE TABLE stamps (id INTEGER PRIMARY KEY, updated_at DATETIME NOT NULL)');
    await sequelize.query('INSERT INTO stamps (id, updated_at) VALUES (1, :at)', { replacements: { at: utcSqlText('sqlite', AT) } });
    const [echo] = await sequelize.query<{ at: string }>('SELECT :at AS at', { type: QueryTypes.SELECT, replacements: { at: AT } });
    expect(echo?.at).toBe('2026-12-07 06:05:09.123 +00:00');
    // A minute before the stamp finds it; read in Vienna's zone the cut-off would lie an hour after it.
    const since = new Date(AT.getTime() - 60_000);
    const found = await sequelize.query<{ id: number }>('SELECT id FROM stamps WHERE updated_at >= :since', { type: QueryTypes.SELECT, replacements: { since } });
    expect(found.map((row) => Number(row.id))).toEqual([1]);
  });
});
