import { lazy, Suspense, useEffect } from 'react';
import { screenFor, useAppStore } from './stores/app-store';
import { AppShell } from './screens/AppShell';
import { SignIn } from './screens/SignIn';
import { StartupSplash } from './screens/StartupSplash';
import { StoreProblem } from './screens/StoreProblem';
import { useIdleLock } from './features/session/use-idle-lock';

/* Screens a start rarely shows (the first run, the kiosk, the lock) are loaded when first shown. */
const FirstRunSetup = lazy(() => import('./screens/FirstRunSetup').then((m) => ({ default: m.FirstRunSetup })));
const KioskScreen = lazy(() => import('./features/kiosk/KioskScreen').then((m) => ({ default: m.KioskScreen })));
const LockScreen = lazy(() => import('./features/session/LockScreen').then((m) => ({ default: m.LockScreen })));

/** Picks the one screen the workstation's state calls for. */
export function App() {
  const state = useAppStore();
  const load = useAppStore((s) => s.load);
  const screen = screenFor(state);
  useIdleLock();

  useEffect(() => {
    void load();
  }, [load]);

  switch (screen) {
    case 'splash':
      return <StartupSplash />;
    case 'problem':
      return <StoreProblem status={state.status} statusError={state.statusError} />;
    case 'setup':
      return (
        <Suspense fallback={<StartupSplash />}>
          <FirstRunSetup />
        </Suspense>
      );
    case 'kiosk':
      return (
        <Suspense fallback={<StartupSplash />}>
          <KioskScreen clinicName={state.status?.clinicName ?? null} />
        </Suspense>
      );
    case 'signIn':
      return <SignIn clinicName={state.status?.clinicName ?? null} />;
    case 'shell':
      if (!state.status || !state.user) return <StartupSplash />;
      return (
        <>
          {/*
            Locked: the shell stays mounted (nobody loses their place) but is inert, hidden from
            assistive technology, not painted (visibility keeps its layout and scroll positions)
            and covered by the opaque lock screen; its dialogs close until unlock (Dialog). A different user's sign-in
            changes the epoch, which remounts the shell with fresh state.
          */}
          <div className={state.locked ? 'app-root app-root--locked' : 'app-root'} inert={state.locked} aria-hidden={state.locked || undefined}>
            <AppShell key={state.sessionEpoch} status={state.status} user={state.user} />
          </div>
          {state.locked ? (
            <Suspense fallback={null}>
              <LockScreen user={state.user} clinicName={state.status.clinicName} />
            </Suspense>
          ) : null}
        </>
      );
  }
}
