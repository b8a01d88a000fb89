import { expect, saveScreen, test } from './support/fixtures';
import { DEMO_ENV, DOCTOR_PASSWORD, prepareDoctor, setUpClinic, signInAs } from './support/doctor-clinic';

test.use({ clinicEnv: DEMO_ENV });

/** Every section a super admin and a doctor open, plus the calendar's three views: each one is scanned by saveScreen. */
const ADMIN_SECTIONS = [
  'Calendar',
  'Today',
  'Patients',
  'Walk-in',
  'Waiting list',
  'Kiosk',
  'Doctors',
  'Reports',
  'Settings',
  'Messages',
  'Feedback',
  'Doctor ratings',
  'Search feedback',
  'Staff',
  'Audit trail',
  'Backups',
  'Data health',
] as const;

const DOCTOR_SECTIONS = ['My day', 'My hours', 'Calendar', 'Today', 'My feedback', 'Search notes'] as const;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '-');

test('every screen of the clinic passes an axe scan (WCAG 2.1 A and AA, no critical or serious violation)', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 2);
  const nav = page.getByRole('navigation', { name: 'Main' });

  for (const section of ADMIN_SECTIONS) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(page.locator('main h2').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await saveScreen(page, `a11y-admin-${slug(section)}`);
  }
  await nav.getByRole('link', { name: 'Calendar', exact: true }).click();
  for (const view of ['Week', 'Month']) {
    await page.getByRole('tab', { name: view }).click();
    await page.waitForLoadState('networkidle');
    await saveScreen(page, `a11y-admin-calendar-${slug(view)}`);
  }
  await nav.getByRole('link', { name: 'Patients', exact: true }).click();
  const [firstName, lastName] = clinic.patientNames[0]!.split(' ') as [string, string];
  // first and last name together: the demo clinic has more patients of one last name than a page of results holds
  await page.getByLabel('Search patients').fill(`${firstName} ${lastName}`);
  await page.getByRole('table', { name: 'Patients found' }).getByRole('button', { name: `${lastName}, ${firstName}` }).first().click();
  await page.waitForLoadState('networkidle');
  await saveScreen(page, 'a11y-admin-patient-page');

  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  for (const section of DOCTOR_SECTIONS) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(page.locator('main h2').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await saveScreen(page, `a11y-doctor-${slug(section)}`);
  }
});
