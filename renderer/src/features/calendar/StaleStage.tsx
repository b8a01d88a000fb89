import type { ReactNode } from 'react';
import type { Freshness } from '../../../../shared/domain/calendar/view-freshness';

/**
 * Holds a view's content while its data is being read. Content for other parameters than the
 * header states (the previous day, another doctor) stays visible only dimmed and inert, with a
 * progress bar and a sentence saying what it is, so nobody books on the wrong day.
 */
export function StaleStage({
  freshness,
  loadingText,
  describeShowing,
  children,
}: {
  freshness: Freshness;
  /** What is being loaded, in words ("Tuesday 8 December"). */
  loadingText: string;
  /** What the stale content shows, in words. */
  describeShowing(showing: string): string;
  children: ReactNode;
}) {
  const waiting = freshness.state !== 'fresh';
  return (
    <div
      className={`stale-stage${waiting ? ' stale-stage--waiting' : ''}`}
      data-testid="stale-stage"
      data-freshness={freshness.state}
      aria-busy={waiting}
    >
      {waiting ? (
        <div className="stale-stage__status" role="status">
          <span className="stale-stage__bar" aria-hidden="true" />
          <span className="stale-stage__text">
            {freshness.state === 'stale'
              ? `Showing ${describeShowing(freshness.showing)} · loading ${loadingText}…`
              : `Loading ${loadingText}…`}
          </span>
        </div>
      ) : null}
      <div className="stale-stage__content" inert={waiting}>
        {freshness.state === 'loading' ? null : children}
      </div>
    </div>
  );
}
