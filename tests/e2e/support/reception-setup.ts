import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Channel } from '../../../shared/ipc/contract';
import { setUpClinic } from './clinic-setup';
import { invokeInPage } from './invoke';
import { E2E_NOW } from './launch';

// Generated clinic and people only.
export const ZONE = 'Europe/Vienna';
export const ADMIN_PASSWORD = 'silver kettle morning 17';

/** Sets the clinic up through the first-run channel (signs the admin in) and shows the app. */
export async function setUpDemoClinic(page: Page): Promise<void> {
  await setUpClinic(
    page,
    {
      clinicName: 'Lindenhof Test Clinic',
      timezone: ZONE,
      admin: { username: 'rexamplar', email: 'robin.examplar@example.org', firstName: 'Robin', lastName: 'Examplar' },
      password: ADMIN_PASSWORD,
    },
    'channel',
  );
}

/** A channel call that must succeed (test arrangement). */
export async function call<C extends Channel>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await invokeInPage(page, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** The clinic's date `days` after today on the app's pinned clock (E2E_NOW, a Monday). */
export const clinicDate = (days = 0) => DateTime.fromISO(E2E_NOW).setZone(ZONE).plus({ days }).toISODate() as string;

let sequence = 0;
/** Tells this run's people from an earlier run's on a shared server, without reading the clock. */
const RUN = String(randomInt(10_000, 100_000));
/** A generated patient's fields; names are made up. */
export function generatedPatient(
  firstName: string,
  lastName: string,
  overrides: Partial<ChannelInput<'patients.register'>['patient']> = {},
) {
  sequence += 1;
  return {
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${sequence}.${RUN}@patients.example`.toLowerCase(),
    phone: `+1 555 07${String(sequence).padStart(2, '0')} ${RUN.slice(0, 3)}`,
    dateOfBirth: '1982-05-19',
    gender: 'Female' as const,
    ...overrides,
  };
}
