import type { Role } from './permissions';

export type StoreMode = 'standalone' | 'networked';

export interface StoreHealth {
  name: 'sql' | 'documents';
  /** What this store is, without credentials: "SQLite file", "MySQL 127.0.0.1:3306/clinic". */
  description: string;
  ok: boolean;
  /** Human-readable reason when not ok. */
  problem?: string;
}

export interface AppStatus {
  appVersion: string;
  mode: StoreMode;
  stores: StoreHealth[];
  /** Highest applied migration name; null when the store could not be opened. */
  schemaVersion: string | null;
  /** True until the first-run setup has created the clinic and its super admin. */
  setupRequired: boolean;
  clinicName: string | null;
  timezone: string | null;
  /** Set when the app cannot work at all (for example a database newer than the app). */
  fatal?: { code: string; message: string };
}

export interface SessionUser {
  id: number;
  kind: 'staff' | 'doctor' | 'patient';
  role: Role;
  displayName: string;
}

export interface SessionInfo {
  user: SessionUser | null;
}

export interface SetupResult {
  clinicName: string;
  timezone: string;
  user: SessionUser;
}
