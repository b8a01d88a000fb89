import type { SecretBox } from '../../config/store-config';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { localSecretRepository } from '../../data/sql/repositories/local-secret-repository';

const KEY = 'smtp_password';

/**
 * Where a workstation without secure storage (no safeStorage: the headless test bridge, a Linux
 * desktop without a keyring) keeps the password: in memory until the app closes, never on disk.
 * Keyed by the workstation's data folder.
 */
const sessionPasswords = new Map<string, string>();

/**
 * The SMTP password of this workstation. Sealed with safeStorage in the workstation's own SQLite
 * file (local_secrets), never in clinic_settings, never sent to the renderer. safeStorage seals
 * for one OS user on one machine, so each workstation that should send email keeps its own copy;
 * the others leave sending to it (the job pauses email there, and says so).
 */
export class SmtpPasswordKeeper {
  constructor(
    private readonly local: SqlStore,
    private readonly box: SecretBox | null,
    private readonly scope: string,
  ) {}

  get storage(): 'safeStorage' | 'session' {
    return this.box?.available() ? 'safeStorage' : 'session';
  }

  async read(): Promise<string | null> {
    if (this.storage === 'session') return sessionPasswords.get(this.scope) ?? null;
    const sealed = await localSecretRepository(this.local).sealed(KEY);
    if (sealed === null) return null;
    try {
      return this.box?.decrypt(sealed) ?? null;
    } catch {
      return null; // sealed for another OS user: as if none were stored; the admin enters it again
    }
  }

  /** null removes it. */
  async write(password: string | null): Promise<void> {
    if (this.storage === 'session') {
      if (password === null) sessionPasswords.delete(this.scope);
      else sessionPasswords.set(this.scope, password);
      return;
    }
    await localSecretRepository(this.local).replace(KEY, password === null || !this.box ? null : this.box.encrypt(password), new Date());
  }
}
