import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocalId, localIdBase, localIdTable, LOCAL_ID_TABLES } from '../../../shared/domain/sync/local-ids';
import { learnIds, localIdsIn, remapIds, type IdMap } from '../../../electron/main/services/sync/outbox/id-remap';

const localId = (table: (typeof LOCAL_ID_TABLES)[number], n: number) => localIdBase(table) + n;

describe('local ids', () => {
  it('name their table and never look like a server id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCAL_ID_TABLES), fc.nat(2 ** 40), fc.nat(2 ** 31), (table, n, serverId) => {
        const id = localId(table, n);
        expect(isLocalId(id)).toBe(true);
        expect(Number.isSafeInteger(id)).toBe(true);
        expect(localIdTable(id)).toBe(table);
        expect(isLocalId(serverId)).toBe(false);
      }),
    );
  });
});

describe('remapping offline ids', () => {
  it('learns the server ids from the two answers of the same change, nested ones included', () => {
    const ids: IdMap = new Map();
    const patient = localId('patients', 1);
    const appointment = localId('appointments', 7);
    learnIds(
      { entry: { id: localId('walk_in_queue', 3), patientId: patient }, appointment: { id: appointment, patientId: patient, time: '09:00' } },
      { entry: { id: 41, patientId: 12 }, appointment: { id: 977, patientId: 12, time: '09:00' } },
      ids,
    );
    expect(ids.get(patient)).toBe(12);
    expect(ids.get(appointment)).toBe(977);
    expect(ids.get(localId('walk_in_queue', 3))).toBe(41);
  });

  it('learns a document id written offline, and nothing from values that only differ', () => {
    const ids: IdMap = new Map();
    learnIds({ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', diagnosis: 'x', version: 1 }, { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', diagnosis: 'y', version: 2 }, ids);
    expect([...ids]).toEqual([['aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb']]);
  });

  it('rewrites every known local id in a later change, leaves the rest, and reports what it cannot map', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 2 ** 31 }), (a, b, serverId) => {
        const known = localId('patients', a);
        const unknown = localId('appointments', b);
        const ids: IdMap = new Map([[known, serverId]]);
        const change = { patientId: known, appointmentId: unknown, doctorId: 3, list: [known, 5], note: 'text' };
        const rewritten = remapIds(change, ids);
        expect(rewritten).toEqual({ patientId: serverId, appointmentId: unknown, doctorId: 3, list: [serverId, 5], note: 'text' });
        expect(localIdsIn(rewritten)).toEqual([unknown]);
        expect(change.patientId).toBe(known); // the original is not changed
      }),
    );
  });
});
