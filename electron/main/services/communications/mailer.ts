import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** Where and how to send email: the clinic's SMTP server (settings) and this workstation's password. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (a local relay only). */
  security: 'starttls' | 'tls' | 'none';
  user: string;
  password: string | null;
  /** The sender, with the clinic's name as display name when it has one. */
  from: string | { name: string; address: string };
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SentEmail {
  messageId: string;
  /** The server's last reply, e.g. "250 OK: queued as ...". */
  response: string;
}

/** Why a send failed, and whether trying again later can help. */
export interface SendFailure {
  /** A 4xx reply, a dropped connection or a timeout: try again later. 5xx: this message will never go. */
  transient: boolean;
  reason: string;
}

/** The part of nodemailer's error we read; its properties are not typed. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** Turns a nodemailer error into a reason staff can read and a retry decision. No credentials in it. */
export function describeSendError(error: unknown): SendFailure {
  const e = (error ?? {}) as SmtpError;
  const reply = (e.response ?? e.message ?? 'unknown error').replace(/\s+/g, ' ').trim().slice(0, 300);
  if (typeof e.responseCode === 'number') {
    const transient = e.responseCode >= 400 && e.responseCode < 500;
    const what = e.command === 'RCPT TO' ? 'refused the recipient' : e.command === 'DATA' || e.command === 'DATA_END' ? 'refused the message' : 'answered';
    return { transient, reason: `The mail server ${what}: ${reply}` };
  }
  switch (e.code) {
    case 'EAUTH':
      return { transient: true, reason: 'The mail server refused the user name or password.' };
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'ETIMEDOUT':
    case 'EDNS':
    case 'ECONNREFUSED':
      return { transient: true, reason: `The mail server could not be reached (${e.code}).` };
    case 'EENVELOPE':
      return { transient: false, reason: `The address was refused: ${reply}` };
    default:
      return { transient: true, reason: `Sending failed: ${reply}` };
  }
}

/** Thrown by Mailer.send: the failure, described. */
export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.reason);
  }
}

/** Sends email through one SMTP server. One Mailer per job run; close() ends its connections. */
export class Mailer {
  private readonly options: SMTPTransport.Options;
  /** nodemailer is loaded at the first message sent, not at start (most runs of the job send none). */
  private transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | null = null;

  constructor(readonly config: SmtpConfig) {
    this.options = {
      host: config.host,
      port: config.port,
      secure: config.security === 'tls',
      requireTLS: config.security === 'starttls',
      ignoreTLS: config.security === 'none',
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    };
  }

  private opened(): Promise<Transporter<SMTPTransport.SentMessageInfo>> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(this.options));
    return this.transport;
  }

  /** Resolves with the server's message id; rejects with a SendError saying why and whether to retry. */
  async send(email: OutgoingEmail): Promise<SentEmail> {
    try {
      const info = await (await this.opened()).sendMail({ from: this.config.from, to: email.to, subject: email.subject, text: email.text, html: email.html });
      if (info.rejected.length > 0) throw Object.assign(new Error(info.response), { code: 'EENVELOPE', response: info.response });
      return { messageId: info.messageId, response: info.response };
    } catch (error) {
      throw new SendError(describeSendError(error));
    }
  }

  close(): void {
    void this.transport?.then((transport) => transport.close()).catch(() => undefined);
  }
}
