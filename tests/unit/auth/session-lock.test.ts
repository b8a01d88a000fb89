import { describe, expect, it } from 'vitest';
import { WorkstationSession } from '../../../electron/main/session';
import type { SessionUser } from '../../../shared/ipc/types';

const clerk: SessionUser = { id: 3, kind: 'staff', role: 'front_desk', displayName: 'Generated Clerk' };

function sessionWithClock() {
  let now = 1_000_000;
  const session = new WorkstationSession('desk-1', () => now);
  return { session, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('the automatic lock', () => {
  it('locks once the idle time reaches the setting, and not before', () => {
    const { session, advance } = sessionWithClock();
    session.signIn(clerk, 10);
    advance(9.9);
    expect(session.isLocked()).toBe(false);
    advance(0.1);
    expect(session.isLocked()).toBe(true);
  });

  it('counts activity as use, so an active user is never locked', () => {
    const { session, advance } = sessionWithClock();
    session.signIn(clerk, 10);
    for (let i = 0; i < 6; i++) {
      advance(9);
      session.recordActivity();
    }
    expect(session.isLocked()).toBe(false);
  });

  it('is not opened by activity after it locked: only unlock (the password) opens it', () => {
    const { session, advance } = sessionWithClock();
    session.signIn(clerk, 10);
    advance(11);
    session.recordActivity();
    expect(session.isLocked()).toBe(true);
    session.unlock();
    expect(session.isLocked()).toBe(false);
    expect(session.user).toEqual(clerk);
  });

  it('keeps the user while locked and drops the lock when someone else signs in', () => {
    const { session } = sessionWithClock();
    session.signIn(clerk, 10);
    session.lock();
    expect(session.info()).toMatchObject({ user: clerk, locked: true, idleLockMinutes: 10 });
    const other: SessionUser = { ...clerk, id: 4 };
    const before = session.sessionId;
    session.signIn(other, 10);
    expect(session.info()).toMatchObject({ user: other, locked: false });
    expect(session.sessionId).not.toBe(before);
  });

  it('has nothing to lock when nobody is signed in', () => {
    const { session, advance } = sessionWithClock();
    advance(60);
    session.lock();
    expect(session.isLocked()).toBe(false);
  });
});
