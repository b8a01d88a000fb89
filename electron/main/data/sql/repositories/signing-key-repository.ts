import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

export type KeyProtection = 'safe-storage' | 'password';

/** A doctor's private key as the workstation keeps it: sealed, never in the clear. */
export interface SealedSigningKey {
  keyId: string;
  protection: KeyProtection;
  sealedPrivateKey: string;
}

/**
 * A doctor's signing keys: the public halves in `doctor_signing_keys` of the shared database,
 * the sealed private halves in `doctor_signing_secrets` of the workstation's own file.
 */
export interface SigningKeyRepository {
  /** The doctor's sealed keys on this workstation, newest first. */
  sealedKeysOf(doctorId: number): Promise<SealedSigningKey[]>;
  publishPublicKey(doctorId: number, keyId: string, algorithm: string, publicKeyPem: string, createdAt: Date): Promise<void>;
  keepSealedKey(doctorId: number, key: SealedSigningKey, createdAt: Date): Promise<void>;
  /** The doctor and public key (PEM) of a key id, or null when unknown. */
  publicKey(keyId: string): Promise<{ doctorId: number; publicKeyPem: string } | null>;
}

/** `shared` is the clinic's relational store, `local` the workstation's own file (only for the private halves). */
export function signingKeyRepository(stores: { shared: SqlStore; local?: SqlStore }): SigningKeyRepository {
  const localFile = (): SqlStore => {
    if (!stores.local) throw new Error('The sealed signing keys live in the workstation file, which was not given.');
    return stores.local;
  };
  return {
    async sealedKeysOf(doctorId) {
      const rows = await localFile().sequelize.query<{ key_id: string; protection: KeyProtection; sealed_private_key: string }>(
        'SELECT key_id, protection, sealed_private_key FROM doctor_signing_secrets WHERE doctor_id = :doctorId ORDER BY created_at DESC, key_id',
        { replacements: { doctorId }, type: QueryTypes.SELECT },
      );
      return rows.map((row) => ({ keyId: row.key_id, protection: row.protection, sealedPrivateKey: row.sealed_private_key }));
    },

    async publishPublicKey(doctorId, keyId, algorithm, publicKeyPem, createdAt) {
      await stores.shared.sequelize.query(
        'INSERT INTO doctor_signing_keys (doctor_id, key_id, algorithm, public_key, created_at) VALUES (:doctorId, :keyId, :algorithm, :publicKey, :now)',
        { replacements: { doctorId, keyId, algorithm, publicKey: publicKeyPem, now: createdAt }, type: QueryTypes.INSERT },
      );
    },

    async keepSealedKey(doctorId, key, createdAt) {
      await localFile().sequelize.query(
        'INSERT INTO doctor_signing_secrets (key_id, doctor_id, protection, sealed_private_key, created_at) VALUES (:keyId, :doctorId, :protection, :sealed, :now)',
        { replacements: { keyId: key.keyId, doctorId, protection: key.protection, sealed: key.sealedPrivateKey, now: createdAt }, type: QueryTypes.INSERT },
      );
    },

    async publicKey(keyId) {
      const rows = await stores.shared.sequelize.query<{ doctor_id: number; public_key: string }>(
        'SELECT doctor_id, public_key FROM doctor_signing_keys WHERE key_id = :keyId',
        { replacements: { keyId }, type: QueryTypes.SELECT },
      );
      const row = rows[0];
      return row ? { doctorId: Number(row.doctor_id), publicKeyPem: row.public_key } : null;
    },
  };
}
