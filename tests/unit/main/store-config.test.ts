import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeServer,
  resolveStoreConfig,
  saveStoreSettings,
  StoreConfigError,
  type SecretBox,
} from '../../../electron/main/config/store-config';
import { createTempDir, type TempDir } from '../../support/services';

/** A reversible stand-in for safeStorage: enough to prove nothing is written in plain text. */
const reversingBox: SecretBox = {
  available: () => true,
  encrypt: (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
  decrypt: (sealed) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
};

let dir: TempDir;
afterEach(() => dir?.remove());

describe('store configuration', () => {
  it('defaults to the standalone local store in the data folder', () => {
    dir = createTempDir();
    expect(resolveStoreConfig(dir.path, {}, null)).toEqual({
      mode: 'standalone',
      dataDir: dir.path,
      sqlitePath: join(dir.path, 'clinic-desk.sqlite'),
    });
  });

  it('takes both server URLs from the environment', () => {
    dir = createTempDir();
    const config = resolveStoreConfig(
      dir.path,
      { CLINIC_MYSQL_URL: 'mysql://clinic:pw@db:3306/clinic', CLINIC_MONGODB_URI: 'mongodb://db:27017/clinic' },
      null,
    );
    expect(config).toMatchObject({ mode: 'networked', mysqlUrl: 'mysql://clinic:pw@db:3306/clinic' });
  });

  it('refuses half a networked setup and malformed URLs', () => {
    dir = createTempDir();
    expect(() => resolveStoreConfig(dir.path, { CLINIC_MYSQL_URL: 'mysql://db/clinic' }, null)).toThrow(StoreConfigError);
    expect(() =>
      resolveStoreConfig(dir.path, { CLINIC_MYSQL_URL: 'postgres://db/x', CLINIC_MONGODB_URI: 'mongodb://db/x' }, null),
    ).toThrow(/must start with mysql:\/\//);
  });

  it('reports a broken settings file instead of crashing', () => {
    dir = createTempDir();
    writeFileSync(join(dir.path, 'clinic-desk.json'), '{ not json');
    expect(() => resolveStoreConfig(dir.path, {}, null)).toThrow(/not valid JSON/);
  });

  it('stores server credentials sealed, and reads them back', () => {
    dir = createTempDir();
    saveStoreSettings(
      dir.path,
      { mode: 'networked', mysqlUrl: 'mysql://clinic:s3cret@db:3306/clinic', mongoUri: 'mongodb://u:s3cret@db/clinic' },
      reversingBox,
    );
    expect(readFileSync(join(dir.path, 'clinic-desk.json'), 'utf8')).not.toContain('s3cret');
    expect(resolveStoreConfig(dir.path, {}, reversingBox)).toMatchObject({
      mode: 'networked',
      mysqlUrl: 'mysql://clinic:s3cret@db:3306/clinic',
    });
    expect(() => resolveStoreConfig(dir.path, {}, null)).toThrow(/encrypted/);
  });

  it('refuses to save credentials where nothing can encrypt them', () => {
    dir = createTempDir();
    expect(() =>
      saveStoreSettings(dir.path, { mode: 'networked', mysqlUrl: 'mysql://a@b/c', mongoUri: 'mongodb://b/c' }, null),
    ).toThrow(StoreConfigError);
  });

  it('describes a server without its credentials', () => {
    expect(describeServer('MySQL', 'mysql://clinic:s3cret@db.local:3306/clinic')).toBe('MySQL db.local:3306/clinic');
  });
});
