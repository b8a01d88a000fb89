import type { DoctorOption } from '../../stores/reception-store';

/** Who a walk-in will see, as one select value: any doctor, a specialization, or one doctor. */
export type Wish =
  { kind: 'any' } | { kind: 'specialization'; specialization: string } | { kind: 'doctor'; doctorId: number };

export function wishValue(wish: Wish): string {
  return wish.kind === 'any'
    ? 'any'
    : wish.kind === 'specialization'
      ? `spec:${wish.specialization}`
      : `doc:${wish.doctorId}`;
}

export function parseWish(value: string): Wish {
  if (value.startsWith('spec:')) return { kind: 'specialization', specialization: value.slice(5) };
  if (value.startsWith('doc:')) return { kind: 'doctor', doctorId: Number(value.slice(4)) };
  return { kind: 'any' };
}

export function specializationsOf(doctors: readonly DoctorOption[]): string[] {
  return [...new Set(doctors.map((d) => d.specialization))].sort();
}

/** The filter of slots.soonest / walkIns.join for a wish. */
export function wishFilter(wish: Wish): { doctorIds?: number[]; specialization?: string } {
  return wish.kind === 'doctor'
    ? { doctorIds: [wish.doctorId] }
    : wish.kind === 'specialization'
      ? { specialization: wish.specialization }
      : {};
}

export function describeWish(entry: { doctorName: string | null; specialization: string | null }): string {
  return entry.doctorName ?? (entry.specialization ? `Any ${entry.specialization}` : 'Any doctor');
}

/** The doctorId / specialization fields of walkIns.join and waitingList.add for a wish. */
export function wishTarget(wish: Wish): { doctorId?: number; specialization?: string } {
  return wish.kind === 'doctor'
    ? { doctorId: wish.doctorId }
    : wish.kind === 'specialization'
      ? { specialization: wish.specialization }
      : {};
}
