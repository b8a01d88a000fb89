import { networkInterfaces, platform } from 'node:os';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { AppRuntime, type RuntimeOptions } from './runtime/app-runtime';
import { AuditTrail } from './services/audit/audit-trail';
import { BackupService } from './services/backup/backup-service';
import { ConnectionMonitor } from './services/sync/connection-monitor';
import { MirrorSync } from './services/sync/mirror-sync';
import type { WorkstationSync } from './services/sync/sync-status';
import { loadClinicSettings } from './services/scheduling/rules';
import { systemClock } from './services/scheduling/booking';
import { startMessageTimer } from './services/communications/message-service';
import { WorkstationSession } from './session';

export interface Workstation {
  runtime: AppRuntime;
  session: WorkstationSession;
  audit: AuditTrail;
  backups: BackupService;
  sync: WorkstationSync;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface WorkstationOptions extends RuntimeOptions {
  /** Name recorded in the audit trail; the host name by default. */
  workstationName?: string;
  /** Milliseconds clock for the session's inactivity lock (tests move it). */
  nowMs?: () => number;
  /**
   * false: no background jobs (scheduled backups, connection probes, mirror pulls, reminders and
   * notices), for tests that count files, queries or messages; the same work still runs when
   * asked for.
   */
  backgroundJobs?: boolean;
}

/** The workstation's address on the clinic network, for the audit trail. */
function lanAddress(): string | null {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return null;
}

/** Wires one workstation: runtime (stores), session, audit trail and dispatcher. Used by Electron and the bridge. */
export async function startWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const runtime = new AppRuntime(options);
  await runtime.start();
  const session = new WorkstationSession(options.workstationName, options.nowMs);
  const audit = new AuditTrail(() => runtime.stores(), {
    ipAddress: lanAddress(),
    userAgent: `Clinic Desk/${options.appVersion} (${platform()})`,
  });
  // Records buffered while the document store was away (in an earlier run too) go out now.
  if (runtime.state.ready) void audit.flush();
  const backups = new BackupService(runtime);
  const sync = networkedSync(runtime, audit);
  if (options.backgroundJobs !== false) {
    backups.startSchedule();
    await startSync(runtime, sync);
  }
  const dispatch = createDispatcher({
    handlers,
    context: { runtime, session, clock: systemClock, audit, backups, sync },
    // Only the channel and the error's name: inputs and messages can carry patient data.
    reportInternalError: (channel, error) =>
      console.error(`[clinic-desk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  // Reminders and notices: on a timer, never in the way of start-up; off with CLINIC_MESSAGE_JOB=off.
  const messages =
    options.backgroundJobs !== false && options.env.CLINIC_MESSAGE_JOB !== 'off' ? startMessageTimer(runtime, session.workstation, systemClock) : null;
  return {
    runtime,
    session,
    audit,
    backups,
    sync,
    dispatch,
    close: async () => {
      backups.stopSchedule();
      sync.monitor?.stop();
      sync.mirror?.stop();
      messages?.stop();
      audit.close();
      await runtime.close();
    },
  };
}

/** A networked workstation watches the server and keeps its mirror; a standalone one has no server. */
function networkedSync(runtime: AppRuntime, audit: AuditTrail): WorkstationSync {
  if (runtime.config?.mode !== 'networked') return { monitor: null, mirror: null };
  const mirror = new MirrorSync(runtime);
  const monitor = new ConnectionMonitor(runtime, {
    onChange: (event) => {
      if (event !== 'came-back') return;
      // Back online: what waited goes out, and the mirror catches up at once.
      void audit.flush();
      void mirror.pullNow();
    },
  });
  return { monitor, mirror };
}

async function startSync(runtime: AppRuntime, sync: WorkstationSync): Promise<void> {
  if (!sync.monitor || !sync.mirror || !runtime.state.ready) return;
  const { mirrorPullSeconds } = await loadClinicSettings(runtime.state.stores.sql.models).catch(() => ({ mirrorPullSeconds: 60 }));
  sync.monitor.start();
  sync.mirror.start(mirrorPullSeconds * 1000);
  void sync.mirror.pullNow();
}
