import { expect, saveScreen, test } from './support/fixtures';
import { openCalendarOnDemoClinic } from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('the day view: a column per doctor, appointments by status, filters, week and month', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  await expect(page.getByTestId('calendar-column')).toHaveCount(12);
  await saveScreen(page, 'calendar-day');
});
