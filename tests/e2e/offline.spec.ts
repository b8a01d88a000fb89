import { expect, test, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { DEFAULT_DISPLAY_LOCALE, formatDayShort } from '../../shared/domain/display-format';
import { isLocalId } from '../../shared/domain/sync/local-ids';
import { saveScreen } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { launchApp, type LaunchedApp } from './support/launch';
import { networkedClinic } from './support/network-services';

// Generated clinic and people only: no real names.
const ZONE = 'Europe/Vienna';
const ADMIN = { username: 'oexample', email: 'olin.example@example.org', firstName: 'Olin', lastName: 'Example', password: 'amber window seven 61' };
const DESK = { username: 'dplaceholder', email: 'dana.placeholder@example.org', firstName: 'Dana', lastName: 'Placeholder', password: 'paper lantern river 93' };
const DOCTOR = {
  firstName: 'Ines',
  lastName: 'Mockwell',
  email: 'ines.mockwell@example.org',
  phone: '+43 1 555 0101',
  specialization: 'General Practice',
  licenseNumber: 'OFF-TEST-1',
  yearsExperience: 9,
  consultationFee: null,
  bio: null,
  password: 'harbour lamp cedar 28',
};

/** The monitor probes every second here (5 s by default): two failed probes, then the indicator's next poll. */
const PROBE_ENV = { CLINIC_CONNECTION_PROBE_MS: '1000' };
/** Generous for a busy machine: a probe may wait out its 3 s timeout. */
const OUTAGE_MS = 30_000;
/** Back online: the next probe, the outbox replay and the mirror pull, then the indicator's poll. */
const RECOVERY_MS = 90_000;

async function call<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invokeInPage(page, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

let sequence = 0;
function patient(firstName: string, lastName: string) {
  sequence += 1;
  return {
    patient: {
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${sequence}@patients.example`.toLowerCase(),
      phone: `+1 555 08${String(sequence).padStart(2, '0')} 1${String(sequence).padStart(2, '0')}`,
      dateOfBirth: '1979-04-11',
      gender: 'Female' as const,
    },
    acknowledgeDuplicates: true,
  };
}

async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel('User name or email').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Waits until this workstation's copy holds everything written before `since` (the mirror pulls on its own schedule). */
async function waitForMirror(page: Page, since: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const status = await call(page, 'sync.status', {});
        return status.lastMirrorPull !== null && Date.parse(status.lastMirrorPull) > since;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(true);
}

/** The walk-in flow of the front desk: find the patient, the soonest slots, book the `nth`. */
async function bookWalkIn(page: Page, name: string, nth: number): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Walk-in' }).click();
  const newWalkIn = page.getByRole('button', { name: 'Next walk-in' });
  if (await newWalkIn.isVisible()) await newWalkIn.click();
  const picker = page.getByRole('combobox', { name: 'Patient' });
  await picker.fill(name.split(' ')[1]!);
  await page.getByRole('option', { name: new RegExp(name.split(' ').reverse().join(', ')) }).click();
  await page.getByRole('button', { name: 'Find soonest slots' }).click();
  const slot = page.getByRole('group', { name: 'Soonest free slots' }).getByRole('button').nth(nth);
  const time = (await slot.locator('.slot-option__time').textContent())!.trim();
  await slot.click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is booked` })).toContainText(time);
  return time;
}

async function openToday(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Away and back: the board loads afresh.
  await nav.getByRole('link', { name: 'Patients' }).click();
  await nav.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('region', { name: "Today's flow" })).toBeVisible();
}

const NEWCOMER = { firstName: 'Nova', lastName: 'Lateregister' };

async function openPatients(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Calendar' }).click();
  await nav.getByRole('link', { name: 'Patients' }).click();
}

/** Registers NEWCOMER through the Patients screen; their page opens. */
async function openNewPatient(page: Page): Promise<void> {
  await openPatients(page);
  await page.getByRole('button', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register a patient' });
  await form.getByLabel('First name').fill(NEWCOMER.firstName);
  await form.getByLabel('Last name').fill(NEWCOMER.lastName);
  await form.getByLabel('Date of birth').fill('1991-03-14');
  await form.getByLabel('Gender').selectOption('Female');
  await form.getByLabel('Phone', { exact: true }).fill('+1 555 0777 120');
  await form.getByLabel('Email', { exact: true }).fill('nova.lateregister@patients.example');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: `${NEWCOMER.firstName} ${NEWCOMER.lastName}`, level: 2 })).toBeVisible();
}

async function openPatient(page: Page, lastName: string): Promise<void> {
  await openPatients(page);
  await page.getByLabel('Search patients').fill(lastName);
  await page.getByRole('button', { name: new RegExp(lastName) }).first().click();
  await expect(page.getByRole('heading', { name: new RegExp(lastName), level: 2 })).toBeVisible();
}

const flowRow = (page: Page, name: string) => page.getByTestId('flow-row').filter({ hasText: name });

async function appointmentId(page: Page, name: string): Promise<number> {
  return Number(await flowRow(page, name).getAttribute('data-appointment-id'));
}

