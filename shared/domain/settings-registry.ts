import { z } from 'zod';
import { text } from './text';
import { isValidTimeZone } from './timezone';
import { isPhoneCountry } from './phone';
import { OpeningHours, DEFAULT_OPENING_HOURS } from './scheduling/opening-hours';
import { DEFAULT_TEMPLATES, MessageTemplates } from './communications/templates';
import { MedicationIngredientListSchema, type MedicationIngredientList } from './allergies/medication-ingredients';
import { isSupportedCurrency, isSupportedLocale, type DisplayLocale, type WeekStart } from './display-format';

/**
 * The typed registry of clinic_settings keys. clinic_settings stores text; every known key has
 * a schema for its value, a default, and a description shown to admins. Unknown keys in the
 * table are kept untouched.
 */
export interface SettingDefinition<T> {
  key: string;
  description: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  /** Text form stored in clinic_settings.setting_value. */
  serialize(value: T): string;
  /** Parses stored text; throws when it does not satisfy the schema. */
  parse(text: string): T;
}

function textSetting(key: string, description: string, schema: z.ZodType<string>, defaultValue: string): SettingDefinition<string> {
  return { key, description, schema, defaultValue, serialize: (v) => v, parse: (t) => schema.parse(t) };
}

function integerSetting(key: string, description: string, min: number, max: number, defaultValue: number): SettingDefinition<number> {
  const schema = z.number().int(`${key} must be a whole number`).min(min).max(max);
  return {
    key,
    description,
    schema,
    defaultValue,
    serialize: (v) => String(v),
    parse: (t) => schema.parse(Number(t.trim() === '' ? Number.NaN : t)),
  };
}

function jsonSetting<T>(key: string, description: string, schema: z.ZodType<T>, defaultValue: T): SettingDefinition<T> {
  return { key, description, schema, defaultValue, serialize: (v) => JSON.stringify(v), parse: (t) => schema.parse(JSON.parse(t)) };
}

