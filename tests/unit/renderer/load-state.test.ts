/**
 * The stores' load pattern: loading while main answers, then the data with the refusal cleared,
 * or the refusal with the data the screen already shows left in place.
 */
import { describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../../shared/ipc/result';
import { loadInto, type LoadState } from '../../../renderer/src/stores/load-state';

interface ListState extends LoadState {
  rows: string[] | null;
}

function recordingStore(initial: ListState) {
  let state = initial;
  const seen: ListState[] = [];
  const set = (partial: Partial<ListState>) => {
    state = { ...state, ...partial };
    seen.push(state);
  };
  return { set, seen, current: () => state };
}

const refusal: AppError = { code: 'STORE_UNAVAILABLE', message: 'The clinic server is not answering.' };

describe('loadInto', () => {
  it('shows loading while the call runs, then the rows, and clears an earlier refusal', async () => {
    const store = recordingStore({ rows: null, loading: false, error: refusal });
    let answer!: (result: Result<string[]>) => void;
    const pending = loadInto(store.set, 'rows', new Promise<Result<string[]>>((resolve) => (answer = resolve)));
    expect(store.current()).toEqual({ rows: null, loading: true, error: refusal });
    answer({ ok: true, data: ['a', 'b'] });
    await pending;
    expect(store.current()).toEqual({ rows: ['a', 'b'], loading: false, error: null });
  });

  it('keeps the rows already shown when main refuses, and says why', async () => {
    const store = recordingStore({ rows: ['kept'], loading: false, error: null });
    await loadInto(store.set, 'rows', Promise.resolve<Result<string[]>>({ ok: false, error: refusal }));
    expect(store.current()).toEqual({ rows: ['kept'], loading: false, error: refusal });
    expect(store.seen.map((s) => s.loading)).toEqual([true, false]);
  });
});
