import { describe, expect, it } from 'vitest';
import { hoverCardPlace } from '../../../shared/domain/calendar/hover-place';

// The grid's area starts right of a 240 px side navigation; the window is 1280 × 720.
const AREA = { left: 240, top: 120, right: 1280, bottom: 720 };
const BOX = { width: 220, height: 70 };

describe('hoverCardPlace', () => {
  it('puts the details right of a card where there is room', () => {
    expect(hoverCardPlace({ left: 300, right: 470, top: 200, bottom: 230 }, BOX, AREA)).toEqual({ left: 476, top: 200 });
  });

  it('puts them left of a card at the right edge', () => {
    expect(hoverCardPlace({ left: 1100, right: 1270, top: 200, bottom: 230 }, BOX, AREA)).toEqual({ left: 874, top: 200 });
  });

  it('keeps the details of a card as wide as the grid inside the grid, below the card, never over the navigation', () => {
    const place = hoverCardPlace({ left: 250, right: 1270, top: 200, bottom: 260 }, BOX, AREA);
    expect(place).toEqual({ left: 250, top: 266 });
    expect(place.left).toBeGreaterThanOrEqual(AREA.left);
  });

  it('goes above a full-width card near the bottom, and over its lower part when neither fits', () => {
    expect(hoverCardPlace({ left: 250, right: 1270, top: 600, bottom: 700 }, BOX, AREA)).toEqual({ left: 250, top: 524 });
    const tall = hoverCardPlace({ left: 250, right: 1270, top: 130, bottom: 715 }, BOX, AREA);
    expect(tall).toEqual({ left: 250, top: 644 });
  });

  it('never leaves the area at the top when beside a card scrolled half out of view', () => {
    expect(hoverCardPlace({ left: 300, right: 470, top: 60, bottom: 140 }, BOX, AREA)).toEqual({ left: 476, top: 126 });
  });
});
