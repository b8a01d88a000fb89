/**
 * Which columns of a sideways-scrolling grid get their cards: the ones in view and `overscan` on
 * each side. Columns are equal tracks of `columnWidth` pixels starting right of a sticky gutter
 * that covers the left `gutter` pixels of the view.
 */
export interface ColumnSpan {
  /** First and last column index (inclusive); `to < from` when there are no columns. */
  from: number;
  to: number;
}

export interface ColumnViewport {
  scrollLeft: number;
  viewWidth: number;
  gutter: number;
  columnWidth: number;
  count: number;
  overscan: number;
}

export function columnsInView({ scrollLeft, viewWidth, gutter, columnWidth, count, overscan }: ColumnViewport): ColumnSpan {
  if (count <= 0) return { from: 0, to: -1 };
  // Not laid out (yet): every column, rather than a guess that could leave one in view empty.
  if (!(columnWidth > 0) || !(viewWidth > 0)) return { from: 0, to: count - 1 };
  const left = Math.max(0, scrollLeft);
  const right = left + Math.max(0, viewWidth - gutter);
  const first = Math.floor(left / columnWidth);
  // A column whose edge only touches the view's right edge is not in view.
  const last = Math.ceil(right / columnWidth) - 1;
  return {
    from: Math.max(0, Math.min(count - 1, first - overscan)),
    to: Math.max(0, Math.min(count - 1, last + overscan)),
  };
}

export function sameSpan(a: ColumnSpan, b: ColumnSpan): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * The next column to fill while the window is idle: the nearest to the view that has no cards
 * yet (right first, where reading goes on), or null when all have them.
 */
export function nextColumnToFill(span: ColumnSpan, filled: ReadonlySet<number>, count: number): number | null {
  for (let distance = 1; distance < count; distance++) {
    for (const index of [span.to + distance, span.from - distance]) {
      if (index >= 0 && index < count && !filled.has(index) && (index < span.from || index > span.to)) return index;
    }
  }
  return null;
}
