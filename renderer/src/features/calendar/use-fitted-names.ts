import { useLayoutEffect, useRef, type RefObject } from 'react';

/** What the browser may round a width by before a name counts as cut. */
const TOLERANCE_PX = 0.5;

/** Text widths by font and text: names come back day after day, the canvas measures each once. */
const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null = null;

function textWidth(font: string, text: string): number {
  const key = `${font}\n${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  context.font = font;
  const width = context.measureText(text).width;
  // A bound, not a cache of the clinic's whole patient list.
  if (widths.size > 5_000) widths.clear();
  widths.set(key, width);
  return width;
}

function fontOf(element: HTMLElement): string {
  const style = getComputedStyle(element);
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/** What a card's line takes from its width besides the marks: the same for every card of a kind. */
interface LineBox {
  gap: number;
  padding: number;
}

function lineBoxOf(line: HTMLElement): LineBox {
  const style = getComputedStyle(line);
  return {
    gap: Number.parseFloat(style.columnGap) || 0,
    padding: (Number.parseFloat(style.paddingLeft) || 0) + (Number.parseFloat(style.paddingRight) || 0),
  };
}

/** The room the name has on its line: the line less the marks beside it (which never change with the form). */
function roomForName(name: HTMLElement, line: HTMLElement, box: LineBox): number {
  let room = line.clientWidth - box.padding;
  let shown = 0;
  for (const child of Array.from(line.children) as HTMLElement[]) {
    if (child === name) continue;
    // Not shown (display: none): takes no room.
    if (child.getClientRects().length === 0) continue;
    room -= child.offsetWidth;
    shown++;
  }
  return room - box.gap * shown;
}

/** Gives each card the longest form of its name that fits: reads every card first (one layout), then writes. */
function fitCards(cards: readonly HTMLElement[]): void {
  // Two kinds of card (a tiny one has a smaller font and gap): their styles are read once per kind.
  const kinds = new Map<string, { font: string; box: LineBox }>();
  const choices = cards.map((card) => {
    const name = card.querySelector<HTMLElement>('.appt__name');
    // No name shown (a tab): nothing to fit.
    if (!name || name.getClientRects().length === 0) return { card, fit: null };
    const line = name.parentElement;
    if (!line) return { card, fit: null };
    const kindName = card.classList.contains('appt--tiny') ? 'tiny' : 'card';
    let kind = kinds.get(kindName);
    if (kind === undefined) {
      kind = { font: fontOf(name), box: lineBoxOf(line) };
      kinds.set(kindName, kind);
    }
    const room = roomForName(name, line, kind.box);
    const font = kind.font;
    const forms = Array.from(name.querySelectorAll<HTMLElement>('.appt__form')).map((form) => form.textContent ?? '');
    let fit = forms.findIndex((form) => textWidth(font, form) <= room + TOLERANCE_PX);
    // None fits whole: the shortest form, cut.
    if (fit === -1) fit = forms.length - 1;
    return { card, fit: fit <= 0 ? null : String(fit) };
  });
  for (const { card, fit } of choices) {
    if ((card.dataset.fit ?? null) === fit) continue;
    if (fit === null) delete card.dataset.fit;
    else card.dataset.fit = fit;
  }
}

/**
 * After each render, on every resize and as columns scroll near, gives each appointment card the
 * longest form of the patient's name that fits whole (`data-fit` on the card selects the form;
 * CSS shows only that one). Only the columns in view are fitted before the paint: the others are
 * not laid out (`content-visibility: auto`) and measuring them would lay them out; they are fitted
 * one by one when the window is idle, or by the scroll that brings one into view, before that
 * frame is painted. One layout per fitting: the room on each card's line is read once, every form
 * is measured on a canvas in the name's font, and only cards whose form changes are written to.
 * (Stepping the DOM one form shorter and measuring again cost a layout of every card per step.)
 * `revisions` has one value per column that changes when the column's cards do (its data, or
 * whether it has cards at all): a column is fitted again only when its value moved.
 */
export function useFittedNames(
  area: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  revisions: readonly unknown[],
): void {
  // What each column element was last fitted for; kept across renders, so a render that changes
  // one column fits only that one.
  const fittedFor = useRef(new WeakMap<Element, unknown>());
  useLayoutEffect(() => {
    const root = area.current;
    const view = scroller.current;
    if (!root || !view) return;
    const columnsOf = () =>
      Array.from(root.children).filter((child): child is HTMLElement => child.classList.contains('cal-column'));
    const due = (column: HTMLElement, index: number) =>
      !fittedFor.current.has(column) || fittedFor.current.get(column) !== revisions[index];
    const fitColumns = (columns: readonly { column: HTMLElement; index: number }[]) => {
      for (const { column, index } of columns) fittedFor.current.set(column, revisions[index]);
      fitCards(columns.flatMap(({ column }) => Array.from(column.querySelectorAll<HTMLElement>('.appt[data-forms]'))));
    };
    const fitNear = () => {
      const columns = columnsOf();
      if (columns.length === 0) return;
      const rootBox = root.getBoundingClientRect();
      const viewBox = view.getBoundingClientRect();
      const columnWidth = rootBox.width / columns.length;
      const from = viewBox.left - rootBox.left;
      const to = viewBox.right - rootBox.left;
      const near = columns
        .map((column, index) => ({ column, index }))
        .filter(({ column, index }) => due(column, index) && (index + 1) * columnWidth >= from && index * columnWidth <= to);
      if (near.length > 0) fitColumns(near);
    };
    // The columns out of view, one at a time when the window is idle: after the first paint, and
    // before most of them are scrolled to.
    let idle: number | null = null;
    const fitLater = () => {
      idle = requestIdleCallback((deadline) => {
        idle = null;
        const columns = columnsOf();
        for (let index = 0; index < columns.length; index++) {
          if (deadline.timeRemaining() <= 0) break;
          const column = columns[index]!;
          if (due(column, index)) fitColumns([{ column, index }]);
        }
        if (columnsOf().some((column, index) => due(column, index))) fitLater();
      });
    };
    fitNear();
    fitLater();
    // Scroll events come before the frame is painted: a column is fitted before it shows.
    view.addEventListener('scroll', fitNear, { passive: true });
    // Only a change of width refits: the observer's first report (the size it starts with) does not.
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      fittedFor.current = new WeakMap();
      fitNear();
      if (idle === null) fitLater();
    });
    observer.observe(root);
    return () => {
      if (idle !== null) cancelIdleCallback(idle);
      observer.disconnect();
      view.removeEventListener('scroll', fitNear);
    };
  }, [area, scroller, revisions]);
}
