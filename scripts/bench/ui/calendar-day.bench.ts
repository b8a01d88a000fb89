import { summarize } from '../stats';
import { mainThreadCpuBetween } from './main-thread-cpu';
import { expect, test } from '../../../tests/e2e/support/fixtures';
import { addDays, openCalendarOnDemoClinic } from '../../../tests/e2e/support/calendar-clinic';
import { fillDay } from '../../../tests/e2e/support/full-day';

/**
 * `npm run bench:ui`: the day view of the generated medium clinic (30 doctors) on a full day.
 * Prints one JSON line: date change to painted calendar (the app's own Performance API measure:
 * fetch, render, next frame; and the page's main-thread CPU time over the same span, from a
 * Chromium trace, which the machine's load moves far less) and frame intervals while scrolling,
 * as p50/p95 in milliseconds.
 * Measures, never fails on a figure: the machine's load moves them a lot.
 */
test.use({ clinicEnv: { CLINIC_DEMO: 'medium' }, pageClock: false });
test.setTimeout(300_000);

const MEASURE = 'calendar:date-to-paint';
const DATE_CHANGES = 20;
const SCROLL_STEPS = 240;

test('calendar day view, 30 doctors, full day', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  await expect(page.getByTestId('calendar-column')).toHaveCount(30);
  const shown = await page.getByTestId('calendar-column').first().getAttribute('data-date');
  if (!shown) throw new Error('the calendar shows no date');
  const full = addDays(shown, 2);
  const booked = await fillDay(page, full);
  await page.getByLabel('Go to date').fill(full);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', full);
  const appointments = await page.locator('.appt').count();

  const dateToPaint: number[] = [];
  const browser = page.context().browser();
  await browser?.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  for (let i = 0; i < DATE_CHANGES; i++) {
    await page.evaluate((name) => performance.clearMeasures(name), MEASURE);
    // Alternates between the day before and the full day.
    await page.getByRole('button', { name: i % 2 === 0 ? 'Previous day' : 'Next day' }).click();
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, MEASURE);
    dateToPaint.push(await page.evaluate((name) => performance.getEntriesByName(name, 'measure')[0]!.duration, MEASURE));
  }
  const trace = await browser?.stopTracing();
  const dateToPaintCpu = trace ? mainThreadCpuBetween(trace, 'calendar:date-change', 'calendar:painted') : [];

  const frameIntervals = await page.getByTestId('calendar-scroll').evaluate(async (el, steps) => {
    const intervals: number[] = [];
    let last = performance.now();
    for (let i = 0; i < steps; i++) {
      el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
      el.scrollLeft = ((el.scrollWidth - el.clientWidth) * i) / steps;
      await new Promise((resolve) =>
        (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame(() => resolve(null)),
      );
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  }, SCROLL_STEPS);

  const round = ({ p50, p95 }: { p50: number; p95: number }) => ({ p50: Math.round(p50 * 10) / 10, p95: Math.round(p95 * 10) / 10 });
  process.stdout.write(
    `${JSON.stringify({
      bench: 'calendar-day-ui',
      doctors: 30,
      appointmentsOnFullDay: appointments,
      bookedOnTop: booked,
      dateToPaintMs: { ...round(summarize(dateToPaint)), samples: dateToPaint.length },
      dateToPaintMainThreadCpuMs: { ...round(summarize(dateToPaintCpu)), samples: dateToPaintCpu.length },
      scrollFrameMs: { ...round(summarize(frameIntervals)), samples: frameIntervals.length },
    })}\n`,
  );
});
