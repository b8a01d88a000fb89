/**
 * The seed's ENUM value lists, exactly as the first migration creates them. The models validate
 * against these so that a bad value is a VALIDATION error naming the field before it reaches the
 * database (which refuses it too: MySQL ENUM, SQLite CHECK).
 */
export const GENDERS = ['Male', 'Female', 'Other'] as const;
export type Gender = (typeof GENDERS)[number];

export const APPOINTMENT_STATUSES = ['Scheduled', 'Confirmed', 'Completed', 'Cancelled', 'No-Show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_TYPES = ['Consultation', 'Follow-up', 'Emergency', 'Check-up'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export const CANCELLED_BY = ['Patient', 'Doctor', 'Admin'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];
