import type { SqlMigration } from './migration';
import * as seedSchema from './202611250001-seed-schema';
import * as schedulingAdditions from './202611250101-scheduling-additions';
import * as appointmentSeries from './202611250201-appointment-series';
import * as signInAndAudit from './202611250301-sign-in-and-audit';
import * as appointmentArrival from './202611250401-appointment-arrival';
import * as patientSearch from './202611250501-patient-search';
import * as walkInQueue from './202611250502-walk-in-queue';
import * as waitingList from './202611250503-waiting-list';
import * as calendarDayIndex from './202611250601-calendar-day-index';
import * as doctorSigningKeys from './202611250701-doctor-signing-keys';
import * as reportIndexes from './202611250801-report-indexes';
import * as communications from './202611250901-communications';
import * as syncCursors from './202611251101-sync-cursors';
import * as syncOutbox from './202611251201-sync-outbox';
import * as offlineVerifiers from './202611251202-offline-verifiers';
import * as copySyncAndIntegrity from './202612060101-copy-sync-and-integrity';
import * as visitSteps from './202612060201-visit-steps';
import * as patientAllergies from './202612070101-patient-allergies';

/**
 * Every migration, oldest first, each named after its file. Listed by hand because the main
 * process is bundled: there is no migrations folder to scan at run time. Add new ones at the
 * end with a later YYYYMMDDHHMM prefix; never edit or remove a landed one.
 */
export const MIGRATIONS: readonly SqlMigration[] = [
  { name: '202611250001-seed-schema', up: seedSchema.up, down: seedSchema.down },
  { name: '202611250101-scheduling-additions', up: schedulingAdditions.up, down: schedulingAdditions.down },
  { name: '202611250201-appointment-series', up: appointmentSeries.up, down: appointmentSeries.down },
  { name: '202611250301-sign-in-and-audit', up: signInAndAudit.up, down: signInAndAudit.down },
  { name: '202611250401-appointment-arrival', up: appointmentArrival.up, down: appointmentArrival.down },
  { name: '202611250501-patient-search', up: patientSearch.up, down: patientSearch.down },
  { name: '202611250502-walk-in-queue', up: walkInQueue.up, down: walkInQueue.down },
  { name: '202611250503-waiting-list', up: waitingList.up, down: waitingList.down },
  { name: '202611250601-calendar-day-index', up: calendarDayIndex.up, down: calendarDayIndex.down },
  { name: '202611250701-doctor-signing-keys', up: doctorSigningKeys.up, down: doctorSigningKeys.down },
  { name: '202611250801-report-indexes', up: reportIndexes.up, down: reportIndexes.down },
  { name: '202611250901-communications', up: communications.up, down: communications.down },
  { name: '202611251101-sync-cursors', up: syncCursors.up, down: syncCursors.down },
  { name: '202611251201-sync-outbox', up: syncOutbox.up, down: syncOutbox.down },
  { name: '202611251202-offline-verifiers', up: offlineVerifiers.up, down: offlineVerifiers.down },
  { name: '202612060101-copy-sync-and-integrity', up: copySyncAndIntegrity.up, down: copySyncAndIntegrity.down },
  { name: '202612060201-visit-steps', up: visitSteps.up, down: visitSteps.down },
  { name: '202612070101-patient-allergies', up: patientAllergies.up, down: patientAllergies.down },
];
