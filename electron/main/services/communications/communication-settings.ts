import type { Transaction } from 'sequelize';
import { SETTINGS, type ClinicSettings, type SettingDefinition, type SettingName } from '../../../../shared/domain/settings-registry';
import type { CommunicationSettingsView, TemplatesView } from '../../../../shared/ipc/communications/types';
import type { SaveCommunicationSettingsInput } from '../../../../shared/ipc/communications/schemas';
import type { MessageTemplates } from '../../../../shared/domain/communications/templates';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { loadClinicSettings } from '../scheduling/rules';
import type { SmtpConfig } from './mailer';
import type { SmtpPasswordKeeper } from './smtp-password';

/** Writes known settings (insert or replace), in one transaction, recording the admin. */
export async function writeSettings(sql: SqlStore, values: Partial<ClinicSettings>, updatedBy: number | null): Promise<void> {
  await inWriteTransaction(sql.sequelize, async (transaction: Transaction) => {
    for (const [name, value] of Object.entries(values) as [SettingName, unknown][]) {
      if (value === undefined) continue;
      const definition = SETTINGS[name] as unknown as SettingDefinition<unknown>;
      const settingValue = definition.serialize(definition.schema.parse(value));
      // Looked up rather than judged by the update's row count: MySQL counts only rows whose value changed.
      const existing = await sql.models.ClinicSetting.findOne({ where: { settingKey: definition.key }, attributes: ['id'], transaction });
      if (existing) await sql.models.ClinicSetting.update({ settingValue, updatedBy }, { where: { id: existing.id }, transaction });
      else await sql.models.ClinicSetting.create({ settingKey: definition.key, settingValue, description: definition.description, updatedBy }, { transaction });
    }
  });
}

/** Only staff rows can be the admin who changed a setting (clinic_settings.updated_by → admin.id). */
export const settingAuthor = (user: { kind: string; id: number }) => (user.kind === 'staff' ? user.id : null);

export async function readCommunicationSettings(sql: SqlStore, keeper: SmtpPasswordKeeper): Promise<CommunicationSettingsView> {
  const s = await loadClinicSettings(sql.models);
  return {
    clinicName: s.clinicName,
    clinicAddress: s.clinicAddress,
    methods: s.messageMethods as CommunicationSettingsView['methods'],
    reminderLeadHours: s.reminderLeadHours,
    jobIntervalMinutes: s.messageJobIntervalMinutes,
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpSecurity: s.smtpSecurity as CommunicationSettingsView['smtpSecurity'],
    smtpUser: s.smtpUser,
    smtpFrom: s.smtpFrom,
    passwordStored: (await keeper.read()) !== null,
    passwordStorage: keeper.storage,
    smsProvider: 'none',
  };
}

export async function saveCommunicationSettings(
  sql: SqlStore,
  keeper: SmtpPasswordKeeper,
  input: SaveCommunicationSettingsInput,
  updatedBy: number | null,
): Promise<CommunicationSettingsView> {
  await writeSettings(
    sql,
    {
      clinicAddress: input.clinicAddress,
      messageMethods: input.methods,
      reminderLeadHours: input.reminderLeadHours,
      messageJobIntervalMinutes: input.jobIntervalMinutes,
      smtpHost: input.smtpHost,
      smtpPort: input.smtpPort,
      smtpSecurity: input.smtpSecurity,
      smtpUser: input.smtpUser,
      smtpFrom: input.smtpFrom,
    },
    updatedBy,
  );
  if (input.smtpPassword !== undefined) await keeper.write(input.smtpPassword === '' ? null : input.smtpPassword);
  return readCommunicationSettings(sql, keeper);
}

export async function readTemplates(sql: SqlStore): Promise<TemplatesView> {
  const s = await loadClinicSettings(sql.models);
  return { templates: s.messageTemplates, clinicName: s.clinicName, clinicAddress: s.clinicAddress };
}

export async function saveTemplates(sql: SqlStore, templates: MessageTemplates, updatedBy: number | null): Promise<TemplatesView> {
  await writeSettings(sql, { messageTemplates: templates }, updatedBy);
  return readTemplates(sql);
}

/** The SMTP configuration, or why email cannot go from this workstation now. */
export async function smtpConfigOrReason(settings: ClinicSettings, keeper: SmtpPasswordKeeper): Promise<{ config: SmtpConfig } | { reason: string }> {
  if (!settings.smtpHost) return { reason: 'No mail (SMTP) server is set up.' };
  const password = settings.smtpUser ? await keeper.read() : null;
  if (settings.smtpUser && password === null) return { reason: 'This workstation has no SMTP password; enter it in the communications settings.' };
  const from = settings.smtpFrom || (settings.smtpUser.includes('@') ? settings.smtpUser : '');
  if (!from) return { reason: 'No sender address is set.' };
  return {
    config: {
      host: settings.smtpHost,
      port: settings.smtpPort,
      security: settings.smtpSecurity as SmtpConfig['security'],
      user: settings.smtpUser,
      password,
      from: settings.clinicName ? { name: settings.clinicName, address: from } : from,
    },
  };
}
