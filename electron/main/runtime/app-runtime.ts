import type { ReplicaHealth } from '../data/sql/read-routing';
import { resolveStoreConfig, StoreConfigError, type SecretBox, type StoreConfig } from '../config/store-config';
import type { SqlStore } from '../data/sql/open-sql-store';
import { PRODUCTION_SCRYPT_COST, type ScryptCost } from '../security/password';
import { useOwnIdRanges } from '../data/sql/repositories/local-id-repository';
import { applyDemoMode } from './demo-mode';
import {
  closeStores,
  explainStoreError,
  holdsMirror,
  openLocalFile,
  openStores,
  requireStores,
  type LocalFile,
  type OpenStores,
  type StoreState,
} from './stores';

/** How long a networked workstation waits before its second try to reach the server at start. */
const START_RETRY_MS = 1000;

export interface RuntimeOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secretBox: SecretBox | null;
  appVersion: string;
  /**
   * The workstation's clock in epoch milliseconds: "now" for bookings and the session, "today"
   * for the generated demo clinic. Date.now unless a test pins it.
   */
  nowMs?: () => number;
  /**
   * scrypt cost for new password hashes and sealed signing keys. Unset: OWASP's cost
   * (PRODUCTION_SCRYPT_COST); only tests set a cheaper one, explicitly, to keep runs short.
   */
  passwordCost?: ScryptCost;
}

/**
 * What one running app (an Electron main process or a headless bridge server) owns: its store
 * configuration and open stores. Opening never throws, so the window always has something
 * to show.
 *
 * A networked workstation also owns its local file, opened first and kept open: it holds the
 * mirror of the server's data and the outboxes. While the server is away the runtime serves
 * the screens from that mirror (`servingMirror`); the dispatcher then queues changes instead of
 * sending them, and the outbox replays them through `serverView()` when the server is back.
 */
export class AppRuntime {
  private serverState: StoreState = { ready: false, health: [] };
  private storeConfig: StoreConfig | null = null;
  private configProblem: string | null = null;
  private localFile: LocalFile | null = null;
  private serveMirror = false;
  private opening: Promise<boolean> | null = null;
  private mirrorHeld = false;
  /** Bumped by close(): work started before it must not install stores after it. */
  private generation = 0;

  constructor(readonly options: RuntimeOptions) {}

  /** The scrypt cost new hashes get: production's unless the runtime was started with another. */
  get passwordCost(): ScryptCost {
    return this.options.passwordCost ?? PRODUCTION_SCRYPT_COST;
  }

  get appVersion(): string {
    return this.options.appVersion;
  }

  get config(): StoreConfig | null {
    return this.storeConfig;
  }

  /** What the screens are served from: the server (or standalone file), or the mirror while the server is away. */
  get state(): StoreState {
    if (this.servingMirror && this.localFile) {
      return { ready: true, stores: this.localFile.mirror, health: this.serverState.health };
    }
    return this.serverState;
  }

  get problemWithConfig(): string | null {
    return this.configProblem;
  }

  /** The clinic server's read replicas as last seen (networked mode with replicas; else none). */
  replicaHealth(): ReplicaHealth[] {
    return this.serverState.ready ? (this.serverState.stores.sql.reads?.health() ?? []) : [];
  }

  /** True while screens are answered from this workstation's mirror instead of the clinic server. */
  get servingMirror(): boolean {
    return this.serveMirror && this.localFile !== null;
  }

  /** True when the clinic server's stores are open (networked mode); their connections may still drop. */
  get serverOpen(): boolean {
    return this.storeConfig?.mode === 'networked' && this.serverState.ready;
  }

