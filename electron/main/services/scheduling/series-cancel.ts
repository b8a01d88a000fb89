import { checkTransition } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SeriesCancellation } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { cancelledByFor } from './actor';
import { toAppointmentView } from './appointment-view';
import { startInstant } from './booking';
import { systemMinuteClock, type EpochMinuteClock } from '../../../../shared/domain/clock';
import { cancellationTerms } from './cancellation-policy';
import { loadClinicSettings } from './rules';

export interface CancelSeriesInput {
  seriesId: number;
  /** Cancel this visit and every later one of the series; without it, the whole series. */
  fromAppointmentId?: number;
  reason?: string | null;
}

/**
 * Cancels a whole series, or one visit and all later ones, in one transaction. Only visits that
 * are still live (Scheduled or Confirmed) and not yet started change; each gets the
 * cancellation policy of a single cancel (a late one needs the reason, and without it nothing
 * is cancelled).
 */
export async function cancelSeries(sql: SqlStore, input: CancelSeriesInput, user: SessionUser, clock: EpochMinuteClock = systemMinuteClock): Promise<SeriesCancellation> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const series = await sql.models.AppointmentSeries.findByPk(input.seriesId, { attributes: ['id', 'patientId'], transaction });
    if (!series) throw new AppFailure('NOT_FOUND', 'That series does not exist.');
    const visits = await sql.models.Appointment.findAll({ where: { seriesId: series.id }, transaction, lock: transaction.LOCK.UPDATE });
    const withStart = visits.map((row) => ({ row, startsAt: startInstant(row, settings.timezone) }));

    let cutoff = Number.NEGATIVE_INFINITY;
    if (input.fromAppointmentId !== undefined) {
      const from = withStart.find((v) => v.row.id === input.fromAppointmentId);
      if (!from) throw new AppFailure('NOT_FOUND', 'That appointment is not a visit of this series.', { field: 'fromAppointmentId' });
      cutoff = from.startsAt;
    }
    const chosen = withStart.filter((v) => v.startsAt >= cutoff);
    const cancellable = chosen.filter((v) => v.startsAt > now && checkTransition(v.row.status, 'Cancelled', v.startsAt, now).ok);

    // Every visit is checked before any is written: one late visit without a reason stops them all.
    const terms = cancellable.map((v) => ({ ...v, ...cancellationTerms(v.startsAt, now, settings.lateCancellationHours, input.reason) }));
    const cancelledAt = new Date(now * 60000);
    const cancelledBy = cancelledByFor(user);
    const reason = input.reason?.trim() || null;
    for (const late of [false, true]) {
      const ids = terms.filter((t) => t.late === late).map((t) => t.row.id);
      if (ids.length === 0) continue;
      await sql.models.Appointment.update(
        { status: 'Cancelled', cancelledAt, cancelledBy, cancellationReason: reason, lateCancellation: late },
        { where: { id: ids }, transaction },
      );
    }
    // Read back: the views carry what the database stored (updated_at included).
    const cancelled = terms.length === 0 ? [] : await sql.models.Appointment.findAll({
      where: { id: terms.map((t) => t.row.id) },
      order: [['appointmentDate', 'ASC'], ['appointmentTime', 'ASC']],
      transaction,
    });
    return { seriesId: series.id, patientId: series.patientId, cancelled: cancelled.map(toAppointmentView), untouched: chosen.length - cancelled.length };
  });
}
