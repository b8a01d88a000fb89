import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/ipc/channels';

// One function per channel of the contract, nothing else: the renderer never sees ipcRenderer.
const clinic = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input)]),
);

contextBridge.exposeInMainWorld('clinic', Object.freeze(clinic));
