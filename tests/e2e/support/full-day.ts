import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { seedDemoClinic, type DemoSize } from '../../../electron/main/data/generator/demo-clinic';
import { listFreeSlots } from '../../../electron/main/services/scheduling/slot-queries';
import { completeSetup } from '../../../electron/main/services/setup';
import { minuteClockOf } from '../../../shared/domain/clock';
import type { SetupInput } from '../../../shared/ipc/schemas';
import { invokeInPage } from './invoke';
import { E2E_NOW } from './launch';

interface PageScope {
  clinic?: Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  /** Where the page keeps the bridge token after its launch (renderer/src/api/client.ts). */
  localStorage: { getItem(key: string): string | null };
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ json(): Promise<{ ok: boolean; error?: { code: string } }> }>;
}

export interface PlannedVisit {
  doctorId: number;
  time: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The visits that fill a day: each doctor's free starts taken back to back (no two planned
 * visits of one doctor overlap). With `limit`, that many of them, spread over the doctors and
 * the hours rather than the first doctor's morning.
 */
export function planVisits(free: readonly PlannedVisit[], durationMinutes: number, limit = Infinity): PlannedVisit[] {
  const byDoctor = new Map<number, PlannedVisit[]>();
  for (const slot of free) byDoctor.set(slot.doctorId, [...(byDoctor.get(slot.doctorId) ?? []), slot]);
  const planned: PlannedVisit[] = [];
  for (const slots of byDoctor.values()) {
    let end = 0;
    for (const slot of [...slots].sort((a, b) => a.time.localeCompare(b.time))) {
      if (minutesOf(slot.time) < end) continue;
      planned.push(slot);
      end = minutesOf(slot.time) + durationMinutes;
    }
  }
  if (planned.length <= limit) return planned;
  planned.sort((a, b) => a.time.localeCompare(b.time) || a.doctorId - b.doctorId);
  const step = planned.length / Math.max(1, limit);
  return Array.from({ length: Math.max(0, limit) }, (_, i) => planned[Math.floor(i * step)]!);
}

/**
 * Fills every free 30-minute slot of every doctor on a date (a full day) through the running
 * app, booking from inside the page in one go (one evaluate, many channel calls) with generated
 * patients: the bookings go through the same rules as the desk's.
 */
export async function fillDay(page: Page, date: string): Promise<number> {
  const day = await invokeInPage(page, 'calendar.day', { date });
  if (!day.ok) throw new Error(day.error.message);
  const free: PlannedVisit[] = [];
  for (const doctor of day.data.doctors) {
    const slots = await invokeInPage(page, 'slots.free', { doctorId: doctor.doctorId, fromDate: date, days: 1, durationMinutes: 30 });
    if (!slots.ok) throw new Error(slots.error.message);
    for (const slot of slots.data) free.push({ doctorId: doctor.doctorId, time: slot.time });
  }
  const planned = planVisits(free, 30);
  return page.evaluate(
    async ({ date, planned }) => {
      const scope = globalThis as unknown as PageScope;
      const token = scope.document.querySelector('meta[name="clinic-bridge-token"]')?.getAttribute('content') ?? scope.localStorage.getItem('clinic-bridge-token') ?? '';
      const call = async (channel: string, input: unknown) => {
        const direct = scope.clinic?.[channel];
        if (direct) return direct(input);
        const response = await scope.fetch(`/__clinic/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-clinic-bridge-token': token },
          body: JSON.stringify(input),
        });
        return response.json();
      };
      let booked = 0;
      let patientId = 500;
      for (const slot of planned) {
        for (let attempt = 0; attempt < 10; attempt++) {
          patientId += 1;
          const result = await call('appointments.book', {
            patientId,
            doctorId: slot.doctorId,
            date,
            time: slot.time,
            durationMinutes: 30,
            idempotencyKey: `fill-${slot.doctorId}-${date}-${slot.time.replace(':', '')}` + `-${patientId}`,
          });
          if (result.ok) booked += 1;
          if (result.ok || result.error?.code !== 'PATIENT_BUSY') break;
        }
      }
      return booked;
    },
    { date, planned },
  );
}

export interface BusyClinic {
  /** The generated clinic (CLINIC_DEMO's sizes). */
  size: DemoSize;
  /** The clinic's date "today" (the demo's visits lie around it). */
  today: string;
  setup: SetupInput;
  /** The day to fill, and to how many appointments in all. */
  date: string;
  total: number;
  durationMinutes: number;
}

/**
 * Writes a generated clinic and a filled day straight into a data folder's store before the app
 * starts: what `fillDay` books one call at a time, in one transaction. The free times come from
 * the same slot rules the desk books by, and every visit gets a patient with nothing else that
 * day, so the day holds nothing the app could not have booked. Returns the day's appointments
 * (all that the day grid shows, cancelled ones included).
 */
export async function seedBusyClinic(dataDir: string, clinic: BusyClinic): Promise<number> {
  const sql = await openSqlStore({ dialect: 'sqlite', storage: join(dataDir, 'clinic-desk.sqlite') });
  try {
    await seedDemoClinic(sql, clinic.size, clinic.today);
    await completeSetup(sql, clinic.setup);
    return await fillStore(sql, clinic);
  } finally {
    await sql.close();
  }
}

async function fillStore(sql: SqlStore, clinic: BusyClinic): Promise<number> {
  const { Appointment, Doctor, Patient } = sql.models;
  const onDate = { appointmentDate: clinic.date };
  const existing = await Appointment.findAll({ attributes: ['patientId', 'status'], where: onDate });
  const clock = minuteClockOf(() => Date.parse(E2E_NOW));
  const free: PlannedVisit[] = [];
  for (const doctor of await Doctor.findAll({ attributes: ['id'] })) {
    const slots = await listFreeSlots(sql, { doctorId: doctor.id, fromDate: clinic.date, days: 1, durationMinutes: clinic.durationMinutes }, clock);
    for (const slot of slots) free.push({ doctorId: doctor.id, time: slot.time });
  }
  const planned = planVisits(free, clinic.durationMinutes, clinic.total - existing.length);
  const busy = new Set(existing.filter((a) => a.status !== 'Cancelled').map((a) => a.patientId));
  const patients = (await Patient.findAll({ attributes: ['id'], where: { isActive: true }, order: [['id', 'ASC']] }))
    .map((p) => p.id)
    .filter((id) => !busy.has(id));
  if (patients.length < planned.length) throw new Error(`only ${patients.length} patients are free on ${clinic.date}`);
  await sql.sequelize.transaction(async (transaction) => {
    await Appointment.bulkCreate(
      planned.map((visit, i) => ({
        patientId: patients[i]!,
        doctorId: visit.doctorId,
        appointmentDate: clinic.date,
        appointmentTime: visit.time,
        durationMinutes: clinic.durationMinutes,
      })),
      { transaction },
    );
  });
  return Appointment.count({ where: onDate });
}
