import { isLocalId } from '../../../../../shared/domain/sync/local-ids';

/**
 * Records created offline get ids the server never assigned (local ids for rows, fresh object
 * ids for documents). When the server takes such a record it gives it its own id; every later
 * change that points at it is rewritten before it is replayed. Pure: JSON values in, JSON out.
 */
export type IdMap = Map<number | string, number | string>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys whose values name a record: `id`, `_id` and anything ending in `Id`. */
const namesRecord = (key: string) => key === 'id' || key === '_id' || key.endsWith('Id');

/** The value with every id the map knows replaced by the server's. */
export function remapIds<T>(value: T, ids: ReadonlyMap<number | string, number | string>): T {
  if (ids.size === 0) return value;
  const walk = (node: Json): Json => {
    if (typeof node === 'number') return isLocalId(node) ? (ids.get(node) ?? node) : node;
    if (typeof node === 'string') return ids.get(node) ?? node;
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value as Json) as T;
}

/** Local ids still in the value: it points at a record the server has not taken. */
export function localIdsIn(value: unknown): number[] {
  const found: number[] = [];
  const walk = (node: unknown): void => {
    if (isLocalId(node)) found.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return found;
}

/**
 * Learns which server ids the local ids became, from what one change returned offline and what
 * the same change returned on the server: the two answers have the same shape, so a record id
 * at the same place names the same record.
 */
export function learnIds(local: unknown, server: unknown, into: IdMap): void {
  const walk = (a: unknown, b: unknown, key: string | null): void => {
    if (isLocalId(a)) {
      if (typeof b === 'number' && !isLocalId(b)) into.set(a, b);
      return;
    }
    if (typeof a === 'string' && typeof b === 'string') {
      if (key !== null && namesRecord(key) && a !== b) into.set(a, b);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      a.forEach((item, i) => walk(item, b[i], key));
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const other = b as Record<string, unknown>;
      for (const [k, v] of Object.entries(a)) walk(v, other[k], k);
    }
  };
  walk(local, server, null);
}
