import { describe, expect, it } from 'vitest';
import { bookingOf, keepMineOf, outputRecordOf, resolutionsFor } from '../../../electron/main/services/sync/outbox/change-kinds';

/** The conflicts list reads each queued change's facts from the channel's own spec. */
describe('change kinds from the channel specs', () => {
  it('offers another slot for changes that place an appointment, keep mine for those that restate, keep theirs always', () => {
    expect(resolutionsFor('appointments.book')).toEqual(['another-slot', 'keep-theirs']);
    expect(resolutionsFor('doctor.followUp.book')).toEqual(['another-slot', 'keep-theirs']);
    expect(resolutionsFor('patients.update')).toEqual(['keep-mine', 'keep-theirs']);
    expect(resolutionsFor('appointments.cancel')).toEqual(['keep-theirs']);
    expect(resolutionsFor('no.such.channel')).toEqual(['keep-theirs']);
  });

  it('names the wanted appointment only for changes that place one', () => {
    const input = { doctorId: 3, patientId: 9, date: '2026-12-08', time: '09:30' };
    expect(bookingOf('appointments.book', input, undefined)).toEqual({ ...input, durationMinutes: null });
    expect(bookingOf('appointments.cancel', input, undefined)).toBeNull();
  });

  it('restates a setting over the version the server has now', () => {
    const keepMine = keepMineOf('admin.settings.save');
    expect(keepMine?.before).toBe('admin.settings.list');
    const page = { known: [{ name: 'clinicName', version: 'v7' }] };
    expect(keepMine?.restate({ name: 'clinicName', value: 'Ordination', version: 'v3' }, page)).toEqual({ name: 'clinicName', value: 'Ordination', version: 'v7' });
    expect(keepMineOf('patients.update')).toBeUndefined();
  });

  it('knows which record an output id names', () => {
    expect(outputRecordOf('appointments.book')).toBe('appointment');
    expect(outputRecordOf('patients.register')).toBe('patient');
    expect(outputRecordOf('doctor.prescription.save')).toBe('prescription');
    expect(outputRecordOf('walkIns.book')).toBeUndefined();
  });
});
