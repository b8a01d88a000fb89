import { useEffect } from 'react';

/**
 * Reads what a screen shows when it opens: the store's load runs on mount (and again only if the
 * store hands out another load). The screen shows the store's loading state and refusal meanwhile.
 */
export function useLoadOnOpen(load: () => Promise<unknown>): void {
  useEffect(() => {
    void load();
  }, [load]);
}
