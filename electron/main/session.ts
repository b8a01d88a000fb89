import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SessionUser } from '../../shared/ipc/types';

/**
 * The signed-in user of this workstation window. Main owns it; the renderer never names the
 * user, so a compromised renderer cannot act as someone else.
 */
export class WorkstationSession {
  readonly workstation: string;
  private current: { id: string; user: SessionUser } | null = null;

  constructor(workstation = hostname()) {
    this.workstation = workstation;
  }

  get user(): SessionUser | null {
    return this.current?.user ?? null;
  }

  /** A fresh id for every sign-in, recorded in the audit trail. */
  get sessionId(): string | null {
    return this.current?.id ?? null;
  }

  signIn(user: SessionUser): void {
    this.current = { id: randomUUID(), user };
  }

  signOut(): void {
    this.current = null;
  }
}
