import { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { z } from 'zod';
import { text } from './text';

/**
 * Phone numbers of patients, emergency contacts and doctors. People write them in many ways
 * ("+44 7700 900 123", "+1 (555) 010-0100", "0664 1234567"); the stores keep one form, E.164
 * ("+447700900123"), which fits the seed's VARCHAR(15) and compares as text. Screens show them
 * formatted for the clinic's default phone country: national form for that country's numbers,
 * international form for the others.
 *
 * A number is accepted when it is *possible* (right length for its country), not only when it
 * is *valid* (an allocated range): fictional ranges such as +1 555 01xx and +44 7700 900xxx are
 * what test data and training use, and a clinic should not refuse a number a carrier may open
 * tomorrow.
 */

export type PhoneCountry = CountryCode;

/** The seed's `phone` and `emergency_contact_phone` are VARCHAR(15). */
export const STORED_PHONE_MAX = 15;

/** The fallback default phone country when neither the setting nor the clinic's time zone says. */
export const FALLBACK_PHONE_COUNTRY: PhoneCountry = 'AT';

export function isPhoneCountry(code: string): code is PhoneCountry {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/** "+43" for AT: shown next to the default country so people know what a bare number means. */
export function callingCodeOf(country: PhoneCountry): string {
  return `+${getCountryCallingCode(country)}`;
}

/** Every country the phone rules know, for the settings' country list. */
export function phoneCountries(): PhoneCountry[] {
  return getCountries();
}

export type PhoneParse = { ok: true; e164: string } | { ok: false; message: string };

/** Digits, spaces and the usual punctuation, with an optional leading + (and an extension is not a phone to call). */
const PHONE_CHARACTERS = /^\+?[0-9 ().\-/]+$/;

/**
 * Reads a phone number as a person wrote it. With `defaultCountry`, a national number ("0664
 * 1234567") is read as that country's; without it, only international numbers (+ or 00) are.
 */
export function parsePhone(written: string, defaultCountry?: PhoneCountry): PhoneParse {
  const trimmed = written.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a phone number' };
  if (!PHONE_CHARACTERS.test(trimmed) || !/\d/.test(trimmed))
    return { ok: false, message: 'Use digits, spaces, brackets, dashes and a leading +' };
  const international = trimmed.replace(/^00(?=[1-9])/, '+');
  if (!international.startsWith('+') && !defaultCountry)
    return { ok: false, message: 'Start with the country code, like +43 664 1234567' };
  const number = parsePhoneNumberFromString(international, defaultCountry ? { defaultCountry } : undefined);
  if (!number || !number.isPossible())
    return {
      ok: false,
      message: international.startsWith('+')
        ? 'Not a phone number for that country code: check the digits'
        : `Not a phone number in ${defaultCountry ?? 'this country'}: check the digits, or start with the country code`,
    };
  if (number.number.length > STORED_PHONE_MAX) return { ok: false, message: 'This number is too long to store' };
  return { ok: true, e164: number.number };
}

/**
 * A stored phone as the clinic reads it. Rows written before numbers were normalised (say
 * "+1-555-1018") may not parse: they are shown exactly as stored, never hidden or altered.
 */
export function formatPhone(stored: string, clinicCountry: PhoneCountry): string {
  if (stored.trim() === '') return '';
  const number = parsePhoneNumberFromString(stored.trim().replace(/^00(?=[1-9])/, '+'), { defaultCountry: clinicCountry });
  if (!number || !number.isPossible()) return stored;
  return number.countryCallingCode === getCountryCallingCode(clinicCountry)
    ? number.formatNational()
    : number.formatInternational();
}

/** Written form → E.164 when it parses in the clinic's country; otherwise the text unchanged (the schema then explains). */
export function normalisePhoneInput(written: string, clinicCountry: PhoneCountry): string {
  if (written.trim() === '') return '';
  const parsed = parsePhone(written, clinicCountry);
  return parsed.ok ? parsed.e164 : written;
}

function refusePhone(written: string, ctx: z.RefinementCtx<string>): void {
  const parsed = parsePhone(written);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
}

// A check, then a transform: a refused phone stays a field issue, so the object's own rules
// (an emergency contact needs name and phone) still run and are shown together with it.
const toE164 = (written: string) => {
  const parsed = parsePhone(written);
  return parsed.ok ? parsed.e164 : written;
};

/**
 * A required phone in a channel's input: international (+ or 00), stored as E.164. National
 * numbers are the form's to resolve with the clinic's country before sending, so what crosses
 * the channel (and what an offline queue replays later) does not depend on a setting.
 */
export function phoneText() {
  return text().trim().max(40, 'At most 40 characters').superRefine(refusePhone).transform(toE164);
}

/** An optional phone in a channel's input: '' stays '', anything else as phoneText. */
export function optionalPhoneText() {
  return text()
    .trim()
    .max(40, 'At most 40 characters')
    .superRefine((written, ctx) => (written === '' ? undefined : refusePhone(written, ctx)))
    .transform((written) => (written === '' ? '' : toE164(written)));
}

/**
 * Common IANA zones of countries with one zone (or one main zone), for a first guess at the
 * default phone country; an admin sets the country when the guess does not fit.
 */
const COUNTRY_OF_ZONE: Readonly<Record<string, PhoneCountry>> = {
  'Europe/Vienna': 'AT',
  'Europe/Berlin': 'DE',
  'Europe/Zurich': 'CH',
  'Europe/London': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Paris': 'FR',
  'Europe/Brussels': 'BE',
  'Europe/Amsterdam': 'NL',
  'Europe/Luxembourg': 'LU',
  'Europe/Rome': 'IT',
  'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/Prague': 'CZ',
  'Europe/Bratislava': 'SK',
  'Europe/Budapest': 'HU',
  'Europe/Ljubljana': 'SI',
  'Europe/Zagreb': 'HR',
  'Europe/Warsaw': 'PL',
  'Europe/Copenhagen': 'DK',
  'Europe/Stockholm': 'SE',
  'Europe/Oslo': 'NO',
  'Europe/Helsinki': 'FI',
  'Europe/Athens': 'GR',
  'Europe/Bucharest': 'RO',
  'Europe/Sofia': 'BG',
  'Europe/Istanbul': 'TR',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Phoenix': 'US',
  'America/Los_Angeles': 'US',
  'America/Anchorage': 'US',
  'Pacific/Honolulu': 'US',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Mexico_City': 'MX',
  'America/Sao_Paulo': 'BR',
  'America/Argentina/Buenos_Aires': 'AR',
  'Asia/Tokyo': 'JP',
  'Asia/Seoul': 'KR',
  'Asia/Shanghai': 'CN',
  'Asia/Kolkata': 'IN',
  'Asia/Singapore': 'SG',
  'Asia/Dubai': 'AE',
  'Asia/Jerusalem': 'IL',
  'Australia/Sydney': 'AU',
  'Australia/Melbourne': 'AU',
  'Australia/Perth': 'AU',
  'Pacific/Auckland': 'NZ',
  'Africa/Johannesburg': 'ZA',
};

export function phoneCountryOfTimeZone(zone: string | null | undefined): PhoneCountry | null {
  return (zone && COUNTRY_OF_ZONE[zone]) || null;
}

/** The clinic's default phone country: the admin's setting, else a guess from its time zone, else AT. */
export function clinicPhoneCountry(setting: string | null | undefined, zone: string | null | undefined): PhoneCountry {
  const chosen = (setting ?? '').trim().toUpperCase();
  if (isPhoneCountry(chosen)) return chosen;
  return phoneCountryOfTimeZone(zone) ?? FALLBACK_PHONE_COUNTRY;
}
