import { z } from 'zod';

/**
 * Which doctors' columns the day view hides, remembered per user on each workstation. Hidden ids
 * are kept rather than shown ones, so a doctor who joins the clinic shows up without anyone
 * having to tick them.
 */
const StoredChoice = z.object({ hidden: z.array(z.number().int().positive()).max(1000) });

export function columnChoiceKey(user: { kind: string; id: number }): string {
  return `clinic-desk:day-columns:${user.kind}:${user.id}`;
}

/** What was stored, or nothing hidden when the text is missing or not ours (never a failure). */
export function readColumnChoice(text: string | null): number[] {
  if (!text) return [];
  try {
    const parsed = StoredChoice.safeParse(JSON.parse(text));
    return parsed.success ? [...new Set(parsed.data.hidden)] : [];
  } catch {
    return [];
  }
}

export function writeColumnChoice(hidden: readonly number[]): string {
  return JSON.stringify({ hidden: [...new Set(hidden)].sort((a, b) => a - b) });
}

/** Hides or shows one doctor; the last shown column cannot be hidden (an empty grid helps nobody). */
export function toggleColumn(hidden: readonly number[], doctorId: number, allDoctorIds: readonly number[]): number[] {
  if (hidden.includes(doctorId)) return hidden.filter((id) => id !== doctorId);
  const shown = allDoctorIds.filter((id) => !hidden.includes(id));
  if (shown.length <= 1 && shown.includes(doctorId)) return [...hidden];
  return [...hidden, doctorId];
}
