import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SessionInfo, SessionUser } from '../../shared/ipc/types';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DEFAULT_KIOSK_IDLE_SECONDS = 90;

/**
 * The signed-in user of this workstation window. Main owns it; the renderer never names the
 * user, so a compromised renderer cannot act as someone else.
 *
 * The automatic lock is enforced here, not only on screen: once the workstation has been idle
 * for the clinic's inactivity setting, every channel beyond sign-in and unlock is refused until
 * the same user re-enters their password (or someone else signs in). Idleness is measured from
 * the renderer's activity reports (keyboard and pointer use), sign-in and unlock; background
 * refreshes do not count as use.
 */
export class WorkstationSession {
  readonly workstation: string;
  private current: { id: string; user: SessionUser } | null = null;
  private lastActivityMs = 0;
  private locked = false;
  private idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  /**
   * Kiosk mode: the staff session that switched it on has ended (nothing of it is
   * usable), only patients sign in, a patient's session ends by itself after `idleSeconds`
   * without use, and only a desk or admin staff password leaves the mode.
   */
  private kiosk: { enteredBy: SessionUser; idleSeconds: number } | null = null;
  /** The kiosk patient proved who they are by name, birth date and phone digits, not a password: check-in only. */
  private kioskCheckInOnly = false;

  constructor(
    workstation = hostname(),
    private readonly nowMs: () => number = Date.now,
  ) {
    this.workstation = workstation;
  }

  get user(): SessionUser | null {
    this.endIdleKioskPatient();
    return this.current?.user ?? null;
  }

  /** A fresh id for every sign-in, recorded in the audit trail. */
  get sessionId(): string | null {
    this.endIdleKioskPatient();
    return this.current?.id ?? null;
  }

  get inKiosk(): boolean {
    return this.kiosk !== null;
  }

  /** Any sign-in other than a patient's at the kiosk (staff leaving kiosk mode, tests) ends kiosk mode. */
  signIn(user: SessionUser, idleLockMinutes = this.idleLockMinutes): void {
    if (user.kind !== 'patient') this.kiosk = null;
    this.current = { id: randomUUID(), user };
    this.idleLockMinutes = idleLockMinutes;
    this.locked = false;
    this.lastActivityMs = this.nowMs();
  }

  /** In kiosk mode this ends the patient's session only; the workstation stays a kiosk. */
  signOut(): void {
    this.current = null;
    this.locked = false;
  }

  /** The staff user's session ends here; from now on only patients sign in. */
  enterKiosk(staff: SessionUser, idleSeconds: number): void {
    this.kiosk = { enteredBy: staff, idleSeconds };
    this.current = null;
    this.locked = false;
  }

  /** A patient's sign-in at the kiosk, with its own short idle time. */
  signInKioskPatient(patient: SessionUser, idleSeconds: number, checkInOnly = false): void {
    if (!this.kiosk) throw new Error('A patient signs in only at a kiosk');
    this.kiosk.idleSeconds = idleSeconds;
    this.kioskCheckInOnly = checkInOnly;
    this.current = { id: randomUUID(), user: patient };
    this.locked = false;
    this.lastActivityMs = this.nowMs();
  }

  /** True while the kiosk patient signed in without a password (they may check in, not read their records). */
  get checkInOnly(): boolean {
    return this.kiosk !== null && this.user !== null && this.kioskCheckInOnly;
  }

  /** Staff who entered kiosk mode (for the record); null outside it. */
  get kioskEnteredBy(): SessionUser | null {
    return this.kiosk?.enteredBy ?? null;
  }

  /** A patient idle past the kiosk's limit is signed out: the next person sees nothing of them. */
  private endIdleKioskPatient(): void {
    if (this.kiosk && this.current && this.nowMs() - this.lastActivityMs >= this.kiosk.idleSeconds * 1000) {
      this.current = null;
    }
  }

  setIdleLockMinutes(minutes: number): void {
    this.idleLockMinutes = minutes;
  }

  /** True when locked, locking first if the idle time has run out. */
  isLocked(): boolean {
    // A kiosk never locks: an idle patient is signed out instead.
    if (this.kiosk) return false;
    if (!this.current) return false;
    if (!this.locked && this.nowMs() - this.lastActivityMs >= this.idleLockMinutes * 60_000) this.locked = true;
    return this.locked;
  }

  lock(): void {
    if (this.kiosk) this.signOut();
    else if (this.current) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActivityMs = this.nowMs();
  }

  /** The user did something. A session already locked stays locked: only the password opens it. */
  recordActivity(): void {
    this.endIdleKioskPatient();
    if (!this.isLocked()) this.lastActivityMs = this.nowMs();
  }

  info(): SessionInfo {
    const user = this.user;
    return {
      user,
      locked: this.isLocked(),
      idleLockMinutes: this.idleLockMinutes,
      kiosk: this.kiosk ? { idleSeconds: this.kiosk.idleSeconds, ...(user && this.kioskCheckInOnly ? { checkInOnly: true } : {}) } : null,
    };
  }
}
