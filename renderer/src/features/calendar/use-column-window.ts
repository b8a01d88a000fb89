import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { columnsInView, nextColumnToFill, sameSpan, type ColumnSpan } from '../../../../shared/domain/calendar/column-window';

/** Columns on each side of the view that get their cards too: a short scroll finds them ready. */
const OVERSCAN = 1;
/** The grid's narrowest column (`--col-min` in calendar.css): the guess before the first layout. */
const COLUMN_MIN_PX = 176;

const NONE: ReadonlySet<number> = new Set();

function guessSpan(count: number): ColumnSpan {
  return { from: 0, to: Math.min(count - 1, Math.ceil(window.innerWidth / COLUMN_MIN_PX) + OVERSCAN) };
}

/**
 * Which columns of the grid create their appointment cards (true per column index). A date change
 * creates the cards of the columns in view (and one on each side) before its frame; the other
 * columns get theirs one at a time when the window is idle, so the finished grid holds every card
 * (Tab, screen readers and find reach them all) without the date change waiting for them. A scroll
 * that brings a column without cards into view creates them in the scroll event, before that frame
 * is painted. `dayKey` names what the columns show: a new day starts with only the view again.
 */
export function useColumnWindow(
  scroller: RefObject<HTMLElement | null>,
  area: RefObject<HTMLElement | null>,
  count: number,
  dayKey: string,
): readonly boolean[] {
  const [span, setSpan] = useState<ColumnSpan>(() => guessSpan(count));
  const [filled, setFilled] = useState<{ key: string; indexes: ReadonlySet<number> }>({ key: dayKey, indexes: NONE });
  const filledNow = filled.key === dayKey ? filled.indexes : NONE;
  // What the listeners and the idle callback read: the latest committed values.
  const current = useRef({ span, filled: filledNow, dayKey });
  useLayoutEffect(() => {
    current.current = { span, filled: filledNow, dayKey };
  });

  useLayoutEffect(() => {
    const view = scroller.current;
    const columns = area.current;
    if (!view || !columns) return;
    const measure = () =>
      columnsInView({
        scrollLeft: view.scrollLeft,
        viewWidth: view.clientWidth,
        gutter: columns.offsetLeft,
        columnWidth: count > 0 ? columns.offsetWidth / count : 0,
        count,
        overscan: OVERSCAN,
      });
    const update = (sync: boolean) => {
      const next = measure();
      if (sameSpan(next, current.current.span)) return;
      // In a scroll event: the cards are created before the frame that shows the column.
      if (sync) flushSync(() => setSpan(next));
      else setSpan(next);
    };
    // Inside the commit: a state update here is rendered before the browser paints.
    update(false);
    const onScroll = () => update(true);
    view.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => update(true));
    observer.observe(view);
    observer.observe(columns);
    return () => {
      view.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scroller, area, count]);

  // The rest, one column per idle period, nearest to the view first.
  useEffect(() => {
    if (nextColumnToFill(span, filledNow, count) === null) return;
    const idle = requestIdleCallback(() => {
      const { span: shown, filled: done, dayKey: key } = current.current;
      const index = nextColumnToFill(shown, done, count);
      if (index === null) return;
      flushSync(() => setFilled({ key, indexes: new Set([...done, index]) }));
    });
    return () => cancelIdleCallback(idle);
  }, [span, filledNow, count]);

  return useMemo(
    () => Array.from({ length: count }, (_, index) => (index >= span.from && index <= span.to) || filledNow.has(index)),
    [span, filledNow, count],
  );
}
