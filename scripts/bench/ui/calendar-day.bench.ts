import { rmSync, writeFileSync } from 'node:fs';
import { summarize } from '../stats';
import { mainThreadCpuBetween } from './main-thread-cpu';
import { benchClinicDataDir } from './bench-clinic';
import { expect, test } from '@playwright/test';
import { addDays, CLINIC_ADMIN, clinicToday } from '../../../tests/e2e/support/calendar-clinic';
import { invokeInPage } from '../../../tests/e2e/support/invoke';
import { launchApp, type LaunchedApp } from '../../../tests/e2e/support/launch';

/**
 * `npm run bench:ui`: the day view of the generated medium clinic (30 doctors) on a full day.
 * Prints one JSON line: date change to painted calendar (the app's own Performance API measure:
 * fetch, render, next frame; and the page's main-thread CPU time over the same span, from a
 * Chromium trace, which the machine's load moves far less), the same to the end of that frame's
 * style, layout and paint ("presented"), and frame intervals while scrolling, as p50/p95 in
 * milliseconds. BENCH_TRACE_FILE and BENCH_CPU_PROFILE keep the trace and a CPU profile.
 * Measures, never fails on a figure: the machine's load moves them a lot.
 *
 * The clinic (the generated medium clinic, set up, its full day filled to 400 appointments with
 * 15-minute visits) is written into a data folder before main starts and kept between runs
 * (`bench-clinic.ts`): generating it in main at first start took over a minute on a loaded
 * machine, longer than the launcher waits for main.
 */
test.setTimeout(600_000);

const MEASURE = 'calendar:date-to-paint';
/** To the end of that frame's style, layout and paint (the app's `PERF.presentedMeasure`). */
const PRESENTED = 'calendar:date-to-presented';
const DATE_CHANGES = 20;
const SCROLL_STEPS = 240;

/** Two days after the clinic's today (a Wednesday), filled to 400 appointments. */
const FULL_DAY = addDays(clinicToday(), 2);

let app: LaunchedApp | null = null;
let dataDir = '';

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('calendar day view, 30 doctors, full day', async () => {
  const clinic = await benchClinicDataDir(FULL_DAY);
  dataDir = clinic.dataDir;
  app = await launchApp({ dataDir, pageClock: false });
  const page = app.page;
  await page.getByLabel('User name or email').fill(CLINIC_ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(CLINIC_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Calendar' })).toBeVisible();
  await expect(page.getByTestId('column-head')).toHaveCount(30);
  const full = FULL_DAY;
  await page.getByLabel('Go to date').fill(full);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', full);
  // Counted from the data: the grid creates cards only for the columns in or near the view.
  const day = await invokeInPage(page, 'calendar.day', { date: full });
  const appointments = day.ok ? day.data.doctors.reduce((n, d) => n + d.appointments.length, 0) : -1;

  const dateToPaint: number[] = [];
  const dateToPresented: number[] = [];
  const browser = page.context().browser();
  // BENCH_CPU_PROFILE=<file>: also a V8 CPU profile of the date changes (open it in DevTools).
  const profiler = process.env.BENCH_CPU_PROFILE ? await page.context().newCDPSession(page) : null;
  await profiler?.send('Profiler.enable');
  await profiler?.send('Profiler.setSamplingInterval', { interval: 200 });
  await profiler?.send('Profiler.start');
  await browser?.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  const previous = page.getByRole('button', { name: 'Previous day' });
  const next = page.getByRole('button', { name: 'Next day' });
  for (let i = 0; i < DATE_CHANGES; i++) {
    await page.evaluate((names) => names.forEach((name) => performance.clearMeasures(name)), [MEASURE, PRESENTED]);
    // Alternates between the day before and the full day.
    await (i % 2 === 0 ? previous : next).click();
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, PRESENTED);
    const [painted, shown] = await page.evaluate(
      (names) => names.map((name) => performance.getEntriesByName(name, 'measure')[0]!.duration),
      [MEASURE, PRESENTED],
    );
    dateToPaint.push(painted!);
    dateToPresented.push(shown!);
  }
  const trace = await browser?.stopTracing();
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
  }
  if (trace && process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, trace);
  const dateToPaintCpu = trace ? mainThreadCpuBetween(trace, 'calendar:date-change', 'calendar:painted') : [];
  const dateToPresentedCpu = trace ? mainThreadCpuBetween(trace, 'calendar:date-change', 'calendar:presented') : [];

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
      clinicFromCache: clinic.fromCache,
      dateToPaintMs: { ...round(summarize(dateToPaint)), samples: dateToPaint.length },
      dateToPaintMainThreadCpuMs: { ...round(summarize(dateToPaintCpu)), samples: dateToPaintCpu.length },
      dateToPresentedMs: { ...round(summarize(dateToPresented)), samples: dateToPresented.length },
      dateToPresentedMainThreadCpuMs: { ...round(summarize(dateToPresentedCpu)), samples: dateToPresentedCpu.length },
      scrollFrameMs: { ...round(summarize(frameIntervals)), samples: frameIntervals.length },
    })}\n`,
  );
});
