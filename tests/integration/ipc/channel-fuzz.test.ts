/**
 * Every channel's handler, driven with inputs its own schema accepts (generated from the zod
 * schema, so the calls get past validation and reach the services), by a user the channel allows,
 * on a clinic with doctors, patients, appointments and a prescription to hit. Whatever the
 * handler makes of the input, the answer is a well-formed Result with one of the stable codes, and
 * never INTERNAL (an unexpected throw).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { SETTINGS } from '../../../shared/domain/settings-registry';
import { addDays } from '../../../shared/domain/scheduling';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import type { ChannelName } from '../../../shared/ipc/channels';
import { PERMISSION_MATRIX, type Role } from '../../../shared/ipc/permissions';
import { ERROR_CODES } from '../../../shared/ipc/result';
import type { PrescriptionView } from '../../../shared/ipc/doctor/types';
import type { SessionUser } from '../../../shared/ipc/types';
import { TEST_SCRYPT_COST } from '../../support/password-cost';
import { createTempDir, type TempDir } from '../../support/services';
import { expectOk } from '../../support/workstation-stores';
import { arbitraryOf, type FieldHints } from '../../support/zod-arbitrary';
import { createAccounts } from '../auth/accounts-fixture';
import { MONDAY, NOW, seedClinic } from '../scheduling/clinic-fixture';

const CALLS_PER_CHANNEL = Number(process.env.FUZZ_CALLS ?? 50);
const CANDIDATES_PER_CHANNEL = 4000;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** FUZZ_CHANNELS=a,b runs only those channels (to repeat a finding quickly). */
const ONLY = process.env.FUZZ_CHANNELS?.split(',');

/**
 * Channels that derive a scrypt key: fewer calls. The workstation and its accounts hash at
 * TEST_SCRYPT_COST (explicitly passed in; the app's own cost is OWASP's N=2^17, a second or more
 * per call on a loaded machine).
 */
const PASSWORD_CHANNELS = new Set<ChannelName>([
  'setup.complete',
  'session.signIn',
  'session.unlock',
  'staff.create',
  'staff.resetPassword',
  'admin.doctors.create',
  'admin.doctors.resetPassword',
  'doctor.account.setPassword',
  'doctor.prescription.sign',
  'kiosk.signIn',
  'kiosk.exit',
  'kiosk.setPatientPassword',
]);
const PASSWORD_CALLS = 5;

/** Up to `wanted` inputs the channel's schema accepts, drawn in small batches. A schema that throws is a bug of its own. */
function validInputs(channel: ChannelName, schema: z.ZodType, hints: FieldHints, wanted: number, seed: number, schemaThrows: string[]): unknown[] {
  const valid: unknown[] = [];
  for (let batch = 0; valid.length < wanted && batch * 200 < CANDIDATES_PER_CHANNEL; batch++) {
    for (const input of fc.sample(arbitraryOf(schema, hints), { numRuns: 200, seed: seed * 31 + batch })) {
      try {
        if (schema.safeParse(input).success) valid.push(input);
      } catch (error) {
        schemaThrows.push(`${channel} ${JSON.stringify(input)}: ${(error as Error).message}`);
      }
      if (valid.length === wanted) break;
    }
  }
  return valid;
}

const WellFormedResult = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string().min(1), details: z.unknown().optional() }).strict() }).strict(),
]);

/** The role that may call a channel: the narrowest one, so doctor-only and patient-only channels run too. */
function roleFor(channel: ChannelName): Role {
  const allowed = PERMISSION_MATRIX[contract[channel].permission];
  for (const role of ['patient', 'doctor', 'front_desk', 'admin', 'super_admin'] as const) {
    if (allowed.length < 5 && allowed.includes(role)) return role;
  }
  return 'admin';
}