export const SETTINGS = {
  clinicName: textSetting('clinic_name', 'The clinic name shown on screens, printouts and messages.', text().trim().min(1).max(100), ''),
  timezone: textSetting(
    'clinic_timezone',
    'The time zone of the clinic: every appointment date and time is wall-clock time here.',
    text().refine(isValidTimeZone, 'Unknown time zone'),
    'UTC',
  ),
  // How the clinic reads dates, times and amounts (display-format.ts builds every text from these).
  displayLocale: textSetting(
    'display_locale',
    'The language and date order of screens, printouts and messages, as a locale tag: en-GB (8 Dec 2026), en-US (Dec 8, 2026), de-AT.',
    text().trim().refine(isSupportedLocale, 'Use a locale tag such as en-GB, en-US or de-AT'),
    'en-GB',
  ),
  clockHours: textSetting('clock_hours', 'Times on a 24-hour clock (14:05) or a 12-hour clock (2:05 PM).', z.enum(['24', '12']), '24'),
  weekStart: textSetting(
    'week_start',
    'The first day of the week in week and month views.',
    z.enum(['monday', 'saturday', 'sunday']),
    'monday',
  ),
  currency: textSetting(
    'currency',
    'The currency of fees, as an ISO 4217 code (EUR, USD, GBP).',
    text().trim().refine(isSupportedCurrency, 'Use a three-letter ISO 4217 code such as EUR or USD'),
    'EUR',
  ),
  slotStepMinutes: integerSetting('slot_step_minutes', 'Appointments start on this grid (minutes past midnight).', 5, 120, 15),
  defaultDurationMinutes: integerSetting('default_duration_minutes', 'Length of a new appointment unless chosen otherwise.', 5, 480, 30),
  minimumNoticeMinutes: integerSetting('minimum_notice_minutes', 'How long before its start an appointment can still be booked.', 0, 10080, 0),
  bookingHorizonDays: integerSetting('booking_horizon_days', 'How many days ahead appointments can be booked.', 1, 730, 180),
  bufferMinutes: integerSetting('buffer_minutes', 'Free minutes kept between two appointments of a doctor.', 0, 120, 0),
  lateCancellationHours: integerSetting(
    'late_cancellation_hours',
    'Cancelling within this many hours of the start needs a reason and is marked late.',
    0,
    168,
    24,
  ),
  inactivityLockMinutes: integerSetting(
    'inactivity_lock_minutes',
    'A workstation locks itself (hiding patient data) after this many minutes without use.',
    1,
    240,
    10,
  ),
  lockoutThreshold: integerSetting(
    'lockout_threshold',
    'Failed sign-ins in a row, on any workstation, before an account is locked for a while.',
    3,
    20,
    5,
  ),
  lockoutMinutes: integerSetting('lockout_minutes', 'How long an account stays locked after too many failed sign-ins.', 1, 1440, 15),
  backupIntervalHours: integerSetting('backup_interval_hours', "How often this workstation backs up its local store (kept in the app's data folder).", 1, 168, 24),
  mirrorPullSeconds: integerSetting('mirror_pull_seconds', "How often a networked workstation refreshes its own copy of the clinic's data.", 10, 3600, 60),
  integrityCheckHour: integerSetting(
    'integrity_check_hour',
    'The hour of the night (clinic time, 0–23) at which one workstation checks that the relational and document stores agree (Data health); -1 turns the nightly check off.',
    -1,
    23,
    2,
  ),
  backupsKept: integerSetting('backups_kept', 'How many backups are kept; older ones are deleted.', 1, 90, 14),
  openingHours: jsonSetting(
    'opening_hours',
    'The clinic opening hours per weekday; no appointment falls outside them.',
    OpeningHours,
    DEFAULT_OPENING_HOURS,
  ),
  kioskIdleSeconds: integerSetting(
    'kiosk_idle_seconds',
    'At the patient kiosk, a patient is signed out after this many seconds without use.',
    15,
    600,
    90,
  ),
  // Admin: the clinic's contact details and the reminder lead time.
  clinicAddress: textSetting('clinic_address', 'The postal address printed on letters and shown to patients.', text().trim().max(500, 'At most 500 characters'), ''),
  clinicPhone: textSetting(
    'clinic_phone',
    'The phone number patients call; printed on reminders and letters.',
    text().trim().regex(/^$|^\+?[0-9(][0-9 ()-]{4,19}$/, 'Use digits, spaces, +, - and brackets (5 to 20 characters)'),
    '',
  ),
  defaultPhoneCountry: textSetting(
    'default_phone_country',
    "The country (ISO code, like AT or GB) of phone numbers written without a country code; its numbers are shown in national form. Empty: guessed from the clinic's time zone, else AT.",
    text()
      .trim()
      .toUpperCase()
      .refine((code) => code === '' || isPhoneCountry(code), 'Use a two-letter country code, like AT, DE or GB'),
    '',
  ),
  clinicEmail: textSetting(
    'clinic_email',
    'The email address patients write to; the sender of reminders.',
    z.union([z.literal(''), text().trim().max(100, 'At most 100 characters').email('Enter a valid email address')]),
    '',
  ),
  reminderLeadHours: integerSetting('reminder_lead_hours', 'How many hours before an appointment its reminder is sent.', 1, 168, 24),
  // Communications: reminders and notices. The SMTP password is not a setting: each
  // workstation keeps it sealed with safeStorage in its own store, never in clinic_settings.
  messageTemplates: jsonSetting(
    'message_templates',
    'The texts of reminders, booking confirmations, cancellation and reschedule notices, with {{placeholders}}.',
    MessageTemplates,
    DEFAULT_TEMPLATES,
  ),
  messageMethods: textSetting(
    'message_methods',
    'How patients get reminders and notices: email, sms, or email_and_sms.',
    z.enum(['email', 'sms', 'email_and_sms']),
    'email',
  ),
  messageJobIntervalMinutes: integerSetting('message_job_interval_minutes', 'How often each workstation looks for reminders and notices to send.', 1, 60, 5),
  smtpHost: textSetting('smtp_host', 'The outgoing mail (SMTP) server; empty: no email is sent.', text().trim().max(255), ''),
  smtpPort: integerSetting('smtp_port', 'The SMTP server port (587 for STARTTLS, 465 for TLS).', 1, 65535, 587),
  smtpSecurity: textSetting('smtp_security', 'SMTP encryption: starttls, tls, or none (a server on this computer only).', z.enum(['starttls', 'tls', 'none']), 'starttls'),
  smtpUser: textSetting('smtp_user', 'The SMTP user name; empty when the server needs no sign-in.', text().trim().max(255), ''),
  smtpFrom: textSetting('smtp_from', 'The sender address of messages to patients.', z.union([z.literal(''), z.email().max(254)]), ''),
  // Safe prescribing: which active ingredients a medication (a brand, a combination) contains, so
  // an allergy warning also catches a product whose name does not name the substance. A setting
  // rather than a table: clinic_settings is already mirrored to every workstation, saved offline
  // through the outbox and versioned against concurrent edits.
  medicationIngredients: jsonSetting<MedicationIngredientList>(
    'medication_ingredients',
    "The clinic's ingredient list: each medication name with its active ingredients, read by the allergy warning.",
    MedicationIngredientListSchema,
    [],
  ),
  smsProvider: textSetting('sms_provider', 'The SMS gateway; none: SMS messages are logged as not sent.', z.enum(['none']), 'none'),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = (typeof SETTINGS)[N]['defaultValue'];
export type ClinicSettings = { [N in SettingName]: SettingValue<N> };

export function defaultSettings(): ClinicSettings {
  return Object.fromEntries(Object.entries(SETTINGS).map(([name, def]) => [name, def.defaultValue])) as ClinicSettings;
}

/** Stored text → typed settings; unparsable stored values fall back to the default. */
export function settingsFromRows(rows: readonly { settingKey: string; settingValue: string }[]): ClinicSettings {
  const byKey = new Map(rows.map((r) => [r.settingKey, r.settingValue]));
  const result = defaultSettings() as Record<SettingName, unknown>;
  for (const [name, def] of Object.entries(SETTINGS) as [SettingName, SettingDefinition<unknown>][]) {
    const text = byKey.get(def.key);
    if (text === undefined) continue;
    try {
      result[name] = def.parse(text);
    } catch {
      // keep the default: a hand-edited bad value must not stop the clinic from booking
    }
  }
  return result as ClinicSettings;
}

const WEEK_STARTS: Record<string, WeekStart> = { monday: 1, saturday: 6, sunday: 7 };

/** The part of the settings that decides how dates, times and amounts read. */
export function displayLocaleOf(settings: Pick<ClinicSettings, 'displayLocale' | 'clockHours' | 'weekStart' | 'currency'>): DisplayLocale {
  return {
    locale: settings.displayLocale,
    hourCycle: settings.clockHours === '12' ? 'h12' : 'h23',
    weekStart: WEEK_STARTS[settings.weekStart] ?? 1,
    currency: settings.currency,
  };
}
