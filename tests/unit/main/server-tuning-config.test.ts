import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_TUNING,
  resolveStoreConfig,
  saveStoreSettings,
  SETTINGS_FILE_NAME,
  StoreConfigError,
  type SecretBox,
} from '../../../electron/main/config/store-config';
import { createTempDir, type TempDir } from '../../support/services';

const reversingBox: SecretBox = {
  available: () => true,
  encrypt: (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
  decrypt: (sealed) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
};
const servers = { CLINIC_MYSQL_URL: 'mysql://clinic:pw@db:3306/clinic', CLINIC_MONGODB_URI: 'mongodb://db:27017/clinic' };

let dir: TempDir;
afterEach(() => dir?.remove());
const writeSettings = (content: unknown) => writeFileSync(join(dir.path, SETTINGS_FILE_NAME), JSON.stringify(content));

describe('read replicas and pool sizes in the store configuration', () => {
  it('takes the replicas from CLINIC_MYSQL_READ_URLS, comma-separated, with the default tuning', () => {
    dir = createTempDir();
    const config = resolveStoreConfig(
      dir.path,
      { ...servers, CLINIC_MYSQL_READ_URLS: ' mysql://clinic:pw@replica1:3306/clinic, mysql://clinic:pw@replica2/clinic ' },
      null,
    );
    expect(config).toMatchObject({
      mode: 'networked',
      mysqlReadUrls: ['mysql://clinic:pw@replica1:3306/clinic', 'mysql://clinic:pw@replica2/clinic'],
      tuning: DEFAULT_SERVER_TUNING,
    });
  });

  it('refuses a replica of another database, naming which one', () => {
    dir = createTempDir();
    expect(() => resolveStoreConfig(dir.path, { ...servers, CLINIC_MYSQL_READ_URLS: 'mysql://r1/clinic,mysql://r2/other' }, null)).toThrow(
      /read replica URL 2 must name the same database/,
    );
  });

  it('reads sealed replica URLs and tuning from the settings file, defaults filling the rest', () => {
    dir = createTempDir();
    const seal = (plain: string) => ({ sealed: reversingBox.encrypt(plain) });
    writeSettings({
      mode: 'networked',
      mysqlUrl: seal('mysql://u:p@db/clinic'),
      mongoUri: seal('mongodb://db1,db2,db3/clinic'),
      mysqlReadUrls: [seal('mysql://u:p@replica/clinic')],
      server: { mysqlPoolMax: 8, replicaMaxLagSeconds: 10, mongo: { replicaSet: 'rs0', maxPoolSize: 20 } },
    });
    const config = resolveStoreConfig(dir.path, {}, reversingBox);
    expect(config).toMatchObject({
      mysqlReadUrls: ['mysql://u:p@replica/clinic'],
      tuning: {
        ...DEFAULT_SERVER_TUNING,
        mysqlPoolMax: 8,
        replicaMaxLagSeconds: 10,
        mongo: { ...DEFAULT_SERVER_TUNING.mongo, replicaSet: 'rs0', maxPoolSize: 20 },
      },
    });
  });

  it('names the field of a bad tuning value', () => {
    dir = createTempDir();
    writeSettings({ mode: 'standalone', server: { mongo: { maxPoolSize: 0 } } });
    expect(() => resolveStoreConfig(dir.path, {}, null)).toThrow(StoreConfigError);
    expect(() => resolveStoreConfig(dir.path, {}, null)).toThrow(/server\.mongo\.maxPoolSize/);
  });

  it('keeps the replicas and tuning an IT person wrote when the settings screen saves the addresses', () => {
    dir = createTempDir();
    writeSettings({ mode: 'standalone', mysqlReadUrls: [{ sealed: 'abc' }], server: { mysqlPoolMax: 9 } });
    saveStoreSettings(dir.path, { mode: 'networked', mysqlUrl: 'mysql://u:p@db/clinic', mongoUri: 'mongodb://db/clinic' }, reversingBox);
    const saved = JSON.parse(readFileSync(join(dir.path, SETTINGS_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ mode: 'networked', mysqlReadUrls: [{ sealed: 'abc' }], server: { mysqlPoolMax: 9 } });
  });
});
