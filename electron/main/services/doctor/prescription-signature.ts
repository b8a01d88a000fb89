import { createHash } from 'node:crypto';
import type { Prescription } from '../../../../shared/documents';
import { canonicalPrescription } from '../../../../shared/domain/prescriptions/canonical';
import type { SignatureCheck } from '../../../../shared/ipc/doctor/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { findPublicKey, type UnlockedKey } from './signing-keys';

/**
 * A prescription's `digitalSignature`: a compact JWS (EdDSA, Ed25519) whose payload binds the
 * document id, the doctor and the SHA-256 of its canonical content (shared/domain/prescriptions/
 * canonical.ts). The digest rather than the content keeps the field short whatever the number of
 * medications; changing any signed character changes the digest, so verification fails.
 */

export const SIGNATURE_TYPE = 'clinic-rx+jws';

interface SignaturePayload {
  rx: string;
  doctorId: number;
  sha256: string;
  signedAt: string;
}

export const contentDigest = (doc: Prescription): string => createHash('sha256').update(canonicalPrescription(doc), 'utf8').digest('base64url');

/** jose is loaded at the first signature read or written, not at start. */
const loadJose = () => import('jose');

export async function signPrescription(doc: Prescription, key: UnlockedKey, now: Date): Promise<string> {
  const { CompactSign } = await loadJose();
  const payload: SignaturePayload = { rx: doc.id, doctorId: doc.doctorId, sha256: contentDigest(doc), signedAt: now.toISOString() };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: SIGNATURE_TYPE })
    .sign(key.privateKey);
}

const invalid = (keyId: string | null, reason: string): SignatureCheck => ({ state: 'invalid', keyId, reason });

/** Whether the document's signature holds for its current content, with the key it names. */
export async function verifyPrescription(sql: SqlStore, doc: Prescription): Promise<SignatureCheck> {
  const jws = doc.digitalSignature;
  if (!jws) return { state: 'unsigned' };
  const { compactVerify, decodeProtectedHeader } = await loadJose();
  let keyId: string | null = null;
  try {
    const header = decodeProtectedHeader(jws);
    keyId = typeof header.kid === 'string' ? header.kid : null;
    if (header.alg !== 'EdDSA' || header.typ !== SIGNATURE_TYPE || !keyId) return invalid(keyId, 'The signature is not a Clinic Desk prescription signature.');
  } catch {
    return invalid(null, 'The signature is damaged.');
  }
  const key = await findPublicKey(sql, keyId);
  if (!key) return invalid(keyId, 'The signing key is not known to this clinic.');
  if (key.doctorId !== doc.doctorId) return invalid(keyId, 'The signing key belongs to another doctor.');
  let payload: SignaturePayload;
  try {
    const verified = await compactVerify(jws, key.publicKey, { algorithms: ['EdDSA'] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as SignaturePayload;
  } catch {
    return invalid(keyId, 'The signature does not verify with the doctor\'s key.');
  }
  if (payload.rx !== doc.id || payload.doctorId !== doc.doctorId) return invalid(keyId, 'The signature belongs to another prescription.');
  if (payload.sha256 !== contentDigest(doc)) return invalid(keyId, 'The prescription was changed after it was signed.');
  return { state: 'valid', keyId, signedAt: typeof payload.signedAt === 'string' ? payload.signedAt : null };
}
