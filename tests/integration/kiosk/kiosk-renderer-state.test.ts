/**
 * Nothing of one patient stays for the next: the renderer's zustand stores, driven through a
 * real workstation (window.clinic answers from its dispatcher), are emptied by "Done", by the
 * idle end in main, and by the next patient's sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { hashPassword } from '../../../electron/main/security/password';
import { CHANNELS } from '../../../shared/ipc/contract';
import { createTempDir, type TempDir } from '../../support/services';
import { createAccounts } from '../auth/accounts-fixture';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';
import type { ClinicApi } from '../../../shared/ipc/contract';
import { useAppStore } from '../../../renderer/src/stores/app-store';
import { useKioskStore } from '../../../renderer/src/stores/kiosk-store';

const KIOSK_PASSWORD = 'green ferry 2040';

/** The workstation's pinned today. */
const today = () => MONDAY;

describe('the kiosk screen state between patients', () => {
  let dir: TempDir;
  let workstation: Workstation;
  // The workstation's clock: pinned to the fixture's Monday 07:00, moved on by hand for the idle rules.
  const pinnedNow = workstationClock();
  let nowMs = pinnedNow();
  const patients: { id: number; email: string }[] = [];
  // the renderer's own stores (type-checked with the DOM library: tsconfig.renderer-tests.json);
  // they reach main through window.clinic, read at each call
  const stores = { app: useAppStore, kiosk: useKioskStore };

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: () => nowMs });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 0 });
    const accounts = await createAccounts(sql);
    const passwordHash = await hashPassword(KIOSK_PASSWORD);
    for (const [index, name] of [['Ottilie', 'Firstpatient'], ['Bruno', 'Secondpatient']].entries()) {
      const row = await sql.models.Patient.create(patientValues({ firstName: name[0]!, lastName: name[1]!, passwordHash }));
      patients.push({ id: row.id, email: row.email });
      await sql.models.Appointment.create({ doctorId: clinic.doctors[0]!.id, patientId: row.id, appointmentDate: today(), appointmentTime: `0${6 + index}:00`, durationMinutes: 30 });
    }
    // what the preload exposes: one function per channel, answered here by the workstation's dispatcher
    const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => workstation.dispatch(channel, input)])) as unknown as ClinicApi;
    (globalThis as { window?: Pick<Window, 'clinic'> }).window = { clinic: api };
    await stores.app.getState().load();
    workstation.session.signIn(accounts.front_desk.user);
    expect((await stores.kiosk.getState().enter()).ok).toBe(true);
  }, 60_000);

  afterAll(async () => {
    delete (globalThis as { window?: Pick<Window, 'clinic'> }).window;
    await workstation?.close();
    dir?.remove();
  });

  async function signInAndLoad(index: number) {
    const result = await stores.kiosk.getState().signIn({ email: patients[index]!.email, password: KIOSK_PASSWORD });
    expect(result.ok).toBe(true);
    await stores.kiosk.getState().load();
    expect(stores.kiosk.getState().visits?.patientId).toBe(patients[index]!.id);
  }

  const patientData = () => {
    const { visits, prescriptions, feedbackFor, thanks } = stores.kiosk.getState();
    return { visits, prescriptions, feedbackFor, thanks };
  };
  const emptyData = { visits: null, prescriptions: null, feedbackFor: null, thanks: null };

  it('shows the kiosk screen with nobody signed in after kiosk mode starts', () => {
    expect(stores.app.getState().kiosk).not.toBeNull();
    expect(stores.app.getState().user).toBeNull();
  });

  it('forgets the patient on Done', async () => {
    await signInAndLoad(0);
    await stores.kiosk.getState().checkIn(stores.kiosk.getState().visits!.upcoming[0]!.appointmentId);
    expect(stores.kiosk.getState().thanks).not.toBeNull();
    await stores.kiosk.getState().done();
    expect(stores.app.getState().user).toBeNull();
    expect(patientData()).toEqual(emptyData);
    expect(stores.app.getState().kiosk).not.toBeNull();
  });

  it('forgets answers that arrive after the patient pressed Done', async () => {
    nowMs = pinnedNow();
    await signInAndLoad(0);
    // Done pressed while the visits are still loading: whichever finishes first, nothing stays
    const loading = stores.kiosk.getState().load();
    await stores.kiosk.getState().done();
    await loading;
    expect(stores.app.getState().user).toBeNull();
    expect(patientData()).toEqual(emptyData);
  });

  it('forgets the patient when main has ended an idle session, and shows the next one only theirs', async () => {
    nowMs = pinnedNow();
    await signInAndLoad(0);
    const epoch = stores.app.getState().sessionEpoch;
    nowMs += 10 * 60_000; // far past the kiosk idle time: main signs the patient out
    await stores.kiosk.getState().load();
    expect(stores.app.getState().user).toBeNull();
    expect(patientData()).toEqual(emptyData);
    expect(stores.app.getState().sessionEpoch).toBeGreaterThan(epoch);

    nowMs = pinnedNow() + 20 * 60_000;
    await signInAndLoad(1);
    // only the second patient's 07:00 visit; the first one's 06:00 visit is nowhere in the stores
    expect(stores.kiosk.getState().visits!.upcoming.map((visit) => visit.time)).toEqual(['07:00']);
    expect(JSON.stringify(patientData())).not.toContain('06:00');
    expect(stores.app.getState().user?.displayName).toBe('Bruno Secondpatient');
  });
});
