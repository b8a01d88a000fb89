import { useEffect, useRef, type ReactNode } from 'react';

export interface BannerProps {
  tone: 'error' | 'info';
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

/** A message about the whole form or screen, announced to screen readers when it appears. */
export function Banner({ tone, title, children, action }: BannerProps) {
  const element = useRef<HTMLDivElement>(null);
  // A banner answers something done further down the page (a submit button): bring it into view.
  // (A block body: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    element.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return (
    <div ref={element} className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="banner__text">
        <p className="banner__title">{title}</p>
        {children ? <div className="banner__body">{children}</div> : null}
      </div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  );
}
