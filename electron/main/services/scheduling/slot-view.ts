import type { SlotView } from '../../../../shared/ipc/scheduling-types';
import type { DoctorSummary } from './schedule-query';

export const doctorDisplayName = (doctor: Pick<DoctorSummary, 'firstName' | 'lastName'>): string => `Dr. ${doctor.firstName} ${doctor.lastName}`;

/** A free slot as the renderer shows it: with the doctor's name and specialization. */
export function toSlotView(doctor: DoctorSummary, slot: { date: string; time: string; durationMinutes: number }): SlotView {
  return {
    doctorId: doctor.id,
    doctorName: doctorDisplayName(doctor),
    specialization: doctor.specialization,
    date: slot.date,
    time: slot.time,
    durationMinutes: slot.durationMinutes,
  };
}
