import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clinicPhoneCountry,
  formatPhone,
  normalisePhoneInput,
  parsePhone,
  phoneText,
  optionalPhoneText,
  STORED_PHONE_MAX,
} from '../../../shared/domain/phone';

// Fictional ranges (Ofcom's drama numbers, NANP 555-01xx) and generated national numbers only.
describe('parsePhone', () => {
  it.each([
    ['+44 7700 900 123', '+447700900123'],
    ['+1 (555) 010-0100', '+15550100100'],
    ['0044 7700 900123', '+447700900123'],
    ['+43 1 555 0177', '+4315550177'],
    ['+49-30-555-0199', '+49305550199'],
  ])('reads %s as %s without a default country', (written, e164) => {
    expect(parsePhone(written)).toEqual({ ok: true, e164 });
  });

  it('reads a national number in the clinic country, and refuses it without one', () => {
    expect(parsePhone('0664 1234567', 'AT')).toEqual({ ok: true, e164: '+436641234567' });
    expect(parsePhone('(555) 010-0100', 'US')).toEqual({ ok: true, e164: '+15550100100' });
    const refused = parsePhone('0664 1234567');
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toContain('country code');
  });

  it.each(['', 'call me', '+1-555-1018', '+1 555 0808 1', '12', '+44 7700 900 123 ext 4', '+49 30 555 0199 12345'])(
    'refuses %j with a message',
    (written) => {
      const parsed = parsePhone(written, 'AT');
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.message).not.toBe('');
    },
  );

  it('every accepted number fits the seed column and reads back as itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{1,24}$/), fc.constantFrom('AT', 'GB', 'US', 'DE' as const), (written, country) => {
        const parsed = parsePhone(written, country);
        if (!parsed.ok) return;
        expect(parsed.e164).toMatch(/^\+[1-9][0-9]+$/);
        expect(parsed.e164.length).toBeLessThanOrEqual(STORED_PHONE_MAX);
        expect(parsePhone(parsed.e164)).toEqual(parsed);
        // what the screens show is read back to the same number
        expect(parsePhone(formatPhone(parsed.e164, country), country)).toEqual(parsed);
      }),
    );
  });
});

describe('formatPhone', () => {
  it('shows the clinic country national, others international', () => {
    expect(formatPhone('+436641234567', 'AT')).toBe('0664 1234567');
    expect(formatPhone('+447700900123', 'AT')).toBe('+44 7700 900123');
    expect(formatPhone('+15550100100', 'US')).toBe('(555) 010-0100');
    expect(formatPhone('+15550100100', 'GB')).toBe('+1 555 010 0100');
  });

  it('shows rows from before normalisation exactly as stored', () => {
    expect(formatPhone('+1-555-1018', 'AT')).toBe('+1-555-1018');
    expect(formatPhone('call the office', 'US')).toBe('call the office');
    expect(formatPhone('', 'US')).toBe('');
  });

  it('the form turns a parsable number into E.164 and leaves anything else for the schema to explain', () => {
    expect(normalisePhoneInput('0664 1234567', 'AT')).toBe('+436641234567');
    expect(normalisePhoneInput('not a phone', 'AT')).toBe('not a phone');
    expect(normalisePhoneInput('  ', 'AT')).toBe('');
  });
});

describe('channel schemas', () => {
  it('store E.164 and name the refusal', () => {
    expect(phoneText().parse(' +44 7700 900 123 ')).toBe('+447700900123');
    const refused = phoneText().safeParse('0664 1234567');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('country code');
    expect(optionalPhoneText().parse('')).toBe('');
    expect(optionalPhoneText().parse('+1 (555) 010-0100')).toBe('+15550100100');
    expect(optionalPhoneText().safeParse('12').success).toBe(false);
  });
});

describe('clinicPhoneCountry', () => {
  it('takes the setting, else guesses from the time zone, else AT', () => {
    expect(clinicPhoneCountry('gb', 'Europe/Vienna')).toBe('GB');
    expect(clinicPhoneCountry('', 'America/Chicago')).toBe('US');
    expect(clinicPhoneCountry(null, 'Europe/London')).toBe('GB');
    expect(clinicPhoneCountry('', 'Antarctica/Troll')).toBe('AT');
    expect(clinicPhoneCountry('XX', null)).toBe('AT');
  });
});
