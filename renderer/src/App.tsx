import { useEffect } from 'react';
import { screenFor, useAppStore } from './stores/app-store';
import { AppShell } from './screens/AppShell';
import { FirstRunSetup } from './screens/FirstRunSetup';
import { SignInPlaceholder } from './screens/SignInPlaceholder';
import { StartupSplash } from './screens/StartupSplash';
import { StoreProblem } from './screens/StoreProblem';

/** Picks the one screen the workstation's state calls for. */
export function App() {
  const state = useAppStore();
  const load = useAppStore((s) => s.load);
  const screen = screenFor(state);

  useEffect(() => {
    void load();
  }, [load]);

  switch (screen) {
    case 'splash':
      return <StartupSplash />;
    case 'problem':
      return <StoreProblem status={state.status} statusError={state.statusError} />;
    case 'setup':
      return <FirstRunSetup />;
    case 'signIn':
      return <SignInPlaceholder clinicName={state.status?.clinicName ?? null} />;
    case 'shell':
      return state.status && state.user ? <AppShell status={state.status} user={state.user} /> : <StartupSplash />;
  }
}
