import { z } from 'zod';
import { text } from '../../domain/text';
import { SETTINGS, type SettingDefinition, type SettingName } from '../../domain/settings-registry';

/** How the settings screen edits a known setting. */
export type SettingEditor = 'text' | 'multiline' | 'email' | 'phone' | 'phoneCountry' | 'integer' | 'timezone' | 'openingHours' | 'json' | 'choice';

export interface SettingChoice {
  value: string;
  label: string;
}

export interface SettingPresentation {
  label: string;
  editor: SettingEditor;
  unit?: string;
  group: 'Clinic' | 'Locale' | 'Booking' | 'Reminders' | 'Security' | 'Other';
  /** The values a 'choice' editor offers. */
  choices?: readonly SettingChoice[];
}

/**
 * How each known key is shown. Keys added to the registry later (other features) still get an
 * editor: from the type of their default value (see presentationOf).
 */
const PRESENTATION: Partial<Record<SettingName, SettingPresentation>> = {
  clinicName: { label: 'Clinic name', editor: 'text', group: 'Clinic' },
  clinicAddress: { label: 'Address', editor: 'multiline', group: 'Clinic' },
  clinicPhone: { label: 'Phone', editor: 'phone', group: 'Clinic' },
  clinicEmail: { label: 'Email', editor: 'email', group: 'Clinic' },
  defaultPhoneCountry: { label: 'Default phone country', editor: 'phoneCountry', group: 'Clinic' },
  timezone: { label: 'Time zone', editor: 'timezone', group: 'Clinic' },
  openingHours: { label: 'Opening hours', editor: 'openingHours', group: 'Clinic' },
  displayLocale: { label: 'Locale', editor: 'text', group: 'Locale' },
  clockHours: {
    label: 'Clock',
    editor: 'choice',
    group: 'Locale',
    choices: [
      { value: '24', label: '24-hour (14:05)' },
      { value: '12', label: '12-hour (2:05 PM)' },
    ],
  },
  weekStart: {
    label: 'First day of the week',
    editor: 'choice',
    group: 'Locale',
    choices: [
      { value: 'monday', label: 'Monday' },
      { value: 'saturday', label: 'Saturday' },
      { value: 'sunday', label: 'Sunday' },
    ],
  },
  currency: { label: 'Currency', editor: 'text', group: 'Locale' },
  slotStepMinutes: { label: 'Slot step', editor: 'integer', unit: 'minutes', group: 'Booking' },
  defaultDurationMinutes: { label: 'Default duration', editor: 'integer', unit: 'minutes', group: 'Booking' },
  minimumNoticeMinutes: { label: 'Minimum notice', editor: 'integer', unit: 'minutes', group: 'Booking' },
  bookingHorizonDays: { label: 'Booking horizon', editor: 'integer', unit: 'days', group: 'Booking' },
  bufferMinutes: { label: 'Buffer between appointments', editor: 'integer', unit: 'minutes', group: 'Booking' },
  lateCancellationHours: { label: 'Late cancellation window', editor: 'integer', unit: 'hours', group: 'Booking' },
  reminderLeadHours: { label: 'Reminder lead time', editor: 'integer', unit: 'hours', group: 'Reminders' },
  inactivityLockMinutes: { label: 'Inactivity lock', editor: 'integer', unit: 'minutes', group: 'Security' },
  lockoutThreshold: { label: 'Lockout threshold', editor: 'integer', unit: 'failed sign-ins', group: 'Security' },
  lockoutMinutes: { label: 'Lockout duration', editor: 'integer', unit: 'minutes', group: 'Security' },
  medicationIngredients: { label: 'Medication ingredient list', editor: 'json', group: 'Other' },
};

function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function presentationOf(name: SettingName): SettingPresentation {
  const known = PRESENTATION[name];
  if (known) return known;
  const value: unknown = SETTINGS[name].defaultValue;
  const editor: SettingEditor = typeof value === 'number' ? 'integer' : typeof value === 'string' ? 'text' : 'json';
  return { label: humanize(name), editor, group: 'Other' };
}

/** The bounds of an integer setting, read from its schema (for the editor's hint and input). */
export function integerBounds(name: SettingName): { min: number | null; max: number | null } {
  const schema = SETTINGS[name].schema as unknown as { minValue?: number | null; maxValue?: number | null };
  const finite = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { min: finite(schema.minValue), max: finite(schema.maxValue) };
}

/**
 * Settings with a screen and an audited channel of their own (the ingredient list: Medications),
 * left off the settings list and refused by the generic save, so every change of them is on the trail.
 */
export const SETTINGS_EDITED_ELSEWHERE: readonly SettingName[] = ['medicationIngredients'];

/** The settings the settings screen lists and saves. */
export const SETTING_NAMES = (Object.keys(SETTINGS) as SettingName[]).filter((name) => !SETTINGS_EDITED_ELSEWHERE.includes(name));

export function isSettingName(name: string): name is SettingName {
  return Object.prototype.hasOwnProperty.call(SETTINGS, name);
}

/** Checks a value against the registry: the first problem's message, or null. Shared by screen and main. */
export function settingValueProblem(name: SettingName, value: unknown): string | null {
  const definition = SETTINGS[name] as unknown as SettingDefinition<unknown>;
  const parsed = definition.schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return 'Not a valid value';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export interface SettingAuthor {
  id: number;
  name: string;
}

/** A known setting as the screen shows it. */
export interface KnownSettingView {
  name: SettingName;
  key: string;
  label: string;
  description: string;
  editor: SettingEditor;
  group: SettingPresentation['group'];
  unit: string | null;
  choices: readonly SettingChoice[] | null;
  min: number | null;
  max: number | null;
  /** The value in effect: the stored one, or the default when nothing (or nothing valid) is stored. */
  value: unknown;
  defaultValue: unknown;
  /** Nothing stored: the default is in effect. */
  isDefault: boolean;
  /** The stored text does not satisfy the registry (hand-edited): the default is in effect. */
  storedInvalid: boolean;
  updatedAt: string | null;
  updatedBy: SettingAuthor | null;
  /** What the screen loaded; sent back on save so a change made meanwhile is not overwritten. */
  version: string | null;
}

/** A key the registry does not know (another version or a hand edit): kept and shown read-only. */
export interface UnknownSettingView {
  key: string;
  value: string;
  description: string | null;
  updatedAt: string | null;
  updatedBy: SettingAuthor | null;
}

export interface SettingsPage {
  known: KnownSettingView[];
  unknown: UnknownSettingView[];
}

export const SettingsListInput = z.object({}).strict();

export const SaveSettingInput = z
  .object({
    name: text()
      .refine(isSettingName, { message: 'Unknown setting', abort: true })
      .refine((name) => !SETTINGS_EDITED_ELSEWHERE.includes(name as SettingName), 'This setting is changed on its own screen (Medications)'),
    value: z.unknown(),
    /** The version the screen loaded; null when the setting was not stored then. */
    version: text().max(200).nullable(),
  })
  .strict();
export type SaveSettingInput = z.infer<typeof SaveSettingInput>;
