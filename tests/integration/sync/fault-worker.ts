/**
 * One workstation of the offline fault test (offline-fault.test.ts): its own process, data folder
 * and TCP proxies. Reads its plan from argv as JSON, starts a networked workstation with its
 * background jobs on, and makes a few hundred random front-desk writes through the dispatcher
 * while the parent cuts and restores its connections. Every call goes into a journal: the
 * channel, the key that identifies it later (idempotency key, email, cancellation reason),
 * whether the runtime served the mirror when it was made, and the result code.
 *
 * Protocol on stdout: `STARTED` once the first mirror pull is in, `WRITES-DONE` after the last write, `SETTLED` once the outbox and the audit
 * outbox are empty and the server answers again, then (after the parent writes `finish` on stdin,
 * when both workstations are settled) one mirror pull and the journal as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryTypes } from 'sequelize';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import { contract, isChannel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import type { SyncStatus } from '../../../shared/ipc/sync/types';
import { SeededRandom } from '../../../electron/main/data/generator/random';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { clockRunningFrom } from '../../support/running-clock';

export interface FaultPlan {
  name: string;
  seed: number;
  dataDir: string;
  mysqlUrl: string;
  mongoUri: string;
  probeMs: number;
  /** The instant the workstation's clock starts at (it runs on in real time). */
  startMs: number;
  user: SessionUser;
  writes: number;
  doctors: number[];
  patients: number[];
  /** Appointments of today, seeded on the server: arrivals are recorded on them. */
  today: number[];
  /** Bookable dates (clinic zone) and the slots both workstations aim at on purpose; the calendar screen shows them. */
  dates: string[];
  hotSlots: { doctorId: number; date: string; time: string }[];
}

/** One call as this workstation made it. */
export interface JournalEntry {
  i: number;
  /** When the call was made (ms since the epoch): the parent lines it up with its outages. */
  at: number;
  channel: string;
  /** What identifies the change on the server: idempotency key, email, cancellation reason; or the target id. */
  key: string | null;
  /** The ids the input named, as given (local ids while offline). */
  target: { appointmentId?: number; patientId?: number; doctorId?: number; date?: string; time?: string; phone?: string };
  /** The runtime served the mirror when the call was made. */
  mirror: boolean;
  /** The call left a row in the outbox (made offline, or sent online and its answer lost): this is its seq. */
  outboxSeq: number | null;
  /** Shorthand for outboxSeq !== null: the change is settled by the replay. */
  queued: boolean;
  code: string;
  /** The id the call returned (a local id when queued). */
  outputId: number | null;
  audited: boolean;
}

export interface FaultReport {
  name: string;
  journal: JournalEntry[];
  outagesSeen: number;
  mirrorSwitches: number;
  settleMs: number;
  /** Polls of the calendar's change feed made meanwhile (an open calendar screen). */
  feedPolls: number;
  finalStatus: SyncStatus;
  lastPullOk: boolean;
}

const plan = JSON.parse(process.argv[2] as string) as FaultPlan;
const random = new SeededRandom(plan.seed);
const say = (line: string) => process.stdout.write(`${line}\n`);

const GRID_TIMES = [...timesBetween(8 * 60, 11 * 60 + 30), ...timesBetween(13 * 60, 17 * 60 + 30)];
function timesBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m += 15) out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  return out;
}

interface MyAppointment {
  id: number;
  status: 'Scheduled' | 'Confirmed' | 'Cancelled';
  /** An earlier call on it came back SERVER_UNREACHABLE: what the server holds is unknown, leave it alone. */
  uncertain: boolean;
}
interface MyPatient {
  id: number;
  fields: { firstName: string; lastName: string; email: string; phone: string; dateOfBirth: string; gender: 'Female' };
  uncertain: boolean;
}

