import type { ReactNode } from 'react';

/**
 * A page of the administration and reception areas: the titled landmark, its lead sentence and
 * the page's own controls on the right of the heading (a primary button, filters, tabs).
 */
export function AdminPage({
  titleId,
  title,
  lead,
  actions,
  above,
  children,
}: {
  /** The heading's id, which names the page's region for assistive technology. */
  titleId: string;
  title: ReactNode;
  lead: ReactNode;
  actions?: ReactNode;
  /** Shown above the heading (a way back to the page this one was opened from). */
  above?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="admin-page" aria-labelledby={titleId}>
      <header className="admin-page__header">
        <div>
          {above}
          <h2 id={titleId} className="admin-page__title">
            {title}
          </h2>
          <p className="admin-page__lead">{lead}</p>
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
