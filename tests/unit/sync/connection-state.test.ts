import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterProbe, FAILURES_BEFORE_OFFLINE, INITIAL_CONNECTION, type ConnectionState } from '../../../shared/domain/connection-state';

function run(results: boolean[]): { state: ConnectionState; events: string[] } {
  let state = INITIAL_CONNECTION;
  const events: string[] = [];
  results.forEach((ok, i) => {
    const next = afterProbe(state, { ok, atMs: 1000 * (i + 1) });
    state = next.state;
    if (next.event) events.push(next.event);
  });
  return { state, events };
}

describe('the connection state', () => {
  it('does not call one failed probe an outage', () => {
    expect(run([true, false, true])).toMatchObject({ state: { online: true }, events: [] });
  });

  it('goes offline after failures in a row, dated from the first of them, and comes back on the next answer', () => {
    const down = run([true, false, false, false]);
    expect(down.state).toMatchObject({ online: false, offlineSinceMs: 2000 });
    expect(down.events).toEqual(['went-offline']);
    expect(run([true, false, false, false, true])).toMatchObject({ state: { online: true, offlineSinceMs: null }, events: ['went-offline', 'came-back'] });
  });

  it('alternates went-offline and came-back, and is offline exactly after FAILURES_BEFORE_OFFLINE failures in a row', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (results) => {
        const { state, events } = run(results);
        events.forEach((event, i) => expect(event).toBe(i % 2 === 0 ? 'went-offline' : 'came-back'));
        let trailingFailures = 0;
        for (const ok of [...results].reverse()) {
          if (ok) break;
          trailingFailures++;
        }
        const everFailedEnough = results.some((_, i) => results.slice(i, i + FAILURES_BEFORE_OFFLINE).length === FAILURES_BEFORE_OFFLINE && results.slice(i, i + FAILURES_BEFORE_OFFLINE).every((ok) => !ok));
        // offline now ⇔ the last answer was a failure and some run of failures reached the threshold since the last success
        expect(state.online).toBe(!(trailingFailures >= FAILURES_BEFORE_OFFLINE));
        if (!everFailedEnough) expect(events).toEqual([]);
        expect(state.offlineSinceMs === null).toBe(state.online);
      }),
    );
  });
});
