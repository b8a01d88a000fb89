import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { openCalendarOnDemoClinic } from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

interface Clipped {
  what: string;
  why: string;
}

/**
 * Every visible control of the screen (buttons, links, inputs, selects, tabs, headings): its text
 * wider than its box, or the control outside the window. Cards inside the scrolling calendar grid
 * are checked by the busy-day spec; content of a scrolling area is judged by that area's box.
 */
async function clippedControls(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    interface Box {
      left: number;
      right: number;
      top: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface El {
      parentElement: El | null;
      getBoundingClientRect(): Box;
      scrollWidth: number;
      clientWidth: number;
      textContent: string | null;
      tagName: string;
      closest(selector: string): El | null;
      getAttribute(name: string): string | null;
    }
    const scope = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<El> };
      innerWidth: number;
      innerHeight: number;
      getComputedStyle(el: El): { visibility: string; display: string; overflowX: string; overflowY: string };
    };
    const found: { what: string; why: string }[] = [];
    const controls = Array.from(
      scope.document.querySelectorAll('button, a, input, select, [role="tab"], h1, h2, h3, .day-toolbar__title, .flow__stat'),
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (scope.getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.visually-hidden, .appt')) continue;
      // Inside a scrolling area (the grid, a table, the navigation) a control may be scrolled away: reachable.
      let scrolled = false;
      for (let parent = el.parentElement; parent && !scrolled; parent = parent.parentElement) {
        const style = scope.getComputedStyle(parent);
        scrolled = ['auto', 'scroll'].includes(style.overflowY) || ['auto', 'scroll'].includes(style.overflowX);
      }
      const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
      if (!scrolled && (box.left < -0.5 || box.top < -0.5 || box.right > scope.innerWidth + 0.5 || box.bottom > scope.innerHeight + 0.5))
        found.push({ what, why: 'outside the window' });
      else if (el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && el.scrollWidth > el.clientWidth + 1)
        found.push({ what, why: `content ${el.scrollWidth}px in a ${el.clientWidth}px box` });
    }
    return found;
  });
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

test('the reception screens fit 1280×720 and 1440×900: no control cut off or outside the window', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const screens: { name: string; open(): Promise<void> }[] = [
    { name: 'calendar-day', open: async () => { await nav.getByRole('link', { name: 'Calendar' }).click(); await page.getByRole('tab', { name: 'Day' }).click(); } },
    { name: 'calendar-week', open: async () => { await page.getByRole('tab', { name: 'Week' }).click(); await expect(page.getByTestId('calendar-column')).toHaveCount(7); } },
    { name: 'calendar-month', open: async () => { await page.getByRole('tab', { name: 'Month' }).click(); } },
    { name: 'today', open: async () => { await nav.getByRole('link', { name: 'Today' }).click(); await expect(page.getByRole('region', { name: "Today's flow" }).getByTestId('stale-stage')).toHaveAttribute('data-freshness', 'fresh'); } },
    { name: 'patients', open: async () => { await nav.getByRole('link', { name: 'Patients' }).click(); } },
    { name: 'walk-in', open: async () => { await nav.getByRole('link', { name: 'Walk-in' }).click(); } },
    { name: 'waiting-list', open: async () => { await nav.getByRole('link', { name: 'Waiting list' }).click(); } },
  ];
  const problems: string[] = [];
  for (const screen of screens) {
    await screen.open();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // Let layout settle (fonts, fitted names) before judging.
      await page.evaluate(() => {
        const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
        return new Promise<void>((resolve) => frame(() => frame(resolve)));
      });
      for (const clipped of await clippedControls(page)) problems.push(`${screen.name} ${size.width}: ${clipped.what} ${clipped.why}`);
      if (screen.name === 'calendar-week') {
        // All seven days on screen, Sunday included.
        const sunday = await page.getByTestId('column-head').nth(6).boundingBox();
        if (!sunday || sunday.x + sunday.width > size.width) problems.push(`calendar-week ${size.width}: Sunday is off screen`);
      }
      await saveScreen(page, `fit-${screen.name}-${size.width}`);
    }
    await page.setViewportSize(SIZES[0]!);
  }
  expect(problems).toEqual([]);
});
