import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { DoctorView, ProfileImageType } from '../../../shared/ipc/admin/doctors';
import { onSessionReset, noted } from './app-store';
import { loadInto } from './load-state';

export interface AdminDoctorsState {
  doctors: DoctorView[] | null;
  loading: boolean;
  error: AppError | null;
  /** data: URLs of loaded pictures, by doctor id (null: the doctor has none). */
  images: Record<number, string | null>;
  load(): Promise<void>;
  create(input: ChannelInput<'admin.doctors.create'>): Promise<Result<DoctorView>>;
  update(input: ChannelInput<'admin.doctors.update'>): Promise<Result<DoctorView>>;
  setActive(doctorId: number, active: boolean): Promise<Result<DoctorView>>;
  resetPassword(doctorId: number, newPassword: string): Promise<Result<DoctorView>>;
  setImage(doctorId: number, mediaType: ProfileImageType, dataBase64: string): Promise<Result<DoctorView>>;
  removeImage(doctorId: number): Promise<Result<DoctorView>>;
  loadImage(doctorId: number): Promise<void>;
}

const EMPTY = { doctors: null, loading: false, error: null, images: {} } satisfies Partial<AdminDoctorsState>;

/** Doctors as admins manage them. */
export const useAdminDoctorsStore = create<AdminDoctorsState>()((set, get) => {
  function replace(doctor: DoctorView): void {
    set((state) => {
      const doctors = state.doctors ?? [];
      const known = doctors.some((d) => d.id === doctor.id);
      const next = known ? doctors.map((d) => (d.id === doctor.id ? doctor : d)) : [...doctors, doctor];
      return { doctors: next.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id - b.id) };
    });
  }
  async function changed(result: Result<DoctorView>): Promise<Result<DoctorView>> {
    const checked = noted(result);
    if (checked.ok) replace(checked.data);
    return checked;
  }

  return {
    ...EMPTY,
    load: async () => {
      await loadInto(set, 'doctors', clinicApi()['admin.doctors.list']({}));
    },
    create: async (input) => changed(await clinicApi()['admin.doctors.create'](input)),
    update: async (input) => changed(await clinicApi()['admin.doctors.update'](input)),
    setActive: async (doctorId, active) => changed(await clinicApi()['admin.doctors.setActive']({ doctorId, active })),
    resetPassword: async (doctorId, newPassword) => changed(await clinicApi()['admin.doctors.resetPassword']({ doctorId, newPassword })),
    setImage: async (doctorId, mediaType, dataBase64) => {
      const result = await changed(await clinicApi()['admin.doctors.setImage']({ doctorId, mediaType, dataBase64 }));
      if (result.ok) set((state) => ({ images: { ...state.images, [doctorId]: `data:${mediaType};base64,${dataBase64}` } }));
      return result;
    },
    removeImage: async (doctorId) => {
      const result = await changed(await clinicApi()['admin.doctors.removeImage']({ doctorId }));
      if (result.ok) set((state) => ({ images: { ...state.images, [doctorId]: null } }));
      return result;
    },
    loadImage: async (doctorId) => {
      if (doctorId in get().images) return;
      const result = noted(await clinicApi()['admin.doctors.image']({ doctorId }));
      if (result.ok) set((state) => ({ images: { ...state.images, [doctorId]: result.data.dataUrl } }));
    },
  };
});

onSessionReset(() => useAdminDoctorsStore.setState(EMPTY));
