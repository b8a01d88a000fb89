import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { AuditSearchInput, CreateStaffInput } from '../../../shared/ipc/auth-schemas';
import type { AuditEntryView, AuditExport, AuditPerson, StaffAccountView } from '../../../shared/ipc/types';
import { onSessionReset, noted } from './app-store';

/** The audit filters as the screen sends them (limit and cursor are the store's). */
export type AuditFilters = Omit<AuditSearchInput, 'limit' | 'cursor'>;

const AUDIT_PAGE_SIZE = 50;

export interface AdminState {
  staff: StaffAccountView[] | null;
  staffLoading: boolean;
  staffError: AppError | null;
  audit: AuditEntryView[] | null;
  auditFilters: AuditFilters;
  auditNext: string | null;
  auditLoading: boolean;
  auditError: AppError | null;
  loadStaff(): Promise<void>;
  createStaff(input: CreateStaffInput): Promise<Result<StaffAccountView>>;
  setStaffActive(staffId: number, active: boolean): Promise<Result<StaffAccountView>>;
  resetStaffPassword(staffId: number, newPassword: string): Promise<Result<StaffAccountView>>;
  searchAudit(filters: AuditFilters): Promise<Result<unknown>>;
  loadOlderAudit(): Promise<void>;
  lookUpAuditPeople(kind: 'staff' | 'patient', startsWith: string): Promise<Result<AuditPerson[]>>;
  exportAudit(filters: AuditFilters): Promise<Result<AuditExport>>;
}

const EMPTY = {
  staff: null,
  staffLoading: false,
  staffError: null,
  audit: null,
  auditFilters: {},
  auditNext: null,
  auditLoading: false,
  auditError: null,
} satisfies Partial<AdminState>;

/** Staff accounts and the audit trail, for super admins. */
export const useAdminStore = create<AdminState>()((set, get) => {
  /** Every answer goes past the session store first, so SESSION_LOCKED shows the lock screen. */
  function replaceAccount(account: StaffAccountView): void {
    set((state) => ({ staff: state.staff?.map((row) => (row.id === account.id ? account : row)) ?? [account] }));
  }

  return {
    ...EMPTY,

    loadStaff: async () => {
      set({ staffLoading: true });
      const result = noted(await clinicApi()['staff.list']({}));
      set(result.ok ? { staff: result.data, staffError: null, staffLoading: false } : { staffError: result.error, staffLoading: false });
    },

    createStaff: async (input) => {
      const result = noted(await clinicApi()['staff.create'](input));
      if (result.ok) set((state) => ({ staff: [...(state.staff ?? []), result.data] }));
      return result;
    },

    setStaffActive: async (staffId, active) => {
      const result = noted(await clinicApi()['staff.setActive']({ staffId, active }));
      if (result.ok) replaceAccount(result.data);
      return result;
    },

    resetStaffPassword: async (staffId, newPassword) => {
      const result = noted(await clinicApi()['staff.resetPassword']({ staffId, newPassword }));
      if (result.ok) replaceAccount(result.data);
      return result;
    },

    lookUpAuditPeople: async (kind, startsWith) => noted(await clinicApi()['audit.people']({ kind, startsWith })),
    exportAudit: async (filters) => noted(await clinicApi()['audit.export'](filters)),

    searchAudit: async (filters) => {
      set({ auditLoading: true, auditFilters: filters });
      const result = noted(await clinicApi()['audit.search']({ ...filters, limit: AUDIT_PAGE_SIZE }));
      if (result.ok) set({ audit: result.data.entries, auditNext: result.data.next, auditError: null, auditLoading: false });
      else set({ auditError: result.error, auditLoading: false });
      return result;
    },

    loadOlderAudit: async () => {
      const { auditNext, auditFilters, auditLoading } = get();
      if (!auditNext || auditLoading) return;
      set({ auditLoading: true });
      const result = noted(
        await clinicApi()['audit.search']({ ...auditFilters, limit: AUDIT_PAGE_SIZE, cursor: auditNext }),
      );
      if (result.ok) {
        set((state) => ({
          audit: [...(state.audit ?? []), ...result.data.entries],
          auditNext: result.data.next,
          auditError: null,
          auditLoading: false,
        }));
      } else set({ auditError: result.error, auditLoading: false });
    },
  };
});

// What one person looked at is not shown to the next.
onSessionReset(() => useAdminStore.setState(EMPTY));