describe('every channel with inputs its schema accepts (standalone SQLite file)', () => {
  let dir: TempDir;
  let workstation: Workstation;
  let users: Record<Role, SessionUser>;
  let hints: FieldHints;

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: () => NOW * 60_000, passwordCost: TEST_SCRYPT_COST });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 2, patients: 3 });
    const accounts = await createAccounts(sql, TEST_SCRYPT_COST);
    users = Object.fromEntries(Object.entries(accounts).map(([role, account]) => [role, account.user])) as Record<Role, SessionUser>;
    const doctorIds = [...clinic.doctors.map((d) => d.id), users.doctor.id];
    const patientIds = [...clinic.patients.map((p) => p.id), users.patient.id];
    const appointmentIds: number[] = [];
    for (const [i, patientId] of patientIds.entries()) {
      for (const [day, time] of [[0, '09:00'], [1, '10:00'], [-3, '11:00']] as const) {
        const row = await sql.models.Appointment.create({ doctorId: users.doctor.id, patientId, appointmentDate: addDays(MONDAY, day), appointmentTime: time, durationMinutes: 30 + i * 0, status: day < 0 ? 'Completed' : 'Scheduled' });
        appointmentIds.push(row.id);
      }
    }
    workstation.session.signIn(users.doctor);
    const prescription = expectOk<PrescriptionView>(
      await workstation.dispatch('doctor.prescription.save', {
        appointmentId: appointmentIds[0],
        content: { medications: [{ name: 'Generated Tablet', dosage: '10mg', frequency: 'daily', duration: '5 days', instructions: 'Take with water', quantity: 5, refillsAllowed: 0 }], diagnosis: 'Generated diagnosis', clinicalNotes: 'Generated notes.', followUpRequired: false },
      }),
    );
    const dates = [-400, -30, -1, 0, 1, 2, 3, 7, 14, 60].map((d) => addDays(MONDAY, d));
    hints = {
      dates: [...dates, '1984-05-17'],
      ids: (field) => {
        if (/doctor/i.test(field)) return doctorIds;
        if (/patient/i.test(field)) return patientIds;
        if (/appointment/i.test(field)) return appointmentIds;
        if (/staff/i.test(field)) return [users.front_desk.id, users.admin.id];
        return [1, 2, 3];
      },
      strings: (field) => {
        if (/prescription/i.test(field)) return [prescription.id];
        if (field === 'name') return Object.keys(SETTINGS);
        if (/password/i.test(field)) return ['correct horse battery staple', 'long-enough-passphrase'];
        return [];
      },
    };
  }, 120_000);

  afterAll(async () => {
    await workstation?.close();
    dir?.remove();
  });

  /** Signs in the user the channel is for; kiosk channels run at a kiosk. */
  function actAs(channel: ChannelName): void {
    const role = roleFor(channel);
    const session = workstation.session;
    if (role === 'patient' || channel === 'kiosk.signIn' || channel === 'kiosk.signInByBirthDate' || channel === 'kiosk.exit') {
      session.signIn(users.front_desk);
      session.enterKiosk(users.front_desk, 600);
      if (role === 'patient') session.signInKioskPatient(users.patient, 600);
      return;
    }
    session.signIn(users[role]);
  }

  it(`answers ${CALLS_PER_CHANNEL} schema-valid calls on every channel with a well-formed Result, never INTERNAL`, { timeout: 900_000 }, async () => {
    console.log(`channel fuzz seed: ${SEED} (FUZZ_SEED=${SEED} repeats this run)`);
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    const shortOfInputs: string[] = [];
    const internal: string[] = [];
    const notRun: string[] = [];
    const schemaThrows: string[] = [];
    for (const [index, channel] of CHANNELS.entries()) {
      if (ONLY && !ONLY.includes(channel)) continue;
      const channelStarted = performance.now();
      const channelCpu = process.cpuUsage();
      const codes: Record<string, number> = {};
      const schema = contract[channel].input as z.ZodType;
      const calls = PASSWORD_CHANNELS.has(channel) ? PASSWORD_CALLS : CALLS_PER_CHANNEL;
      const valid = validInputs(channel, schema, hints, calls, SEED + index, schemaThrows);
      if (valid.length < calls) shortOfInputs.push(`${channel}: ${valid.length}`);
      let ran = 0;
      for (const input of valid) {
        actAs(channel);
        const result = await workstation.dispatch(channel, input);
        const shape = WellFormedResult.safeParse(result);
        if (!shape.success) internal.push(`${channel} answered a malformed Result for ${JSON.stringify(input)}`);
        if (!result.ok && result.error.code === 'INTERNAL') internal.push(`${channel} ${JSON.stringify(input)}: ${result.error.message}`);
        // the role is one the channel allows, so FORBIDDEN is the handler's own answer (another doctor's
        // patient, another patient's visit); a channel answering nothing else is not reaching its handler
        if (result.ok || !['FORBIDDEN', 'UNAUTHENTICATED'].includes(result.error.code)) ran++;
        const code = result.ok ? 'ok' : result.error.code;
        codes[code] = (codes[code] ?? 0) + 1;
      }
      if (process.env.FUZZ_VERBOSE) {
        const cpu = process.cpuUsage(channelCpu);
        console.log(`${channel} ${(performance.now() - channelStarted).toFixed(0)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms) ${JSON.stringify(codes)}`);
      }
      if (ran === 0) notRun.push(`${channel}: ${JSON.stringify(codes)}`);
    }
    const cpu = process.cpuUsage(startedCpu);
    console.log(`channel fuzz: ${CHANNELS.length} channels x ${CALLS_PER_CHANNEL} calls in ${((performance.now() - started) / 1000).toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
    expect(schemaThrows).toEqual([]);
    expect(internal).toEqual([]);
    expect(shortOfInputs).toEqual([]);
    expect(notRun).toEqual([]);
  });
});
