import type { ReceptionChannelName } from '../../../shared/ipc/reception/channel-names';
import {
  getPatientRecord,
  registerPatient,
  searchPatientPage,
  setPatientActive,
  setPatientAllergies,
  updatePatient,
} from '../services/reception/patients';
import {
  bookWalkIn,
  joinWalkInQueue,
  listWalkInQueue,
  removeFromWalkInQueue,
} from '../services/reception/walk-in-queue';
import {
  addToWaitingList,
  bookFromWaitingList,
  listWaitingList,
  offersForOpenedSlot,
  removeFromWaitingList,
} from '../services/reception/waiting-list';
import { afterPersonChanged } from '../services/consistency/copy-sync-hooks';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per reception channel; each calls one service. */
export const receptionHandlers: HandlersOf<ReceptionChannelName> = {
  'patients.search': async (input, { runtime }) => searchPatientPage(runtime.stores().sql, input),
  'patients.get': async (input, { runtime, clock }) => getPatientRecord(runtime.stores().sql, input.patientId, clock),
  'patients.register': async (input, { runtime, clock }) => registerPatient(runtime.stores().sql, input, clock),
  'patients.update': async (input, { runtime, clock, session }) => {
    const updated = await updatePatient(runtime.stores().sql, input, clock);
    await afterPersonChanged(runtime, session.workstation, 'patient', input.patientId);
    return updated;
  },
  'patients.allergies.set': async (input, ctx) => setPatientAllergies(ctx.runtime.stores().sql, signedInUser(ctx), input),
  'patients.setActive': async (input, { runtime }) => setPatientActive(runtime.stores().sql, input),
  'walkIns.join': async (input, { runtime, clock }) => joinWalkInQueue(runtime.stores().sql, input, clock),
  'walkIns.list': async (_input, { runtime, clock }) => listWalkInQueue(runtime.stores().sql, clock),
  'walkIns.remove': async (input, { runtime, clock }) =>
    removeFromWalkInQueue(runtime.stores().sql, input.entryId, clock),
  'walkIns.book': async (input, { runtime, clock }) => bookWalkIn(runtime.stores().sql, input, clock),
  'waitingList.add': async (input, { runtime, clock }) => addToWaitingList(runtime.stores().sql, input, clock),
  'waitingList.list': async (input, { runtime, clock }) => listWaitingList(runtime.stores().sql, input, clock),
  'waitingList.remove': async (input, { runtime, clock }) =>
    removeFromWaitingList(runtime.stores().sql, input.entryId, clock),
  'waitingList.offers': async (input, { runtime }) => offersForOpenedSlot(runtime.stores().sql, input),
  'waitingList.book': async (input, { runtime, clock }) => bookFromWaitingList(runtime.stores().sql, input, clock),
};
