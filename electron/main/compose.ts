import { networkInterfaces, platform } from 'node:os';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { AppRuntime, type RuntimeOptions } from './runtime/app-runtime';
import { AuditTrail } from './services/audit/audit-trail';
import { BackupService } from './services/backup/backup-service';
import { AppFailure } from '../../shared/ipc/result';
import { isChannel } from '../../shared/ipc/contract';
import type { SessionUser } from '../../shared/ipc/types';
import type { HandlerContext } from './ipc/handler-types';
import type { AuditRecorder } from './services/audit/audit-event';
import type { AuditStores } from './services/audit/audit-trail';
import { ConnectionMonitor } from './services/sync/connection-monitor';
import { MirrorSync } from './services/sync/mirror-sync';
import { localIdsIn, remapIds } from './services/sync/outbox/id-remap';
import { OfflineOutbox, type ReplayChannel } from './services/sync/outbox/offline-outbox';
import type { WorkstationSync } from './services/sync/sync-status';
import { loadClinicSettings } from './services/scheduling/rules';
import { minuteClockOf } from '../../shared/domain/clock';
import { startMessageTimer } from './services/communications/message-service';
import { startCopySyncTimer } from './services/consistency/copy-sync-timer';
import { startIntegrityTimer } from './services/consistency/integrity-timer';
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
  /**
   * false: no background jobs (scheduled backups, connection probes, mirror pulls, reminders and
   * notices), for tests that count files, queries or messages; the same work still runs when
   * asked for.
   */
  backgroundJobs?: boolean;
}

/** How long closing waits for a replay or a mirror pull to finish. */
const CLOSE_WAIT_MS = 5000;

