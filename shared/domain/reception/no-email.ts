/**
 * A patient without an email address. The seed's `patients.email` is NOT NULL and UNIQUE, so
 * "no email" is stored as a unique address in the reserved `.invalid` top-level domain (RFC 2606):
 * no mail server can ever accept it, and no schema change is needed. This module alone decides
 * what counts as such a placeholder; mail, reminders, the kiosk, duplicate checks and every screen
 * ask it.
 */

export const NO_EMAIL_DOMAIN = 'no-email.invalid';

/** What screens show instead of the placeholder. */
export const NO_EMAIL_LABEL = 'No email';

/** Any address in `.invalid` is undeliverable by definition; all of them count as "no email". */
export function isNoEmailPlaceholder(email: string | null | undefined): boolean {
  if (!email) return false;
  const at = email.lastIndexOf('@');
  return at > 0 && /(^|\.)invalid$/i.test(email.slice(at + 1).trim());
}

/** A fresh placeholder: unique by its random part (fits the seed's VARCHAR(100)). */
export function newNoEmailPlaceholder(randomId: string): string {
  return `patient-${randomId.toLowerCase()}@${NO_EMAIL_DOMAIN}`;
}

/** An email as people read it: the address, or "No email" for a placeholder. */
export function emailForDisplay(email: string): string {
  return isNoEmailPlaceholder(email) ? NO_EMAIL_LABEL : email;
}

/** The address to send to, or null when the patient has none. */
export function deliverableEmail(email: string | null | undefined): string | null {
  if (!email || email.trim() === '' || isNoEmailPlaceholder(email)) return null;
  return email;
}
