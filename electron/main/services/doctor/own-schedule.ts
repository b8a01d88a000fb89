import type { ConflictResolution, UnavailableBlockInput, WeeklyRange } from '../../../../shared/ipc/admin/availability';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import {
  addUnavailableBlock,
  loadDoctorSchedule,
  previewBlock,
  previewWeeklyChange,
  removeUnavailableBlock,
  saveWeeklyAvailability,
  type OnCancelled,
} from '../availability/doctor-availability';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { doctorIdOf } from './own-records';

/**
 * A doctor's own weekly hours and days off: the admin's availability service, always for the
 * signed-in doctor (the inputs carry no doctor id). Affected visits are listed before anything is
 * saved; a cancellation through it is recorded as cancelled by the doctor.
 */
export const ownSchedule = (sql: SqlStore, user: SessionUser, clock: EpochMinuteClock) => loadDoctorSchedule(sql, doctorIdOf(user), clock);

export const previewOwnWeekly = (sql: SqlStore, user: SessionUser, input: { weekly: WeeklyRange[] }, clock: EpochMinuteClock) =>
  previewWeeklyChange(sql, doctorIdOf(user), input.weekly, clock);

export const saveOwnWeekly = (sql: SqlStore, user: SessionUser, input: { weekly: WeeklyRange[]; resolution: ConflictResolution }, clock: EpochMinuteClock, onCancelled: OnCancelled) =>
  saveWeeklyAvailability(sql, doctorIdOf(user), input.weekly, input.resolution, user, clock, onCancelled);

export const previewOwnBlock = (sql: SqlStore, user: SessionUser, input: { block: UnavailableBlockInput }, clock: EpochMinuteClock) =>
  previewBlock(sql, doctorIdOf(user), input.block, clock);

export const addOwnBlock = (sql: SqlStore, user: SessionUser, input: { block: UnavailableBlockInput; resolution: ConflictResolution }, clock: EpochMinuteClock, onCancelled: OnCancelled) =>
  addUnavailableBlock(sql, doctorIdOf(user), input.block, input.resolution, user, clock, onCancelled);

export const removeOwnBlock = (sql: SqlStore, user: SessionUser, input: { blockId: number }, clock: EpochMinuteClock) =>
  removeUnavailableBlock(sql, doctorIdOf(user), input.blockId, clock);