async function main(): Promise<void> {
  const workstation = await startWorkstation({
    dataDir: plan.dataDir,
    env: {
      CLINIC_MYSQL_URL: plan.mysqlUrl,
      CLINIC_MONGODB_URI: plan.mongoUri,
      CLINIC_CONNECTION_PROBE_MS: String(plan.probeMs),
      CLINIC_MESSAGE_JOB: 'off',
    },
    secretBox: null,
    appVersion: '0.0.0-fault',
    workstationName: plan.name,
    backgroundJobs: true,
    nowMs: clockRunningFrom(plan.startMs),
  });
  if (!workstation.runtime.state.ready) throw new Error(`${plan.name}: the workstation did not start`);
  workstation.session.signIn(plan.user);
  if (!(await workstation.sync.mirror!.pullNow())) throw new Error(`${plan.name}: the first mirror pull failed`);
  say('STARTED');

  // Outages as this workstation saw them: the monitor's state, sampled.
  let outagesSeen = 0;
  let mirrorSwitches = 0;
  let wasOnline = true;
  let wasMirror = false;
  const watcher = setInterval(() => {
    const online = workstation.sync.monitor!.state.online;
    if (wasOnline && !online) outagesSeen++;
    wasOnline = online;
    const mirror = workstation.runtime.servingMirror;
    if (!wasMirror && mirror) mirrorSwitches++;
    wasMirror = mirror;
  }, 50);

  // The calendar screen is open: it polls its change feed every 2.5 s, as the renderer does.
  let feedPolls = 0;
  const feed = setInterval(() => {
    feedPolls++;
    void workstation.dispatch('calendar.changes', { from: plan.dates[0], to: plan.dates[plan.dates.length - 1] });
  }, 2_500);

  const journal = await writeRandomly(workstation);
  say('WRITES-DONE');

  const settleStart = Date.now();
  const status = await settle(workstation);
  const settleMs = Date.now() - settleStart;
  clearInterval(watcher);
  clearInterval(feed);
  say('SETTLED');

  await waitForLine('finish');
  // Both workstations are done: one pull makes this mirror equal to the server as it is now.
  const pulled = await workstation.sync.mirror!.pullNow();
  await workstation.close();
  const report: FaultReport = {
    name: plan.name,
    journal,
    outagesSeen,
    mirrorSwitches,
    settleMs,
    feedPolls,
    finalStatus: status,
    lastPullOk: pulled !== null,
  };
  say(JSON.stringify(report));
}

async function writeRandomly(workstation: Workstation): Promise<JournalEntry[]> {
  const journal: JournalEntry[] = [];
  const appointments: MyAppointment[] = [];
  const patients: MyPatient[] = [];

  const local = workstation.runtime.localStore()!;

  /**
   * The id to use now, as a screen that has not read again would: the pending id of a record made
   * offline stays on screen (main answers for the server's record once the replay learned it);
   * one whose change became a conflict names nothing once the server answers again.
   */
  const current = async (id: number): Promise<number | null> => {
    if (!isLocalId(id)) return id;
    const [made] = await local.sequelize.query<{ state: string }>(
      "SELECT state FROM sync_outbox WHERE state <> 'pending' AND json_extract(local_output, '$.id') = :id",
      { type: QueryTypes.SELECT, replacements: { id } },
    );
    // the conflicts list shows the change that made it: the record is not on screen as made
    if (made && made.state !== 'applied') return null;
    if (made) return id;
    return workstation.runtime.servingMirror ? id : null;
  };

  const lastSeq = async () => {
    const [row] = await local.sequelize.query<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM sync_outbox', { type: QueryTypes.SELECT });
    return Number(row?.seq ?? 0);
  };

  const call = async (channel: string, input: Record<string, unknown>, key: string | null, target: JournalEntry['target']) => {
    // Calls are made one at a time, so a row the outbox gained during the call is this call's.
    const seqBefore = await lastSeq();
    const mirror = workstation.runtime.servingMirror;
    const at = Date.now();
    const result: Result<unknown> = await workstation.dispatch(channel, input);
    const seqAfter = await lastSeq();
    const outboxSeq = seqAfter > seqBefore ? seqAfter : null;
    const data = result.ok ? (result.data as { id?: unknown } | null) : null;
    const entry: JournalEntry = {
      i: journal.length,
      at,
      channel,
      key,
      target,
      mirror,
      outboxSeq,
      queued: outboxSeq !== null,
      code: result.ok ? 'ok' : result.error.code,
      outputId: data && typeof data.id === 'number' ? data.id : null,
      audited: isChannel(channel) && contract[channel].audit !== undefined,
    };
    journal.push(entry);
    return entry;
  };

  const book = async (patientId: number, slot: { doctorId: number; date: string; time: string }) => {
    const key = randomUUID();
    const entry = await call('appointments.book', { patientId, ...slot, idempotencyKey: key }, key, { patientId, ...slot });
    if (entry.code === 'ok' && entry.outputId !== null) appointments.push({ id: entry.outputId, status: 'Scheduled', uncertain: false });
    return entry;
  };

  const randomSlot = () => ({ doctorId: random.pick(plan.doctors), date: random.pick(plan.dates), time: random.pick(GRID_TIMES) });

  for (let n = 0; n < plan.writes; n++) {
    const kind = random.weighted([
      ['book', 34],
      ['hot', 10],
      ['register', 12],
      ['update', 8],
      ['cancel', 12],
      ['confirm', 12],
      ['arrival', 12],
    ] as const);
    switch (kind) {
      case 'book':
        await book(random.pick(plan.patients), randomSlot());
        break;
      case 'hot':
        // The same few slots at both workstations: one of them must lose, online or on replay.
        await book(random.pick(plan.patients), random.pick(plan.hotSlots));
        break;
      case 'register': {
        const fields = {
          firstName: 'Fault',
          lastName: `Test${plan.name.replace(/[^A-Za-z]/g, '')}`,
          email: `fault-${plan.name}-${plan.seed}-${n}@example.org`.toLowerCase(),
          phone: '+15550100100',
          dateOfBirth: '1985-12-10',
          gender: 'Female' as const,
        };
        const entry = await call('patients.register', { patient: fields, acknowledgeDuplicates: true }, fields.email, {});
        if (entry.code === 'ok' && entry.outputId !== null) {
          patients.push({ id: entry.outputId, fields, uncertain: false });
          // Booked at once, as a walk-in newcomer is: offline this names the patient by a local id.
          if (random.chance(0.6)) await book(entry.outputId, randomSlot());
        }
        break;
      }
      case 'update': {
        const known = patients.filter((p) => !p.uncertain);
        const patient = known.length > 0 ? random.pick(known) : null;
        const id = patient ? await current(patient.id) : null;
        if (!patient || id === null) break;
        const phone = `+1555010${String(1000 + n).padStart(4, '0')}`;
        const entry = await call('patients.update', { patientId: id, patient: { ...patient.fields, phone }, acknowledgeDuplicates: true }, null, { patientId: id, phone });
        if (entry.code === 'ok' || entry.code === 'OFFLINE_QUEUED') patient.fields.phone = phone;
        if (entry.code === 'SERVER_UNREACHABLE') patient.uncertain = true;
        break;
      }
      case 'cancel':
      case 'confirm': {
        const open = appointments.filter((a) => !a.uncertain && a.status !== 'Cancelled' && (kind === 'cancel' || a.status === 'Scheduled'));
        const appointment = open.length > 0 ? random.pick(open) : null;
        const id = appointment ? await current(appointment.id) : null;
        if (!appointment || id === null) break;
        const reason = `fault ${plan.name} ${n}`;
        const entry =
          kind === 'cancel'
            ? await call('appointments.cancel', { appointmentId: id, reason }, reason, { appointmentId: id })
            : await call('appointments.setStatus', { appointmentId: id, status: 'Confirmed' }, null, { appointmentId: id });
        if (entry.code === 'ok') appointment.status = kind === 'cancel' ? 'Cancelled' : 'Confirmed';
        if (entry.code === 'SERVER_UNREACHABLE' || entry.code === 'OFFLINE_QUEUED') appointment.uncertain = true;
        break;
      }
      case 'arrival': {
        const id = random.pick(plan.today);
        await call('appointments.recordArrival', { appointmentId: id }, null, { appointmentId: id });
        break;
      }
    }
    await sleep(random.int(40, 160));
  }
  return journal;
}

