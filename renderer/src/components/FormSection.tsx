import { useId, type ReactNode } from 'react';

/**
 * A titled group of fields. A labelled group rather than fieldset/legend: a legend sits on the
 * fieldset's border and outside its flex layout, which fights the section separators.
 */
export function FormSection({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <div className="form-section" role="group" aria-labelledby={titleId}>
      <div className="form-section__header">
        <h3 className="form-section__title" id={titleId}>
          {title}
        </h3>
        {lead ? <p className="form-section__lead">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
