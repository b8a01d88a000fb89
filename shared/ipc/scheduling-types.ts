import type { AppointmentStatus } from '../domain/scheduling/lifecycle';

export const APPOINTMENT_TYPES = ['Consultation', 'Follow-up', 'Emergency', 'Check-up'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export interface AppointmentView {
  id: number;
  patientId: number;
  doctorId: number;
  date: string;
  /** 'HH:MM', clinic wall clock */
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  patientNotes: string | null;
  cancelledAt: string | null;
  cancelledBy: 'Patient' | 'Doctor' | 'Admin' | null;
  cancellationReason: string | null;
  lateCancellation: boolean;
  updatedAt: string;
}

export interface SlotView {
  doctorId: number;
  doctorName: string;
  specialization: string;
  date: string;
  time: string;
  durationMinutes: number;
}
