import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { addDays, clinicToday, openCalendarOnDemoClinic } from './support/calendar-clinic';

// 30 doctors, 10,000 patients, about 27,500 appointments (120 days back, 60 ahead).
test.use({ clinicEnv: { CLINIC_DEMO: 'medium' } });
test.setTimeout(180_000);

const MEASURE = 'calendar:date-to-paint';

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

/**
 * Fills every free 30-minute slot of every doctor on a date (a full day), booking from inside
 * the page in one go (one evaluate, many channel calls) with generated patients.
 */
async function fillDay(page: Page, date: string): Promise<number> {
  const day = await invokeInPage(page, 'calendar.day', { date });
  if (!day.ok) throw new Error(day.error.message);
  const slots: { doctorId: number; time: string }[] = [];
  for (const doctor of day.data.doctors) {
    const free = await invokeInPage(page, 'slots.free', {
      doctorId: doctor.doctorId,
      fromDate: date,
      days: 1,
      durationMinutes: 30,
    });
    if (!free.ok) throw new Error(free.error.message);
    let end = 0;
    for (const slot of free.data) {
      const start = Number(slot.time.slice(0, 2)) * 60 + Number(slot.time.slice(3, 5));
      if (start >= end) {
        slots.push({ doctorId: doctor.doctorId, time: slot.time });
        end = start + 30;
      }
    }
  }
  return page.evaluate(
    async ({ date, slots }) => {
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
      for (const slot of slots) {
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
    { date, slots },
  );
}

test('the day view with 30 doctors: date change to painted calendar, and scrolling', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  await expect(page.getByTestId('calendar-column')).toHaveCount(30);
  // A full day: the demo's appointments two days ahead, and every free half hour booked on top.
  const full = addDays(clinicToday(), 2);
  const added = await fillDay(page, full);
  expect(added).toBeGreaterThan(100);
  await page.getByLabel('Go to date').fill(addDays(full, -1));
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');

  // Date change → painted calendar, from the app's own Performance API marks (fetch + render + next frame).
  const durations: number[] = [];
  for (let i = 0; i < 8; i++) {
    await page.evaluate((name) => performance.clearMeasures(name), MEASURE);
    // Alternates between the full day and the day before it.
    await page.getByRole('button', { name: i % 2 === 0 ? 'Next day' : 'Previous day' }).click();
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, MEASURE);
    durations.push(await page.evaluate((name) => performance.getEntriesByName(name, 'measure')[0]!.duration, MEASURE));
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.day-toolbar__relative')).toHaveCount(0);
  await expect.poll(() => page.locator('.appt').count()).toBeGreaterThan(added);
  const appointments = await page.locator('.appt').count();
  // The measured days: the full day after the day before it, alternately (appointments counted on the full day).
  console.log(
    `[calendar-performance] date change → painted day view, 30 doctors, ${appointments} appointments on the day: ` +
      `median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (${durations.map((d) => d.toFixed(0)).join(', ')})`,
  );
  expect(median).toBeLessThan(1_000);

  // Scrolling: step through the whole grid, down and across, one step per frame; frame intervals.
  const frames = await page.getByTestId('calendar-scroll').evaluate(async (el) => {
    const intervals: number[] = [];
    let last = performance.now();
    const steps = 120;
    for (let i = 0; i < steps; i++) {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
      el.scrollLeft = ((el.scrollWidth - el.clientWidth) * i) / steps;
      await new Promise((resolve) =>
        (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() =>
          resolve(null),
        ),
      );
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    intervals.sort((a, b) => a - b);
    return {
      median: intervals[Math.floor(intervals.length / 2)]!,
      p95: intervals[Math.floor(intervals.length * 0.95)]!,
      max: intervals.at(-1)!,
    };
  });
  console.log(
    `[calendar-performance] scrolling 30 columns: frame interval median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms`,
  );
  // A loose bound: the machine's load (software rendering, shared cores) moves these figures a lot.
  expect(frames.median).toBeLessThan(250);
  await page.getByTestId('calendar-scroll').evaluate((el) => {
    el.scrollTop = 120;
    el.scrollLeft = 0;
  });
  await saveScreen(page, 'calendar-30-doctors');
});
