import type { Role } from './permissions';
import type { DisplayLocale } from '../domain/display-format';

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
  /** How dates, times and fees read (the clinic's locale settings; the defaults before setup). */
  display: DisplayLocale;
  /** The clinic's default phone country (ISO 3166 alpha-2): the setting, else guessed from the time zone, else AT. */
  phoneCountry: string;
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
  /** Locked by inactivity or by hand: patient data stays hidden until the password is re-entered. */
  locked: boolean;
  /** The clinic's inactivity setting, so the screen locks at the same moment main does. */
  idleLockMinutes: number;
  /**
   * Set while the workstation is a patient kiosk: only patients sign in, and a
   * patient's session ends after `idleSeconds` without use. Absent or null otherwise.
   * `checkInOnly`: the patient signed in by name, birth date and phone digits (no password).
   */
  kiosk?: { idleSeconds: number; checkInOnly?: boolean } | null;
}

export interface SetupResult {
  clinicName: string;
  timezone: string;
  user: SessionUser;
}

export interface StaffAccountView {
  id: number;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  role: 'front_desk' | 'admin' | 'super_admin';
  isActive: boolean;
  lastLogin: string | null;
  createdAt: string;
}

export interface AuditEntryView {
  id: string;
  timestamp: string;
  userId: number | null;
  userType: string;
  action: string;
  resourceType: string;
  resourceId: number | string | null;
  patientId: number | null;
  workstation: string | null;
  ipAddress: string | null;
  outcome: 'allowed' | 'denied';
  /** Who, by name ("System" for the app itself); null when the account no longer exists. */
  userName: string | null;
  /** The patient the record is about, by name; null when none or no longer on file. */
  patientName: string | null;
  /** The action as a sentence ("Viewed the patient record"). */
  actionText: string;
}

/** A person the trail can be filtered by. */
export interface AuditPerson {
  kind: 'staff' | 'doctor' | 'patient';
  id: number;
  name: string;
  /** What tells two people of one name apart: user name, specialization, date of birth. */
  detail: string;
}

export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
  /** More records matched than one file holds: narrow the filters. */
  truncated: boolean;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  next: string | null;
}
