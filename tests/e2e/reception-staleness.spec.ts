import type { Page, Route } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { addDays, clinicToday, openCalendarOnDemoClinic } from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

/**
 * Holds every answer of one channel until released: a slow clinic network, made on demand.
 * The renderer reaches main over the loopback bridge here; in Electron there is no HTTP to hold.
 */
async function holdChannel(page: Page, channel: string): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let holding = true;
  const pattern = `**/__clinic/invoke/${channel}`;
  await page.route(pattern, async (route) => {
    if (holding) held.push(route);
    else await route.continue();
  });
  return {
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(pattern);
    },
  };
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

test('no screen shows data for other parameters than its header while loading; next day is read ahead', async ({
  page,
  clinic,
}) => {
  test.skip(clinic.mode !== 'chromium', 'holds answers on the loopback bridge');
  await page.setViewportSize(SIZES[0]!);
  // Day reads since the page last loaded, counted by the browser's requests (the page's own
  // Performance API is Playwright's pinned clock here).
  let dayReads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) dayReads = 0;
  });
  page.on('request', (request) => {
    if (request.url().includes('calendar.day')) dayReads += 1;
  });
  await openCalendarOnDemoClinic(page);
  const today = clinicToday();
  const stage = page.getByTestId('stale-stage');
  const columns = page.getByTestId('calendar-column');
  await expect(stage).toHaveAttribute('data-freshness', 'fresh');
  await expect(columns.first()).toHaveAttribute('data-date', today);

  // The next day was read ahead: it paints at once even while the day channel does not answer.
  await expect
    .poll(() => dayReads)
    .toBeGreaterThanOrEqual(3);
  const slow = await holdChannel(page, 'calendar.day');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');
  await expect(stage).toHaveAttribute('data-freshness', 'fresh');
  await expect(columns.first()).toHaveAttribute('data-date', addDays(today, 1));

  // A day not read ahead: the previous day stays only dimmed and inert, saying what it is.
  const far = addDays(today, 9);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByLabel('Go to date').fill(size.width === 1280 ? far : addDays(far, 1));
    await expect(stage).toHaveAttribute('data-freshness', 'stale');
    await expect(stage.getByRole('status')).toContainText(/Showing \w+ \d+ \w+ · loading/);
    await expect(stage.locator('.stale-stage__content')).toHaveAttribute('inert', '');
    await saveScreen(page, `staleness-calendar-stale-${size.width}`);
  }
  // Clicking the old day does nothing: no selection bar, no popover for a day not in the header.
  await columns.first().click({ force: true, position: { x: 20, y: 200 } });
  await expect(page.getByRole('button', { name: /^Book/ })).toHaveCount(0);
  await slow.release();
  await expect(stage).toHaveAttribute('data-freshness', 'fresh');
  await expect(columns.first()).toHaveAttribute('data-date', addDays(far, 1));
  await expect(stage.getByRole('status')).toHaveCount(0);

  // The flow board: no "0 expected" and no "updated" before today's appointments are in.
  const held = await holdChannel(page, 'calendar.day');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const board = page.getByRole('region', { name: "Today's flow" });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(board.locator('.flow__stat dd').first()).toHaveText('–');
    await expect(board.getByTestId('stale-stage')).toHaveAttribute('data-freshness', 'loading');
    await expect(board.getByRole('status').filter({ hasText: "Loading today's appointments" })).toBeVisible();
    await expect(board.getByTestId('flow-row')).toHaveCount(0);
    await saveScreen(page, `staleness-board-loading-${size.width}`);
  }
  await held.release();
  await expect(board.getByTestId('stale-stage')).toHaveAttribute('data-freshness', 'fresh');
  await expect(board.locator('.flow__stat dd').first()).toHaveText(/^\d+$/);
});
