/**
 * Through the dispatcher on a real workstation (standalone SQLite): every read or change of a
 * patient is on the audit trail with the patient's id, a refused registration writes no patient,
 * and no patient's name or contact reaches the trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { PatientDetails } from '../../../shared/ipc/reception/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';

const patient = {
  firstName: 'Yselde',
  lastName: 'Marchbanks',
  email: 'yselde.marchbanks@patients.example',
  phone: '+1 555 061 6016',
  dateOfBirth: '1968-11-30',
  gender: 'Female',
};

describe('patient channels and the audit trail', () => {
  let dir: TempDir;
  let workstation: Workstation;

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test' });
    const { sql } = workstation.runtime.stores();
    await seedClinic(sql, { patients: 0 });
    const accounts = await createAccounts(sql);
    workstation.session.signIn(accounts.front_desk.user);
  }, 60_000);

  afterAll(async () => {
    await workstation?.close();
    dir?.remove();
  });

  const trail = () => workstation.runtime.stores().documents.systemAuditLogs.find({}, { sort: { timestamp: 'asc' } });

  it('records register, view, update, status change and search; the patient id on each record about one patient', async () => {
    const saved = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient }));
    expectOk(await workstation.dispatch('patients.get', { patientId: saved.id }));
    expectOk(
      await workstation.dispatch('patients.update', {
        patientId: saved.id,
        patient: { ...patient, address: 'Generated Row 9' },
      }),
    );
    expectOk(await workstation.dispatch('patients.setActive', { patientId: saved.id, active: false }));
    expectOk(await workstation.dispatch('patients.search', { query: 'March', includeInactive: true }));
    const records = await trail();
    const byAction = (action: string) => records.filter((r) => r.action === action);
    for (const action of ['register_patient', 'view_patient_record', 'update_patient', 'change_patient_status']) {
      expect(byAction(action), action).toEqual([
        expect.objectContaining({ resourceType: 'patient', resourceId: saved.id, patientId: saved.id }),
      ]);
    }
    expect(byAction('search_patients')).toHaveLength(1);
    const text = JSON.stringify(records);
    for (const secret of [
      patient.firstName,
      patient.lastName,
      patient.email,
      patient.phone,
      'Generated Row 9',
      'March',
    ])
      expect(text).not.toContain(secret);
  });

  it('a refused registration (duplicate not acknowledged, bad field) writes no patient', async () => {
    const { models } = workstation.runtime.stores().sql;
    const before = await models.Patient.count();
    const twin = await workstation.dispatch('patients.register', {
      patient: { ...patient, email: 'another.one@patients.example' },
    });
    expect(errorCode(twin)).toBe('POSSIBLE_DUPLICATE');
    const badPhone = await workstation.dispatch('patients.register', { patient: { ...patient, phone: 'ring ring' } });
    expect(errorCode(badPhone)).toBe('VALIDATION');
    expect(badPhone.ok ? null : badPhone.error.details).toMatchObject({ fields: [{ field: 'patient.phone' }] });
    expect(await models.Patient.count()).toBe(before);
  });
});
