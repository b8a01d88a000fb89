import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SessionInfo, SessionUser } from '../../shared/ipc/types';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

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

  constructor(
    workstation = hostname(),
    private readonly nowMs: () => number = Date.now,
  ) {
    this.workstation = workstation;
  }

  get user(): SessionUser | null {
    return this.current?.user ?? null;
  }

  /** A fresh id for every sign-in, recorded in the audit trail. */
  get sessionId(): string | null {
    return this.current?.id ?? null;
  }

  signIn(user: SessionUser, idleLockMinutes = this.idleLockMinutes): void {
    this.current = { id: randomUUID(), user };
    this.idleLockMinutes = idleLockMinutes;
    this.locked = false;
    this.lastActivityMs = this.nowMs();
  }

  signOut(): void {
    this.current = null;
    this.locked = false;
  }

  setIdleLockMinutes(minutes: number): void {
    this.idleLockMinutes = minutes;
  }

  /** True when locked, locking first if the idle time has run out. */
  isLocked(): boolean {
    if (!this.current) return false;
    if (!this.locked && this.nowMs() - this.lastActivityMs >= this.idleLockMinutes * 60_000) this.locked = true;
    return this.locked;
  }

  lock(): void {
    if (this.current) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActivityMs = this.nowMs();
  }

  /** The user did something. A session already locked stays locked: only the password opens it. */
  recordActivity(): void {
    if (!this.isLocked()) this.lastActivityMs = this.nowMs();
  }

  info(): SessionInfo {
    return { user: this.user, locked: this.isLocked(), idleLockMinutes: this.idleLockMinutes };
  }
}
