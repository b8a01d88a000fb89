import { describe, expect, it } from 'vitest';
import { WorkstationSession } from '../../../electron/main/session';
import type { SessionUser } from '../../../shared/ipc/types';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Desk Person' };
const patient: SessionUser = { id: 7, kind: 'patient', role: 'patient', displayName: 'Pat Ient' };

function kiosk(idleSeconds = 60) {
  let now = 1_000_000;
  const session = new WorkstationSession('ws-test', () => now);
  session.signIn(desk, 10);
  session.enterKiosk(desk, idleSeconds);
  return { session, advance: (ms: number) => (now += ms) };
}

describe('kiosk mode in the workstation session', () => {
  it('ends the staff session on entering: nobody is signed in, and the info says kiosk', () => {
    const { session } = kiosk();
    expect(session.user).toBeNull();
    expect(session.sessionId).toBeNull();
    expect(session.info()).toMatchObject({ user: null, kiosk: { idleSeconds: 60 } });
    expect(session.kioskEnteredBy).toEqual(desk);
  });

  it('signs an idle patient out after the kiosk idle time, counting from the last activity', () => {
    const { session, advance } = kiosk(60);
    session.signInKioskPatient(patient, 60);
    advance(59_000);
    session.recordActivity();
    advance(59_000);
    expect(session.user).toEqual(patient);
    advance(1_000);
    expect(session.user).toBeNull();
    expect(session.inKiosk).toBe(true);
  });

  it('never locks a kiosk: a lock request signs the patient out instead', () => {
    const { session, advance } = kiosk(600);
    session.signInKioskPatient(patient, 600);
    advance(30 * 60_000); // past any staff inactivity lock, but the patient is gone by now anyway
    expect(session.isLocked()).toBe(false);
    session.signInKioskPatient(patient, 600);
    session.lock();
    expect(session.user).toBeNull();
    expect(session.isLocked()).toBe(false);
  });

  it('keeps kiosk mode when a patient signs out, and leaves it only on a staff sign-in', () => {
    const { session } = kiosk();
    session.signInKioskPatient(patient, 60);
    session.signOut();
    expect(session.inKiosk).toBe(true);
    session.signIn(desk);
    expect(session.inKiosk).toBe(false);
    expect(session.info().kiosk).toBeNull();
  });

  it('refuses a patient sign-in outside kiosk mode', () => {
    const session = new WorkstationSession('ws-test');
    expect(() => session.signInKioskPatient(patient, 60)).toThrow();
  });
});
