import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { addDays, clinicToday, dragSelect, minutesOf, openCalendarOnDemoClinic } from './support/calendar-clinic';

/**
 * Main's session clock is moved, not waited for: the app's main side runs with libfaketime,
 * whose offset is read from a file on every clock read, so writing "+15m" makes main's idle time
 * run out at once (the renderer's own clock is left alone: main's lock must reach the screen).
 */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const clockDir = mkdtempSync(join(tmpdir(), 'clinic-clock-'));
const clockFile = join(clockDir, 'offset');
writeFileSync(clockFile, '+0');
test.afterAll(() => rmSync(clockDir, { recursive: true, force: true }));

test.use({
  clinicEnv: {
    CLINIC_DEMO: 'small',
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME_TIMESTAMP_FILE: clockFile,
    FAKETIME_NO_CACHE: '1',
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  },
});

// Generated people and the password of the setup in support/calendar-clinic.ts.
const PATIENT = { firstName: 'Odalie', lastName: 'Ferntraum' };
const REASON = 'Sensitive results follow-up';
const PASSWORD = 'amber window fjord 58';

test('the idle lock hides the booking dialog, takes the password, and gives the half-typed form back', async ({ page }) => {
  writeFileSync(clockFile, '+0');
  await openCalendarOnDemoClinic(page);
  const registered = await invokeInPage(page, 'patients.register', {
    patient: { ...PATIENT, email: 'odalie.ferntraum@patients.example', phone: '+1 555 0177 310', dateOfBirth: '1984-02-11', gender: 'Female' },
  });
  if (!registered.ok) throw new Error(registered.error.message);

  // Any free hour tomorrow of the first doctor who has one.
  const tomorrow = addDays(clinicToday(), 1);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');
  const day = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!day.ok) throw new Error(day.error.message);
  let chosen: { index: number; time: string } | null = null;
  // A cancelled visit frees its time but its block still covers the column: skip any drawn block.
  const drawnOver = (index: number, start: number) =>
    day.data.doctors[index]!.appointments.some((a) => minutesOf(a.time) < start + 30 && start < minutesOf(a.time) + a.durationMinutes);
  for (let index = 0; index < Math.min(5, day.data.doctors.length) && !chosen; index++) {
    const slots = await invokeInPage(page, 'slots.free', { doctorId: day.data.doctors[index]!.doctorId, fromDate: tomorrow, days: 1, durationMinutes: 30 });
    const time = slots.ok
      ? slots.data.find((s) => minutesOf(s.time) % 60 === 0 && minutesOf(s.time) >= 9 * 60 && !drawnOver(index, minutesOf(s.time)))?.time
      : undefined;
    if (time) chosen = { index, time };
  }
  if (!chosen) throw new Error('no free time tomorrow');
  await dragSelect(page, chosen.index, chosen.time, `${chosen.time.slice(0, 2)}:30`);
  await page.getByRole('region', { name: 'Selected time' }).getByRole('button', { name: 'Book this time…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Patient' }).fill('Ferntraum');
  await dialog.getByRole('option', { name: /Ferntraum, Odalie/ }).click();
  await dialog.getByLabel('Reason for visit').fill(REASON);
  await expect(dialog.getByLabel('Reason for visit')).toBeFocused();
  const before = { doctor: await dialog.getByLabel('Doctor').inputValue(), time: await dialog.getByLabel('Time').inputValue() };

  // Main's idle time runs out; the calendar's next refresh hears SESSION_LOCKED.
  writeFileSync(clockFile, '+15m');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 20_000 });
  const password = lock.getByLabel('Password');
  await expect(password).toBeFocused();

  // Nothing of the work is on screen or in the accessibility tree.
  await expect(dialog).toHaveCount(0);
  for (const secret of [PATIENT.lastName, REASON, 'Book an appointment']) {
    await expect(page.getByText(secret).filter({ visible: true })).toHaveCount(0);
  }
  const bodyText = await page.locator('body').innerText();
  expect(bodyText).not.toContain(PATIENT.lastName);
  expect(bodyText).not.toContain(REASON);
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot).toContain('Locked');
  expect(snapshot).not.toContain(PATIENT.lastName);
  expect(snapshot).not.toContain(REASON);
  expect(snapshot).not.toContain('Calendar');
  await saveScreen(page, 'security-lock-over-booking');

  // What is typed now goes to the lock; Escape takes nothing away.
  await page.keyboard.press('Escape');
  await page.keyboard.type(PASSWORD);
  await expect(password).toHaveValue(PASSWORD);
  await saveScreen(page, 'security-lock-typed');
  await page.keyboard.press('Enter');

  await expect(lock).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Patient' })).toHaveValue(/Ferntraum/);
  await expect(dialog.getByLabel('Reason for visit')).toHaveValue(REASON);
  await expect(dialog.getByLabel('Doctor')).toHaveValue(before.doctor);
  await expect(dialog.getByLabel('Time')).toHaveValue(before.time);
  await expect(dialog.getByLabel('Reason for visit')).toBeFocused();
  await saveScreen(page, 'security-unlocked-booking');
});

test('a page on another loopback port cannot frame the app', async ({ page, clinic }) => {
  test.skip(clinic.mode !== 'chromium', 'Only the bridge serves the app over HTTP.');
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible({ timeout: 60_000 });
  const appUrl = new URL(page.url()).origin + '/';
  const foreign: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Foreign page</title><iframe id="victim" src="${appUrl}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', () => resolve()));
  try {
    const { port } = foreign.address() as AddressInfo;
    const attacker = await page.context().newPage();
    const refused = attacker.waitForEvent('console', { predicate: (message) => /frame-ancestors|refused to display/i.test(message.text()), timeout: 30_000 });
    await attacker.goto(`http://127.0.0.1:${port}/`);
    await refused;
    // The frame exists but holds nothing of the app.
    const frame = attacker.frames().find((f) => f !== attacker.mainFrame());
    const framedText = frame ? await frame.locator('body').innerText().catch(() => '') : '';
    expect(framedText).not.toContain('Set up your clinic');
    await expect(attacker.frameLocator('#victim').getByRole('heading', { name: 'Set up your clinic' })).toHaveCount(0);
    await attacker.close();
  } finally {
    await new Promise<void>((resolve) => foreign.close(() => resolve()));
  }
});
