import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import mongoose from 'mongoose';

/**
 * Where the integration tests find their servers. The global setup (tests/support/global-setup.ts)
 * starts them through scripts/test-services.mjs and publishes these two variables; a developer
 * with their own servers sets them by hand.
 */
export function testServerUrls(): { mysqlUrl: string; mongoUri: string } {
  const mysqlUrl = process.env.CLINIC_TEST_MYSQL_URL;
  const mongoUri = process.env.CLINIC_TEST_MONGODB_URI;
  if (!mysqlUrl || !mongoUri) {
    throw new Error(
      'CLINIC_TEST_MYSQL_URL / CLINIC_TEST_MONGODB_URI are not set: run the integration tests through vitest (its global setup starts the services) or set them yourself.',
    );
  }
  return { mysqlUrl, mongoUri };
}

const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty MariaDB/MySQL database for one test file; drop() removes it. */
export async function createTestMysqlDatabase(): Promise<TestDatabase> {
  const { mysqlUrl } = testServerUrls();
  const name = uniqueName('cdt');
  const admin = await mysql.createConnection(mysqlUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    name,
    url: withDatabase(mysqlUrl, name),
    drop: async () => {
      const conn = await mysql.createConnection(mysqlUrl);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** A MongoDB database name unique to this test file on the MongoDB-compatible server. */
export async function createTestMongoDatabase(): Promise<TestDatabase> {
  const { mongoUri } = testServerUrls();
  const name = uniqueName('cdt');
  return {
    name,
    url: withDatabase(mongoUri, name),
    drop: async () => {
      const client = new mongoose.mongo.MongoClient(mongoUri);
      try {
        await client.connect();
        await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

export interface TempDir {
  path: string;
  remove(): void;
}

/** A private folder (for a SQLite file or an app data folder) removed after the test. */
export function createTempDir(prefix = 'clinic-desk-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
