import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { ADMIN, openSection, setUpClinicAsAdmin } from './admin-support';

test('an admin changes the slot step; a bad value and a stale save are refused and nothing typed is lost', async ({
  page,
}) => {
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
  const elsewhere = await invokeInPage(page, 'admin.settings.save', {
    name: 'minimumNoticeMinutes',
    value: 120,
    version: null,
  });
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
  await expect(hours.getByTestId('value-opening_hours')).toHaveText(
    'Mon–Fri 08:00–18:00 · Sat 09:00–13:00, 14:00–17:00',
  );
  await saveScreen(page, 'admin-settings-saved');
});

test('a new time zone is confirmed first, with what it changes; keeping the old one saves nothing', async ({
  page,
}) => {
  await setUpClinicAsAdmin(page);
  await openSection(page, 'Settings');
  const zone = page.getByRole('listitem', { name: 'Time zone' });
  await expect(zone.getByTestId('value-clinic_timezone')).toContainText('Europe/Vienna');

  await zone.getByRole('button', { name: 'Change Time zone' }).click();
  await zone.getByRole('combobox', { name: 'Time zone' }).fill('lisbon');
  await zone.getByRole('option', { name: /Europe \/ Lisbon/ }).click();
  await zone.getByRole('button', { name: 'Save' }).click();
  const confirm = zone.getByRole('alert', { name: 'Confirm the time zone change' });
  await expect(confirm).toContainText('from Europe/Vienna to Europe/Lisbon');
  await expect(confirm).toContainText('09:00 stays 09:00');
  await expect(zone.getByRole('button', { name: 'Save' })).toHaveCount(0);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await confirm.scrollIntoViewIfNeeded();
    await saveScreen(page, `admin-settings-timezone-confirm-${size.width}`);
  }
  // Not saved until confirmed.
  const before = await invokeInPage(page, 'admin.settings.list', {});
  expect(before.ok && before.data.known.find((s) => s.name === 'timezone')?.value).toBe('Europe/Vienna');

  await confirm.getByRole('button', { name: 'Keep Europe/Vienna' }).click();
  await expect(confirm).toHaveCount(0);
  await zone.getByRole('button', { name: 'Save' }).click();
  await zone.getByRole('button', { name: 'Change to Europe/Lisbon' }).click();
  await expect(page.getByText('Time zone saved.')).toBeVisible();
  const after = await invokeInPage(page, 'admin.settings.list', {});
  expect(after.ok && after.data.known.find((s) => s.name === 'timezone')?.value).toBe('Europe/Lisbon');
});
