import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { deriveScryptKey, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { AppFailure, isAppFailure } from '../../../../shared/ipc/result';
import type { SigningKeyStatus } from '../../../../shared/ipc/doctor/types';
import type { SecretBox } from '../../config/store-config';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { signingKeyRepository, type KeyProtection, type SealedSigningKey } from '../../data/sql/repositories/signing-key-repository';
import type { OpenStores } from '../../runtime/stores';
import { checkPassword } from '../auth/sign-in';
import { doctorSessionUser } from '../accounts';

/**
 * Each doctor's Ed25519 signing keys. The public half goes to `doctor_signing_keys` in the shared
 * database (every workstation verifies with it); the private half stays on the workstation that
 * made it, in `doctor_signing_secrets` of the local store, sealed by Electron's safeStorage (the
 * OS keychain) when it is available, else by AES-256-GCM under a key derived from the doctor's
 * password with scrypt. A workstation without a key of the doctor makes one at the first signature.
 */

export type { KeyProtection };

export interface UnlockedKey {
  keyId: string;
  privateKey: KeyObject;
}

// Same strength as the sign-in hashes (OWASP scrypt unless a test runtime says otherwise): the
// sealed key is only as strong as this. The cost is stored with the key, which is opened with it.
const deriveKey = (password: string, salt: Buffer, params: ScryptCost): Promise<Buffer> => deriveScryptKey(password, salt, params);

/** `pw1$N$r$p$salt$iv$tag$ciphertext`, base64 parts. */
export async function sealWithPassword(plain: string, password: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(password, salt, cost);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['pw1', cost.N, cost.r, cost.p, salt.toString('base64'), iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join('$');
}

/** null when the password is not the one it was sealed with (the GCM tag does not hold). */
export async function openWithPassword(sealed: string, password: string): Promise<string | null> {
  const parts = sealed.split('$');
  if (parts.length !== 8 || parts[0] !== 'pw1') throw new AppFailure('INTERNAL', 'The stored signing key is damaged.');
  const [, n, r, p, salt, iv, tag, data] = parts as [string, string, string, string, string, string, string, string];
  const key = await deriveKey(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const usableBox = (box: SecretBox | null): SecretBox | null => (box && box.available() ? box : null);

async function latestSecret(stores: OpenStores, doctorId: number, box: SecretBox | null): Promise<SealedSigningKey | null> {
  const rows = await signingKeyRepository({ shared: stores.sql, local: stores.local }).sealedKeysOf(doctorId);
  // A key sealed by safeStorage is of no use where safeStorage is unavailable (another OS user).
  return rows.find((row) => row.protection === 'password' || usableBox(box)) ?? null;
}

export async function signingKeyStatus(stores: OpenStores, box: SecretBox | null, doctorId: number): Promise<SigningKeyStatus> {
  const secret = await latestSecret(stores, doctorId, box);
  if (secret) return { keyId: secret.keyId, protection: secret.protection, needsPassword: secret.protection === 'password' };
  return { keyId: null, protection: 'none', needsPassword: !usableBox(box) };
}

/** The key id: the doctor's id and a digest of the public key, so it names one key everywhere. */
function keyIdOf(doctorId: number, publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return `dr${doctorId}-${createHash('sha256').update(spki).digest('base64url').slice(0, 22)}`;
}

const passwordNeeded = () =>
  new AppFailure('VALIDATION', 'password: Enter your password to sign', { fields: [{ field: 'password', message: 'Enter your password to sign' }] });

async function requireDoctorPassword(sql: SqlStore, doctorId: number, password: string | undefined): Promise<string> {
  if (!password) throw passwordNeeded();
  const doctor = await sql.models.Doctor.findByPk(doctorId);
  if (!doctor) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  // counted like a sign-in: a guessed password locks the account, as at the sign-in screen
  try {
    await checkPassword(sql, doctorSessionUser(doctor), doctor.passwordHash, password, new Date());
  } catch (error) {
    // Only a password was asked here: the sign-in screen's "user name or password" would mislead.
    if (isAppFailure(error) && error.code === 'INVALID_CREDENTIALS') throw new AppFailure('INVALID_CREDENTIALS', 'The password is not right.');
    throw error;
  }
  return password;
}

async function createKey(stores: OpenStores, box: SecretBox | null, doctorId: number, password: string | undefined, cost: ScryptCost): Promise<UnlockedKey> {
  const sealBox = usableBox(box);
  const checkedPassword = sealBox ? null : await requireDoctorPassword(stores.sql, doctorId, password);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(doctorId, publicKey);
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sealed = sealBox ? sealBox.encrypt(pem) : await sealWithPassword(pem, checkedPassword!, cost);
  const keys = signingKeyRepository({ shared: stores.sql, local: stores.local });
  await keys.publishPublicKey(doctorId, keyId, 'Ed25519', publicKey.export({ type: 'spki', format: 'pem' }).toString(), new Date());
  await keys.keepSealedKey(doctorId, { keyId, protection: sealBox ? 'safe-storage' : 'password', sealedPrivateKey: sealed }, new Date());
  return { keyId, privateKey };
}

/** The doctor's private key on this workstation, opened (made at the first signature). */
export async function unlockSigningKey(
  stores: OpenStores,
  box: SecretBox | null,
  doctorId: number,
  password: string | undefined,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<UnlockedKey> {
  const secret = await latestSecret(stores, doctorId, box);
  if (!secret) return createKey(stores, box, doctorId, password, cost);
  let pem: string | null;
  if (secret.protection === 'safe-storage') {
    pem = usableBox(box)!.decrypt(secret.sealedPrivateKey);
  } else {
    if (!password) throw passwordNeeded();
    pem = await openWithPassword(secret.sealedPrivateKey, password);
    if (pem === null) {
      // a wrong password is checked (and counted) against the account; the right account
      // password that does not open the key means it was changed since the key was made
      await requireDoctorPassword(stores.sql, doctorId, password);
      return createKey(stores, box, doctorId, password, cost);
    }
  }
  return { keyId: secret.keyId, privateKey: createPrivateKey(pem) };
}

export interface PublicKeyRecord {
  doctorId: number;
  publicKey: KeyObject;
}

/** The public key of a key id, from the shared database; null when unknown. */
export async function findPublicKey(sql: SqlStore, keyId: string): Promise<PublicKeyRecord | null> {
  const found = await signingKeyRepository({ shared: sql }).publicKey(keyId);
  return found ? { doctorId: found.doctorId, publicKey: createPublicKey(found.publicKeyPem) } : null;
}
