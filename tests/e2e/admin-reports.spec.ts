import { readFileSync } from 'node:fs';
import { expect, saveScreen, test } from './support/fixtures';
import { openSection, setUpClinicAsAdmin } from './admin-support';

// The demo clinic: twelve doctors with weekly hours and two months of appointments behind them.
test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('an admin reads the utilization report and exports it as CSV', async ({ page }) => {
  await setUpClinicAsAdmin(page);
  await openSection(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Utilization per doctor and week' });
  await expect(table.getByRole('row')).toHaveCount(13); // header + 12 demo doctors
  const totals = page.getByRole('group', { name: 'Totals' });
  await expect(totals).toContainText('Utilization');
  await expect(totals.getByText(/^\d+\.\d %$/).first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Utilization per doctor' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveScreen(page, 'admin-reports');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('doctor,specialization,week_start,available_minutes,booked_minutes,utilization_percent');
  expect(lines).toHaveLength(1 + 12 * 4);
});
