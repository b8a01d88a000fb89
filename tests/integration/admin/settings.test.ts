import { serverNowMs } from '../../../electron/main/data/sql/repositories/server-clock-repository';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listClinicSettings, saveClinicSetting } from '../../../electron/main/services/admin/clinic-settings-admin';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { listFreeSlots } from '../../../electron/main/services/scheduling/slot-queries';
import { SETTINGS, type SettingName } from '../../../shared/domain/settings-registry';
import { SaveSettingInput, SETTINGS_EDITED_ELSEWHERE, type KnownSettingView } from '../../../shared/ipc/admin/settings';
import type { SessionUser } from '../../../shared/ipc/types';
import { staffSessionUser } from '../../../electron/main/services/accounts';
import { adminValues, refusal } from '../sql/fixtures';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, NOW, seedClinic } from '../scheduling/clinic-fixture';

describe.each(SQL_TARGETS)('clinic settings on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  let alice: SessionUser;
  let bob: SessionUser;
  const clock = fixedClock();

  const setting = async (name: SettingName): Promise<KnownSettingView> =>
    (await listClinicSettings(store)).known.find((s) => s.name === name)!;
  const save = async (user: SessionUser, name: SettingName, value: unknown) =>
    saveClinicSetting(store, user, { name, value, version: (await setting(name)).version });
  const stored = async () =>
    JSON.stringify(await store.models.ClinicSetting.findAll({ order: [['settingKey', 'ASC']], raw: true }));
  const slotTimes = async (date = MONDAY) =>
    (await listFreeSlots(store, { doctorId: clinic.doctors[0]!.id, fromDate: date, days: 1 }, clock)).map((s) => s.time);
  const book = (time: string, date = MONDAY) =>
    bookAppointment(store, { patientId: clinic.patients[0]!.id, doctorId: clinic.doctors[0]!.id, date, time, idempotencyKey: randomUUID() }, clock);

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 1, patients: 2 });
    alice = staffSessionUser(await store.models.Admin.create(adminValues({ firstName: 'Alice', lastName: 'Admin', roleLevel: 1 })));
    bob = staffSessionUser(await store.models.Admin.create(adminValues({ firstName: 'Bob', lastName: 'Admin', roleLevel: 2 })));
    await store.models.ClinicSetting.create({ settingKey: 'legacy_fax_number', settingValue: '+49 30 999', description: 'From an older version' });
  });
  afterAll(async () => store?.dispose());

  it('lists every key of the registry with its description and default, and unknown keys read-only', async () => {
    const page = await listClinicSettings(store);
    // all but those with a screen (and an audited channel) of their own, which are not "unknown" either
    expect(page.known.map((s) => s.name).sort()).toEqual((Object.keys(SETTINGS) as SettingName[]).filter((name) => !SETTINGS_EDITED_ELSEWHERE.includes(name)).sort());
    expect(page.known.map((s) => s.name)).not.toContain('medicationIngredients');
    const horizon = page.known.find((s) => s.name === 'bookingHorizonDays')!;
    expect(horizon).toMatchObject({ isDefault: true, value: 180, defaultValue: 180, editor: 'integer', min: 1, max: 730, version: null });
    expect(horizon.description.length).toBeGreaterThan(10);
    expect(page.known.find((s) => s.name === 'timezone')).toMatchObject({ isDefault: false, value: 'Europe/Berlin' });
    expect(page.unknown).toEqual([expect.objectContaining({ key: 'legacy_fax_number', value: '+49 30 999', description: 'From an older version' })]);
  });

  it('saves a value with who and when, and keeps unknown keys untouched', async () => {
    const saved = await save(alice, 'clinicAddress', 'Generated Street 1, 10115 Berlin');
    expect(saved).toMatchObject({ value: 'Generated Street 1, 10115 Berlin', isDefault: false, updatedBy: { id: alice.id, name: 'Alice Admin' } });
    // stamped by the database's clock, which is what it is compared with
    expect(Date.parse(saved.updatedAt!)).toBeGreaterThan((await serverNowMs(store)) - 60_000);
    const row = await store.models.ClinicSetting.findOne({ where: { settingKey: 'clinic_address' } });
    expect(row).toMatchObject({ settingValue: 'Generated Street 1, 10115 Berlin', updatedBy: alice.id });
    expect(row!.description).toBe(SETTINGS.clinicAddress.description);
    const legacy = await store.models.ClinicSetting.findOne({ where: { settingKey: 'legacy_fax_number' } });
    expect(legacy!.settingValue).toBe('+49 30 999');
  });

  it('refuses an invalid value with VALIDATION and changes nothing', async () => {
    const before = await stored();
    for (const [name, value] of [
      ['slotStepMinutes', 3],
      ['openingHours', { '1': [['09:00', '08:00']] }],
      ['timezone', 'Mars/Olympus'],
      ['clinicEmail', 'not-an-email'],
    ] as [SettingName, unknown][]) {
      const failure = await refusal(save(alice, name, value));
      expect(failure.code, name).toBe('VALIDATION');
      expect(failure.details).toMatchObject({ field: 'value' });
    }
    expect(await stored()).toBe(before);
  });

  it('refuses an unknown key at the channel schema', () => {
    expect(SaveSettingInput.safeParse({ name: 'legacy_fax_number', value: 'x', version: null }).success).toBe(false);
    expect(SaveSettingInput.safeParse({ name: 'slotStepMinutes', value: 10, version: null }).success).toBe(true);
  });

  it('refuses with CONFLICT a save over a change someone else made since loading, and keeps theirs', async () => {
    const loadedByAlice = await setting('reminderLeadHours');
    const loadedByBob = await setting('reminderLeadHours');
    await saveClinicSetting(store, bob, { name: 'reminderLeadHours', value: 48, version: loadedByBob.version });
    const failure = await refusal(saveClinicSetting(store, alice, { name: 'reminderLeadHours', value: 12, version: loadedByAlice.version }));
    expect(failure.code).toBe('CONFLICT');
    expect(await setting('reminderLeadHours')).toMatchObject({ value: 48, updatedBy: { id: bob.id } });
    // within the same second too: the version holds the stored text as well as updated_at
    const again = await setting('reminderLeadHours');
    await saveClinicSetting(store, bob, { name: 'reminderLeadHours', value: 72, version: again.version });
    expect((await refusal(saveClinicSetting(store, alice, { name: 'reminderLeadHours', value: 6, version: again.version }))).code).toBe('CONFLICT');
    // after loading again, Alice's save goes through
    const fresh = await setting('reminderLeadHours');
    expect((await saveClinicSetting(store, alice, { name: 'reminderLeadHours', value: 6, version: fresh.version })).value).toBe(6);
  });

  describe('through the real scheduling engine', () => {
    it('slot step: free slots and bookings follow the saved grid at once', async () => {
      expect((await slotTimes()).slice(0, 3)).toEqual(['08:00', '08:15', '08:30']);
      await save(alice, 'slotStepMinutes', 20);
      expect((await slotTimes()).slice(0, 4)).toEqual(['08:00', '08:20', '08:40', '09:00']);
      expect((await refusal(book('08:15'))).code).toBe('OFF_GRID');
      expect((await book('08:20')).time).toBe('08:20');
      await save(alice, 'slotStepMinutes', 15);
      // 08:20–08:50 is booked now: the next 30-minute start on the 15-minute grid is 09:00
      expect((await slotTimes()).slice(0, 2)).toEqual(['09:00', '09:15']);
    });

    it('minimum notice: slots and bookings closer than the notice are refused', async () => {
      // NOW is 07:00 on MONDAY; the doctor works from 08:00
      await save(alice, 'minimumNoticeMinutes', 180);
      const times = await slotTimes();
      expect(times[0]).toBe('10:00');
      expect((await refusal(book('09:30'))).code).toBe('TOO_SHORT_NOTICE');
      await save(alice, 'minimumNoticeMinutes', 0);
      expect((await slotTimes())[0]).toBe('09:00'); // 08:00 is free but too close to the 08:20 booking
      expect(NOW).toBeGreaterThan(0);
    });

    it('opening hours: nothing is offered or booked outside them', async () => {
      const tuesday = '2026-12-08';
      const hours = { '0': [['07:00', '20:00']], '1': [['07:00', '20:00']], '2': [['10:00', '12:00'], ['14:00', '16:00']] } as const;
      await save(alice, 'openingHours', hours);
      const times = await slotTimes(tuesday);
      expect(times[0]).toBe('10:00');
      expect(times.every((t) => (t >= '10:00' && t <= '11:30') || (t >= '14:00' && t <= '15:30'))).toBe(true);
      expect((await refusal(book('09:00', tuesday))).code).toBe('OUTSIDE_OPENING_HOURS');
      expect((await refusal(book('12:30', tuesday))).code).toBe('OUTSIDE_OPENING_HOURS');
      expect((await book('14:30', tuesday)).time).toBe('14:30');
      // a closed weekday offers nothing
      expect(await slotTimes('2026-12-09')).toEqual([]);
    });
  });
});
