import { DataTypes, literal, type Model, type ModelAttributeColumnOptions, type Sequelize } from 'sequelize';
import { fieldLabel } from '../field-names';

/**
 * Attribute builders that mirror the first migration's columns and add the checks that make
 * both dialects behave alike for app writes: each refusal is a Sequelize ValidationError whose
 * item names the attribute and carries a sentence for people. The database refuses the same
 * values (MySQL by type in strict mode, SQLite by CHECK); this only makes the error clear.
 *
 * Attributes with a database default but no NOT NULL in the seed (status, isActive, ...) are
 * allowNull: false here: the app never writes NULL into them, so reads can be typed non-null.
 */
type Column = ModelAttributeColumnOptions<Model>;

interface Nullability {
  allowNull?: boolean;
}

export const primaryKey = (): Column => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });

export function varchar(
  name: string,
  length: number,
  { allowNull = false, unique }: Nullability & { unique?: string } = {},
): Column {
  return {
    type: DataTypes.STRING(length),
    allowNull,
    ...(unique ? { unique } : {}),
    validate: { len: { args: [0, length], msg: `${fieldLabel(name)} must be at most ${length} characters` } },
  };
}

export const text = ({ allowNull = false }: Nullability = {}): Column => ({ type: DataTypes.TEXT, allowNull });

export function integer(
  name: string,
  {
    allowNull = false,
    defaultValue,
    min,
    max,
  }: Nullability & { defaultValue?: number; min?: number; max?: number } = {},
): Column {
  const label = fieldLabel(name);
  return {
    type: DataTypes.INTEGER,
    allowNull,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    validate: {
      isInt: { msg: `${label} must be a whole number` },
      ...(min === undefined ? {} : { min: { args: [min], msg: `${label} must be at least ${min}` } }),
      ...(max === undefined ? {} : { max: { args: [max], msg: `${label} must be at most ${max}` } }),
    },
  };
}

/** A foreign key column; the constraint itself lives in the migration. */
export const reference = (name: string, { allowNull = false }: Nullability = {}): Column =>
  integer(name, { allowNull, min: 1 });

export const boolean = (defaultValue: boolean): Column => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue });

export function enumeration(
  name: string,
  values: readonly string[],
  { allowNull = false, defaultValue }: Nullability & { defaultValue?: string } = {},
): Column {
  return {
    type: DataTypes.ENUM(...values),
    allowNull,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    validate: { isIn: { args: [values], msg: `${fieldLabel(name)} must be one of: ${values.join(', ')}` } },
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as 'YYYY-MM-DD' (MySQL DATE, SQLite text): a real date, never a Date object. */
export function dateOnly(name: string, { allowNull = false }: Nullability = {}): Column {
  return {
    type: DataTypes.DATEONLY,
    allowNull,
    validate: {
      isCalendarDate(value: unknown) {
        if (value === null || value === undefined) return; // custom validators see NULLs too
        const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
        const [year, month, day] = match ? match.slice(1).map(Number) : [];
        const probe = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
        if (
          !match ||
          probe.getUTCFullYear() !== year ||
          probe.getUTCMonth() + 1 !== month ||
          probe.getUTCDate() !== day
        ) {
          throw new Error(`${fieldLabel(name)} must be a date written YYYY-MM-DD`);
        }
      },
    },
  };
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/**
 * A time of day stored as 'HH:MM:SS'. 'HH:MM' is accepted and completed with ':00', as MySQL
 * does, so that SQLite (whose CHECK wants the full form) stores the same value.
 */
export function timeOfDay(name: string, { allowNull = false }: Nullability = {}): Column {
  return {
    type: DataTypes.TIME,
    allowNull,
    set(this: Model, value: unknown) {
      const normalized = typeof value === 'string' && /^\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
      this.setDataValue(name, normalized);
    },
    validate: {
      isTimeOfDay(value: unknown) {
        if (value === null || value === undefined) return;
        if (typeof value !== 'string' || !TIME_PATTERN.test(value)) {
          throw new Error(`${fieldLabel(name)} must be a time of day written HH:MM or HH:MM:SS`);
        }
      },
    },
  };
}

/**
 * DECIMAL(10,2) money. MySQL returns it as a string ('150.50'), SQLite as a number (150.5): the
 * getter gives the same string on both.
 */
export function money(name: string, { allowNull = false }: Nullability = {}): Column {
  return {
    type: DataTypes.DECIMAL(10, 2),
    allowNull,
    get(this: Model) {
      const raw: unknown = this.getDataValue(name);
      return raw === null || raw === undefined ? raw : Number(raw).toFixed(2);
    },
    validate: {
      isMoney(value: unknown) {
        if (value === null || value === undefined) return;
        if (!/^-?\d{1,8}(\.\d{1,2})?$/.test(String(value))) {
          throw new Error(`${fieldLabel(name)} must be an amount with at most 8 digits before the point and 2 after`);
        }
      },
    },
  };
}

/**
 * A TIMESTAMP column. created_at/updated_at are filled by Sequelize (timestamps: true) on both
 * dialects, so app writes set them alike; the database defaults cover raw SQL.
 */
export const timestamp = ({ allowNull = true }: Nullability = {}): Column => ({ type: DataTypes.DATE, allowNull });

/**
 * A created_at/updated_at that the database stamps with its own clock (in the statement Sequelize
 * writes, on insert and on every save), never the workstation's: these stamps are compared across
 * machines (mirror pulls, the copy sync, the notice scan), and a workstation whose clock is hours
 * off the server's would otherwise hide changes from them or show them twice. Sequelize writes a
 * timestamp attribute's default as its value; `readBackServerStamps` puts the stored instant on
 * the saved instance. SQLite's stamp has the text Sequelize itself writes there (milliseconds,
 * '+00:00'), so raw comparisons with a `Date` replacement compare like with like.
 */
export function serverStamp(sequelize: Sequelize, { allowNull = true }: Nullability = {}): Column {
  const now = sequelize.getDialect() === 'sqlite' ? "strftime('%Y-%m-%d %H:%M:%f +00:00', 'now')" : 'CURRENT_TIMESTAMP';
  return { type: DataTypes.DATE, allowNull, defaultValue: literal(now) };
}
