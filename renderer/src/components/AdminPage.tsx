import type { ReactNode } from 'react';

interface TitledPageProps {
  /** The heading's id, which names the page's region for assistive technology. */
  titleId: string;
  title: ReactNode;
  lead: ReactNode;
  actions?: ReactNode;
  /** Shown above the heading (a way back to the page this one was opened from). */
  above?: ReactNode;
  children?: ReactNode;
}

/**
 * A page of the administration and reception areas: the titled landmark, its lead sentence and
 * the page's own controls on the right of the heading (a primary button, filters, tabs).
 */
export function AdminPage(props: TitledPageProps) {
  return <TitledPage block="admin-page" {...props} />;
}

/** A page of the doctor's area: the same parts, in the doctor area's wider layout. */
export function DoctorPage(props: TitledPageProps) {
  return <TitledPage block="doctor-page" {...props} />;
}

function TitledPage({
  block,
  titleId,
  title,
  lead,
  actions,
  above,
  children,
}: TitledPageProps & { block: 'admin-page' | 'doctor-page' }) {
  return (
    <section className={block} aria-labelledby={titleId}>
      <header className={`${block}__header`}>
        <div>
          {above}
          <h2 id={titleId} className={`${block}__title`}>
            {title}
          </h2>
          <p className={`${block}__lead`}>{lead}</p>
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
