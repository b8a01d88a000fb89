/**
 * SMS behind a provider interface. No gateway is built in yet: with the setting at `none`, an SMS
 * is logged as not sent with the reason, never reported as delivered.
 */
export interface SmsProvider {
  /** Shown in the log's metadata (emailProvider's SMS counterpart). */
  readonly name: string;
  /** Resolves with the gateway's message id; rejects with a SendError when the gateway refuses. */
  send(to: string, text: string): Promise<{ messageId: string }>;
}

export const NO_SMS_PROVIDER_REASON = 'No SMS provider is configured for the clinic.';

/** The provider the setting names; null while it is `none`. */
export function smsProviderFor(setting: string): SmsProvider | null {
  switch (setting) {
    case 'none':
    default:
      return null;
  }
}
