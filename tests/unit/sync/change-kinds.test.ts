import { describe, expect, it } from 'vitest';
import {
  bookingOf,
  keepMineOf,
  outputRecordOf,
  resolutionsFor,
  storedDescription,
  summaryInWords,
  type ChangeDescription,
} from '../../../electron/main/services/sync/outbox/change-kinds';
import { DEFAULT_DISPLAY_LOCALE, type DisplayLocale } from '../../../shared/domain/display-format';

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

  describe('a queued change in words', () => {
    const booking: ChangeDescription = {
      label: 'Booking',
      doctor: 'Dr. Ada Byrne',
      date: '2026-12-08',
      time: '14:30',
      patient: 'Tom Quill',
      detail: null,
      status: null,
    };
    const usClinic: DisplayLocale = { locale: 'en-US', hourCycle: 'h12', weekStart: 7, currency: 'USD' };

    it('writes the date and time as the clinic reads them when the list is shown, not when the change was queued', () => {
      const stored = storedDescription(booking);
      expect(summaryInWords(stored, DEFAULT_DISPLAY_LOCALE)).toBe('Booking: Dr. Ada Byrne, Tue 8 Dec 14:30, Tom Quill');
      expect(summaryInWords(stored, usClinic)).toBe('Booking: Dr. Ada Byrne, Tue, Dec 8 2:30 PM, Tom Quill');
    });

    it('leaves out what the change did not name and adds a status change', () => {
      const cancel = { ...booking, label: 'Status change', time: null, patient: null, status: 'cancelled' };
      expect(summaryInWords(storedDescription(cancel), DEFAULT_DISPLAY_LOCALE)).toBe('Status change: Dr. Ada Byrne, Tue 8 Dec, to cancelled');
      expect(summaryInWords(storedDescription({ ...cancel, doctor: null, date: null, status: null }), DEFAULT_DISPLAY_LOCALE)).toBe('Status change');
    });

    it('shows a summary stored as text by an earlier version as it is', () => {
      expect(summaryInWords('Booking: Dr. Ada Byrne, 2026-12-08 14:30', usClinic)).toBe('Booking: Dr. Ada Byrne, 2026-12-08 14:30');
      expect(summaryInWords(null, usClinic)).toBeNull();
    });
  });
});
