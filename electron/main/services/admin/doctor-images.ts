import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PROFILE_IMAGE_MAX_BYTES, type DoctorImage, type DoctorView, type ProfileImageType, type SetDoctorImageInput } from '../../../../shared/ipc/admin/doctors';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { requireDoctor, toDoctorView } from './doctors-admin';

/** Profile pictures live in the app's data folder; doctors.profile_image_url holds `doctor-images/<file>`. */
export const IMAGE_FOLDER = 'doctor-images';

const EXTENSION: Record<ProfileImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** What the bytes really are, from their signature: the declared type alone is the renderer's word. */
export function sniffImageType(bytes: Buffer): ProfileImageType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** The file a stored reference names, only inside the image folder (a hand-edited row cannot point elsewhere). */
function fileOf(dataDir: string, reference: string | null | undefined): string | null {
  if (!reference || !reference.startsWith(`${IMAGE_FOLDER}/`)) return null;
  const name = basename(reference);
  return name === reference.slice(IMAGE_FOLDER.length + 1) ? join(dataDir, IMAGE_FOLDER, name) : null;
}

/**
 * Stores a doctor's picture: size and real type checked here in main, the file written under the
 * data folder (atomically: a temporary file renamed), the reference saved, the previous file removed.
 */
export async function setDoctorImage(sql: SqlStore, dataDir: string, input: SetDoctorImageInput): Promise<DoctorView> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppFailure('VALIDATION', 'The image is empty.', { field: 'dataBase64' });
  if (bytes.length > PROFILE_IMAGE_MAX_BYTES) throw new AppFailure('VALIDATION', 'The image is larger than 2 MB.', { field: 'dataBase64' });
  const actual = sniffImageType(bytes);
  if (actual !== input.mediaType) {
    throw new AppFailure('VALIDATION', 'The file is not a PNG, JPEG or WebP image (or not the type it claims to be).', { field: 'mediaType' });
  }
  const doctor = await requireDoctor(sql, input.doctorId);
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const name = `doctor-${doctor.id}-${digest}.${EXTENSION[actual]}`;
  const folder = join(dataDir, IMAGE_FOLDER);
  await mkdir(folder, { recursive: true });
  const target = join(folder, name);
  const temporary = `${target}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  const previous = fileOf(dataDir, doctor.profileImageUrl);
  await doctor.update({ profileImageUrl: `${IMAGE_FOLDER}/${name}` });
  if (previous && previous !== target) await rm(previous, { force: true });
  return toDoctorView(doctor);
}

export async function removeDoctorImage(sql: SqlStore, dataDir: string, doctorId: number): Promise<DoctorView> {
  const doctor = await requireDoctor(sql, doctorId);
  const previous = fileOf(dataDir, doctor.profileImageUrl);
  await doctor.update({ profileImageUrl: null });
  if (previous) await rm(previous, { force: true });
  return toDoctorView(doctor);
}

/** The picture as a data: URL; null when there is none or its file is gone (another workstation's folder). */
export async function readDoctorImage(sql: SqlStore, dataDir: string, doctorId: number): Promise<DoctorImage> {
  const doctor = await requireDoctor(sql, doctorId);
  const file = fileOf(dataDir, doctor.profileImageUrl);
  if (!file) return { doctorId, dataUrl: null };
  try {
    const bytes = await readFile(file);
    const type = sniffImageType(bytes);
    return { doctorId, dataUrl: type ? `data:${type};base64,${bytes.toString('base64')}` : null };
  } catch {
    return { doctorId, dataUrl: null };
  }
}
