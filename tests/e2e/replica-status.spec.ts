import { expect, test } from '@playwright/test';
import { saveScreen } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { launchApp } from './support/launch';
import { networkedClinic } from './support/network-services';
import { startTcpProxy } from '../support/tcp-proxy';

// Generated clinic and people: no real names.
const ADMIN = { username: 'rexample', email: 'rune.example@example.org', firstName: 'Rune', lastName: 'Example' };
const PASSWORD = 'copper lantern nine 24';

test('an admin sees in the top bar that a read replica is skipped, and why', async () => {
  test.setTimeout(180_000);
  const clinic = await networkedClinic();
  // A "replica" that is a server not replicating from anything: the workstation must skip it.
  const server = new URL(clinic.mysqlUrl);
  const replicaProxy = await startTcpProxy(server.hostname, Number(server.port || 3306));
  const replicaUrl = new URL(clinic.mysqlUrl);
  replicaUrl.host = `127.0.0.1:${replicaProxy.port}`;
  const app = await launchApp({ env: { ...clinic.env, CLINIC_MYSQL_READ_URLS: replicaUrl.toString() } });
  try {
    const { page } = app;
    expect((await invokeInPage(page, 'setup.complete', { clinicName: 'Lindenhof Test Clinic', timezone: 'Europe/Berlin', admin: { ...ADMIN, password: PASSWORD } })).ok).toBe(true);
    await page.reload();
    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toContainText('Clinic server');
    await expect(page.getByTestId('replicas-skipped')).toHaveText('1 replica skipped', { timeout: 30_000 });
    await expect(indicator).toHaveAttribute('title', /MySQL replica 127\.0\.0\.1:\d+\/\w+: skipped \(reads go to the primary\): Not replicating from the primary\./);
    await saveScreen(page, 'replica-skipped');

    await replicaProxy.cut();
    // The replica is looked at again every five seconds; unreachable now, it is down.
    await expect(indicator).toHaveAttribute('title', /MySQL replica .*: skipped \(reads go to the primary\): Not answering/, { timeout: 30_000 });
    await expect(indicator).toContainText('Clinic server');
  } finally {
    await app.close();
    await replicaProxy.close();
    await clinic.dispose();
  }
  expect(app.pageErrors).toEqual([]);
});
