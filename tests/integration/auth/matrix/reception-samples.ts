import { randomInt } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { ReceptionChannelName } from '../../../../shared/ipc/reception/channel-names';
import { tomorrow } from '../accounts-fixture';
import { joinWalkInQueue } from '../../../../electron/main/services/reception/walk-in-queue';
import { addToWaitingList } from '../../../../electron/main/services/reception/waiting-list';
import { fixedClock } from '../../scheduling/clinic-fixture';
import type { FeatureSamples } from './types';

const day = tomorrow();
let sequence = 0;
/** Tells this run's people from an earlier run's, without reading the clock. */
const RUN = randomInt(10_000, 100_000);

const generatedPatient = () => ({
  firstName: 'Generated',
  lastName: `Matrixperson${++sequence}`,
  email: `matrix.patient.${sequence}.${RUN}@patients.example`,
  phone: `+1 555 01${String(sequence).padStart(2, '0')} 770`,
  dateOfBirth: '1979-03-14',
  gender: 'Other' as const,
});

const windowOf = (patientId: number, doctorId: number) => ({
  patientId,
  doctorId,
  fromDate: day,
  toDate: day,
  earliestTime: '08:00',
  latestTime: '18:00',
  priority: 2,
});

/** Sample calls of the reception channels. */
export const RECEPTION_SAMPLES: FeatureSamples<ReceptionChannelName> = {
  samples: {
    'patients.search': { input: () => ({ query: 'Lov' }) },
    'patients.get': { input: (f) => ({ patientId: f.patientIds[3] }) },
    'patients.register': { input: () => ({ patient: generatedPatient(), acknowledgeDuplicates: true }) },
    'patients.update': {
      input: (f) => ({
        patientId: f.patientIds[3],
        patient: { ...generatedPatient(), firstName: 'Odessa', lastName: 'Quillmere' },
        acknowledgeDuplicates: true,
      }),
    },
    'patients.setActive': { input: (f) => ({ patientId: f.patientIds[3], active: true }) },
    'walkIns.join': { input: (f) => ({ patientId: f.patientIds[1] }) },
    'walkIns.list': { input: () => ({}) },
    'walkIns.remove': { input: (f) => ({ entryId: f.extra.get('reception.walkInToRemove') }) },
    'walkIns.book': {
      input: (f) => ({
        entryId: f.extra.get('reception.walkInToBook'),
        doctorId: f.doctorId,
        date: day,
        time: '14:00',
        idempotencyKey: `matrix-walkin-${++sequence}`,
      }),
    },
    'waitingList.add': { input: (f) => ({ ...windowOf(f.patientIds[1]!, f.doctorId), priority: 3 }) },
    'waitingList.list': { input: () => ({ withSlots: true }) },
    'waitingList.remove': { input: (f) => ({ entryId: f.extra.get('reception.waitingToRemove') }) },
    'waitingList.offers': { input: (f) => ({ doctorId: f.doctorId, date: day, time: '14:30', durationMinutes: 30 }) },
    'waitingList.book': {
      input: (f) => ({
        entryId: f.extra.get('reception.waitingToBook'),
        doctorId: f.doctorId,
        date: day,
        time: '14:30',
        idempotencyKey: `matrix-waiting-${++sequence}`,
      }),
    },
  },
  async prepare(workstation, _role, fixture) {
    const { sql } = workstation.runtime.stores();
    const [p0, , p2] = fixture.patientIds as [number, number, number, number];
    fixture.extra.set('reception.walkInToBook', (await joinWalkInQueue(sql, { patientId: p0 }, fixedClock())).id);
    fixture.extra.set('reception.walkInToRemove', (await joinWalkInQueue(sql, { patientId: p2 }, fixedClock())).id);
    fixture.extra.set(
      'reception.waitingToRemove',
      (await addToWaitingList(sql, windowOf(p0, fixture.doctorId), fixedClock())).id,
    );
    fixture.extra.set(
      'reception.waitingToBook',
      (await addToWaitingList(sql, windowOf(p2, fixture.doctorId), fixedClock())).id,
    );
  },
  async fingerprint(workstation) {
    const { sql } = workstation.runtime.stores();
    const read = (query: string) => sql.sequelize.query(query, { type: QueryTypes.SELECT });
    return Promise.all([
      read('SELECT id, first_name, last_name, email, phone, is_active FROM patients ORDER BY id'),
      read('SELECT id, status, appointment_id FROM walk_in_queue ORDER BY id'),
      read('SELECT id, status, appointment_id FROM waiting_list ORDER BY id'),
    ]);
  },
};
