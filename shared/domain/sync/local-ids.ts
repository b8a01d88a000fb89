/**
 * Ids of rows a workstation creates while the clinic server is away. Each mirrored table gets
 * its own range far above anything a server assigns (2^50 + k·2^44), so an id names its table
 * and can never clash with a server id: the outbox remaps it to the server's id on replay, in
 * every later change that points at it. All stay below 2^53, exact in JSON and JavaScript.
 */
export const LOCAL_ID_TABLES = [
  'patients',
  'appointments',
  'appointment_series',
  'doctor_availability',
  'doctor_unavailable_dates',
  'walk_in_queue',
  'waiting_list',
  'clinic_settings',
] as const;
export type LocalIdTable = (typeof LOCAL_ID_TABLES)[number];

const LOCAL_ID_BASE = 2 ** 50;
/** The lowest id a workstation makes up offline, for queries over every local range. */
export const LOWEST_LOCAL_ID = LOCAL_ID_BASE;
const RANGE = 2 ** 44;

export function localIdBase(table: LocalIdTable): number {
  return LOCAL_ID_BASE + LOCAL_ID_TABLES.indexOf(table) * RANGE;
}

/** True for an id this workstation made up offline: not on the clinic server (yet). */
export function isLocalId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= LOCAL_ID_BASE;
}

export function localIdTable(id: number): LocalIdTable | null {
  if (!isLocalId(id)) return null;
  return LOCAL_ID_TABLES[Math.floor((id - LOCAL_ID_BASE) / RANGE)] ?? null;
}
