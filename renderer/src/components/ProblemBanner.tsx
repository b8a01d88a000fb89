import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/ipc/result';
import { isOfflineError } from '../api/offline';
import { Banner } from './Banner';

/** What the screen shows while the clinic server is away and this needs it. */
export const OFFLINE_TITLE = 'Waiting for the clinic server';

/**
 * A refusal shown on a screen: an error banner, except when the only reason is that the clinic
 * server is away, which is a calm notice with main's sentence (it passes on its own). Nothing
 * while there is no refusal, so a screen can keep it in place for its last one.
 */
export function ProblemBanner({ title, error, action }: { title: string; error: AppError | null; action?: ReactNode }) {
  if (!error) return null;
  const offline = isOfflineError(error);
  return (
    <Banner tone={offline ? 'info' : 'error'} title={offline ? OFFLINE_TITLE : title} action={action}>
      <p>{error.message}</p>
    </Banner>
  );
}
