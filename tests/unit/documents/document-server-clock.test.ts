import { describe, expect, it } from 'vitest';
import { DocumentServerClock } from '../../../electron/main/data/documents/mongo/document-server-clock';

/** A monotonic clock the test moves by hand. */
function steppedMonotonic() {
  let ms = 1_000;
  return { read: () => ms, step: (by: number) => (ms += by) };
}

describe('the document server clock', () => {
  const serverTime = new Date('2026-12-07T09:00:00.000Z');

  it('takes the server’s time as of the middle of the round trip and carries it on the monotonic clock', async () => {
    const monotonic = steppedMonotonic();
    const clock = new DocumentServerClock(monotonic.read);
    await clock.read(async () => {
      monotonic.step(40); // the request's way there; the reply takes as long back
      const reply = { ok: 1, localTime: serverTime };
      monotonic.step(40);
      return reply;
    });
    expect(clock.now().toISOString()).toBe('2026-12-07T09:00:00.040Z');
    monotonic.step(5 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-12-07T09:05:00.040Z');
  });

  it('keeps its last reading when a reply carries no time', async () => {
    const monotonic = steppedMonotonic();
    const clock = new DocumentServerClock(monotonic.read);
    await clock.read(async () => ({ ok: 1, localTime: serverTime }));
    await clock.read(async () => ({ ok: 1 }));
    await clock.read(async () => ({ ok: 1, localTime: new Date(Number.NaN) }));
    expect(clock.now().toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });
});
