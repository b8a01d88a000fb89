import { resolveStoreConfig, StoreConfigError, type SecretBox, type StoreConfig } from '../config/store-config';
import { applyDemoMode } from './demo-mode';
import { closeStores, openStores, requireStores, type OpenStores, type StoreState } from './stores';

export interface RuntimeOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secretBox: SecretBox | null;
  appVersion: string;
}

/**
 * What one running app (an Electron main process or a headless bridge server) owns: its store
 * configuration and open stores. Opening never throws, so the window always has something
 * to show.
 */
export class AppRuntime {
  private storeState: StoreState = { ready: false, health: [] };
  private storeConfig: StoreConfig | null = null;
  private configProblem: string | null = null;

  constructor(readonly options: RuntimeOptions) {}

  get appVersion(): string {
    return this.options.appVersion;
  }

  get config(): StoreConfig | null {
    return this.storeConfig;
  }

  get state(): StoreState {
    return this.storeState;
  }

  get problemWithConfig(): string | null {
    return this.configProblem;
  }

  async start(): Promise<void> {
    try {
      this.storeConfig = resolveStoreConfig(this.options.dataDir, this.options.env, this.options.secretBox);
      this.configProblem = null;
    } catch (error) {
      if (!(error instanceof StoreConfigError)) throw error;
      this.storeConfig = null;
      this.configProblem = error.message;
      this.storeState = { ready: false, health: [] };
      return;
    }
    this.storeState = await openStores(this.storeConfig);
    await applyDemoMode(this.storeState, this.storeConfig, this.options.env);
  }

  async restart(): Promise<void> {
    await closeStores(this.storeState);
    await this.start();
  }

  stores(): OpenStores {
    return requireStores(this.storeState);
  }

  async close(): Promise<void> {
    await closeStores(this.storeState);
    this.storeState = { ready: false, health: [] };
  }
}
