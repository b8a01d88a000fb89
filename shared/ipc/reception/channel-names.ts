/** Reception: patients, the flow board, the waiting list and the walk-in queue. Names only (no zod), for the preload; see ../channels.ts. */
export const RECEPTION_CHANNEL_NAMES = [
  'patients.search',
  'patients.get',
  'patients.register',
  'patients.update',
  'patients.setActive',
  'patients.allergies.set',
  'walkIns.join',
  'walkIns.list',
  'walkIns.remove',
  'walkIns.book',
  'waitingList.add',
  'waitingList.list',
  'waitingList.remove',
  'waitingList.offers',
  'waitingList.book',
] as const;
export type ReceptionChannelName = (typeof RECEPTION_CHANNEL_NAMES)[number];
