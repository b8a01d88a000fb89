import type { FilterScalar, SortDirection } from './document-store';
import { validationFailure } from './validation';

/**
 * The adapter-neutral form of a find/count request. Filters and sorts arrive typed, but they are
 * checked again here: field names end up in SQL and in MongoDB queries, so only the collection's
 * own fields and the five operators pass, never arbitrary keys or `$where`-style operators.
 */

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type Comparison =
  | { field: string; operator: 'eq' | RangeOperator; value: FilterScalar }
  | { field: string; operator: 'in'; values: FilterScalar[] };

export interface SortKey {
  field: string;
  direction: SortDirection;
}

export interface Paging {
  limit: number | undefined;
  skip: number;
}

const RANGE_OPERATORS: Readonly<Record<string, RangeOperator>> = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };

function isScalar(value: unknown): value is FilterScalar {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean';
}

function refuse(field: string, message: string): never {
  throw validationFailure([{ field: `filter.${field}`, message }]);
}

function checkField(field: string, allowed: ReadonlySet<string>, where: 'filter' | 'sort'): void {
  if (!allowed.has(field)) {
    throw validationFailure([{ field: `${where}.${field}`, message: `Unknown field ${field}` }]);
  }
}

function conditionsOf(field: string, condition: unknown): Comparison[] {
  if (isScalar(condition)) return [{ field, operator: 'eq', value: condition }];
  if (condition instanceof Date) refuse(field, 'Not a valid date');
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    refuse(field, 'Expected a value, { $in: [...] } or a range ($gt, $gte, $lt, $lte)');
  }
  const comparisons: Comparison[] = [];
  for (const [key, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    if (key === '$in') {
      if (!Array.isArray(operand) || !operand.every(isScalar)) refuse(field, '$in needs a list of values');
      comparisons.push({ field, operator: 'in', values: [...operand] });
      continue;
    }
    const operator = RANGE_OPERATORS[key];
    if (!operator) refuse(field, `Unsupported operator ${key}`);
    if (typeof operand !== 'number' && !(operand instanceof Date)) refuse(field, `${key} needs a number or a date`);
    if (!isScalar(operand)) refuse(field, `${key} needs a valid number or date`);
    comparisons.push({ field, operator, value: operand });
  }
  return comparisons;
}

export function normalizeFilter(filter: unknown, allowedFields: ReadonlySet<string>): Comparison[] {
  if (filter === undefined) return [];
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw validationFailure([{ field: 'filter', message: 'A filter must be an object' }]);
  }
  const comparisons: Comparison[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (condition === undefined) continue; // lets callers spread optional criteria
    checkField(field, allowedFields, 'filter');
    comparisons.push(...conditionsOf(field, condition));
  }
  return comparisons;
}

export function normalizeSort(sort: unknown, allowedFields: ReadonlySet<string>): SortKey[] {
  if (sort === undefined) return [];
  if (typeof sort !== 'object' || sort === null || Array.isArray(sort)) {
    throw validationFailure([{ field: 'sort', message: 'A sort must be an object' }]);
  }
  const keys: SortKey[] = [];
  for (const [field, direction] of Object.entries(sort)) {
    if (direction === undefined) continue;
    checkField(field, allowedFields, 'sort');
    if (direction !== 'asc' && direction !== 'desc') {
      throw validationFailure([{ field: `sort.${field}`, message: 'Sort direction must be asc or desc' }]);
    }
    keys.push({ field, direction });
  }
  return keys;
}

export function normalizePaging(options: { limit?: number; skip?: number } | undefined): Paging {
  const limit = options?.limit;
  const skip = options?.skip ?? 0;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw validationFailure([{ field: 'limit', message: 'Limit must be a whole number of at least 1' }]);
  }
  if (!Number.isInteger(skip) || skip < 0) {
    throw validationFailure([{ field: 'skip', message: 'Skip must be a whole number of at least 0' }]);
  }
  return { limit, skip };
}
