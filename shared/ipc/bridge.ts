/**
 * The loopback bridge's wire names, shared by its server in main (`electron/main/ipc/http-bridge.ts`)
 * and its client in the renderer (`renderer/src/api/client.ts`): where calls go, the header that
 * carries the per-process token, the meta tag the served page holds it in, and the query
 * parameter of the one-time launch URL.
 */
export const BRIDGE_PATH = '/__clinic/invoke/';
export const BRIDGE_TOKEN_HEADER = 'x-clinic-bridge-token';
export const BRIDGE_TOKEN_META = 'clinic-bridge-token';
export const BRIDGE_LAUNCH_PARAMETER = 'launch';
