import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/** The bits of the page's globals the call needs; the node-side tsconfig has no DOM types. */
interface PageScope {
  clinic?: Record<string, (input: unknown) => Promise<unknown>>;
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  /** Where the page keeps the bridge token after its launch (renderer/src/api/client.ts). */
  localStorage: { getItem(key: string): string | null };
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ json(): Promise<unknown> }>;
}

/**
 * Calls a channel from inside the app's page, the way the renderer does (window.clinic in
 * Electron, the loopback bridge in Chromium): to arrange state or to play a second workstation.
 */
export async function invokeInPage<C extends Channel>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const result = await page.evaluate(
    async ({ channel, input }) => {
      const scope = globalThis as unknown as PageScope;
      const call = scope.clinic?.[channel];
      if (call) return call(input);
      const token = scope.document.querySelector('meta[name="clinic-bridge-token"]')?.getAttribute('content') ?? scope.localStorage.getItem('clinic-bridge-token') ?? '';
      const response = await scope.fetch(`/__clinic/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-clinic-bridge-token': token },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    { channel: channel as string, input: input as unknown },
  );
  return result as Result<ChannelOutput<C>>;
}
