import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { ADMIN, openSection, setUpClinicAsAdmin } from './admin-support';

test('an admin changes the slot step; a bad value and a stale save are refused and nothing typed is lost', async ({ page }) => {
  await setUpClinicAsAdmin(page);
  await openSection(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Clinic settings', level: 2 })).toBeVisible();

  const slotStep = page.getByRole('listitem', { name: 'Slot step' });
  await expect(slotStep.getByTestId('value-slot_step_minutes')).toHaveText('15 minutes');
  await expect(slotStep).toContainText('Not set yet: the default is in effect.');
  await saveScreen(page, 'admin-settings');

  // a value outside the registry's bounds: refused on its field, the typed value stays
  await slotStep.getByRole('button', { name: 'Change Slot step' }).click();
  const input = slotStep.getByRole('spinbutton', { name: 'Slot step' });
  await input.fill('3');
  await slotStep.getByRole('button', { name: 'Save' }).click();
  await expect(slotStep.locator('.field__error')).toContainText('5');
  await expect(input).toHaveValue('3');
  await saveScreen(page, 'admin-settings-invalid');

  await input.fill('20');
  await slotStep.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Slot step saved.')).toBeVisible();
  await expect(slotStep.getByTestId('value-slot_step_minutes')).toHaveText('20 minutes');
  await expect(slotStep).toContainText(`by ${ADMIN.firstName} ${ADMIN.lastName}`);

  // main holds the new value: the listing through the channel says so too
  const listed = await invokeInPage(page, 'admin.settings.list', {});
  expect(listed.ok && listed.data.known.find((s) => s.name === 'slotStepMinutes')?.value).toBe(20);

  // another admin (another workstation) changes the minimum notice while this screen shows the old one
  const notice = page.getByRole('listitem', { name: 'Minimum notice' });
  await notice.getByRole('button', { name: 'Change Minimum notice' }).click();
  await notice.getByRole('spinbutton', { name: 'Minimum notice' }).fill('60');
  const elsewhere = await invokeInPage(page, 'admin.settings.save', { name: 'minimumNoticeMinutes', value: 120, version: null });
  expect(elsewhere.ok).toBe(true);
  await notice.getByRole('button', { name: 'Save' }).click();
  await expect(notice.getByRole('alert')).toContainText('Someone else changed this setting');
  await expect(notice.getByRole('spinbutton', { name: 'Minimum notice' })).toHaveValue('60');
  await saveScreen(page, 'admin-settings-conflict');
  await notice.getByRole('button', { name: 'Show their value' }).click();
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(notice.getByTestId('value-minimum_notice_minutes')).toHaveText('120 minutes');

  // the clinic's opening hours: Saturday gets a second range
  const hours = page.getByRole('listitem', { name: 'Opening hours' });
  await hours.getByRole('button', { name: 'Change Opening hours' }).click();
  await hours.getByRole('button', { name: 'Add a range on Saturday' }).click();
  await hours.getByLabel('Saturday range 2 from').fill('14:00');
  await hours.getByLabel('Saturday range 2 until').fill('17:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(hours.getByTestId('value-opening_hours')).toHaveText('Mon–Fri 08:00–18:00 · Sat 09:00–13:00, 14:00–17:00');
  await saveScreen(page, 'admin-settings-saved');
});
