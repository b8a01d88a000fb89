import type { Appointment } from '../../data/sql/models';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';

export function toAppointmentView(row: Appointment): AppointmentView {
  return {
    id: row.id,
    patientId: row.patientId,
    doctorId: row.doctorId,
    date: row.appointmentDate,
    time: row.appointmentTime.slice(0, 5),
    durationMinutes: row.durationMinutes,
    status: row.status,
    appointmentType: row.appointmentType,
    patientNotes: row.patientNotes ?? null,
    cancelledAt: row.cancelledAt ? new Date(row.cancelledAt).toISOString() : null,
    cancelledBy: row.cancelledBy ?? null,
    cancellationReason: row.cancellationReason ?? null,
    lateCancellation: Boolean(row.lateCancellation),
    checkedInAt: row.checkedInAt ? new Date(row.checkedInAt).toISOString() : null,
    inRoomAt: row.inRoomAt ? new Date(row.inRoomAt).toISOString() : null,
    withDoctorAt: row.withDoctorAt ? new Date(row.withDoctorAt).toISOString() : null,
    checkedOutAt: row.checkedOutAt ? new Date(row.checkedOutAt).toISOString() : null,
    walkIn: Boolean(row.walkIn),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
