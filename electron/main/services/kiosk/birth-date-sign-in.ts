import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionInfo } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { patientRepository } from '../../data/sql/repositories/patient-repository';
import type { WorkstationSession } from '../../session';
import { accountKey, patientSessionUser } from '../accounts';
import { isLocked, minutesLeft } from '../auth/lockout-policy';
import { clearFailures, readLockout, recordFailure } from '../auth/lockout-store';
import { accountInactive, lockedOut, lockoutPolicy } from '../auth/sign-in';
import { loadClinicSettings } from '../scheduling/rules';

const NOT_RECOGNISED = 'We could not find you with these details. Check them, or ask at the front desk.';
const NOT_ONE_PERSON = 'These details fit more than one patient: please check in at the front desk.';

export interface BirthDateCheckIn {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** The last four digits of the phone the clinic has for the patient. */
  phoneLastFour: string;
}

const endsWithDigits = (phone: string, lastFour: string) => phone.replace(/\D/g, '').endsWith(lastFour);

/**
 * A patient without email (or without a kiosk password) identifies at the kiosk by name, date of
 * birth and the last four digits of their phone. Every patient has a phone (the seed's column is
 * NOT NULL), so the factor needs nothing new on confirmations. A miss counts as a failed sign-in
 * of every patient with that name and birth date, under the same lockout as password sign-ins;
 * the session this opens is for checking in only (see WorkstationSession.checkInOnly).
 */
export async function signInAtKioskByBirthDate(session: WorkstationSession, sql: SqlStore, details: BirthDateCheckIn, now: Date): Promise<SessionInfo> {
  if (!session.inKiosk) throw new AppFailure('CONFLICT', 'This workstation is not in kiosk mode.');
  const candidates = await patientRepository(sql).byNameAndBirthDate(details);
  if (candidates.length === 0) throw new AppFailure('INVALID_CREDENTIALS', NOT_RECOGNISED);

  const keyOf = (id: number) => accountKey({ kind: 'patient', id });
  const states = await Promise.all(candidates.map(async (c) => ({ patient: c, state: await readLockout(sql, keyOf(c.id)) })));
  const open = states.filter(({ state }) => !isLocked(state, now)).map(({ patient }) => patient);
  if (open.length === 0) {
    const waits = states.map(({ state }) => (state ? minutesLeft(state, now) : 0));
    throw lockedOut(Math.min(...waits));
  }

  const matches = open.filter((c) => endsWithDigits(c.phone, details.phoneLastFour));
  const [match] = matches;
  if (matches.length === 1 && match) {
    await clearFailures(sql, keyOf(match.id));
    if (!match.isActive) throw accountInactive();
    const settings = await loadClinicSettings(sql.models);
    session.signInKioskPatient(patientSessionUser(match), settings.kioskIdleSeconds, true);
    return session.info();
  }
  if (matches.length > 1) throw new AppFailure('CONFLICT', NOT_ONE_PERSON);

  const policy = await lockoutPolicy(sql);
  const lockedNow: number[] = [];
  for (const candidate of open) {
    const next = await recordFailure(sql, keyOf(candidate.id), now, policy);
    if (isLocked(next, now)) lockedNow.push(minutesLeft(next, now));
  }
  if (lockedNow.length === open.length) throw lockedOut(Math.min(...lockedNow));
  throw new AppFailure('INVALID_CREDENTIALS', NOT_RECOGNISED);
}
