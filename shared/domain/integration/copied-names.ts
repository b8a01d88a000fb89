/**
 * Names that documents copy from the relational rows (the seed's denormalized `patientName` and
 * `doctorName` on prescriptions), and how a document's copies are brought up to date. Pure.
 *
 * An unsigned prescription's copies simply follow the people. A signed one keeps the names it was
 * signed with (the signature covers them); the names the people have now go beside them, in
 * `currentPatientName` / `currentDoctorName`, and only while they differ from the signed ones.
 */

export interface PersonName {
  firstName: string;
  lastName: string;
}

export const patientDisplayName = (p: PersonName): string => `${p.firstName} ${p.lastName}`;
export const doctorDisplayName = (d: PersonName): string => `Dr. ${d.firstName} ${d.lastName}`;

/** The copies a prescription carries, as far as keeping them current is concerned. */
export interface NameCopies {
  patientName: string;
  doctorName: string;
  currentPatientName?: string | undefined;
  currentDoctorName?: string | undefined;
  digitalSignature?: string | undefined;
}

/** A patch of the copies; a key present with `undefined` removes that field. */
export type NameCopiesPatch = Partial<Record<'patientName' | 'doctorName' | 'currentPatientName' | 'currentDoctorName', string | undefined>>;

/** The names people have now; a side left out is not looked at. */
export interface CurrentNames {
  patientName?: string;
  doctorName?: string;
}

function side(
  doc: NameCopies,
  signed: boolean,
  copied: 'patientName' | 'doctorName',
  display: 'currentPatientName' | 'currentDoctorName',
  now: string | undefined,
  patch: NameCopiesPatch,
): void {
  if (now === undefined) return;
  if (!signed) {
    if (doc[copied] !== now) patch[copied] = now;
    if (doc[display] !== undefined) patch[display] = undefined;
    return;
  }
  const wanted = now === doc[copied] ? undefined : now;
  if (doc[display] !== wanted) patch[display] = wanted;
}

/** What to write so the document's copies match the names now; null when they already do. */
export function copiesPatch(doc: NameCopies, now: CurrentNames): NameCopiesPatch | null {
  const signed = Boolean(doc.digitalSignature);
  const patch: NameCopiesPatch = {};
  side(doc, signed, 'patientName', 'currentPatientName', now.patientName, patch);
  side(doc, signed, 'doctorName', 'currentDoctorName', now.doctorName, patch);
  return Object.keys(patch).length === 0 ? null : patch;
}

/** The copies after a patch (for tests and for showing what a repair would do). */
export function applyCopiesPatch<T extends NameCopies>(doc: T, patch: NameCopiesPatch): T {
  const next: T = { ...doc };
  for (const [key, value] of Object.entries(patch) as [keyof NameCopiesPatch, string | undefined][]) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The names a screen or a printout shows: the people's names now. */
export const shownPatientName = (doc: NameCopies): string => doc.currentPatientName ?? doc.patientName;
export const shownDoctorName = (doc: NameCopies): string => doc.currentDoctorName ?? doc.doctorName;

/**
 * The claim of one change of one person: the same change seen by several workstations (or by the
 * workstation that made it and, later, the scheduled pass) has one key, so it is applied once. The
 * copied name is part of the key, so two renames within one second are two changes.
 */
export function copyClaimKey(entity: 'patient' | 'doctor', id: number, updatedAtMs: number, name: string): string {
  return `${entity}|${id}|${updatedAtMs}|${fnv1a(name)}`;
}

/** A short digest of the name: the claims table keeps no names of people. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
