import type { AppStatus } from '../../../shared/ipc/types';
import type { AppRuntime } from '../runtime/app-runtime';
import { readSettingOrNull } from './clinic-settings';
import { isSetupRequired } from './setup';
import { clinicPhoneCountry, FALLBACK_PHONE_COUNTRY } from '../../../shared/domain/phone';

/** What the status call reads of the runtime. */
export type StatusRuntime = Pick<AppRuntime, 'appVersion' | 'config' | 'problemWithConfig' | 'state'>;

export async function appStatus(runtime: StatusRuntime): Promise<AppStatus> {
  const state = runtime.state;
  const base: AppStatus = {
    appVersion: runtime.appVersion,
    mode: runtime.config?.mode ?? 'standalone',
    stores: state.health,
    schemaVersion: null,
    setupRequired: false,
    clinicName: null,
    timezone: null,
    phoneCountry: FALLBACK_PHONE_COUNTRY,
  };
  const configProblem = runtime.problemWithConfig;
  if (configProblem) return { ...base, fatal: { code: 'CONFIG', message: configProblem } };
  if (!state.ready) return state.fatal ? { ...base, fatal: state.fatal } : base;
  const { sql } = state.stores;
  const timezone = await readSettingOrNull(sql.models, 'timezone');
  return {
    ...base,
    schemaVersion: sql.schemaVersion,
    setupRequired: await isSetupRequired(sql),
    clinicName: await readSettingOrNull(sql.models, 'clinicName'),
    timezone,
    phoneCountry: clinicPhoneCountry(await readSettingOrNull(sql.models, 'defaultPhoneCountry'), timezone),
  };
}
