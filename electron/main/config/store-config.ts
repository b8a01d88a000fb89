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

/**
 * How a networked workstation uses the clinic's servers beyond their addresses: pool sizes,
 * read replicas, the MongoDB replica set. Every field has a default (`DEFAULT_SERVER_TUNING`).
 */
export interface ServerTuning {
  /** Connections to the MySQL primary (and to each replica) at most. */
  mysqlPoolMax: number;
  /** A replica further behind than this is skipped. */
  replicaMaxLagSeconds: number;
  replicaCheckSeconds: number;
  /** Read-your-writes where the primary gives no GTID position: reads stay on the primary this long after a write. */
  readYourWritesSeconds: number;
  mongo: MongoTuning;
}

export interface MongoTuning {
  maxPoolSize: number;
  /** The replica set's name; unset for a single server (or when the URI names it). */
  replicaSet?: string;
  /** 'majority': a write counts once most members have it, so a failover cannot roll it back. */
  writeConcern: 'majority' | 1;
  retryWrites: boolean;
  /** Where reads that may be stale go (the mirror pull): 'secondaryPreferred' spares the primary. */
  staleReadPreference: 'primary' | 'primaryPreferred' | 'secondary' | 'secondaryPreferred' | 'nearest';
  /** How long an operation waits for the server's answer (DEFAULT_MONGO_SOCKET_TIMEOUT_MS unless a test shortens it). */
  socketTimeoutMs?: number;
}

/**
 * MongoDB's driver opens up to 100 connections per workstation by default: with 20 workstations
 * that is 2,000 on the server for a front desk that runs a handful of calls at once. 10 each keeps
 * 50 concurrent calls moving (they queue for a connection) and the server under 200.
 */
export const DEFAULT_SERVER_TUNING: ServerTuning = {
  mysqlPoolMax: 5,
  replicaMaxLagSeconds: 30,
  replicaCheckSeconds: 5,
  readYourWritesSeconds: 10,
  mongo: { maxPoolSize: 10, writeConcern: 'majority', retryWrites: true, staleReadPreference: 'secondaryPreferred' },
};

export type StoreConfig =
  | { mode: 'standalone'; dataDir: string; sqlitePath: string }
  | {
      mode: 'networked';
      dataDir: string;
      sqlitePath: string;
      mysqlUrl: string;
      mongoUri: string;
      /** Read replicas of the MySQL primary, same database name; may be empty. */
      mysqlReadUrls: string[];
      tuning: ServerTuning;
    };

export const SETTINGS_FILE_NAME = 'clinic-desk.json';
export const LOCAL_STORE_FILE_NAME = 'clinic-desk.sqlite';

const Secret = z.union([z.object({ sealed: z.string().min(1) }), z.object({ plain: z.string().min(1) })]);

const seconds = z.number().int().min(0).max(3600);

const ServerTuningFile = z
  .object({
    mysqlPoolMax: z.number().int().min(1).max(100),
    replicaMaxLagSeconds: seconds,
    replicaCheckSeconds: seconds.min(1),
    readYourWritesSeconds: seconds,
    mongo: z
      .object({
        maxPoolSize: z.number().int().min(1).max(500),
        replicaSet: z.string().min(1),
        writeConcern: z.union([z.literal('majority'), z.literal(1)]),
        retryWrites: z.boolean(),
        staleReadPreference: z.enum(['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest']),
      })
      .strict()
      .partial(),
  })
  .strict()
  .partial();

const SettingsFile = z.object({
  mode: z.enum(['standalone', 'networked']).default('standalone'),
  mysqlUrl: Secret.optional(),
  mongoUri: Secret.optional(),
  mysqlReadUrls: z.array(Secret).optional(),
  server: ServerTuningFile.optional(),
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
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new StoreConfigError(`The settings file ${path} is not valid: ${field}${issue?.message ?? 'unknown problem'}.`);
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
  const tuning = tuningFrom(file.server);
  const envReadUrls = env.CLINIC_MYSQL_READ_URLS?.split(',').map((url) => url.trim()).filter((url) => url.length > 0);
  const fileReadUrls = () => (file.mysqlReadUrls ?? []).map((secret, index) => openSecret(secret, box, `MySQL read replica URL ${index + 1}`));
  if (envMysql || envMongo) {
    if (!envMysql || !envMongo) {
      throw new StoreConfigError('Set both CLINIC_MYSQL_URL and CLINIC_MONGODB_URI for networked mode, or neither.');
    }
    return networked(dataDir, sqlitePath, envMysql, envMongo, envReadUrls ?? fileReadUrls(), tuning);
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
    envReadUrls ?? fileReadUrls(),
    tuning,
  );
}

function tuningFrom(file: z.infer<typeof ServerTuningFile> | undefined): ServerTuning {
  const { mongo, ...mysql } = file ?? {};
  return { ...DEFAULT_SERVER_TUNING, ...mysql, mongo: { ...DEFAULT_SERVER_TUNING.mongo, ...mongo } };
}

function networked(
  dataDir: string,
  sqlitePath: string,
  mysqlUrl: string,
  mongoUri: string,
  readUrls: string[],
  tuning: ServerTuning,
): StoreConfig {
  const primary = assertUrl(mysqlUrl, ['mysql:', 'mariadb:'], 'MySQL URL');
  const database = new URL(primary).pathname;
  const mysqlReadUrls = readUrls.map((url, index) => {
    const label = `MySQL read replica URL ${index + 1}`;
    const checked = assertUrl(url, ['mysql:', 'mariadb:'], label);
    // A replica of another database would serve another clinic's rows as this one's.
    if (new URL(checked).pathname !== database) {
      throw new StoreConfigError(`The ${label} must name the same database as the MySQL URL (${database.slice(1) || 'none'}).`);
    }
    return checked;
  });
  return {
    mode: 'networked',
    dataDir,
    sqlitePath,
    mysqlUrl: primary,
    mongoUri: assertUrl(mongoUri, ['mongodb:', 'mongodb+srv:'], 'MongoDB URI'),
    mysqlReadUrls,
    tuning,
  };
}

/** Writes the networked URLs sealed with the SecretBox; refuses to store credentials in plain text. */
export function saveStoreSettings(
  dataDir: string,
  settings: { mode: StoreMode; mysqlUrl?: string; mongoUri?: string },
  box: SecretBox | null,
): void {
  // The settings screen edits the mode and the two addresses; replicas and tuning an IT person
  // wrote into the file stay as they are.
  const path = join(dataDir, SETTINGS_FILE_NAME);
  const kept = existsSync(path) ? readSettingsFile(path) : null;
  const file: SettingsFile = {
    mode: settings.mode,
    ...(kept?.mysqlReadUrls ? { mysqlReadUrls: kept.mysqlReadUrls } : {}),
    ...(kept?.server ? { server: kept.server } : {}),
  };
  if (settings.mode === 'networked') {
    if (!settings.mysqlUrl || !settings.mongoUri) throw new StoreConfigError('Both server addresses are required.');
    if (!box?.available()) {
      throw new StoreConfigError('This workstation cannot encrypt credentials; set CLINIC_MYSQL_URL and CLINIC_MONGODB_URI instead.');
    }
    file.mysqlUrl = { sealed: box.encrypt(settings.mysqlUrl) };
    file.mongoUri = { sealed: box.encrypt(settings.mongoUri) };
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify(file, null, 2), { mode: 0o600 });
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
