import type { AppError } from '../../../shared/ipc/result';
import { ProblemBanner } from './ProblemBanner';

/** A list or page that could not be loaded: what failed, why, and a way to try again. */
export function LoadProblem({ title, error, onRetry }: { title: string; error: AppError; onRetry: () => void }) {
  return (
    <ProblemBanner
      title={title}
      error={error}
      action={
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      }
    />
  );
}
