import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

/**
 * The line a list or table shows instead of rows: still loading (with a spinner), or nothing there.
 * `as` keeps the element the surrounding markup expects (a paragraph in a card, a div in a panel).
 */
export function EmptyState({ children, loading = false, as: Element = 'p' }: { children: ReactNode; loading?: boolean; as?: 'p' | 'div' }) {
  return (
    <Element className="table-card__empty">
      {loading ? <Spinner /> : null}
      {loading ? ' ' : null}
      {children}
    </Element>
  );
}
