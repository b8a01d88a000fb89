import { formatClockTime, formatDayLong } from '../../../../shared/domain/display-format';
import { instantToWall, parseTime, wallToInstant } from '../../../../shared/domain/scheduling';
import { type MessageKind, type TemplateValues } from '../../../../shared/domain/communications/templates';
import { displayLocaleOf, type ClinicSettings } from '../../../../shared/domain/settings-registry';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { messageRepository, type AppointmentForMessage } from '../../data/sql/repositories/message-repository';

export type { AppointmentForMessage };

/** Live appointments whose start falls within (now, now + lead]: the reminders due. */
export async function appointmentsStartingWithin(sql: SqlStore, zone: string, now: number, leadMinutes: number): Promise<AppointmentForMessage[]> {
  const appointments = await messageRepository(sql).liveOnDates(instantToWall(now, zone).date, instantToWall(now + leadMinutes, zone).date);
  return appointments.filter((a) => {
    const start = startOf(a, zone);
    return start !== null && start > now && start <= now + leadMinutes;
  });
}

/** Appointments changed (or created) since `since`, starting after `now`: where notices come from. */
export async function appointmentsChangedSince(sql: SqlStore, zone: string, since: Date, now: number): Promise<AppointmentForMessage[]> {
  const appointments = await messageRepository(sql).changedSince(since, instantToWall(now, zone).date);
  return appointments.filter((a) => (startOf(a, zone) ?? -Infinity) > now);
}

export async function appointmentForMessage(sql: SqlStore, appointmentId: number): Promise<AppointmentForMessage | null> {
  return messageRepository(sql).appointment(appointmentId);
}

export function startOf(a: { date: string; time: string }, zone: string): number | null {
  return wallToInstant(a.date, parseTime(a.time), zone);
}

/** The placeholder values of a message about this appointment. */
export function templateValues(a: AppointmentForMessage, settings: ClinicSettings): TemplateValues {
  return {
    clinicName: settings.clinicName,
    patientFirstName: a.patientFirstName,
    patientName: `${a.patientFirstName} ${a.patientLastName}`,
    doctorName: `Dr. ${a.doctorFirstName} ${a.doctorLastName}`,
    date: formatDayLong(a.date, displayLocaleOf(settings)),
    time: formatClockTime(a.time, displayLocaleOf(settings)),
    address: settings.clinicAddress,
  };
}

/** What a claim is keyed on besides the appointment: its slot (reminders, booking and move notices). */
export const slotState = (a: AppointmentForMessage) => `${a.date} ${a.time} d${a.doctorId}`;

export const SLOT_KINDS: readonly MessageKind[] = ['appointment_confirmation', 'appointment_rescheduled'];
