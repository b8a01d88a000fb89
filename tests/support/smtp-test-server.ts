import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** A message as the test server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** Headers and body, transfer encoding undone (quoted-printable soft breaks and =XX). */
  decoded: string;
  raw: string;
}

/** An SMTP refusal the test wants the server to give: code and text. */
export interface Refusal {
  code: number;
  message: string;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  /** Decides per recipient; null accepts. */
  refuseRecipient: (address: string) => Refusal | null;
  /** Decides per message after DATA; null accepts. */
  refuseData: () => Refusal | null;
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const refusalError = (r: Refusal) => Object.assign(new Error(r.message), { responseCode: r.code });

/** A real SMTP server in the test process, on a free port of 127.0.0.1; no TLS, no sign-in needed. */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const state: Omit<SmtpTestServer, 'port' | 'close'> = { received: [], refuseRecipient: () => null, refuseData: () => null };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = state.refuseRecipient(address.address);
      callback(refusal ? refusalError(refusal) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = state.refuseData();
        if (refusal) return callback(refusalError(refusal));
        const raw = Buffer.concat(chunks).toString('utf8');
        const decoded = decodeQuotedPrintable(raw);
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          decoded,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const handle = Object.assign(state, {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpTestServer;
  return handle;
}
