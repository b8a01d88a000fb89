import type { Transaction } from 'sequelize';
import {
  addDays,
  ALTERNATIVE_DAYS_EITHER_SIDE,
  expandSeries,
  planSeries,
  type BusyAppointment,
  type DoctorSchedule,
  type OccurrencePlan,
  type RepeatRule,
  type SchedulingRules,
  type SeriesSlotRequest,
} from '../../../../shared/domain/scheduling';
import type { ClinicSettings } from '../../../../shared/domain/settings-registry';
import { AppFailure } from '../../../../shared/ipc/result';
import type {
  SeriesConflictDetails,
  SeriesOccurrenceCheck,
  SeriesPreview,
  SeriesView,
} from '../../../../shared/ipc/scheduling-types';
import type { AppointmentSeries } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { toAppointmentView } from './appointment-view';
import { lockRow, type BookInput } from './booking';
import { systemMinuteClock, type EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings, schedulingRules } from './rules';
import { loadSchedules, type DoctorSummary } from './schedule-query';
import { toSlotView } from './slot-view';
import { formatDayLong, type DisplayLocale } from '../../../../shared/domain/display-format';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';

/** A single booking's fields for the first visit; the rule repeats its weekday and wall-clock time. */
export type SeriesRequest = Omit<BookInput, 'idempotencyKey'> & { repeat: RepeatRule };

export interface OccurrenceOverride {
  index: number;
  date: string;
  time: string;
}

export interface BookSeriesInput extends SeriesRequest {
  /** Alternatives picked in the preview: occurrence index → the date and time to book instead. */
  overrides?: readonly OccurrenceOverride[];
  idempotencyKey: string;
}

interface SeriesSituation {
  doctor: DoctorSummary;
  schedule: DoctorSchedule;
  patientAppointments: BusyAppointment[];
}

/** The occurrences of the rule, with any chosen alternatives put in place of the rule's date and time. */
function slotRequests(request: SeriesRequest, zone: string, display: DisplayLocale, overrides: readonly OccurrenceOverride[] = []): SeriesSlotRequest[] {
  const occurrences = expandSeries({ date: request.date, time: request.time }, request.repeat, zone);
  const byIndex = new Map(overrides.map((o, position) => [o.index, { ...o, position }]));
  const requests = occurrences.map((o): SeriesSlotRequest => {
    const chosen = byIndex.get(o.index);
    byIndex.delete(o.index);
    if (!chosen) return { index: o.index, ruleDate: o.date, date: o.date, time: o.time };
    const earliest = addDays(o.date, -ALTERNATIVE_DAYS_EITHER_SIDE);
    const latest = addDays(o.date, ALTERNATIVE_DAYS_EITHER_SIDE);
    if (chosen.date < earliest || chosen.date > latest) {
      throw invalidOverride(chosen.position, 'date', `Visit ${o.index + 1} can move at most ${ALTERNATIVE_DAYS_EITHER_SIDE} days from ${formatDayLong(o.date, display)}.`);
    }
    return { index: o.index, ruleDate: o.date, date: chosen.date, time: chosen.time };
  });
  const [stray] = byIndex.values();
  if (stray) throw invalidOverride(stray.position, 'index', `The series has no visit number ${stray.index + 1}.`);
  return requests;
}

function invalidOverride(position: number, field: string, message: string): AppFailure {
  return new AppFailure('VALIDATION', message, { fields: [{ field: `overrides.${position}.${field}`, message }] });
}

/**
 * The doctor's schedule and the patient's live appointments over the whole series, in one query
 * however many visits: from the day before the earliest date an occurrence may move to (late
 * appointments reach past midnight) to the latest.
 */
async function loadSituation(
  sql: SqlStore,
  request: Pick<SeriesRequest, 'doctorId' | 'patientId'>,
  requests: readonly SeriesSlotRequest[],
  transaction?: Transaction,
): Promise<SeriesSituation> {
  const first = requests[0]?.ruleDate as string;
  const last = requests[requests.length - 1]?.ruleDate as string;
  const from = addDays(first, -ALTERNATIVE_DAYS_EITHER_SIDE - 1);
  const to = addDays(last, ALTERNATIVE_DAYS_EITHER_SIDE);
  const { doctors, schedules, patientAppointments } = await loadSchedules(sql.sequelize, { doctorIds: [request.doctorId] }, from, to, transaction, {
    patientId: request.patientId,
  });
  const doctor = doctors[0];
  const schedule = schedules.get(request.doctorId);
  if (!doctor || !schedule) throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  return { doctor, schedule, patientAppointments };
}

function toCheck(plan: OccurrencePlan, doctor: DoctorSummary): SeriesOccurrenceCheck {
  const where = { index: plan.index, ruleDate: plan.ruleDate, date: plan.date, time: plan.time };
  if (plan.ok) return { ...where, ok: true };
  return { ...where, ok: false, code: plan.code, message: plan.message, alternatives: plan.alternatives.map((slot) => toSlotView(doctor, slot)) };
}

