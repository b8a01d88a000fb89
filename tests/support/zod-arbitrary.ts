/**
 * fast-check values shaped by a zod 4 schema: walks the schema's definition (`_zod.def`) and the
 * limits zod collects from its checks (`_zod.bag`: lengths, bounds, patterns, formats). Refinements
 * are code and cannot be read, so strings are also drawn from what the clinic's fields hold (dates,
 * grid times, time zones, ids of the seeded rows), chosen by the field's name; callers keep the
 * values the schema accepts. zod-fast-check does this for zod 3 only.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of zod 4's internal definition this walker reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  defaultValue?: unknown;
}

/** The limits zod 4 keeps on a schema's checks (`def.checks[i]._zod.def`) and on format schemas (`z.email()`). */
interface Limits {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  patterns: RegExp[];
  format?: string;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

const internals = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def & { checks?: { _zod: { def: CheckDef } }[]; format?: string; pattern?: RegExp } } })._zod;

function limitsOf(schema: z.ZodType): Limits {
  const { def } = internals(schema);
  const limits: Limits = { patterns: def.pattern ? [def.pattern] : [], ...(def.format ? { format: def.format } : {}) };
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    switch (check.check) {
      case 'string_format':
        if (check.pattern) limits.patterns.push(check.pattern);
        if (check.format && check.format !== 'regex') limits.format = check.format;
        break;
      case 'number_format':
        limits.format = check.format;
        break;
      case 'min_length':
        limits.minimum = check.minimum;
        break;
      case 'max_length':
        limits.maximum = check.maximum;
        break;
      case 'length_equals':
        limits.minimum = check.length;
        limits.maximum = check.length;
        break;
      case 'greater_than':
        if (check.inclusive) limits.minimum = check.value;
        else limits.exclusiveMinimum = check.value;
        break;
      case 'less_than':
        if (check.inclusive) limits.maximum = check.value;
        else limits.exclusiveMaximum = check.value;
        break;
      case 'multiple_of':
        limits.multipleOf = check.value;
        break;
    }
  }
  return limits;
}

/** Strings the app's fields hold, by field name; null when the name says nothing. */
export interface FieldHints {
  /** Dates around the clinic's "today", as YYYY-MM-DD. */
  dates: readonly string[];
  /** Integer ids worth hitting (the seeded rows), by field name; the generic list otherwise. */
  ids: (field: string) => readonly number[];
  /** Strings worth trying for a field (a document id, a setting name, a password). */
  strings: (field: string) => readonly string[];
}

const TIMES = Array.from({ length: 4 * 14 }, (_, i) => 6 * 60 + i * 15).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const ZONES = ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata'];

function hinted(field: string, hints: FieldHints): fc.Arbitrary<string> | null {
  const name = field.toLowerCase();
  const extra = hints.strings(field);
  const pool = (values: readonly string[]) => fc.constantFrom(...values, ...extra);
  if (name === 'smtphost' || name === 'host') return fc.constant('127.0.0.1'); // a closed port answers at once: no waiting on the network
  if (/zone/.test(name)) return pool(ZONES);
  if (/month$/.test(name)) return pool(['2026-11', '2026-12', '2027-01']);
  if (/date|birth|until|^from$|^to$/.test(name)) return pool(hints.dates);
  if (/time$/.test(name)) return pool([...TIMES, '24:00']);
  if (/email/.test(name)) return fc.integer({ min: 1, max: 40 }).map((n) => `generated.person${n}@example.test`);
  if (/lastfour/.test(name)) return fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  // numbers as people write them, of a length their country's numbering plan allows
  if (/phone|fax/.test(name)) return fc.integer({ min: 10, max: 99 }).chain((n) => fc.constantFrom(`+1 (555) 010-01${n}`, `+44 7700 900 1${n}`));
  if (/key$/.test(name)) return fc.uuid();
  if (extra.length > 0) return fc.constantFrom(...extra);
  return null;
}

function stringArbitrary(bag: Limits, field: string, hints: FieldHints): fc.Arbitrary<string> {
  const minLength = bag.minimum ?? 0;
  const maxLength = Math.min(bag.maximum ?? 40, Math.max(minLength, 40));
  const patterns = bag.patterns;
  let generic: fc.Arbitrary<string>;
  if (bag.format === 'uuid' || bag.format === 'guid') generic = fc.uuid();
  else if (bag.format === 'email' || patterns.some((p) => p.source.includes('@'))) generic = fc.integer({ min: 1, max: 40 }).map((n) => `generated.person${n}@example.test`);
  else if (patterns.length > 0) generic = fc.stringMatching(patterns[0]!, { size: 'small' }).filter((s) => s.length >= minLength && s.length <= (bag.maximum ?? Infinity));
  else generic = fc.string({ minLength, maxLength, unit: 'grapheme' });
  const hint = hinted(field, hints);
  return hint ? fc.oneof({ arbitrary: hint, weight: 4 }, { arbitrary: generic, weight: 1 }) : generic;
}

function numberArbitrary(bag: Limits, field: string, hints: FieldHints): fc.Arbitrary<number> {
  const integer = bag.format === 'safeint' || bag.format === 'int32' || bag.format === 'uint32';
  // .int() alone bounds a number by the safe integers: keep to a range a field could hold
  const step = integer ? 1 : 0.001;
  const min = Math.max(bag.minimum ?? -1000, bag.exclusiveMinimum !== undefined ? bag.exclusiveMinimum + step : -Infinity, -1_000_000);
  const max = Math.min(bag.maximum ?? 1000, bag.exclusiveMaximum !== undefined ? bag.exclusiveMaximum - step : Infinity, 1_000_000);
  const step2 = bag.multipleOf;
  const generic = step2
    ? fc.integer({ min: Math.ceil(min / step2), max: Math.floor(max / step2) }).map((n) => n * step2)
    : integer
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const ids = hints.ids(field).filter((id) => id >= min && id <= max);
  return ids.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: generic, weight: 1 }) : generic;
}

/** Values shaped by `schema`; `field` is the name of the property it sits under. */
export function arbitraryOf(schema: z.ZodType, hints: FieldHints, field = '', depth = 0): fc.Arbitrary<unknown> {
  const { def } = internals(schema);
  const bag = limitsOf(schema);
  const inner = (s: z.ZodType, name = field) => arbitraryOf(s, hints, name, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(bag, field, hints);
    case 'number':
    case 'int':
      return numberArbitrary(bag, field, hints);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'date':
      return fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });
    case 'optional':
      return fc.option(inner(def.innerType!), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(def.innerType!), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType!), { nil: undefined, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType!);
    case 'pipe':
      return inner(def.in!);
    case 'lazy':
      return depth > 6 ? fc.constant(undefined) : inner(def.getter!());
    case 'array': {
      const minLength = bag.minimum ?? 0;
      const maxLength = Math.min(bag.maximum ?? 4, Math.max(minLength, 4));
      return fc.array(inner(def.element!), { minLength, maxLength });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => inner(item)));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'intersection':
      return fc.tuple(inner(def.left!), inner(def.right!)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'record':
      return fc.dictionary(inner(def.keyType!) as fc.Arbitrary<string>, inner(def.valueType!), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) record[key] = inner(value, key);
      // optional keys left out rather than set to undefined: what a renderer sends
      return fc.record(record).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
    }
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      throw new Error(`No generator for zod type "${def.type}" (field "${field}")`);
  }
}
