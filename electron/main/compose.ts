import { networkInterfaces, platform } from 'node:os';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { AppRuntime, type RuntimeOptions } from './runtime/app-runtime';
import { AuditTrail } from './services/audit/audit-trail';
import { systemClock } from './services/scheduling/booking';
import { startMessageTimer } from './services/communications/message-service';
import { WorkstationSession } from './session';

export interface Workstation {
  runtime: AppRuntime;
  session: WorkstationSession;
  audit: AuditTrail;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface WorkstationOptions extends RuntimeOptions {
  /** Name recorded in the audit trail; the host name by default. */
  workstationName?: string;
  /** Milliseconds clock for the session's inactivity lock (tests move it). */
  nowMs?: () => number;
  /** Run the reminder and notice job on its interval (default true; tests call it directly). */
  messageJob?: boolean;
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
  const dispatch = createDispatcher({
    handlers,
    context: { runtime, session, clock: systemClock, audit },
    // Only the channel and the error's name: inputs and messages can carry patient data.
    reportInternalError: (channel, error) =>
      console.error(`[clinic-desk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  // Reminders and notices: on a timer, never in the way of start-up; off with CLINIC_MESSAGE_JOB=off.
  const messages =
    options.messageJob !== false && options.env.CLINIC_MESSAGE_JOB !== 'off' ? startMessageTimer(runtime, session.workstation, systemClock) : null;
  return {
    runtime,
    session,
    audit,
    dispatch,
    close: async () => {
      messages?.stop();
      audit.close();
      await runtime.close();
    },
  };
}