function plan(situation: SeriesSituation, requests: readonly SeriesSlotRequest[], durationMinutes: number, rules: SchedulingRules, now: number): SeriesOccurrenceCheck[] {
  return planSeries(requests, durationMinutes, situation.schedule, situation.patientAppointments, rules, now).map((p) => toCheck(p, situation.doctor));
}

async function prepare(sql: SqlStore, request: SeriesRequest, overrides?: readonly OccurrenceOverride[]) {
  const settings: ClinicSettings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const durationMinutes = request.durationMinutes ?? settings.defaultDurationMinutes;
  return { rules, durationMinutes, requests: slotRequests(request, rules.timezone, displayLocaleOf(settings), overrides) };
}

/**
 * Checks every visit of a series with the same rules as a single booking and, for each visit
 * that cannot be booked, offers up to three nearby alternatives. Reads only.
 */
export async function previewSeries(sql: SqlStore, input: SeriesRequest, clock: EpochMinuteClock = systemMinuteClock): Promise<SeriesPreview> {
  const { rules, durationMinutes, requests } = await prepare(sql, input);
  const patient = await sql.models.Patient.findByPk(input.patientId, { attributes: ['id', 'isActive'] });
  if (!patient || patient.isActive === false) throw new AppFailure('NOT_FOUND', 'That patient does not exist or is deactivated.');
  const situation = await loadSituation(sql, input, requests);
  const occurrences = plan(situation, requests, durationMinutes, rules, clock());
  return { patientId: input.patientId, doctorId: input.doctorId, durationMinutes, bookable: occurrences.every((o) => o.ok), occurrences };
}

async function seriesView(sql: SqlStore, series: AppointmentSeries, transaction?: Transaction): Promise<SeriesView> {
  const appointments = await sql.models.Appointment.findAll({
    where: { seriesId: series.id },
    order: [['appointmentDate', 'ASC'], ['appointmentTime', 'ASC']],
    transaction,
  });
  return {
    id: series.id,
    patientId: series.patientId,
    doctorId: series.doctorId,
    intervalWeeks: series.intervalWeeks,
    occurrenceCount: series.occurrenceCount ?? null,
    untilDate: series.untilDate ?? null,
    appointments: appointments.map(toAppointmentView),
  };
}

/**
 * Books every visit of a series in one transaction, with the same locks as a single booking
 * (doctor row, then patient row) and the same rules re-checked against committed data. All or
 * nothing: when any visit cannot be booked, SERIES_CONFLICT lists those visits with their
 * alternatives and nothing is written. A retry with the same idempotency key returns the series
 * booked the first time.
 */
export async function bookSeries(sql: SqlStore, input: BookSeriesInput, clock: EpochMinuteClock = systemMinuteClock): Promise<SeriesView> {
  const { rules, durationMinutes, requests } = await prepare(sql, input, input.overrides);
  const now = clock();
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    await lockRow(sql, 'Doctor', input.doctorId, transaction);
    await lockRow(sql, 'Patient', input.patientId, transaction);
    const earlier = await sql.models.AppointmentSeries.findOne({ where: { idempotencyKey: input.idempotencyKey }, transaction });
    if (earlier) return seriesView(sql, earlier, transaction);

    const situation = await loadSituation(sql, input, requests, transaction);
    const checks = plan(situation, requests, durationMinutes, rules, now);
    const conflicts = checks.filter((c): c is Extract<SeriesOccurrenceCheck, { ok: false }> => !c.ok);
    if (conflicts.length > 0) {
      const details: SeriesConflictDetails = { conflicts };
      throw new AppFailure('SERIES_CONFLICT', `${conflicts.length} of ${checks.length} visits cannot be booked as asked; choose an alternative for each.`, details);
    }

    const series = await sql.models.AppointmentSeries.create(
      {
        patientId: input.patientId,
        doctorId: input.doctorId,
        firstDate: input.date,
        startTime: input.time,
        durationMinutes,
        intervalWeeks: input.repeat.intervalWeeks,
        occurrenceCount: 'count' in input.repeat ? input.repeat.count : null,
        untilDate: 'until' in input.repeat ? input.repeat.until : null,
        idempotencyKey: input.idempotencyKey,
      },
      { transaction },
    );
    await sql.models.Appointment.bulkCreate(
      checks.map((c) => ({
        patientId: input.patientId,
        doctorId: input.doctorId,
        appointmentDate: c.date,
        appointmentTime: c.time,
        durationMinutes,
        appointmentType: input.appointmentType ?? 'Consultation',
        patientNotes: input.patientNotes ?? null,
        seriesId: series.id,
      })),
      { transaction },
    );
    return seriesView(sql, series, transaction);
  });
}
