import { useEffect, useState } from 'react';
import { UNDO_MS, useCalendarStore } from '../../stores/calendar-store';

/** How long a success message stays; a refusal stays until dismissed or replaced. */
const SUCCESS_MS = 5_000;

/**
 * The result of the last calendar action, floating over the bottom of the view (it never pushes
 * the grid down mid-task): a refused move says why here; a move or a cancellation offers Undo,
 * also as Ctrl+Z (Cmd+Z): Tabbing to the button across a full grid takes longer than it stays.
 */
export function CalendarNoticeBar() {
  const notice = useCalendarStore((state) => state.notice);
  const dismiss = useCalendarStore((state) => state.dismissNotice);
  const [undoing, setUndoing] = useState<number | null>(null);
  useEffect(() => {
    if (notice?.tone !== 'success') return;
    const timer = window.setTimeout(dismiss, notice.undo ? UNDO_MS : SUCCESS_MS);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  useEffect(() => {
    const undo = notice?.undo;
    if (!notice || !undo || undoing === notice.id) return;
    const id = notice.id;
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
      // A text field keeps its own undo of typing.
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      setUndoing(id);
      void undo?.();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice, undoing]);
  if (!notice) return null;
  const undo = notice.undo;
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
      {undo ? (
        <button
          type="button"
          className="button button--small cal-notice__undo"
          aria-keyshortcuts="Control+Z Meta+Z"
          disabled={undoing === notice.id}
          onClick={() => {
            setUndoing(notice.id);
            void undo();
          }}
        >
          Undo
        </button>
      ) : null}
      <button type="button" className="icon-button cal-notice__close" aria-label="Dismiss" onClick={dismiss}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
