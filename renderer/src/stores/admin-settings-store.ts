import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { KnownSettingView, SettingsPage } from '../../../shared/ipc/admin/settings';
import type { SettingName } from '../../../shared/domain/settings-registry';
import { onSessionReset, useAppStore, noted } from './app-store';
import { loadInto } from './load-state';

export interface AdminSettingsState {
  page: SettingsPage | null;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  save(name: SettingName, value: unknown, version: string | null): Promise<Result<KnownSettingView>>;
}

const EMPTY = { page: null, loading: false, error: null } satisfies Partial<AdminSettingsState>;

/** The clinic settings screen's data (admins). */
export const useAdminSettingsStore = create<AdminSettingsState>()((set) => {
  /** Settings the rest of the screen shows (header name, clock zone, date and money formats, phone country, lock timer) follow a save at once. */
  async function applyElsewhere(saved: KnownSettingView): Promise<void> {
    if (saved.name === 'inactivityLockMinutes') useAppStore.setState({ idleLockMinutes: saved.value as number });
    if (['clinicName', 'timezone', 'defaultPhoneCountry', 'displayLocale', 'clockHours', 'weekStart', 'currency'].includes(saved.name)) {
      const status = await clinicApi()['app.status']({});
      if (status.ok) useAppStore.setState({ status: status.data });
    }
  }

  return {
    ...EMPTY,
    load: async () => {
      await loadInto(set, 'page', clinicApi()['admin.settings.list']({}));
    },
    save: async (name, value, version) => {
      const result = noted(await clinicApi()['admin.settings.save']({ name, value, version }));
      if (result.ok) {
        set((state) => ({
          page: state.page ? { ...state.page, known: state.page.known.map((s) => (s.name === name ? result.data : s)) } : state.page,
        }));
        await applyElsewhere(result.data);
      }
      return result;
    },
  };
});

onSessionReset(() => useAdminSettingsStore.setState(EMPTY));
