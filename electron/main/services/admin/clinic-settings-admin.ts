import { createHash } from 'node:crypto';
import { SETTINGS, type SettingDefinition, type SettingName } from '../../../../shared/domain/settings-registry';
import {
  integerBounds,
  presentationOf,
  SETTING_NAMES,
  settingValueProblem,
  type KnownSettingView,
  type SaveSettingInput,
  type SettingAuthor,
  type SettingsPage,
  type UnknownSettingView,
} from '../../../../shared/ipc/admin/settings';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { ClinicSetting } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { translateSqlError } from '../../data/sql/errors';
import { inWriteTransaction } from '../../data/sql/write-retry';

type SettingRow = Pick<ClinicSetting, 'settingKey' | 'settingValue' | 'description' | 'updatedBy' | 'updatedAt'>;

/**
 * What a screen loaded of a setting: its updated_at and a hash of its text. The text is part of
 * it because TIMESTAMP keeps whole seconds: two saves within one second share an updated_at.
 */
function versionOf(row: SettingRow): string {
  const digest = createHash('sha256').update(row.settingValue).digest('hex').slice(0, 16);
  return `${row.updatedAt ? row.updatedAt.toISOString() : 'never'}#${digest}`;
}

function definitionOf(name: SettingName): SettingDefinition<unknown> {
  return SETTINGS[name] as unknown as SettingDefinition<unknown>;
}

function knownView(name: SettingName, row: SettingRow | undefined, authors: ReadonlyMap<number, SettingAuthor>): KnownSettingView {
  const definition = definitionOf(name);
  const presentation = presentationOf(name);
  const bounds = presentation.editor === 'integer' ? integerBounds(name) : { min: null, max: null };
  let value: unknown = definition.defaultValue;
  let storedInvalid = false;
  if (row) {
    try {
      value = definition.parse(row.settingValue);
    } catch {
      storedInvalid = true;
    }
  }
  return {
    name,
    key: definition.key,
    label: presentation.label,
    description: definition.description,
    editor: presentation.editor,
    group: presentation.group,
    unit: presentation.unit ?? null,
    choices: presentation.choices ?? null,
    min: bounds.min,
    max: bounds.max,
    value,
    defaultValue: definition.defaultValue,
    isDefault: !row,
    storedInvalid,
    updatedAt: row?.updatedAt ? row.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy != null ? (authors.get(row.updatedBy) ?? { id: row.updatedBy, name: `Account ${row.updatedBy}` }) : null,
    version: row ? versionOf(row) : null,
  };
}

async function authorsOf(sql: SqlStore, rows: readonly SettingRow[]): Promise<Map<number, SettingAuthor>> {
  const ids = [...new Set(rows.map((r) => r.updatedBy).filter((id): id is number => id != null))];
  if (ids.length === 0) return new Map();
  const admins = await sql.models.Admin.findAll({ where: { id: ids }, attributes: ['id', 'firstName', 'lastName'] });
  return new Map(admins.map((a) => [a.id, { id: a.id, name: `${a.firstName} ${a.lastName}` }]));
}

/** Every known setting (stored or default) and every unknown stored key, read-only. */
export async function listClinicSettings(sql: SqlStore): Promise<SettingsPage> {
  const rows = await sql.models.ClinicSetting.findAll({ order: [['settingKey', 'ASC']] });
  const authors = await authorsOf(sql, rows);
  const byKey = new Map(rows.map((r) => [r.settingKey, r]));
  // every registry key is known, also those with a screen of their own
  const knownKeys = new Set((Object.keys(SETTINGS) as SettingName[]).map((name) => definitionOf(name).key));
  const known = SETTING_NAMES.map((name) => knownView(name, byKey.get(definitionOf(name).key), authors));
  const unknown: UnknownSettingView[] = rows
    .filter((r) => !knownKeys.has(r.settingKey))
    .map((r) => ({
      key: r.settingKey,
      value: r.settingValue,
      description: r.description ?? null,
      updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null,
      updatedBy: r.updatedBy != null ? (authors.get(r.updatedBy) ?? null) : null,
    }));
  return { known, unknown };
}

/** One known setting as a screen loads it (the value in effect, its version and author). */
export async function readClinicSetting(sql: SqlStore, name: SettingName): Promise<KnownSettingView> {
  const row = await sql.models.ClinicSetting.findOne({ where: { settingKey: definitionOf(name).key } });
  return knownView(name, row ?? undefined, await authorsOf(sql, row ? [row] : []));
}

function conflict(label: string): AppFailure {
  return new AppFailure(
    'CONFLICT',
    `${label} was changed by someone else since you opened it. Your value was not saved: look at the current one and save again.`,
  );
}

/**
 * Saves one known setting, recording who and when. Refused with CONFLICT (nothing written) when
 * the stored setting is not the version the screen loaded: a save never silently overwrites
 * another admin's change. Bookings and sign-ins read the settings afresh on every call
 * (scheduling/rules.ts re-parses whenever the stored text differs), so a save takes effect on
 * the next call of any workstation.
 */
export async function saveClinicSetting(sql: SqlStore, user: SessionUser, input: SaveSettingInput): Promise<KnownSettingView> {
  const name = input.name as SettingName;
  const definition = definitionOf(name);
  const { label } = presentationOf(name);
  const problem = settingValueProblem(name, input.value);
  if (problem) throw new AppFailure('VALIDATION', `${label}: ${problem}`, { field: 'value', fields: [{ field: 'value', message: problem }] });
  const text = definition.serialize(definition.schema.parse(input.value));
  const updatedBy = user.kind === 'staff' ? user.id : null;
  const { ClinicSetting } = sql.models;
  try {
    const saved = await inWriteTransaction(sql.sequelize, async (transaction) => {
      const row = await ClinicSetting.findOne({ where: { settingKey: definition.key }, transaction, lock: transaction.LOCK.UPDATE });
      if ((row ? versionOf(row) : null) !== input.version) throw conflict(label);
      if (row) {
        row.changed('updatedAt', true); // a save of the same text still records who and when
        await row.update({ settingValue: text, description: definition.description, updatedBy }, { transaction });
      } else {
        await ClinicSetting.create({ settingKey: definition.key, settingValue: text, description: definition.description, updatedBy }, { transaction });
      }
      // Read back: the database rounds updated_at to its precision, and the version must match it.
      return ClinicSetting.findOne({ where: { settingKey: definition.key }, transaction });
    });
    if (!saved) throw new Error('the saved setting is missing');
    return knownView(name, saved, await authorsOf(sql, [saved]));
  } catch (error) {
    const failure = translateSqlError(error);
    // Two first saves at once: the unique key refuses the second, which is the same conflict.
    if (failure.code === 'DUPLICATE') throw conflict(label);
    throw failure;
  }
}
