import { escapeHtml } from '../../../../shared/domain/communications/templates';
import type { TestMessageResult } from '../../../../shared/ipc/communications/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { loadClinicSettings } from '../scheduling/rules';
import { smtpConfigOrReason } from './communication-settings';
import { Mailer, SendError } from './mailer';
import type { SmtpPasswordKeeper } from './smtp-password';

/** Sends a short test email with the saved settings, so the admin sees at once whether they work. */
export async function sendTestMessage(sql: SqlStore, keeper: SmtpPasswordKeeper, to: string): Promise<TestMessageResult> {
  const settings = await loadClinicSettings(sql.models);
  const smtp = await smtpConfigOrReason(settings, keeper);
  if ('reason' in smtp) return { delivered: false, messageId: null, reason: smtp.reason };
  const mailer = new Mailer(smtp.config);
  try {
    const clinic = settings.clinicName || 'Clinic Desk';
    const sent = await mailer.send({
      to,
      subject: `${clinic}: test message`,
      text: `This is a test message from ${clinic}. The mail settings work.`,
      html: `<p>This is a test message from ${escapeHtml(clinic)}. The mail settings work.</p>`,
    });
    return { delivered: true, messageId: sent.messageId, reason: null };
  } catch (error) {
    return { delivered: false, messageId: null, reason: error instanceof SendError ? error.failure.reason : 'Sending failed.' };
  } finally {
    mailer.close();
  }
}
