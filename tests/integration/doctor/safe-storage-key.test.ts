/**
 * With Electron's safeStorage available (here a stand-in SecretBox with the same contract), the
 * signing key is sealed by it and signing needs no password; without it, the same key cannot be
 * opened, and signing falls back to a password-sealed key of its own.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretBox } from '../../../electron/main/config/store-config';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { hashPassword } from '../../../electron/main/security/password';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import type { PrescriptionView, SigningKeyStatus } from '../../../shared/ipc/doctor/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { PASSWORD } from '../auth/accounts-fixture';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';

/** AES-GCM under a key held in memory: what safeStorage does with the OS keychain's key. */
function keychainBox(available = true): SecretBox & { sealed: number } {
  const key = randomBytes(32);
  const box = {
    sealed: 0,
    available: () => available,
    encrypt(plain: string) {
      box.sealed += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
    },
    decrypt(sealed: string) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  return box;
}

describe('a signing key sealed by safeStorage', () => {
  let dir: TempDir;
  let workstation: Workstation;
  const box = keychainBox();

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: box, appVersion: '0.0.0-test', nowMs: workstationClock() });
  });

  afterAll(async () => {
    await workstation?.close();
    dir?.remove();
  });

  it('signs without a password, and its private half is stored only sealed', { timeout: 60_000 }, async () => {
    const { sql, local } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 1 });
    const doctor = clinic.doctors[0]!;
    await doctor.update({ passwordHash: await hashPassword(PASSWORD) });
    const visit = await sql.models.Appointment.create({ doctorId: doctor.id, patientId: clinic.patients[0]!.id, appointmentDate: MONDAY, appointmentTime: '09:00' });
    workstation.session.signIn(doctorSessionUser(doctor));

    expect(expectOk<SigningKeyStatus>(await workstation.dispatch('doctor.signingKey', {}))).toEqual({ keyId: null, protection: 'none', needsPassword: false });
    const rx = expectOk<PrescriptionView>(
      await workstation.dispatch('doctor.prescription.save', {
        appointmentId: visit.id,
        content: { medications: [{ name: 'Generic tablet', dosage: '5mg', frequency: 'daily', duration: '30 days', quantity: 30, refillsAllowed: 2 }] },
      }),
    );
    const signed = expectOk<PrescriptionView>(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: rx.id }));
    expect(signed.signature.state).toBe('valid');
    expect(box.sealed).toBe(1);
    expect(expectOk<SigningKeyStatus>(await workstation.dispatch('doctor.signingKey', {}))).toMatchObject({ protection: 'safe-storage', needsPassword: false });
    const secrets = await local.sequelize.query<{ sealed_private_key: string }>('SELECT sealed_private_key FROM doctor_signing_secrets', { type: QueryTypes.SELECT });
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.sealed_private_key).not.toContain('PRIVATE KEY');
    expect(Buffer.from(secrets[0]!.sealed_private_key, 'base64').toString('latin1')).not.toContain('PRIVATE KEY');

    // the same data folder where safeStorage is not available (another OS account): that key is
    // of no use; signing asks for the password and makes a password-sealed key
    await workstation.close();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: keychainBox(false), appVersion: '0.0.0-test', nowMs: workstationClock() });
    workstation.session.signIn(doctorSessionUser(doctor));
    expect(expectOk<SigningKeyStatus>(await workstation.dispatch('doctor.signingKey', {}))).toEqual({ keyId: null, protection: 'none', needsPassword: true });
    const next = expectOk<PrescriptionView>(
      await workstation.dispatch('doctor.prescription.save', { appointmentId: visit.id, prescriptionId: rx.id, content: { medications: signed.medications, diagnosis: 'Hypertension' } }),
    );
    expect(errorCode(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: next.id }))).toBe('VALIDATION');
    const v2 = expectOk<PrescriptionView>(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: next.id, password: PASSWORD }));
    expect(v2.signature.state).toBe('valid');
    // version 1, signed with the first key, still verifies: the public key is in the clinic's table
    expect(expectOk<PrescriptionView>(await workstation.dispatch('doctor.prescription.get', { prescriptionId: rx.id })).signature.state).toBe('valid');
  });
});
