/** The part of Electron's `will-quit` event the gate uses. */
export interface QuitEvent {
  preventDefault(): void;
}

/**
 * Holds the app's quit until the workstation has closed (a replay or pull under way, the audit
 * delivery and the stores), then quits for real. Electron does not await `will-quit` listeners,
 * so without the hold the process could end mid-replay with a change half sent.
 * A failed close still quits: the outbox and the local audit buffer keep what was not sent.
 */
export function holdQuitUntilClosed(
  close: () => Promise<void>,
  quit: () => void,
  reportCloseFailure: (error: unknown) => void,
): (event: QuitEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void close()
      .catch(reportCloseFailure)
      .finally(() => {
        state = 'closed';
        quit();
      });
  };
}
