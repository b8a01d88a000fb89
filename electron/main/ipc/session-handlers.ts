import type { SessionChannelName } from '../../../shared/ipc/session/channel-names';
import type { AppRuntime } from '../runtime/app-runtime';
import { signInAtWorkstation, unlockWorkstation, type SignInMode } from '../services/auth/workstation-sign-in';
import { signedInUser, type HandlersOf } from './handler-types';

/** Offline while the runtime serves from the mirror. */
function signInMode(runtime: AppRuntime): SignInMode {
  return { offline: runtime.servingMirror };
}

/** The session channels; sign-in and unlock check against the mirror while the server is away. */
export const sessionHandlers: HandlersOf<SessionChannelName> = {
  'session.current': async (_input, { session }) => session.info(),
  'session.signIn': async (input, { runtime, session }) =>
    signInAtWorkstation(session, runtime.stores(), input, new Date(), signInMode(runtime), runtime.passwordCost),
  'session.signOut': async (_input, { session }) => {
    session.signOut();
    return session.info();
  },
  'session.lock': async (_input, { session }) => {
    session.lock();
    return session.info();
  },
  'session.unlock': async (input, ctx) =>
    unlockWorkstation(
      ctx.session,
      ctx.runtime.stores(),
      signedInUser(ctx),
      input.password,
      new Date(),
      signInMode(ctx.runtime),
    ),
  'session.activity': async (_input, { session }) => {
    session.recordActivity();
    return session.info();
  },
};
