import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreMode } from '../../../shared/ipc/types';

/** Encrypts secrets at rest: Electron's safeStorage in the app, absent in the headless bridge. */
export interface SecretBox {
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export type StoreConfig =
  | { mode: 'standalone'; dataDir: string; sqlitePath: string }
  | { mode: 'networked'; dataDir: string; sqlitePath: string; mysqlUrl: string; mongoUri: string };

export const SETTINGS_FILE_NAME = 'clinic-desk.json';
export const LOCAL_STORE_FILE_NAME = 'clinic-desk.sqlite';

const Secret = z.union([z.object({ sealed: z.string().min(1) }), z.object({ plain: z.string().min(1) })]);

const SettingsFile = z.object({
  mode: z.enum(['standalone', 'networked']).default('standalone'),
  mysqlUrl: Secret.optional(),
  mongoUri: Secret.optional(),
});
type SettingsFile = z.infer<typeof SettingsFile>;

export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

function openSecret(secret: z.infer<typeof Secret>, box: SecretBox | null, label: string): string {
  if ('plain' in secret) return secret.plain;
  if (!box?.available()) {
    throw new StoreConfigError(`The ${label} is encrypted for another workstation or user; enter it again in Settings.`);
  }
  return box.decrypt(secret.sealed);
}

function readSettingsFile(path: string): SettingsFile {
  if (!existsSync(path)) return SettingsFile.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new StoreConfigError(`The settings file ${path} is not valid JSON. Fix it or delete it to start on the local store.`);
  }
  const parsed = SettingsFile.safeParse(raw);
  if (!parsed.success) {
    throw new StoreConfigError(`The settings file ${path} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  }
  return parsed.data;
}

function assertUrl(value: string, protocols: string[], label: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreConfigError(`The ${label} is not a valid URL.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new StoreConfigError(`The ${label} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  return value;
}

/**
 * Environment variables win over the settings file, so an IT person can point a workstation at
 * the clinic server without touching its files. Both URLs or neither: half a networked setup
 * would silently split the clinic's data.
 */
export function resolveStoreConfig(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  box: SecretBox | null,
): StoreConfig {
  const sqlitePath = join(dataDir, LOCAL_STORE_FILE_NAME);
  const file = readSettingsFile(join(dataDir, SETTINGS_FILE_NAME));
  const envMysql = env.CLINIC_MYSQL_URL?.trim();
  const envMongo = env.CLINIC_MONGODB_URI?.trim();
  if (envMysql || envMongo) {
    if (!envMysql || !envMongo) {
      throw new StoreConfigError('Set both CLINIC_MYSQL_URL and CLINIC_MONGODB_URI for networked mode, or neither.');
    }
    return networked(dataDir, sqlitePath, envMysql, envMongo);
  }
  if (file.mode === 'standalone') return { mode: 'standalone', dataDir, sqlitePath };
  if (!file.mysqlUrl || !file.mongoUri) {
    throw new StoreConfigError('Networked mode needs both the MySQL URL and the MongoDB URI in Settings.');
  }
  return networked(
    dataDir,
    sqlitePath,
    openSecret(file.mysqlUrl, box, 'MySQL URL'),
    openSecret(file.mongoUri, box, 'MongoDB URI'),
  );
}

function networked(dataDir: string, sqlitePath: string, mysqlUrl: string, mongoUri: string): StoreConfig {
  return {
    mode: 'networked',
    dataDir,
    sqlitePath,
    mysqlUrl: assertUrl(mysqlUrl, ['mysql:', 'mariadb:'], 'MySQL URL'),
    mongoUri: assertUrl(mongoUri, ['mongodb:', 'mongodb+srv:'], 'MongoDB URI'),
  };
}

/** Writes the networked URLs sealed with the SecretBox; refuses to store credentials in plain text. */
export function saveStoreSettings(
  dataDir: string,
  settings: { mode: StoreMode; mysqlUrl?: string; mongoUri?: string },
  box: SecretBox | null,
): void {
  const file: SettingsFile = { mode: settings.mode };
  if (settings.mode === 'networked') {
    if (!settings.mysqlUrl || !settings.mongoUri) throw new StoreConfigError('Both server addresses are required.');
    if (!box?.available()) {
      throw new StoreConfigError('This workstation cannot encrypt credentials; set CLINIC_MYSQL_URL and CLINIC_MONGODB_URI instead.');
    }
    file.mysqlUrl = { sealed: box.encrypt(settings.mysqlUrl) };
    file.mongoUri = { sealed: box.encrypt(settings.mongoUri) };
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, SETTINGS_FILE_NAME), JSON.stringify(file, null, 2), { mode: 0o600 });
}

/** "MySQL db.clinic.local:3306/clinic" — never the user name or password. */
export function describeServer(kind: string, url: string): string {
  try {
    const parsed = new URL(url);
    return `${kind} ${parsed.host}${parsed.pathname}`;
  } catch {
    return kind;
  }
}
