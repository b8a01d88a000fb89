import { z } from 'zod';
import { isStorableText, UNSAFE_TEXT_MESSAGE } from '../domain/text';

/**
 * Field builders shared by the four document collections. Messages name the field in words a
 * receptionist understands; the path (e.g. `ratings.overall`) is added by whoever reports them.
 */

/** An error message for a missing value, or for a value of the wrong type. */
export const missingOr = (label: string, wrongType: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `${label} is required` : wrongType;

/** A row id of the relational store (patients.id, doctors.id, appointments.id, ...). */
export const recordId = (label: string) =>
  z
    .number({ error: missingOr(label, `${label} must be a number`) })
    .int(`${label} must be a whole number`)
    .positive(`${label} must be a positive id`);

/**
 * A point in time. Callers may pass a Date or an ISO 8601 string with a zone (what JSON and the
 * IPC bridge carry); the document always holds a Date. Strings without a zone are refused, since
 * they would be read in whatever zone the workstation happens to be in.
 */
export const instant = (label: string) =>
  z.union(
    [
      z.date({ error: `${label} is not a valid date` }),
      z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
    ],
    { error: missingOr(label, `${label} must be a date or an ISO 8601 date-time with a time zone`) },
  );

export const text = (label: string, max: number) =>
  z
    .string({ error: missingOr(label, `${label} must be text`) })
    .refine(isStorableText, { message: `${label}: ${UNSAFE_TEXT_MESSAGE}`, abort: true })
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`);

export const count = (label: string) =>
  z
    .number({ error: missingOr(label, `${label} must be a number`) })
    .int(`${label} must be a whole number`)
    .nonnegative(`${label} must not be negative`);

export const flag = (label: string) => z.boolean({ error: missingOr(label, `${label} must be true or false`) });

export const oneOf = <const Values extends readonly [string, ...string[]]>(label: string, values: Values) =>
  z.enum(values, { error: missingOr(label, `${label} must be one of: ${values.join(', ')}`) });

export const labels = (label: string, maxItems: number, maxLength: number) =>
  z.array(text(label, maxLength)).max(maxItems, `At most ${maxItems} ${label.toLowerCase()} entries`);

/** Plain JSON: what the free-form parts of a document (metadata, details) may hold in both stores. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** What every stored document adds to the fields a caller supplies. */
export interface StoredIdentity {
  /** 24 hex digits: a MongoDB ObjectId, or an id of the same shape made by the SQLite store. */
  id: string;
}

/** Added by the store to collections whose seed documents carry createdAt/updatedAt. */
export interface StoredTimestamps {
  createdAt: Date;
  updatedAt: Date;
}
