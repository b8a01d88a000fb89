import { safeStorage } from 'electron';
import type { SecretBox } from './config/store-config';

/** Electron's safeStorage: the OS keychain (Keychain, DPAPI, libsecret) seals the database credentials. */
export const safeStorageBox: SecretBox = {
  available: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};
