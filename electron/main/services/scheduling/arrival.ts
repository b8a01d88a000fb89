import { checkArrival, instantToWall } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { toAppointmentView } from './appointment-view';
import { systemMinuteClock, type EpochMinuteClock } from '../../../../shared/domain/clock';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { loadClinicSettings } from './rules';

/**
 * Records that the patient has arrived (front desk or kiosk): sets checked_in_at and confirms a
 * Scheduled visit, in one transaction under the row lock so two desks cannot record it twice.
 */
export async function recordArrival(sql: SqlStore, appointmentId: number, clock: EpochMinuteClock = systemMinuteClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await sql.models.Appointment.findByPk(appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
    const check = checkArrival({ status: row.status, date: row.appointmentDate, checkedIn: row.checkedInAt != null }, today, displayLocaleOf(settings));
    if (!check.ok) throw new AppFailure(check.code, check.message);
    if (!check.alreadyRecorded) await row.update({ checkedInAt: new Date(now * 60_000), status: check.newStatus }, { transaction });
    return toAppointmentView(row);
  });
}
