import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { call, generatedPatient, setUpDemoClinic } from './support/reception-setup';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

interface FocusScope {
  document: { activeElement: { textContent: string | null } | null };
}

/** Tabs until the focused element has this accessible text; the keyboard only, like a receptionist. */
async function tabTo(page: Page, text: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // the node-side tsconfig has no DOM types: the page's document, typed as far as used
    const focused = await page.evaluate(() =>
      ((globalThis as unknown as FocusScope).document.activeElement?.textContent ?? '').trim(),
    );
    if (focused === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

test('a whole walk-in with the keyboard alone: find, choose, book; then a second one queued', async ({ page }) => {
  await setUpDemoClinic(page);
  const first = await call(page, 'patients.register', {
    patient: generatedPatient('Quillon', 'Ambervale'),
    acknowledgeDuplicates: true,
  });
  const second = await call(page, 'patients.register', {
    patient: generatedPatient('Seraphine', 'Dovecott', { phone: '+1 555 0999 410' }),
    acknowledgeDuplicates: true,
  });

  // From the top of the page to the Walk-in section: Tab and Enter.
  await page.keyboard.press('Tab');
  await tabTo(page, 'Walk-in');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Walk-in', level: 2 })).toBeVisible();

  // The patient search has the focus: type, pick with Enter.
  const picker = page.getByRole('combobox', { name: 'Patient' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('amberv');
  await expect(page.getByRole('option', { name: /Ambervale, Quillon/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('Quillon Ambervale');

  // Who they can see: the arrow key moves from "any doctor" to the first specialization.
  await page.keyboard.press('Tab');
  const sees = page.getByLabel('Sees');
  await expect(sees).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(sees).toHaveValue(/^spec:/);
  const specialization = (await sees.inputValue()).slice(5);

  // Length stays 30 minutes; on to "Find soonest slots".
  await tabTo(page, 'Find soonest slots');
  await page.keyboard.press('Enter');
  const slots = page.getByRole('group', { name: 'Soonest free slots' });
  await expect(slots.getByRole('button').first()).toBeFocused();
  for (const option of await slots.getByRole('button').all()) await expect(option).toContainText(specialization);
  await saveScreen(page, 'reception-walk-in-slots');

  // The second slot: arrow down, Enter books it.
  await page.keyboard.press('ArrowDown');
  const chosen = slots.getByRole('button').nth(1);
  await expect(chosen).toBeFocused();
  const chosenTime = (await chosen.locator('.slot-option__time').textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Quillon Ambervale is booked' })).toContainText(chosenTime);
  await saveScreen(page, 'reception-walk-in-booked');
  const record = await call(page, 'patients.get', { patientId: first.id });
  expect(record.today.map((a) => a.time)).toEqual([chosenTime]);

  // The next walk-in waits for the soonest slot with any doctor: into the queue.
  await expect(page.getByRole('button', { name: 'Next walk-in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.type('+1 555 0999');
  await expect(page.getByRole('option', { name: /Dovecott, Seraphine/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, 'Add to walk-in queue');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Seraphine Dovecott is in the walk-in queue' }),
  ).toBeVisible();
  const queue = page.getByRole('list', { name: 'Waiting walk-ins' });
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue.getByRole('listitem').first()).toContainText('Seraphine Dovecott');
  await expect(queue.getByRole('listitem').first()).toContainText(/Est\. wait|No free slot left today/);
  await saveScreen(page, 'reception-walk-in-queue');
  const listed = await call(page, 'walkIns.list', {});
  expect(listed.rows.map((r) => r.patientId)).toEqual([second.id]);

  // A third walk-in is new to the clinic: registered inline from the search, still by keyboard.
  await expect(page.getByRole('button', { name: 'Next walk-in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await page.keyboard.type('Odalys Fenwright');
  await expect(page.getByText('No patient matches “Odalys Fenwright”')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Patient matches' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Register a patient' });
  await expect(form.getByLabel('First name')).toHaveValue('Odalys');
  await expect(form.getByLabel('Last name')).toHaveValue('Fenwright');
  await expect(form.getByLabel('Date of birth')).toBeFocused();
  // typed in the clinic's order (en-GB: day first), one Tab on to the gender, the date shown back
  await page.keyboard.type('14031991');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Date of birth')).toHaveValue('14/03/1991');
  await expect(form.getByLabel('Gender')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Male
  await page.keyboard.press('ArrowDown'); // Female
  await page.keyboard.press('ArrowDown'); // Other
  await expect(form.getByLabel('Gender')).toHaveValue('Other');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Phone', { exact: true })).toBeFocused();
  await page.keyboard.type('+1 555 0321 880');
  await page.keyboard.press('Tab');
  await page.keyboard.type('odalys.fenwright@patients.example');
  await saveScreen(page, 'reception-walk-in-register-inline');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Find soonest slots' })).toBeFocused();
  await expect(picker).toHaveValue('Odalys Fenwright');
  await page.keyboard.press('Enter');
  await expect(slots.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Odalys Fenwright is booked' })).toBeVisible();
  const registered = await call(page, 'patients.search', { query: 'Fenwright', limit: 5, includeInactive: false });
  expect(registered.patients.map((p) => [p.dateOfBirth, p.phone])).toEqual([['1991-03-14', '+15550321880']]);
});