  async start(): Promise<void> {
    try {
      this.storeConfig = resolveStoreConfig(this.options.dataDir, this.options.env, this.options.secretBox);
      this.configProblem = null;
    } catch (error) {
      if (!(error instanceof StoreConfigError)) throw error;
      this.storeConfig = null;
      this.configProblem = error.message;
      this.serverState = { ready: false, health: [] };
      return;
    }
    const config = this.storeConfig;
    if (config.mode === 'networked') {
      try {
        this.localFile = await openLocalFile(config.sqlitePath);
      } catch (error) {
        this.serverState = {
          ready: false,
          health: [{ name: 'sql', description: 'This workstation’s own file', ok: false, problem: explainStoreError(error) }],
        };
        return;
      }
    }
    this.mirrorHeld = this.localFile !== null && (await holdsMirror(this.localFile.store));
    this.serverState = await openStores(config, this.localFile?.store);
    // One dropped connection at start (a busy server, a network blip) is worth a second try.
    if (config.mode === 'networked' && !this.serverState.ready && !this.serverState.fatal) {
      await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS));
      this.serverState = await openStores(config, this.localFile?.store);
    }
    // The server is away at start, but an earlier run left a copy of the clinic: work from it.
    if (!this.serverState.ready && !this.serverState.fatal) this.switchToMirror();
    if (config.mode === 'standalone' && this.serverState.ready) await useOwnIdRanges(this.serverState.stores.sql);
    await applyDemoMode(this.serverState, config, this.options.env, this.options.nowMs ?? Date.now);
  }

  async restart(): Promise<void> {
    await this.close();
    await this.start();
  }

  /** The stores the services use now: the server's, or the mirror while the server is away. */
  stores(): OpenStores {
    return requireStores(this.state);
  }

  /** The clinic server's stores (the standalone file in standalone mode), whatever the screens are served from. */
  serverStores(): OpenStores {
    return requireStores(this.serverState);
  }

  /** This workstation's own SQLite file: the store itself in standalone mode, the mirror and outboxes in networked mode. */
  localStore(): SqlStore | null {
    if (this.localFile) return this.localFile.store;
    return this.serverState.ready ? this.serverState.stores.local : null;
  }

  /** Switches the screens to the mirror (the server went away) or back to the server. */
  serveFromMirror(on: boolean): void {
    this.serveMirror = on && this.localFile !== null;
  }

  /** The server went away: serve the mirror, if a pull ever filled it (an empty copy would show an empty clinic). */
  switchToMirror(): boolean {
    if (!this.localFile || !this.mirrorHeld) return false;
    this.serveMirror = true;
    return true;
  }

  /** A mirror pull finished: the local file now holds a copy of the clinic to work from. */
  noteMirrorPulled(): void {
    this.mirrorHeld = true;
  }

  /**
   * Opens the server's stores when they were not open (the server was away at start). True once
   * they are open; the drivers reconnect by themselves after later drops.
   */
  openServer(): Promise<boolean> {
    const config = this.storeConfig;
    if (!config || config.mode !== 'networked' || this.serverState.ready) return Promise.resolve(this.serverState.ready);
    // One attempt at a time: a probe that timed out must not leave a second pool behind.
    const generation = this.generation;
    this.opening ??= openStores(config, this.localFile?.store)
      .then((state) => {
        // Closed or restarted meanwhile: these connections belong to nobody.
        if (this.generation === generation) this.serverState = state;
        else void closeStores(state);
        return state.ready;
      })
      .finally(() => {
        this.opening = null;
      });
    return this.opening;
  }

  /** This runtime pinned to the clinic server: handlers run through it act on the server even while the screens use the mirror. */
  serverView(): AppRuntime {
    const view: AppRuntime = Object.create(this) as AppRuntime;
    view.stores = () => this.serverStores();
    return view;
  }

  /**
   * This runtime pinned to the workstation's mirror, whatever the screens use: a change whose
   * answer from the server was lost is applied there as pending. Null without a local file.
   */
  mirrorView(): AppRuntime | null {
    const file = this.localFile;
    if (!file) return null;
    const view: AppRuntime = Object.create(this) as AppRuntime;
    view.stores = () => file.mirror;
    Object.defineProperty(view, 'servingMirror', { value: true });
    return view;
  }

  async close(): Promise<void> {
    this.generation++;
    await closeStores(this.serverState);
    this.serverState = { ready: false, health: [] };
    this.serveMirror = false;
    if (this.localFile) {
      const { store, mirror } = this.localFile;
      this.localFile = null;
      await mirror.documents.close().catch(() => undefined);
      await store.close().catch(() => undefined);
    }
  }
}
