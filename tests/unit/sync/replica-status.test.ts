import { describe, expect, it } from 'vitest';
import { syncStatus } from '../../../electron/main/services/sync/sync-status';
import type { AppRuntime } from '../../../electron/main/runtime/app-runtime';
import type { SessionUser } from '../../../shared/ipc/types';
import type { ReplicaHealth } from '../../../electron/main/data/sql/read-routing';

const skipped: ReplicaHealth = { description: 'MySQL replica db2:3306/clinic', state: 'lagging', lagSeconds: null, problem: 'Replication is stopped on this replica.' };

/** The parts of the runtime the status reads: a networked workstation whose server has one skipped replica. */
const runtime = {
  config: { mode: 'networked' },
  state: { ready: true },
  servingMirror: false,
  localStore: () => null,
  replicaHealth: () => [skipped],
} as unknown as AppRuntime;

const noJobs = { monitor: null, mirror: null, outbox: null };
const staff = (role: 'front_desk' | 'admin' | 'super_admin'): SessionUser => ({ id: 1, kind: 'staff', role, displayName: 'Generated Person' });

describe('the replicas in the status', () => {
  it('are shown to admins and super admins, with the reason they are skipped', async () => {
    for (const role of ['admin', 'super_admin'] as const) {
      expect((await syncStatus(runtime, noJobs, staff(role))).replicas).toEqual([{ ...skipped }]);
    }
  });

  it('are not shown to the front desk, doctors or nobody signed in', async () => {
    expect((await syncStatus(runtime, noJobs, staff('front_desk'))).replicas).toEqual([]);
    expect((await syncStatus(runtime, noJobs, { id: 2, kind: 'staff', role: 'doctor', displayName: 'Generated Doctor' } as SessionUser)).replicas).toEqual([]);
    expect((await syncStatus(runtime, noJobs, null)).replicas).toEqual([]);
  });
});