async function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
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
  const nowMs = options.nowMs ?? Date.now;
  const session = new WorkstationSession(options.workstationName, nowMs);
  const clock = minuteClockOf(nowMs);
  // When a change was made and when a record was read are clinic times: the workstation's clock.
  const nowDate = () => new Date(nowMs());
  const backups = new BackupService(runtime);
  // The handlers' context is complete only once the dispatcher exists; the replay borrows it.
  let context: HandlerContext | null = null;
  const outbox = new OfflineOutbox(runtime, replayThrough(() => context, session.workstation), nowDate);
  const audit = new AuditTrail(
    () => auditStores(runtime),
    { ipAddress: lanAddress(), userAgent: `Clinic Desk/${options.appVersion} (${platform()})` },
    nowDate,
    {
      // A record naming a record made offline waits until the outbox has sent the changes, then goes with the server's ids.
      prepare: async (document) => {
        if (localIdsIn(document).length === 0) return document;
        return (await outbox.hasPending()) ? null : remapIds(document, await outbox.knownIds());
      },
    },
  );
  // Records buffered while the document store was away (in an earlier run too) go out now.
  if (runtime.state.ready) void audit.flush();
  const sync = networkedSync(runtime, audit, outbox, options.env);
  context = { runtime, session, clock, audit, backups, sync };
  // Changes an earlier run left waiting stay visible (served from the mirror) until the server has them.
  if (await outbox.hasPending().catch(() => false)) runtime.serveFromMirror(true);
  if (options.backgroundJobs !== false) {
    backups.startSchedule();
    await startSync(runtime, sync);
  }
  const dispatch = createDispatcher({
    handlers,
    context,
    // Only the channel and the error's name: inputs and messages can carry patient data.
    reportInternalError: (channel, error) =>
      console.error(`[clinic-desk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  context.dispatch = dispatch;
  // Reminders and notices: on a timer, never in the way of start-up; off with CLINIC_MESSAGE_JOB=off.
  const messages =
    options.backgroundJobs !== false && options.env.CLINIC_MESSAGE_JOB !== 'off' ? startMessageTimer(runtime, session.workstation, clock) : null;
  // Names copied into documents follow changes made elsewhere (other workstations, direct edits).
  const copySync = options.backgroundJobs !== false ? startCopySyncTimer(runtime, session.workstation) : null;
  const integrity = options.backgroundJobs !== false ? startIntegrityTimer(runtime, session.workstation, clock) : null;
  return {
    runtime,
    session,
    audit,
    backups,
    sync,
    dispatch,
    close: async () => {
      backups.stopSchedule();
      outbox.onDrained = null;
      sync.monitor?.stop();
      sync.mirror?.stop();
      messages?.stop();
      copySync?.stop();
      integrity?.stop();
      audit.close();
      // A replay or pull under way finishes before its store closes; one stuck on an absent server is not waited for long.
      await withinMs(Promise.all([outbox.whenIdle(), sync.mirror?.whenIdle()]), CLOSE_WAIT_MS);
      await runtime.close();
    },
  };
}

/**
 * Where audit records go: in standalone mode straight into the file; in networked mode through
 * the local outbox to the clinic's document server (null while it is not open), never into the
 * mirror's document tables, whatever the screens are served from.
 */
function auditStores(runtime: AppRuntime): AuditStores {
  if (runtime.config?.mode !== 'networked') {
    const { local, documents } = runtime.serverStores();
    return { local, documents, direct: true };
  }
  const local = runtime.localStore();
  if (!local) throw new AppFailure('STORE_UNAVAILABLE', 'This workstation’s own file is not open.');
  return { local, documents: runtime.serverOpen ? runtime.serverStores().documents : null, direct: false };
}

/** The audit of the replayed call: none, since the call was recorded when it was made offline. */
const ALREADY_RECORDED: AuditRecorder = { record: async () => undefined };

/** Replays one queued change through its own handler, on the server, as its author, at its time. */
function replayThrough(context: () => HandlerContext | null, workstation: string): ReplayChannel {
  return async (channel, input, actor: SessionUser, madeAt) => {
    const base = context();
    if (!base || !isChannel(channel)) throw new AppFailure('NOT_FOUND', `Unknown change: ${channel}`);
    const author = new WorkstationSession(workstation);
    author.signIn(actor);
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const madeAtMinutes = Math.floor(madeAt.getTime() / 60_000);
    return handler(input, { ...base, runtime: base.runtime.serverView(), session: author, clock: () => madeAtMinutes, audit: ALREADY_RECORDED });
  };
}

/** A networked workstation watches the server, keeps its mirror and its outbox; a standalone one has no server. */
function networkedSync(runtime: AppRuntime, audit: AuditTrail, outbox: OfflineOutbox, env: NodeJS.ProcessEnv): WorkstationSync {
  if (runtime.config?.mode !== 'networked') return { monitor: null, mirror: null, outbox: null };
  const mirror = new MirrorSync(runtime, Date.now, async () => !(await outbox.hasPending()), () => outbox.knownIds());
  outbox.onDrained = (report) => {
    // Everything reached the server: the audit records follow (rewritten to server ids), and the mirror catches up.
    void audit.flush();
    void mirror
      .refreshTouched(report.touched)
      .catch(() => undefined)
      .then(() => mirror.pullNow());
  };
  const catchUp = async () => {
    await outbox.replay();
  };
  const probeMs = Number(env.CLINIC_CONNECTION_PROBE_MS) > 0 ? Number(env.CLINIC_CONNECTION_PROBE_MS) : 5000;
  const monitor = new ConnectionMonitor(runtime, {
    intervalMs: probeMs,
    onChange: (event) => {
      if (event === 'went-offline') runtime.switchToMirror();
    },
    // Every good probe: whatever still waits (the server came back, or a replay was cut short) goes out.
    onReachable: () => {
      audit.serverReachable();
      if (runtime.servingMirror) void catchUp().catch(() => undefined);
      // A change whose answer was lost can wait while the screens are on the server (no copy to switch to).
      else void outbox.hasPending().then((pending) => (pending ? catchUp() : undefined)).catch(() => undefined);
    },
  });
  outbox.mayHandBack = () => monitor.state.online;
  outbox.onServerLost = () => void monitor.suspectOutage();
  outbox.onSentOnline = (touched) => void mirror.follow(touched);
  return { monitor, mirror, outbox, catchUp };
}

async function startSync(runtime: AppRuntime, sync: WorkstationSync): Promise<void> {
  if (!sync.monitor || !sync.mirror || !runtime.state.ready) return;
  const { mirrorPullSeconds } = await loadClinicSettings(runtime.stores().sql.models).catch(() => ({ mirrorPullSeconds: 60 }));
  sync.monitor.start();
  sync.mirror.start(mirrorPullSeconds * 1000);
  // Changes left waiting by an earlier run go out first; the pull follows once they are in.
  if (runtime.serverOpen) void sync.catchUp?.().catch(() => undefined);
}
