import { expect, saveScreen, test } from './support/fixtures';

// Networked mode with both servers on a port where nothing listens.
test.use({
  clinicEnv: {
    CLINIC_MYSQL_URL: 'mysql://nobody@127.0.0.1:1/x',
    CLINIC_MONGODB_URI: 'mongodb://127.0.0.1:1',
  },
});

test('unreachable clinic server: the window explains what failed and offers Retry', async ({ page }) => {
  await expect(page.getByRole('heading', { name: /can.t open the clinic.s data/ })).toBeVisible();
  const stores = page.getByRole('list', { name: 'Data stores' });
  await expect(stores).toContainText('MySQL');
  await expect(stores).toContainText('Not available');
  await expect(stores).toContainText('refused the connection');
  await expect(page.getByText(/Clinic Desk \S+ · Clinic server/)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('nobody@');

  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeEnabled();
  await saveScreen(page, 'store-error');

  await retry.click();
  await expect(page.getByText(/Still not available \(tried at/)).toBeVisible();
  await expect(retry).toBeEnabled();
  await expect(stores).toContainText('Not available');
});
