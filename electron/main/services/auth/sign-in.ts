import { Op } from 'sequelize';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { hashPassword, PRODUCTION_SCRYPT_COST, verifyPassword, type ScryptCost } from '../../security/password';
import { accountKey, doctorSessionUser, patientSessionUser, staffSessionUser } from '../accounts';
import { loadClinicSettings } from '../scheduling/rules';
import { isLocked, minutesLeft, type LockoutPolicy } from './lockout-policy';
import { clearFailures, readLockout, recordFailure } from './lockout-store';

/** Staff and doctors sign in at a workstation; patients only at the kiosk. */
export type Audience = 'staff' | 'patient';

export interface Account {
  user: SessionUser;
  passwordHash: string;
  isActive: boolean;
  markSignedIn(now: Date): Promise<void>;
}

const INVALID = 'The user name or password is not right.';

// Unknown names still cost one scrypt, so the answer's timing does not tell which names exist.
// One decoy per cost: it costs what the accounts' own hashes cost.
const decoyHashes = new Map<string, Promise<string>>();
function decoy(cost: ScryptCost): Promise<string> {
  const key = `${cost.N}$${cost.r}$${cost.p}`;
  let hash = decoyHashes.get(key);
  if (!hash) decoyHashes.set(key, (hash = hashPassword(`decoy-${Math.random()}`, cost)));
  return hash;
}

/** One scrypt that checks nothing: answering an unknown name costs what a known one costs. */
export async function spendDecoyHash(password: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<void> {
  await verifyPassword(password, await decoy(cost));
}

/** The account a name belongs to, in the given store (the clinic's, or this workstation's mirror). */
export async function findAccount(sql: SqlStore, identifier: string, audience: Audience): Promise<Account | null> {
  const name = identifier.trim();
  const email = name.toLowerCase();
  const { Admin, Doctor, Patient } = sql.models;
  if (audience === 'patient') {
    const patient = await Patient.findOne({ where: { email } });
    return patient && { user: patientSessionUser(patient), passwordHash: patient.passwordHash, isActive: patient.isActive, markSignedIn: async () => {} };
  }
  const staff = await Admin.findOne({ where: { [Op.or]: [{ username: name }, { email }] } });
  if (staff) {
    return {
      user: staffSessionUser(staff),
      passwordHash: staff.passwordHash,
      isActive: staff.isActive,
      markSignedIn: async (now) => {
        await Admin.update({ lastLogin: now }, { where: { id: staff.id } });
      },
    };
  }
  const doctor = await Doctor.findOne({ where: { email } });
  return doctor && { user: doctorSessionUser(doctor), passwordHash: doctor.passwordHash, isActive: doctor.isActive, markSignedIn: async () => {} };
}

export function lockedOut(minutes: number): AppFailure {
  return new AppFailure('LOCKED_OUT', `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. Ask an administrator if you need in sooner.`, {
    minutesLeft: minutes,
  });
}

export async function lockoutPolicy(sql: SqlStore): Promise<LockoutPolicy> {
  const settings = await loadClinicSettings(sql.models);
  return { threshold: settings.lockoutThreshold, lockMinutes: settings.lockoutMinutes };
}

/**
 * Checks a password for a known account with the lockout rule: a locked account is refused
 * before the password is looked at; a wrong password counts (in the shared database) and may
 * lock the account; a right one clears the count.
 */
export async function checkPassword(sql: SqlStore, user: SessionUser, passwordHash: string, password: string, now: Date): Promise<void> {
  const key = accountKey(user);
  const state = await readLockout(sql, key);
  if (isLocked(state, now) && state) throw lockedOut(minutesLeft(state, now));
  if (await verifyPassword(password, passwordHash)) {
    if (state) await clearFailures(sql, key);
    return;
  }
  const next = await recordFailure(sql, key, now, await lockoutPolicy(sql));
  if (isLocked(next, now)) throw lockedOut(minutesLeft(next, now));
  throw new AppFailure('INVALID_CREDENTIALS', INVALID);
}

export function accountInactive(): AppFailure {
  return new AppFailure('ACCOUNT_INACTIVE', 'This account has been deactivated. Ask an administrator.');
}

/**
 * Signs in against the clinic's store and returns the user with the hash their password was
 * checked against (a networked workstation keeps that exact hash for signing in offline).
 */
export async function authenticate(
  sql: SqlStore,
  credentials: { identifier: string; password: string },
  audience: Audience,
  now: Date,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<{ user: SessionUser; passwordHash: string }> {
  const account = await findAccount(sql, credentials.identifier, audience);
  if (!account) {
    await spendDecoyHash(credentials.password, cost);
    throw new AppFailure('INVALID_CREDENTIALS', INVALID);
  }
  await checkPassword(sql, account.user, account.passwordHash, credentials.password, now);
  // Only someone who knows the password learns that the account is deactivated.
  if (!account.isActive) throw accountInactive();
  await account.markSignedIn(now);
  return { user: account.user, passwordHash: account.passwordHash };
}

export async function signIn(
  sql: SqlStore,
  credentials: { identifier: string; password: string },
  audience: Audience,
  now: Date,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<SessionUser> {
  return (await authenticate(sql, credentials, audience, now, cost)).user;
}

/** The stored hash of a signed-in user, for unlocking the screen with their password. */
export async function passwordHashOf(sql: SqlStore, user: SessionUser): Promise<{ passwordHash: string; isActive: boolean } | null> {
  const attributes: ['passwordHash', 'isActive'] = ['passwordHash', 'isActive'];
  const { Admin, Doctor, Patient } = sql.models;
  const row =
    user.kind === 'staff'
      ? await Admin.findByPk(user.id, { attributes })
      : user.kind === 'doctor'
        ? await Doctor.findByPk(user.id, { attributes })
        : await Patient.findByPk(user.id, { attributes });
  return row && { passwordHash: row.passwordHash, isActive: row.isActive };
}
