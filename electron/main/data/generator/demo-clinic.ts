import { DateTime } from 'luxon';
import type { Transaction } from 'sequelize';
import { generateClinic, type ClinicSize } from './clinic-generator';
import type { SqlStore } from '../sql/open-sql-store';
import { insertGeneratedClinic } from '../sql/repositories/demo-clinic-repository';
import { inWriteTransaction } from '../sql/write-retry';
import { SETTINGS } from '../../../../shared/domain/settings-registry';
import { DEMO_MEDICATION_INGREDIENTS } from './demo-medications';

export const DEMO_SIZES = {
  small: { doctors: 12, patients: 2_000, appointments: 6_000, pastDays: 60, futureDays: 30 },
  medium: { doctors: 30, patients: 10_000, appointments: 30_000, pastDays: 120, futureDays: 60 },
} as const;
export type DemoSize = keyof typeof DEMO_SIZES;

/** The value of CLINIC_DEMO as a size; anything else (unset, a typo) means no demo data. */
export function demoSizeFrom(value: string | undefined): DemoSize | null {
  const size = value?.trim().toLowerCase();
  return size === 'small' || size === 'medium' ? size : null;
}

/**
 * Generated accounts can never sign in: this is no valid password hash (the sign-in check
 * refuses anything that is not 'scrypt$…'). Staff create their own account at first-run setup.
 */
export const DEMO_PASSWORD_HASH = '!demo-account-cannot-sign-in';

/** True when the store has no doctors, patients or appointments: only then is demo data added. */
export async function isEmptyClinic(sql: SqlStore, transaction?: Transaction): Promise<boolean> {
  const { Doctor, Patient, Appointment } = sql.models;
  const counts = [await Doctor.count({ transaction }), await Patient.count({ transaction }), await Appointment.count({ transaction })];
  return counts.every((n) => n === 0);
}

export interface DemoSeedResult {
  seeded: boolean;
  doctors: number;
  patients: number;
  appointments: number;
}

/**
 * Fills an empty store with an invented clinic (doctors with weekly hours and days off,
 * patients, a past and a future of appointments around `today`), in one transaction. A store
 * that already holds clinic data is left untouched. Settings, clinic name and the first staff
 * account still come from the first-run setup; only the medication ingredient list gets a few
 * common entries (when none is stored), so the allergy warning's ingredient check can be tried.
 */
export async function seedDemoClinic(sql: SqlStore, size: DemoSize, today: string = DateTime.local().toISODate() as string): Promise<DemoSeedResult> {
  const shape = DEMO_SIZES[size];
  const clinic: ClinicSize = { seed: 20261125, ...shape, today, passwordHash: DEMO_PASSWORD_HASH };
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    // checked inside the transaction: two windows starting at once seed once
    if (!(await isEmptyClinic(sql, transaction))) return { seeded: false, doctors: 0, patients: 0, appointments: 0 };
    const counts = await insertGeneratedClinic(sql, generateClinic(clinic), transaction);
    const ingredients = SETTINGS.medicationIngredients;
    if (!(await sql.models.ClinicSetting.findOne({ where: { settingKey: ingredients.key }, transaction }))) {
      await sql.models.ClinicSetting.create(
        { settingKey: ingredients.key, settingValue: ingredients.serialize(DEMO_MEDICATION_INGREDIENTS), description: ingredients.description },
        { transaction },
      );
    }
    return { seeded: true, doctors: counts.doctors, patients: counts.patients, appointments: counts.appointments };
  });
}