/** Waits, with the app left to itself, until the server answers, the screens are back on it and nothing waits in either outbox. */
async function settle(workstation: Workstation): Promise<SyncStatus> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const result = await workstation.dispatch('sync.status', {});
    if (!result.ok) throw new Error(`${plan.name}: sync.status failed: ${result.error.code}`);
    const status = result.data as SyncStatus;
    if (status.online && !status.servingFromMirror && status.pendingChanges === 0 && status.pendingAuditRecords === 0) return status;
    if (Date.now() > deadline) {
      process.stderr.write(`${plan.name}: not settled: ${JSON.stringify(status)}\n`);
      // What the connection looks like now, for the log of a run that did not settle.
      const { sql, documents } = workstation.runtime.serverStores();
      const probe = async (name: string, work: () => Promise<unknown>) => {
        const started = Date.now();
        const answer = await Promise.race([work().then(() => 'answers', (error: unknown) => `fails: ${error instanceof Error ? error.name : typeof error}`), sleep(5000).then(() => 'no answer in 5 s')]);
        process.stderr.write(`${plan.name}: not settled: ${name} ${answer} (${Date.now() - started} ms)\n`);
      };
      await probe('relational server', () => sql.sequelize.query('SELECT 1'));
      await probe('document server', () => documents.ping());
      const pool = (sql.sequelize as unknown as { connectionManager: { pool: { size: number; available: number; using: number; waiting: number } } }).connectionManager.pool;
      process.stderr.write(`${plan.name}: not settled: pool size ${pool.size}, available ${pool.available}, in use ${pool.using}, waiting ${pool.waiting}\n`);
      return status;
    }
    await sleep(250);
  }
}

function waitForLine(expected: string): Promise<void> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === expected) {
        lines.close();
        resolve();
      }
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
