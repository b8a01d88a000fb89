import type { Sequelize } from 'sequelize';
import { defineAdmin, type Admin } from './admin';
import { defineAppointment, type Appointment } from './appointment';
import { defineClinicSetting, type ClinicSetting } from './clinic-setting';
import { defineDoctor, type Doctor } from './doctor';
import { defineDoctorAvailability, type DoctorAvailability } from './doctor-availability';
import { defineDoctorUnavailableDate, type DoctorUnavailableDate } from './doctor-unavailable-date';
import { definePatient, type Patient } from './patient';
import { defineBookingRequest, type BookingRequest } from './booking-request';
import { defineAppointmentSeries, type AppointmentSeries } from './appointment-series';

export type { AppointmentSeries };
import { defineLoginFailure, type LoginFailure } from './login-failure';
import { defineAuditOutbox, type AuditOutbox } from './audit-outbox';

export type { Admin, Appointment, AuditOutbox, BookingRequest, LoginFailure, ClinicSetting, Doctor, DoctorAvailability, DoctorUnavailableDate, Patient };

export interface SqlModels {
  Patient: typeof Patient;
  Doctor: typeof Doctor;
  Admin: typeof Admin;
  Appointment: typeof Appointment;
  DoctorAvailability: typeof DoctorAvailability;
  DoctorUnavailableDate: typeof DoctorUnavailableDate;
  ClinicSetting: typeof ClinicSetting;
  BookingRequest: typeof BookingRequest;
  AppointmentSeries: typeof AppointmentSeries;
  LoginFailure: typeof LoginFailure;
  AuditOutbox: typeof AuditOutbox;
}

/**
 * The seven models of the seed schema on one Sequelize instance, with their associations. The
 * ON DELETE rules live in the database (first migration), not in Sequelize hooks, so deleting
 * with raw SQL or from another workstation behaves the same.
 */
export function defineModels(sequelize: Sequelize): SqlModels {
  const models: SqlModels = {
    Patient: definePatient(sequelize),
    Doctor: defineDoctor(sequelize),
    Admin: defineAdmin(sequelize),
    Appointment: defineAppointment(sequelize),
    DoctorAvailability: defineDoctorAvailability(sequelize),
    DoctorUnavailableDate: defineDoctorUnavailableDate(sequelize),
    ClinicSetting: defineClinicSetting(sequelize),
    BookingRequest: defineBookingRequest(sequelize),
    AppointmentSeries: defineAppointmentSeries(sequelize),
    LoginFailure: defineLoginFailure(sequelize),
    AuditOutbox: defineAuditOutbox(sequelize),
  };
  const { Patient, Doctor, Admin, Appointment, DoctorAvailability, DoctorUnavailableDate, ClinicSetting } = models;

  Patient.hasMany(Appointment, { foreignKey: 'patientId', as: 'appointments' });
  Appointment.belongsTo(Patient, { foreignKey: 'patientId', as: 'patient' });

  Doctor.hasMany(Appointment, { foreignKey: 'doctorId', as: 'appointments' });
  Appointment.belongsTo(Doctor, { foreignKey: 'doctorId', as: 'doctor' });

  Doctor.hasMany(DoctorAvailability, { foreignKey: 'doctorId', as: 'availability' });
  DoctorAvailability.belongsTo(Doctor, { foreignKey: 'doctorId', as: 'doctor' });

  Doctor.hasMany(DoctorUnavailableDate, { foreignKey: 'doctorId', as: 'unavailableDates' });
  DoctorUnavailableDate.belongsTo(Doctor, { foreignKey: 'doctorId', as: 'doctor' });

  Admin.hasMany(ClinicSetting, { foreignKey: 'updatedBy', as: 'settingsUpdated' });
  ClinicSetting.belongsTo(Admin, { foreignKey: 'updatedBy', as: 'updater' });

  return models;
}
