import type { AppStatus } from '../../../shared/ipc/types';
import type { AppRuntime } from '../runtime/app-runtime';
import { readSettingOrNull } from './clinic-settings';
import { isSetupRequired } from './setup';

export async function appStatus(runtime: AppRuntime): Promise<AppStatus> {
  const state = runtime.state;
  const base: AppStatus = {
    appVersion: runtime.appVersion,
    mode: runtime.config?.mode ?? 'standalone',
    stores: state.health,
    schemaVersion: null,
    setupRequired: false,
    clinicName: null,
    timezone: null,
  };
  const configProblem = runtime.problemWithConfig;
  if (configProblem) return { ...base, fatal: { code: 'CONFIG', message: configProblem } };
  if (!state.ready) return state.fatal ? { ...base, fatal: state.fatal } : base;
  const { sql } = state.stores;
  return {
    ...base,
    schemaVersion: sql.schemaVersion,
    setupRequired: await isSetupRequired(sql),
    clinicName: await readSettingOrNull(sql.models, 'clinicName'),
    timezone: await readSettingOrNull(sql.models, 'timezone'),
  };
}
