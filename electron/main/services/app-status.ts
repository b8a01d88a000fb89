import type { AppStatus } from '../../../shared/ipc/types';
import type { AppRuntime } from '../runtime/app-runtime';
import { DEFAULT_DISPLAY_LOCALE } from '../../../shared/domain/display-format';
import { displayLocaleOf } from '../../../shared/domain/settings-registry';
import { readSettingOrNull } from './clinic-settings';
import { cachedClinicSettings } from './scheduling/rules';
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
    display: DEFAULT_DISPLAY_LOCALE,
    phoneCountry: FALLBACK_PHONE_COUNTRY,
  };
  const configProblem = runtime.problemWithConfig;
  if (configProblem) return { ...base, fatal: { code: 'CONFIG', message: configProblem } };
  if (!state.ready) return state.fatal ? { ...base, fatal: state.fatal } : base;
  const { sql } = state.stores;
  const timezone = await readSettingOrNull(sql.models, 'timezone');
  // The status is asked for often (every screen's top bar): the display settings and the phone
  // country come from the one cached read of all settings, which a write to them empties.
  const settings = await cachedClinicSettings(sql);
  return {
    ...base,
    schemaVersion: sql.schemaVersion,
    setupRequired: await isSetupRequired(sql),
    clinicName: await readSettingOrNull(sql.models, 'clinicName'),
    timezone,
    display: displayLocaleOf(settings),
    phoneCountry: clinicPhoneCountry(settings.defaultPhoneCountry, timezone),
  };
}
