import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_MAX_AGE_MS, ReferenceCache } from '../../../electron/main/services/cache/reference-cache';

/** A cache on a hand-moved clock, and a loader that counts its reads. */
function setup() {
  let now = 1_000;
  const cache = new ReferenceCache(() => now);
  let loads = 0;
  const load = () => Promise.resolve(++loads);
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('the reference cache', () => {
  it('reads through once, then serves the copy until invalidated', async () => {
    const { cache, load, loads } = setup();
    expect(await cache.read('settings', load)).toBe(1);
    expect(await cache.read('settings', load)).toBe(1);
    expect(loads()).toBe(1);
    cache.invalidate();
    expect(await cache.read('settings', load)).toBe(2);
  });

  it('reads again once an entry is older than the age bound', async () => {
    const { cache, load, advance } = setup();
    await cache.read('settings', load);
    advance(REFERENCE_MAX_AGE_MS - 1);
    expect(await cache.read('settings', load)).toBe(1);
    advance(1);
    expect(await cache.read('settings', load)).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const { cache, load } = setup();
    await expect(cache.read('settings', () => Promise.reject(new Error('server away')))).rejects.toThrow('server away');
    expect(await cache.read('settings', load)).toBe(1);
  });

  it('empties on a changed change-feed fingerprint only', async () => {
    const { cache, load } = setup();
    cache.confirmFingerprint('3:100:2026-12-06');
    await cache.read('settings', load);
    cache.confirmFingerprint('3:100:2026-12-06');
    expect(await cache.read('settings', load)).toBe(1);
    cache.confirmFingerprint('3:101:2026-12-06');
    expect(await cache.read('settings', load)).toBe(2);
  });

  it('empties on writes to the reference tables, again at commit, and not on other statements', () => {
    const { cache } = setup();
    const commits: (() => void)[] = [];
    const cases: [string, boolean][] = [
      ["UPDATE `doctor_availability` SET `end_time`=? WHERE `doctor_id` = ?", true],
      ['INSERT INTO clinic_settings (setting_key, setting_value) VALUES (?, ?)', true],
      ['DELETE FROM doctor_unavailable_dates WHERE id = 4', true],
      ['  update doctors set is_active = 0 where id = 2', true],
      ['SELECT * FROM doctors', false],
      ['INSERT INTO appointments (doctor_id) VALUES (1)', false],
      ['UPDATE patients SET phone = ? WHERE id = ?', false],
    ];
    for (const [sql, write] of cases) {
      const before = cache.invalidations;
      cache.observeStatement(sql, (fn) => commits.push(fn));
      expect(cache.invalidations - before, sql).toBe(write ? 1 : 0);
    }
    expect(commits).toHaveLength(4);
    const before = cache.invalidations;
    for (const commit of commits) commit();
    expect(cache.invalidations - before).toBe(4);
  });

  it('never serves a copy loaded before the last invalidation (any order of reads, writes and polls)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('read', 'write', 'poll-same', 'poll-changed', 'age'), { maxLength: 30 }), async (steps) => {
        const { cache, advance } = setup();
        let version = 0;
        let fingerprint = 0;
        cache.confirmFingerprint(String(fingerprint));
        for (const step of steps) {
          if (step === 'read') expect(await cache.read('k', () => Promise.resolve(version))).toBe(version);
          else if (step === 'write') {
            version += 1;
            cache.observeStatement('UPDATE doctors SET buffer_minutes = 5');
          } else if (step === 'poll-changed') {
            // Another workstation's write: only the fingerprint tells.
            version += 1;
            fingerprint += 1;
            cache.confirmFingerprint(String(fingerprint));
          } else if (step === 'poll-same') cache.confirmFingerprint(String(fingerprint));
          else advance(REFERENCE_MAX_AGE_MS);
        }
      }),
    );
  });
});
