import { CHANNEL_NAMES, type ChannelName } from '../../../shared/ipc/channels';
import type { ClinicApi } from '../../../shared/ipc/contract';
import { BRIDGE_LAUNCH_PARAMETER, BRIDGE_PATH, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/ipc/result';

type AnyChannelCall = (input: unknown) => Promise<Result<unknown>>;

function transportFailure(detail: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message:
        'Clinic Desk could not reach its background service. Restart the app; if this keeps happening, tell your administrator.',
      details: { transport: detail },
    },
  };
}

function isResultEnvelope(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'data' in value : value.ok === false && 'error' in value;
}

/** Builds one object with a function per channel; the channel list is the contract's own. */
function apiFrom(call: (channel: ChannelName, input: unknown) => Promise<Result<unknown>>): ClinicApi {
  const entries = CHANNEL_NAMES.map((channel): [ChannelName, AnyChannelCall] => [
    channel,
    (input) => call(channel, input),
  ]);
  // Each entry forwards to the same transport; the contract types what each channel returns.
  return Object.freeze(Object.fromEntries(entries)) as unknown as ClinicApi;
}

/** The browser-side twin of the preload: the same channels, sent to the loopback bridge. */
export function createBridgeClient(token: string, fetchImpl: typeof fetch = fetch): ClinicApi {
  return apiFrom(async (channel, input) => {
    let response: Response;
    try {
      response = await fetchImpl(BRIDGE_PATH + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return transportFailure('unreachable');
    }
    const body: unknown = await response.json().catch(() => null);
    return isResultEnvelope(body) ? body : transportFailure(`status ${response.status}`);
  });
}

/** Electron's invoke rejects when main has no handler or the frame is refused; keep errors as data. */
function neverRejecting(api: ClinicApi): ClinicApi {
  const callOf = (channel: ChannelName) => api[channel] as AnyChannelCall;
  return apiFrom(async (channel, input) => {
    try {
      return await callOf(channel)(input);
    } catch {
      return transportFailure('rejected');
    }
  });
}

/**
 * The bridge writes its token only into the page served for the launcher's one-time URL. The
 * page keeps it in its own origin's storage (another port is another origin), so a reload or a
 * second window of the app still has it, and takes the spent launch secret out of the address.
 */
function bridgeToken(): string | null {
  const served = document.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_TOKEN_META}"]`)?.content ?? null;
  const url = new URL(window.location.href);
  if (url.searchParams.has(BRIDGE_LAUNCH_PARAMETER)) {
    url.searchParams.delete(BRIDGE_LAUNCH_PARAMETER);
    window.history.replaceState(window.history.state, '', url.toString());
  }
  try {
    if (served) window.localStorage.setItem(BRIDGE_TOKEN_META, served);
    return served ?? window.localStorage.getItem(BRIDGE_TOKEN_META);
  } catch {
    return served;
  }
}

let cached: ClinicApi | null = null;

/**
 * The typed API: the preload's `window.clinic` inside Electron, else the loopback bridge client.
 * Only the zustand stores call this.
 */
export function clinicApi(): ClinicApi {
  if (cached) return cached;
  if (window.clinic) {
    cached = neverRejecting(window.clinic);
  } else {
    const token = bridgeToken();
    cached = token
      ? createBridgeClient(token)
      : apiFrom(async () => transportFailure('no preload and no bridge token'));
  }
  return cached;
}
