import type { AppError } from '../../../shared/ipc/result';
import { Banner } from './Banner';

/** A list or page that could not be loaded: what failed, why, and a way to try again. */
export function LoadProblem({ title, error, onRetry }: { title: string; error: AppError; onRetry: () => void }) {
  return (
    <Banner
      tone="error"
      title={title}
      action={
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      }
    >
      <p>{error.message}</p>
    </Banner>
  );
}
