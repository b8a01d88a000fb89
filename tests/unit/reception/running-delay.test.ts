import { describe, expect, it } from 'vitest';
import {
  estimateWalkInWaits,
  runningDelayMinutes,
  runningDelays,
  type CandidateSlot,
  type TodayAppointment,
} from '../../../shared/domain/reception/running-delay';

const NOW = 10_000;

describe("a doctor's running delay", () => {
  const here = (arrivedAt: number, withDoctorAt: number | null = null) => ({ arrivedAt, withDoctorAt });
  const away = { arrivedAt: null, withDoctorAt: null };
  const day: TodayAppointment[] = [
    { doctorId: 1, startsAt: NOW - 90, status: 'Completed', ...here(NOW - 95, NOW - 90) },
    { doctorId: 1, startsAt: NOW - 40, status: 'Confirmed', ...here(NOW - 45) }, // here since before the start, still waiting
    { doctorId: 1, startsAt: NOW - 10, status: 'Scheduled', ...away },
    { doctorId: 1, startsAt: NOW + 20, status: 'Scheduled', ...away },
    { doctorId: 2, startsAt: NOW - 60, status: 'Cancelled', ...away },
    { doctorId: 2, startsAt: NOW - 50, status: 'No-Show', ...away },
    { doctorId: 2, startsAt: NOW - 30, status: 'Scheduled', ...away }, // the patient is late, not the doctor
    { doctorId: 2, startsAt: NOW + 5, status: 'Scheduled', ...here(NOW - 2) },
  ];

  it('is how long an arrived patient has waited past the start for the doctor', () => {
    expect(runningDelayMinutes(day, 1, NOW)).toBe(40);
  });

  it('a patient who has not come makes the patient late, not the doctor', () => {
    expect(runningDelayMinutes(day, 2, NOW)).toBe(0);
    expect(runningDelayMinutes(day, 3, NOW)).toBe(0);
  });

  it('a patient who came late is waited for from their arrival, not from the start', () => {
    expect(runningDelayMinutes([{ doctorId: 5, startsAt: NOW - 30, status: 'Confirmed', ...here(NOW - 10) }], 5, NOW)).toBe(10);
  });

  it('once the patient is with the doctor, that visit no longer counts', () => {
    expect(runningDelayMinutes([{ doctorId: 6, startsAt: NOW - 30, status: 'Confirmed', ...here(NOW - 35, NOW - 5) }], 6, NOW)).toBe(0);
  });

  it('an appointment starting right now is not late yet', () => {
    expect(runningDelayMinutes([{ doctorId: 4, startsAt: NOW, status: 'Scheduled', ...here(NOW - 5) }], 4, NOW)).toBe(0);
  });

  it('lists every doctor', () => {
    expect([...runningDelays(day, NOW)]).toEqual([
      [1, 40],
      [2, 0],
    ]);
  });
});

describe('estimated waits of queued walk-ins', () => {
  const slot = (
    doctorId: number,
    offset: number,
    specialization = 'General Practice',
    durationMinutes = 30,
  ): CandidateSlot => ({ doctorId, specialization, startsAt: NOW + offset, durationMinutes });

  it("gives the soonest slot to who arrived first, adds the doctor's delay, and never reuses an overlapping slot", () => {
    const slots = [slot(1, 15), slot(1, 30), slot(1, 45), slot(2, 60, 'Dermatology')];
    const estimates = estimateWalkInWaits(
      [
        { id: 2, arrivedAt: NOW - 5, doctorId: null, specialization: null },
        { id: 1, arrivedAt: NOW - 20, doctorId: null, specialization: null },
        { id: 3, arrivedAt: NOW - 1, doctorId: null, specialization: 'dermatology' },
      ],
      slots,
      new Map([[1, 25]]),
      NOW,
    );
    expect(estimates.map((e) => [e.id, e.slot?.startsAt ? e.slot.startsAt - NOW : null, e.waitMinutes])).toEqual([
      [1, 15, 40], // first come: 15 min slot + 25 min delay
      [2, 45, 70], // 30 would overlap the 15-minute slot's half hour
      [3, 60, 60],
    ]);
  });

  it('has no estimate when no slot fits', () => {
    expect(
      estimateWalkInWaits(
        [{ id: 1, arrivedAt: NOW, doctorId: 9, specialization: null }],
        [slot(1, 10)],
        new Map(),
        NOW,
      ),
    ).toEqual([{ id: 1, slot: null, waitMinutes: null, delayMinutes: 0 }]);
  });
});
