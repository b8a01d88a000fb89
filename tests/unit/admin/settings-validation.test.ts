import { describe, expect, it } from 'vitest';
import { SETTINGS, type SettingName } from '../../../shared/domain/settings-registry';
import { integerBounds, presentationOf, SETTING_NAMES, settingValueProblem } from '../../../shared/ipc/admin/settings';

/** Values each setting must accept and refuse (the editor and main both check through the registry). */
const CASES: Partial<Record<SettingName, { good: unknown[]; bad: unknown[] }>> = {
  clinicName: { good: ['Birkenweg Clinic', '  Trimmed Clinic  '], bad: ['', '   ', 'x'.repeat(101), 42] },
  clinicAddress: { good: ['', 'Generated Street 1\n10115 Berlin'], bad: ['x'.repeat(501), null] },
  clinicPhone: { good: ['', '+49 30 1234567', '(030) 123-4567'], bad: ['call us', '+1', '12345678901234567890123', 5551234] },
  clinicEmail: { good: ['', 'desk@clinic.example'], bad: ['desk@', 'not an email', `${'x'.repeat(95)}@clinic.example`] },
  timezone: { good: ['Europe/Berlin', 'America/New_York', 'UTC'], bad: ['Mars/Olympus', '', 'berlin'] },
  slotStepMinutes: { good: [5, 15, 120], bad: [4, 121, 7.5, '15', null] },
  defaultDurationMinutes: { good: [5, 30, 480], bad: [0, 481, 12.5] },
  minimumNoticeMinutes: { good: [0, 120, 10080], bad: [-1, 10081, 1.5] },
  bookingHorizonDays: { good: [1, 180, 730], bad: [0, 731] },
  bufferMinutes: { good: [0, 10, 120], bad: [-5, 121] },
  lateCancellationHours: { good: [0, 24, 168], bad: [-1, 169] },
  reminderLeadHours: { good: [1, 24, 168], bad: [0, 169, 2.5] },
  inactivityLockMinutes: { good: [1, 10, 240], bad: [0, 241] },
  lockoutThreshold: { good: [3, 5, 20], bad: [2, 21] },
  lockoutMinutes: { good: [1, 15, 1440], bad: [0, 1441] },
  openingHours: {
    good: [{}, { '1': [['08:00', '12:00'], ['13:00', '18:00']] }, { '0': [['00:00', '24:00']] }],
    bad: [
      { '1': [['12:00', '08:00']] },
      { '1': [['08:00', '12:00'], ['11:00', '14:00']] },
      { '7': [['08:00', '12:00']] },
      { '1': [['8:00', '12:00']] },
      { '1': [['08:00', '25:00']] },
      [],
    ],
  },
};

describe('every clinic setting validates its value', () => {
  for (const name of SETTING_NAMES) {
    const cases = CASES[name];
    it(`${name}: its default is valid${cases ? ', good values pass, bad ones are refused with a message' : ', a value of the wrong type is refused'}`, () => {
      expect(settingValueProblem(name, SETTINGS[name].defaultValue) === null || name === 'clinicName').toBe(true);
      if (!cases) {
        // a setting another feature added: at least its type is checked
        const wrong = typeof SETTINGS[name].defaultValue === 'number' ? 'not a number' : 12345.678;
        expect(settingValueProblem(name, wrong)).not.toBeNull();
        return;
      }
      for (const value of cases.good) expect(settingValueProblem(name, value), `${name} = ${JSON.stringify(value)}`).toBeNull();
      for (const value of cases.bad) {
        const problem = settingValueProblem(name, value);
        expect(problem, `${name} = ${JSON.stringify(value)} must be refused`).not.toBeNull();
        expect(problem!.length).toBeGreaterThan(3);
      }
    });
  }

  it('the registry round-trips every good value through its stored text', () => {
    for (const [name, cases] of Object.entries(CASES) as [SettingName, { good: unknown[] }][]) {
      const definition = SETTINGS[name] as unknown as { schema: { parse(v: unknown): unknown }; serialize(v: unknown): string; parse(t: string): unknown };
      for (const value of cases.good) {
        const parsed = definition.schema.parse(value);
        expect(definition.parse(definition.serialize(parsed))).toEqual(parsed);
      }
    }
  });

  it('integer settings show their bounds and a unit; the clinic name has no usable default', () => {
    expect(integerBounds('slotStepMinutes')).toEqual({ min: 5, max: 120 });
    expect(presentationOf('minimumNoticeMinutes')).toMatchObject({ editor: 'integer', unit: 'minutes' });
    expect(presentationOf('openingHours').editor).toBe('openingHours');
    // '' is the "not set yet" default: the first-run setup always stores a name
    expect(settingValueProblem('clinicName', SETTINGS.clinicName.defaultValue)).not.toBeNull();
  });
});
