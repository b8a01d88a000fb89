import {
  ConnectionError,
  DatabaseError,
  ForeignKeyConstraintError,
  UniqueConstraintError,
  ValidationError,
  type ValidationErrorItem,
} from 'sequelize';
import { AppFailure } from '../../../../shared/ipc/result';
import { attributeName, fieldLabel } from './field-names';

/**
 * Turns what Sequelize throws into the app's error codes, the same on MySQL/MariaDB and SQLite:
 * DUPLICATE (unique key), CONFLICT (a delete a foreign key refuses), VALIDATION (bad or missing
 * value, from the model or from the database), STORE_UNAVAILABLE (no connection). Anything else
 * is not a data problem the user can fix, and is rethrown unchanged.
 *
 * Usage: `catch (error) { throw translateSqlError(error); }`
 */
export function translateSqlError(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  // Before the class checks: Sequelize's SQLite dialect reports NOT NULL and CHECK failures as
  // a UniqueConstraintError (it maps every SQLITE_CONSTRAINT that is not a foreign key to one).
  const fromDriver = databaseRefusal(error);
  if (fromDriver) return fromDriver;
  if (error instanceof UniqueConstraintError) return duplicate(error);
  if (error instanceof ForeignKeyConstraintError) return foreignKey(error);
  if (error instanceof ValidationError) return invalid(error.errors);
  if (error instanceof ConnectionError) {
    return new AppFailure('STORE_UNAVAILABLE', 'The clinic database cannot be reached right now. Try again shortly.');
  }
  throw error;
}

interface FieldProblem {
  field: string;
  message: string;
}

function validation(problems: FieldProblem[]): AppFailure {
  const first = problems[0] ?? { field: '', message: 'The record is not valid' };
  return new AppFailure('VALIDATION', first.message, { field: first.field, fields: problems });
}

// ---- unique keys ----------------------------------------------------------------------------

/**
 * The unique keys the first migration creates, by name. MySQL names the key in its message
 * ("Duplicate entry 'x' for key 'uq_doctors_license_number'"), SQLite the columns
 * ("UNIQUE constraint failed: doctors.license_number"): both lead to the attribute.
 */
const UNIQUE_KEY_ATTRIBUTES: Readonly<Record<string, string>> = {
  uq_patients_email: 'email',
  uq_doctors_email: 'email',
  uq_doctors_license_number: 'licenseNumber',
  uq_admin_username: 'username',
  uq_admin_email: 'email',
  uq_clinic_settings_setting_key: 'settingKey',
};

function uniqueField(error: UniqueConstraintError): string {
  const candidates = [
    ...error.errors.map((item) => item.path ?? ''),
    ...(Array.isArray(error.fields) ? [] : Object.keys(error.fields ?? {})),
    /for key '(?:[^'.]*\.)?([^']+)'/.exec(driverMessage(error))?.[1] ?? '',
    /UNIQUE constraint failed: [^.\s]+\.(\w+)/.exec(driverMessage(error))?.[1] ?? '',
  ].filter((name) => name !== '');
  const name = candidates[0] ?? '';
  return UNIQUE_KEY_ATTRIBUTES[name] ?? attributeName(name);
}

function duplicate(error: UniqueConstraintError): AppFailure {
  const field = uniqueField(error);
  const message = `${field ? fieldLabel(field) : 'This value'} is already used by another record`;
  return new AppFailure('DUPLICATE', message, { field, fields: [{ field, message }] });
}

// ---- foreign keys ---------------------------------------------------------------------------

const STILL_REFERENCED: Readonly<Record<string, string>> = {
  doctors: 'This doctor still has appointments and cannot be deleted. Mark the doctor inactive instead.',
  patients: 'This patient is still referenced by other records and cannot be deleted.',
  admin: 'This account is still referenced by other records and cannot be deleted.',
};

function foreignKey(error: ForeignKeyConstraintError): AppFailure {
  // MySQL says which side failed; SQLite only says "FOREIGN KEY constraint failed", so the
  // statement tells: a DELETE was refused because children still point at the row.
  const sql = typeof error.sql === 'string' ? error.sql : '';
  const deletedFrom = /^\s*DELETE\s+FROM\s+[`"]?(\w+)/i.exec(sql)?.[1];
  if (error.reltype === 'parent' || (error.reltype === undefined && deletedFrom)) {
    const table = deletedFrom ?? error.table ?? '';
    return new AppFailure(
      'CONFLICT',
      STILL_REFERENCED[table] ?? 'This record is still referenced by other records and cannot be deleted.',
      { table },
    );
  }
  // An insert or update names a parent row that does not exist. MySQL names the column.
  const column = error.fields?.[0];
  const field = column ? attributeName(column) : '';
  const message = field
    ? `The ${fieldLabel(field.replace(/(Id|By)$/, '')).toLowerCase()} this record refers to does not exist`
    : 'A record this one refers to (patient, doctor or admin) does not exist';
  return validation([{ field, message }]);
}

// ---- model validation -----------------------------------------------------------------------

function itemMessage(item: ValidationErrorItem): string {
  const field = item.path ?? '';
  // Sequelize's own wording names the model ("Patient.firstName cannot be null").
  if (item.validatorKey === 'is_null') return `${fieldLabel(field)} is required`;
  if (item.type === 'string violation') return `${fieldLabel(field)} must be text`;
  return item.message;
}

function invalid(items: readonly ValidationErrorItem[]): AppFailure {
  return validation(items.map((item) => ({ field: item.path ?? '', message: itemMessage(item) })));
}

// ---- refusals by the database itself (raw SQL, or values the models let through) -------------

function driverMessage(error: unknown): string {
  if (!(error instanceof DatabaseError) && !(error instanceof ValidationError)) return '';
  const parent = (error as { parent?: { message?: unknown } }).parent;
  return typeof parent?.message === 'string' ? parent.message : '';
}

const REFUSALS: readonly { pattern: RegExp; problem: (label: string) => string }[] = [
  // SQLite
  { pattern: /NOT NULL constraint failed: [^.\s]+\.(\w+)/, problem: (label) => `${label} is required` },
  {
    pattern: /CHECK constraint failed: (?:length\()?[`"]?(\w+)/,
    problem: (label) => `${label} has a value that is not allowed`,
  },
  // MySQL / MariaDB (strict mode)
  { pattern: /Column '(\w+)' cannot be null/, problem: (label) => `${label} is required` },
  { pattern: /Field '(\w+)' doesn't have a default value/, problem: (label) => `${label} is required` },
  { pattern: /Data too long for column '(\w+)'/, problem: (label) => `${label} is too long` },
  { pattern: /Data truncated for column '(\w+)'/, problem: (label) => `${label} has a value that is not allowed` },
  { pattern: /Out of range value for column '(\w+)'/, problem: (label) => `${label} is out of range` },
  {
    pattern: /Incorrect \w+ value: .* for column (?:`[^`]*`\.`[^`]*`\.`(\w+)`|'(\w+)')/,
    problem: (label) => `${label} has a value that is not allowed`,
  },
  { pattern: /CONSTRAINT `(?:\w+\.)?(\w+)` failed/, problem: (label) => `${label} has a value that is not allowed` },
];

function databaseRefusal(error: unknown): AppFailure | null {
  const message = driverMessage(error);
  if (!message) return null;
  for (const { pattern, problem } of REFUSALS) {
    const match = pattern.exec(message);
    const column = match?.slice(1).find((group) => group !== undefined);
    if (column) {
      const field = attributeName(column);
      return validation([{ field, message: problem(fieldLabel(field)) }]);
    }
  }
  return null;
}
