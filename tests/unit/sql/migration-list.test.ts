import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/main/data/sql/migrations';
import { APPOINTMENT_STATUSES } from '../../../electron/main/data/sql/enums';
import { APPOINTMENT_STATUSES as DOMAIN_STATUSES } from '../../../shared/domain/scheduling/lifecycle';
import { attributeName, fieldLabel } from '../../../electron/main/data/sql/field-names';

const MIGRATIONS_DIR = join(__dirname, '../../../electron/main/data/sql/migrations');

describe('the migration list', () => {
  it('lists every migration file in the folder, each under its file name, oldest first', () => {
    // The bundled main process cannot scan the folder, so a file missing from the list would
    // silently never run.
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((file) => /^\d{12}-[a-z0-9-]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
  });

  it('has no other files in the folder than migrations and their helpers', () => {
    const others = readdirSync(MIGRATIONS_DIR).filter((file) => !/^\d{12}-[a-z0-9-]+\.ts$/.test(file));
    expect(others.sort()).toEqual(['index.ts', 'migration.ts']);
  });
});

describe('seed enums', () => {
  it('the scheduling rules use exactly the statuses the database accepts', () => {
    expect([...DOMAIN_STATUSES]).toEqual([...APPOINTMENT_STATUSES]);
  });
});

describe('field names', () => {
  it.each([
    ['license_number', 'licenseNumber', 'License number'],
    ['email', 'email', 'Email'],
    ['emergency_contact_phone', 'emergencyContactPhone', 'Emergency contact phone'],
    ['setting_key', 'settingKey', 'Setting key'],
  ])('%s is the attribute %s, shown as "%s"', (column, attribute, label) => {
    expect(attributeName(column)).toBe(attribute);
    expect(fieldLabel(attribute)).toBe(label);
  });
});
