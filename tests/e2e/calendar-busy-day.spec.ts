import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { addDays, CLINIC, CLINIC_ADMIN, clinicToday, ZONE } from './support/calendar-clinic';
import { seedBusyClinic } from './support/full-day';
import { launchApp, type LaunchedApp } from './support/launch';

// 30 doctors (the generated medium clinic); a weekday ahead filled with 15-minute visits to
// about 400 appointments, written into the store before the app starts.
test.setTimeout(240_000);

/** The next Tuesday after today (clinic days, so the demo has hours and visits there). */
function nextTuesday(today: string): string {
  let date = addDays(today, 1);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 2) date = addDays(date, 1);
  return date;
}

const BUSY_DAY = nextTuesday(clinicToday());
let dataDir = '';
let app: LaunchedApp | null = null;
let seededTotal = 0;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-busy-'));
  seededTotal = await seedBusyClinic(dataDir, {
    size: 'medium',
    today: clinicToday(),
    setup: { clinicName: CLINIC, timezone: ZONE, admin: CLINIC_ADMIN },
    date: BUSY_DAY,
    total: 400,
    durationMinutes: 15,
  });
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Problem {
  id: string;
  problem: string;
}

/** Every card on the grid: its name whole (not cut across nor down) and no card on top of another. */
async function cardProblems(page: Page): Promise<{ cards: number; problems: Problem[] }> {
  return page.evaluate(() => {
    interface Box {
      left: number;
      right: number;
      top: number;
      bottom: number;
    }
    interface El {
      getBoundingClientRect(): Box;
      querySelector(selector: string): El | null;
      querySelectorAll(selector: string): ArrayLike<El>;
      getAttribute(name: string): string | null;
      scrollWidth: number;
      clientWidth: number;
    }
    const doc = (globalThis as unknown as { document: El }).document;
    const cards = Array.from(doc.querySelectorAll('.appt'));
    const problems: { id: string; problem: string }[] = [];
    const boxes = cards.map((card) => ({ id: card.getAttribute('data-appointment-id') ?? '?', box: card.getBoundingClientRect(), card }));
    for (const { id, box, card } of boxes) {
      const name = card.querySelector('.appt__name');
      if (!name) continue; // a tab (cancelled beside a live visit) shows its name on hover only
      const nameBox = name.getBoundingClientRect();
      if (name.scrollWidth > name.clientWidth + 1) problems.push({ id, problem: 'name cut across' });
      if (nameBox.right - nameBox.left > 0 && (nameBox.top < box.top - 0.5 || nameBox.bottom > box.bottom + 0.5))
        problems.push({ id, problem: 'name cut down' });
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) problems.push({ id: `${boxes[i]!.id}/${boxes[j]!.id}`, problem: 'cards overlap' });
      }
    return { cards: cards.length, problems };
  });
}

test('a busy day stays readable: 30 doctors, about 400 visits, every name whole, no card on another; choose the doctors, scroll with the times fixed', async () => {
  app = await launchApp({ dataDir });
  const page = app.page;
  const date = BUSY_DAY;
  const total = seededTotal;
  expect(total).toBeGreaterThanOrEqual(380);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('User name or email').fill(CLINIC_ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(CLINIC_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Calendar' })).toBeVisible();
  await page.getByLabel('Go to date').fill(date);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', date);
  await expect(page.getByTestId('stale-stage')).toHaveAttribute('data-freshness', 'fresh');
  await expect(page.getByTestId('calendar-column')).toHaveCount(30);
  await expect(page.getByTestId('calendar-legend')).toBeVisible();

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await expect(page.locator('.appt')).toHaveCount(total);
    // Names settle after the resize (off-screen columns are fitted when the window is idle): wait for no problem left.
    await expect.poll(async () => (await cardProblems(page)).problems.slice(0, 5), { timeout: 20_000 }).toEqual([]);
    await saveScreen(page, `busy-day-${size.width}`);
  }

  // The time column stays where it is while the doctors scroll sideways.
  const scroller = page.getByTestId('calendar-scroll');
  const gutterBefore = await page.locator('.cal-gutter').boundingBox();
  await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  expect((await page.locator('.cal-gutter').boundingBox())?.x).toBe(gutterBefore?.x);

  // A short visit's full details on hover, on screen.
  const short = page.locator('.appt--tiny').first();
  await short.scrollIntoViewIfNeeded();
  await short.hover();
  const details = page.getByTestId('appointment-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText(/\d\d:\d\d – \d\d:\d\d/);
  const box = await details.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
  await saveScreen(page, 'busy-day-details-1280');

  // Choose the doctors: two fewer columns, still so after a reload (this user, this workstation).
  await page.getByRole('button', { name: /^Doctors/ }).click();
  const picker = page.getByRole('group', { name: 'Doctors shown' });
  await picker.getByRole('checkbox').nth(0).uncheck();
  await picker.getByRole('checkbox').nth(1).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('calendar-column')).toHaveCount(28);
  await expect(page.getByRole('button', { name: 'Doctors (28 of 30)' })).toBeVisible();
  await page.reload();
  await page.getByLabel('Go to date').fill(date);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', date);
  await expect(page.getByTestId('calendar-column')).toHaveCount(28);
});
