import { z } from 'zod';
import { text } from '../text';

/**
 * Message templates: what admins edit, and the pure rendering of a template with the values of
 * one appointment. No I/O, no DOM: main renders the messages it sends, the renderer renders the
 * live preview, with the same function.
 */

/** The messages the clinic sends; each has its own template. Names are communication_logs types. */
export const MESSAGE_KINDS = ['appointment_reminder', 'appointment_confirmation', 'appointment_cancellation', 'appointment_rescheduled'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  appointment_reminder: 'Reminder',
  appointment_confirmation: 'Booking confirmation',
  appointment_cancellation: 'Cancellation notice',
  appointment_rescheduled: 'Reschedule notice',
};

/** The placeholders a template may use, written {{name}}. */
export const PLACEHOLDERS = {
  clinicName: 'The clinic name',
  patientFirstName: "The patient's first name",
  patientName: "The patient's full name",
  doctorName: "The doctor's name, with Dr.",
  date: 'The appointment date, written out (Tuesday 8 December 2026)',
  time: 'The appointment time (09:30)',
  address: 'The clinic address',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateValues = Record<Placeholder, string>;

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export const MessageTemplate = z.strictObject({
  subject: text().trim().min(1, 'The subject is required').max(200, 'The subject is at most 200 characters'),
  body: text().trim().min(1, 'The message text is required').max(5000, 'The message text is at most 5000 characters'),
});
export type MessageTemplate = z.output<typeof MessageTemplate>;

/** Unknown placeholders are a mistake the admin should see before a patient does. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    if (!Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name)) unknown.add(name);
  }
  return [...unknown];
}

/** A template whose subject and body use known placeholders only. */
export const CheckedTemplate = MessageTemplate.superRefine((template, ctx) => {
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(template[field]);
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', path: [field], message: `Unknown placeholder: ${unknown.map((n) => `{{${n}}}`).join(', ')}` });
    }
  }
});

export const MessageTemplates = z.strictObject({
  appointment_reminder: CheckedTemplate,
  appointment_confirmation: CheckedTemplate,
  appointment_cancellation: CheckedTemplate,
  appointment_rescheduled: CheckedTemplate,
});
export type MessageTemplates = z.output<typeof MessageTemplates>;

export const DEFAULT_TEMPLATES: MessageTemplates = {
  appointment_reminder: {
    subject: 'Reminder: your appointment on {{date}} at {{time}}',
    body: 'Dear {{patientFirstName}},\n\nThis is a reminder of your appointment with {{doctorName}} on {{date}} at {{time}}.\n\n{{clinicName}}\n{{address}}\n\nIf you cannot come, please call us so that someone else can have the time.',
  },
  appointment_confirmation: {
    subject: 'Your appointment on {{date}} at {{time}} is booked',
    body: 'Dear {{patientFirstName}},\n\nYour appointment with {{doctorName}} is booked for {{date}} at {{time}}.\n\n{{clinicName}}\n{{address}}',
  },
  appointment_cancellation: {
    subject: 'Your appointment on {{date}} at {{time}} is cancelled',
    body: 'Dear {{patientFirstName}},\n\nYour appointment with {{doctorName}} on {{date}} at {{time}} has been cancelled. Please call us to book a new time.\n\n{{clinicName}}\n{{address}}',
  },
  appointment_rescheduled: {
    subject: 'Your appointment has moved to {{date}} at {{time}}',
    body: 'Dear {{patientFirstName}},\n\nYour appointment with {{doctorName}} is now on {{date}} at {{time}}.\n\n{{clinicName}}\n{{address}}',
  },
};

/** Values for the preview: obviously made up, so nobody mistakes a preview for a real message. */
export const SAMPLE_VALUES: TemplateValues = {
  clinicName: 'Riverside Family Clinic',
  patientFirstName: 'Alex',
  patientName: 'Alex Sample',
  doctorName: 'Dr. Jordan Example',
  date: 'Tuesday 8 December 2026',
  time: '09:30',
  address: '1 Sample Street, Exampletown',
};

export interface RenderedMessage {
  subject: string;
  /** Plain text: the email's text part, the SMS, and what the communication log keeps. */
  text: string;
  /** The email's HTML part: every value HTML-escaped, paragraphs and line breaks kept. */
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Replaces each {{placeholder}}; `escape` runs over the template's own text and the values alike. */
function fill(text: string, values: TemplateValues, escape: (value: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    const at = match.index;
    out += escape(text.slice(last, at));
    out += escape(Object.prototype.hasOwnProperty.call(values, name) ? values[name as Placeholder] : match[0]);
    last = at + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** One line of the subject: a value with a line break must not add mail headers or lines. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/**
 * Fills the placeholders. The template's own text and the values are both escaped in the HTML
 * part (a patient named <b> stays text); blank lines become paragraphs, single breaks <br>.
 */
export function renderTemplate(template: MessageTemplate, values: TemplateValues): RenderedMessage {
  const subject = oneLine(fill(template.subject, values, (v) => v));
  const text = fill(template.body, values, (v) => v).replace(/\r\n?/g, '\n');
  const paragraphs = fill(template.body, values, escapeHtml)
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  return { subject, text, html: paragraphs.join('\n') };
}
