import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentInterval, formatTime, overlaps } from '../../../shared/domain/scheduling';
import { SeededRandom } from '../../../electron/main/data/generator/random';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { MONDAY, NOW, seedClinic, ZONE } from './clinic-fixture';

const run = promisify(execFile);
const BOOKINGS_PER_PROCESS = 30;

function randomBookings(random: SeededRandom, ids: { doctors: number[]; patients: number[] }) {
  return Array.from({ length: BOOKINGS_PER_PROCESS }, (_, i) => {
    // even: all on the first doctor with different patients; odd: all for the first patient with any doctor
    const sameDoctor = i % 2 === 0;
    return {
      doctorId: sameDoctor ? ids.doctors[0]! : random.pick(ids.doctors),
      patientId: sameDoctor ? random.pick(ids.patients.slice(1)) : ids.patients[0]!,
      date: MONDAY,
      time: formatTime(8 * 60 + random.int(0, 14) * 15),
      durationMinutes: random.pick([15, 30, 45, 60]),
    };
  });
}

describe.each(SQL_TARGETS)('two workstations racing for the same slots on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;

  beforeAll(async () => {
    store = await openTestStore(target);
  });
  afterAll(async () => store?.dispose());

  it('books no overlapping live appointments for the doctor or the patient', { timeout: 120_000 }, async () => {
    const clinic = await seedClinic(store, { doctors: 3, patients: 12 });
    const ids = { doctors: clinic.doctors.map((d) => d.id), patients: clinic.patients.map((p) => p.id) };
    const plans = [1, 2].map((seed) =>
      JSON.stringify({ config: store.config, now: NOW, bookings: randomBookings(new SeededRandom(seed * 7919), ids) }),
    );
    const outputs = await Promise.all(plans.map((plan) => run('npx', ['tsx', 'tests/integration/scheduling/race-worker.ts', plan], { cwd: process.cwd() })));
    const outcomes = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop() as string) as Record<string, number>);
    const total = (code: string) => outcomes.reduce((sum, o) => sum + (o[code] ?? 0), 0);
    console.log(`${target.name}: ${JSON.stringify(outcomes)}`);
    expect(Object.keys(Object.assign({}, ...outcomes)).filter((k) => k.startsWith('ERROR'))).toEqual([]);
    expect(total('BOOKED')).toBeGreaterThan(1);
    expect(total('SLOT_TAKEN') + total('PATIENT_BUSY')).toBeGreaterThan(0);

    const live = await store.models.Appointment.findAll({ where: { status: ['Scheduled', 'Confirmed'] } });
    expect(live.length).toBe(total('BOOKED'));
    const intervals = live.map((a) => ({ a, i: appointmentInterval({ date: a.appointmentDate, time: a.appointmentTime, durationMinutes: a.durationMinutes }, ZONE)! }));
    for (let x = 0; x < intervals.length; x++) {
      for (let y = x + 1; y < intervals.length; y++) {
        const [p, q] = [intervals[x]!, intervals[y]!];
        if (p.a.doctorId === q.a.doctorId || p.a.patientId === q.a.patientId) expect(overlaps(p.i, q.i)).toBe(false);
      }
    }
  });
});