test('offline: the desk books and checks in from its own copy, the changes reach the server, and a refused booking is placed elsewhere', async () => {
  test.setTimeout(480_000);
  const clinic = await networkedClinic();
  const app = await launchApp({ env: { ...clinic.env, ...PROBE_ENV } });
  let other: LaunchedApp | null = null;
  const server = await mysql.createConnection(clinic.mysqlUrl);
  try {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible({ timeout: 60_000 });
    await call(page, 'setup.complete', { clinicName: 'Erlenhof Test Clinic', timezone: ZONE, admin: ADMIN });

    // The clinic is open around the clock, so the test finds free time whenever it runs.
    const allDay = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((day) => [day, [['00:00', '24:00']]]));
    await call(page, 'admin.settings.save', { name: 'openingHours', value: allDay, version: null });
    const doctor = await call(page, 'admin.doctors.create', DOCTOR);
    await call(page, 'admin.schedule.saveWeekly', {
      doctorId: doctor.id,
      weekly: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '00:00', endTime: '24:00', isAvailable: true })),
      resolution: { conflicts: 'refuse' },
    });
    await call(page, 'staff.create', { ...DESK, role: 'front_desk' });
    const walkIn = await call(page, 'patients.register', patient('Wren', 'Offlinetest'));
    const arriving = await call(page, 'patients.register', patient('Arlo', 'Queuewright'));
    const late = await call(page, 'patients.register', patient('Celia', 'Conflicton'));
    const rival = await call(page, 'patients.register', patient('Rhea', 'Elsewhere'));
    const [soonest] = await call(page, 'slots.soonest', { doctorIds: [doctor.id], count: 1, days: 2 });
    const expected = await call(page, 'appointments.book', {
      patientId: arriving.id,
      doctorId: doctor.id,
      date: soonest!.date,
      time: soonest!.time,
      durationMinutes: 30,
      idempotencyKey: 'e2e-offline-arriving',
    });
    const arranged = Date.now();

    // The front desk signs in and works on; the workstation's copy catches up meanwhile.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, DESK.username, DESK.password);
    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toContainText('Clinic server');
    await waitForMirror(page, arranged);

    // The clinic server goes away (both databases).
    await clinic.cutServer();
    await expect(indicator).toContainText(/Offline\s*since \d{2}:\d{2}/, { timeout: OUTAGE_MS });

    // A walk-in is booked and an expected patient checked in, both from this workstation's copy.
    await bookWalkIn(page, 'Wren Offlinetest', 0);
    await openToday(page);
    const arrivingRow = flowRow(page, 'Arlo Queuewright');
    await arrivingRow.getByRole('button', { name: 'Arrived' }).click();
    await expect(arrivingRow).toContainText(/Arrived \d\d:\d\d · wait/);
    const walkInRow = flowRow(page, 'Wren Offlinetest');
    await expect(walkInRow.getByTestId('pending-tag')).toHaveText('Pending');
    await expect(walkInRow.getByTestId('pending-tag')).toHaveAttribute('title', /waits for the clinic server/);
    const localWalkInId = await appointmentId(page, 'Wren Offlinetest');
    expect(isLocalId(localWalkInId)).toBe(true);
    // The check-in changed a server appointment: no Pending tag on it, but it waits to be sent.
    await expect(arrivingRow.getByTestId('pending-tag')).toHaveCount(0);
    const pending = page.getByTestId('pending-changes');
    await expect(pending).toHaveText(/^\d+ changes waiting$/);
    expect(Number((await pending.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(2);
    await saveScreen(page, 'offline-pending');
    // The day view marks the same block.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await expect(page.locator(`[data-appointment-id="${localWalkInId}"]`).getByTestId('pending-tag')).toBeVisible();

    // A new patient registered offline: their page says they are not on the server yet.
    await openNewPatient(page);
    const header = page.locator('.patient-page__header');
    await expect(header.getByTestId('pending-tag')).toBeVisible();
    await expect(header).toContainText('No patient number yet');
    // Their message history needs the server: a calm notice, no error.
    await expect(page.locator('.banner--info').filter({ hasText: 'Waiting for the clinic server' })).toBeVisible();
    await expect(page.locator('.banner--error')).toHaveCount(0);
    await saveScreen(page, 'offline-new-patient');

    // A screen that needs the server itself says so calmly (Messages: the communication log).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    const calm = page.locator('.banner--info').filter({ hasText: 'Waiting for the clinic server' });
    await expect(calm).toBeVisible();
    await expect(page.locator('.banner--error')).toHaveCount(0);
    await saveScreen(page, 'offline-server-only-screen');

    // Nothing reached the server yet.
    const [walkInsOnServer] = await server.query<mysql.RowDataPacket[]>('SELECT id FROM appointments WHERE patient_id = ?', [walkIn.id]);
    expect(walkInsOnServer).toHaveLength(0);

    // The server is back: the changes go out, the count clears, the walk-in gets its server id.
    await clinic.restoreServer();
    await expect(indicator).toContainText('Clinic server', { timeout: RECOVERY_MS });
    await expect(pending).toHaveCount(0, { timeout: RECOVERY_MS });
    await openToday(page);
    await expect(flowRow(page, 'Wren Offlinetest')).toBeVisible();
    await expect(flowRow(page, 'Wren Offlinetest').getByTestId('pending-tag')).toHaveCount(0);
    const serverId = await appointmentId(page, 'Wren Offlinetest');
    expect(isLocalId(serverId)).toBe(false);
    const [sent] = await server.query<mysql.RowDataPacket[]>('SELECT id, doctor_id FROM appointments WHERE patient_id = ?', [walkIn.id]);
    expect(sent.map((row) => row.id as number)).toEqual([serverId]);
    const [arrived] = await server.query<mysql.RowDataPacket[]>('SELECT checked_in_at FROM appointments WHERE id = ?', [expected.id]);
    expect(arrived[0]!.checked_in_at).not.toBeNull();
    await saveScreen(page, 'offline-sent');
    const [registered] = await server.query<mysql.RowDataPacket[]>('SELECT id FROM patients WHERE last_name = ?', [NEWCOMER.lastName]);
    expect(registered).toHaveLength(1);
    await openPatient(page, NEWCOMER.lastName);
    await expect(header).toContainText(`Patient #${registered[0]!.id as number}`);
    await expect(header.getByTestId('pending-tag')).toHaveCount(0);

    // A second workstation, on the clinic server directly, for the conflict.
    other = await launchApp({ env: { CLINIC_MYSQL_URL: clinic.mysqlUrl, CLINIC_MONGODB_URI: clinic.mongoUrl } });
    await expect(other.page.getByLabel('User name or email')).toBeVisible({ timeout: 60_000 });
    await call(other.page, 'session.signIn', { identifier: ADMIN.username, password: ADMIN.password });

    // Offline again: this desk books a time for Celia; meanwhile the other workstation gives that time to Rhea.
    await clinic.cutServer();
    await expect(indicator).toContainText(/Offline\s*since \d{2}:\d{2}/, { timeout: OUTAGE_MS });
    // A later slot, so it is still ahead when the server comes back.
    await bookWalkIn(page, 'Celia Conflicton', 3);
    const [mine] = (await call(page, 'patients.get', { patientId: late.id })).today;
    expect(isLocalId(mine!.id)).toBe(true);
    await call(other.page, 'appointments.book', {
      patientId: rival.id,
      doctorId: mine!.doctorId,
      date: mine!.date,
      time: mine!.time,
      durationMinutes: 30,
      idempotencyKey: 'e2e-offline-rival',
    });

    // Back online: the server refuses the booking, and the indicator asks for a decision.
    await clinic.restoreServer();
    const conflicts = page.getByTestId('sync-conflicts');
    await expect(conflicts).toHaveText('1 conflict to resolve', { timeout: RECOVERY_MS });
    await expect(page.getByTestId('pending-changes')).toHaveCount(0, { timeout: RECOVERY_MS });
    await conflicts.click();
    await expect(page.getByRole('heading', { name: 'Sync conflicts', level: 2 })).toBeVisible();
    const row = page.getByTestId('sync-conflict');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Celia Conflicton');
    // the time the change wanted, as the clinic writes dates and times, never the stored ISO value
    await expect(row.locator('.conflict__what')).toContainText(`${formatDayShort(mine!.date, DEFAULT_DISPLAY_LOCALE)} ${mine!.time}`);
    await expect(row).not.toContainText(mine!.date);
    await expect(row).toContainText(/Made by \S+/);
    await saveScreen(page, 'offline-conflicts');

    await row.getByRole('button', { name: 'Choose another slot…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose another slot' });
    const chips = dialog.locator('.slot-chip');
    await expect(chips.first()).toBeVisible();
    // The taken time is not offered.
    const offered = await dialog.getByRole('group', { name: `Free times on ${formatDayShort(mine!.date, DEFAULT_DISPLAY_LOCALE)}` }).locator('.slot-chip').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(mine!.time);
    await saveScreen(page, 'offline-another-slot');
    const chosen = (await chips.first().textContent())!.trim();
    await chips.first().click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('no-conflicts')).toHaveText('No conflicts: every change made offline reached the clinic server.');
    await expect(conflicts).toHaveCount(0, { timeout: 15_000 });
    await saveScreen(page, 'offline-conflicts-settled');

    // On the server: Celia at the chosen time, Rhea at the time she was given.
    const [celia] = await server.query<mysql.RowDataPacket[]>(
      "SELECT TIME_FORMAT(appointment_time, '%H:%i') AS time FROM appointments WHERE patient_id = ? AND status <> 'Cancelled'",
      [late.id],
    );
    expect(celia.map((r) => r.time as string)).toEqual([chosen]);
    const [rhea] = await server.query<mysql.RowDataPacket[]>("SELECT TIME_FORMAT(appointment_time, '%H:%i') AS time FROM appointments WHERE patient_id = ?", [rival.id]);
    expect(rhea.map((r) => r.time as string)).toEqual([mine!.time]);
  } finally {
    await server.end().catch(() => undefined);
    await other?.close();
    await app.close();
    await clinic.dispose();
  }
  expect(app.pageErrors).toEqual([]);
});
