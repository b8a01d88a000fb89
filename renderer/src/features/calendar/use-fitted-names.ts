import { useLayoutEffect, type RefObject } from 'react';

/** Passes at most: each pass steps every still-cut name one form shorter (see nameForms). */
const MAX_PASSES = 4;

function isCut(element: HTMLElement): boolean {
  return element.scrollWidth > element.clientWidth + 0.5;
}

/**
 * After each render and on every resize, gives each appointment card the longest form of the
 * patient's name that fits whole (`data-fit` on the card selects the form; CSS shows only that
 * one). Reads every card, then writes every card, per pass: one layout per pass for the whole grid.
 */
export function useFittedNames(container: RefObject<HTMLElement | null>, revision: unknown): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const fit = () => {
      const cards = Array.from(root.querySelectorAll<HTMLElement>('.appt[data-forms]'));
      for (const card of cards) delete card.dataset.fit;
      let cut = cards;
      for (let pass = 0; pass < MAX_PASSES && cut.length > 0; pass++) {
        const measured = cut.map((card) => ({ card, cut: isCut(card.querySelector<HTMLElement>('.appt__name') ?? card) }));
        cut = [];
        for (const { card, cut: tooLong } of measured) {
          const forms = Number(card.dataset.forms);
          const current = Number(card.dataset.fit ?? 0);
          if (tooLong && current < forms - 1) {
            card.dataset.fit = String(current + 1);
            cut.push(card);
          }
        }
      }
    };
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, revision]);
}
