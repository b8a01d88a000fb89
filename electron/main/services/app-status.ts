import type { AppStatus } from '../../../shared/ipc/types';
import type { AppRuntime } from '../runtime/app-runtime';
import { readSettingOrNull } from './clinic-settings';
import { isSetupRequired } from './setup';

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
