/** A calendar card's details box: where it floats, kept inside the grid (pure geometry, in px of the window). */

/** Space between the card, the box and the area's edges. */
const GAP = 6;

export interface PlacementArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/**
 * Where the details go, always inside the grid's area (never over the side navigation or the
 * toolbar): beside the card where there is room, right first; a card as wide as the grid gets them
 * below it, else above it, else over its lower part.
 */
export function hoverCardPlace(anchor: PlacementArea, box: { width: number; height: number }, area: PlacementArea): { left: number; top: number } {
  const minLeft = area.left + GAP;
  const maxLeft = Math.max(minLeft, area.right - GAP - box.width);
  const minTop = area.top + GAP;
  const maxTop = Math.max(minTop, area.bottom - GAP - box.height);
  const besideTop = clamp(anchor.top, minTop, maxTop);
  if (anchor.right + GAP + box.width <= area.right - GAP) return { left: anchor.right + GAP, top: besideTop };
  if (anchor.left - GAP - box.width >= area.left + GAP) return { left: anchor.left - GAP - box.width, top: besideTop };
  const left = clamp(anchor.left, minLeft, maxLeft);
  if (anchor.bottom + GAP + box.height <= area.bottom - GAP) return { left, top: anchor.bottom + GAP };
  if (anchor.top - GAP - box.height >= area.top + GAP) return { left, top: anchor.top - GAP - box.height };
  return { left, top: maxTop };
}

