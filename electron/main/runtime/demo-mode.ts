import { DateTime } from 'luxon';
import type { StoreConfig } from '../config/store-config';
import { demoSizeFrom, seedDemoClinic } from '../data/generator/demo-clinic';
import type { StoreState } from './stores';

/**
 * CLINIC_DEMO=small|medium: a fresh standalone store gets a generated clinic at first start, so
 * the app can be tried (and demonstrated) with realistic data. Never on a clinic server, never
 * on a store that already holds data. A failure leaves an empty store, not a broken start.
 */
export async function applyDemoMode(state: StoreState, config: StoreConfig, env: NodeJS.ProcessEnv, nowMs: () => number): Promise<void> {
  const size = demoSizeFrom(env.CLINIC_DEMO);
  if (!size || !state.ready || config.mode !== 'standalone') return;
  try {
    // The machine's local date: the clinic's time zone is chosen after the first start.
    await seedDemoClinic(state.stores.sql, size, DateTime.fromMillis(nowMs()).toISODate() as string);
  } catch (error) {
    console.error(`[clinic-desk] demo data not generated: ${error instanceof Error ? error.message : String(error)}`);
  }
}
