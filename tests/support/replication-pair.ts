import mysql from 'mysql2/promise';
// @ts-expect-error -- a plain ESM script shared with the command line; its API is typed below.
import { startReplicationPair as startUntyped } from '../../scripts/test-services.mjs';

export interface ReplicationPair {
  /** Root URLs (no database): a primary with binary logging, and a replica following it by GTID. */
  primaryUrl: string;
  replicaUrl: string;
  /** The primary's data folder, where its binary logs are. */
  binlogDir: string;
  stop(): Promise<void>;
}

/** Starts a primary and a replica of our own (scripts/test-services.mjs); each test file has its pair. */
export const startReplicationPair = startUntyped as () => Promise<ReplicationPair>;

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on a server, through a connection of its own. */
export async function runOn<T = Record<string, unknown>>(serverUrl: string, statement: string, values: unknown[] = []): Promise<T[]> {
  const connection = await mysql.createConnection(serverUrl);
  try {
    const [rows] = await connection.query(statement, values);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

/** The server's own count of a statement kind since it started (Com_select, Com_insert, ...): what ran where. */
export async function statementCount(serverUrl: string, counter: string): Promise<number> {
  const rows = await runOn<{ Value: string }>(serverUrl, 'SHOW GLOBAL STATUS WHERE Variable_name = ?', [counter]);
  return Number(rows[0]?.Value ?? 0);
}

/** Waits (on the server, not by sleeping) until the replica has applied everything the primary has written. */
export async function replicaCaughtUp(pair: ReplicationPair): Promise<void> {
  const [primary] = await runOn<{ position: string }>(pair.primaryUrl, 'SELECT @@GLOBAL.gtid_binlog_pos AS position');
  const position = primary?.position ?? '';
  const [replica] = await runOn<{ waited: number }>(pair.replicaUrl, 'SELECT MASTER_GTID_WAIT(?, 60) AS waited', [position]);
  if (Number(replica?.waited) !== 0) throw new Error(`the replica did not reach ${position} within a minute`);
}
