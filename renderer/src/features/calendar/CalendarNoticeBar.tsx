import { useEffect } from 'react';
import { useCalendarStore } from '../../stores/calendar-store';

/** How long a success message stays; a refusal stays until dismissed or replaced. */
const SUCCESS_MS = 5_000;

/** The result of the last calendar action: a refused move says why here. */
export function CalendarNoticeBar() {
  const notice = useCalendarStore((state) => state.notice);
  const dismiss = useCalendarStore((state) => state.dismissNotice);
  useEffect(() => {
    if (notice?.tone !== 'success') return;
    const timer = window.setTimeout(dismiss, SUCCESS_MS);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div
      key={notice.id}
      className={`cal-notice cal-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="calendar-notice"
    >
      <span className="cal-notice__icon" aria-hidden="true">
        {notice.tone === 'error' ? '!' : '✓'}
      </span>
      <span className="cal-notice__text">{notice.text}</span>
      <button type="button" className="icon-button cal-notice__close" aria-label="Dismiss" onClick={dismiss}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
