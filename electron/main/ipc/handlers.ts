import type { Handlers } from './handler-types';
import { adminHandlers } from './admin-handlers';
import { appHandlers } from './app-handlers';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backups-handlers';
import { calendarHandlers } from './calendar-handlers';
import { communicationHandlers } from './communications-handlers';
import { consistencyHandlers } from './consistency-handlers';
import { doctorHandlers } from './doctor-handlers';
import { kioskHandlers } from './kiosk-handlers';
import { receptionHandlers } from './reception-handlers';
import { schedulingHandlers } from './scheduling-handlers';
import { searchHandlers } from './search-handlers';
import { sessionHandlers } from './session-handlers';
import { staffHandlers } from './staff-handlers';
import { syncHandlers } from './sync-handlers';

/** Every feature's handlers, joined; the compiler refuses a channel of the contract without one. */
export const handlers: Handlers = {
  ...appHandlers,
  ...sessionHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...schedulingHandlers,
  ...receptionHandlers,
  ...calendarHandlers,
  ...doctorHandlers,
  ...adminHandlers,
  ...communicationHandlers,
  ...kioskHandlers,
  ...backupHandlers,
  ...syncHandlers,
  ...consistencyHandlers,
  ...searchHandlers,
};
