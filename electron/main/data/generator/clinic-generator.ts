import { addDays, dayOfWeek, formatTime, parseTime } from '../../../../shared/domain/plain-date';
import { FIRST_NAMES, LAST_NAMES, SPECIALIZATIONS, VISIT_NOTES } from './names';
import { SeededRandom } from './random';

export interface ClinicSize {
  seed: number;
  doctors: number;
  patients: number;
  /** Roughly how many appointments to place; the generator stops at capacity. */
  appointments: number;
  /** The clinic's "today" (YYYY-MM-DD): appointments before it are history, after it bookings. */
  today: string;
  pastDays: number;
  futureDays: number;
  /** One hash for every generated account (hashing 100k passwords would take hours). */
  passwordHash: string;
}

export type Row = Record<string, string | number | boolean | Date | null>;
export interface RowBatch {
  table: 'doctors' | 'patients' | 'doctor_availability' | 'doctor_unavailable_dates' | 'appointments';
  rows: Row[];
}

const DURATIONS = [
  [15, 2],
  [30, 5],
  [45, 2],
  [60, 1],
] as const;
const WEEK_PATTERNS: readonly (readonly [number, string, string][])[] = [
  // split days, Monday to Friday
  [1, 2, 3, 4, 5].flatMap((d) => [[d, '08:00', '12:00'], [d, '13:00', '17:00']] as [number, string, string][]),
  // long days on four weekdays
  [1, 2, 4, 5].map((d) => [d, '09:00', '18:00'] as [number, string, string]),
  // mornings plus Saturday
  [1, 2, 3, 4, 5, 6].map((d) => [d, '08:00', '13:00'] as [number, string, string]),
  // afternoons and evenings
  [1, 3, 5].map((d) => [d, '12:00', '19:00'] as [number, string, string]),
];

/** A realistic clinic as batches of rows in insertion order (parents first), ids assigned from 1. */
export function* generateClinic(size: ClinicSize): Generator<RowBatch> {
  const random = new SeededRandom(size.seed);
  const now = new Date(`${size.today}T12:00:00Z`);
  const schedules = new Map<number, readonly (readonly [number, string, string])[]>();

  const doctors: Row[] = [];
  const availability: Row[] = [];
  for (let id = 1; id <= size.doctors; id++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const pattern = WEEK_PATTERNS[id % WEEK_PATTERNS.length] as (typeof WEEK_PATTERNS)[number];
    schedules.set(id, pattern);
    doctors.push({
      id,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.dr${id}@clinic.example`.toLowerCase(),
      phone: `+1555${String(1000000 + id).slice(-7)}`,
      specialization: random.weighted(SPECIALIZATIONS.map((s, i) => [s, i === 0 ? 4 : 1] as const)),
      license_number: `LIC-${String(100000 + id)}`,
      years_experience: random.int(1, 35),
      consultation_fee: (random.int(60, 250) * 100 + 0) / 100,
      bio: null,
      password_hash: size.passwordHash,
      profile_image_url: null,
      is_active: true,
    });
    for (const [day, start, end] of pattern) {
      availability.push({ doctor_id: id, day_of_week: day, start_time: `${start}:00`, end_time: `${end}:00`, is_available: true });
    }
  }
  yield { table: 'doctors', rows: doctors };
  yield { table: 'doctor_availability', rows: availability };

  const unavailable: Row[] = [];
  const blockedDays = new Set<string>();
  for (let id = 1; id <= size.doctors; id++) {
    for (let n = random.int(1, 4); n > 0; n--) {
      const date = addDays(size.today, random.int(-size.pastDays, size.futureDays));
      if (random.chance(0.7)) {
        unavailable.push({ doctor_id: id, unavailable_date: date, start_time: null, end_time: null, reason: random.pick(['Vacation', 'Conference', 'Training']) });
        blockedDays.add(`${id}|${date}`);
      } else {
        unavailable.push({ doctor_id: id, unavailable_date: date, start_time: '13:00:00', end_time: '17:00:00', reason: 'Team meeting' });
        blockedDays.add(`${id}|${date}|pm`);
      }
    }
  }
  yield { table: 'doctor_unavailable_dates', rows: unavailable };

  for (let offset = 0; offset < size.patients; offset += 5000) {
    const patients: Row[] = [];
    for (let id = offset + 1; id <= Math.min(size.patients, offset + 5000); id++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const born = addDays('1940-01-01', random.int(0, 365 * 84));
      patients.push({
        id,
        first_name: first,
        last_name: last,
        email: `${first}.${last}.${id}@patients.example`.toLowerCase(),
        phone: `+1556${String(1000000 + id).slice(-7)}`,
        date_of_birth: born,
        gender: random.weighted([['Female', 50], ['Male', 48], ['Other', 2]] as const),
        address: `${random.int(1, 250)} Generated Street`,
        emergency_contact_name: random.chance(0.6) ? `${random.pick(FIRST_NAMES)} ${last}` : null,
        emergency_contact_phone: null,
        password_hash: size.passwordHash,
        is_active: random.chance(0.98),
        created_at: new Date(now.getTime() - random.int(0, 3 * 365) * 86400000),
      });
    }
    yield { table: 'patients', rows: patients };
  }

  // Capacity: every doctor-day's minutes divided by the mean visit length.
  const days = size.pastDays + size.futureDays + 1;
  const meanVisit = 31;
  let capacity = 0;
  for (const pattern of schedules.values()) {
    capacity += (pattern.reduce((sum, [, s, e]) => sum + parseTime(e) - parseTime(s), 0) * days) / 7 / meanVisit;
  }
  const fill = Math.min(0.97, size.appointments / Math.max(1, capacity));

  let patientCursor = 0;
  let batch: Row[] = [];
  for (let d = -size.pastDays; d <= size.futureDays; d++) {
    const date = addDays(size.today, d);
    const weekday = dayOfWeek(date);
    const patientBusy = new Map<number, [number, number][]>();
    for (let doctorId = 1; doctorId <= size.doctors; doctorId++) {
      if (blockedDays.has(`${doctorId}|${date}`)) continue;
      const afternoonOff = blockedDays.has(`${doctorId}|${date}|pm`);
      for (const [day, start, end] of schedules.get(doctorId) ?? []) {
        if (day !== weekday) continue;
        let cursor = parseTime(start);
        const stop = afternoonOff ? Math.min(parseTime(end), 13 * 60) : parseTime(end);
        while (cursor < stop) {
          const duration = random.weighted(DURATIONS);
          if (cursor + duration > stop) break;
          if (random.chance(fill)) {
            const patientId = nextFreePatient(patientBusy, cursor, cursor + duration, () => (patientCursor++ % size.patients) + 1);
            batch.push(appointmentRow(random, { date, time: cursor, duration, doctorId, patientId, past: d < 0, today: d === 0, now }));
            if (batch.length >= 5000) {
              yield { table: 'appointments', rows: batch };
              batch = [];
            }
          }
          cursor += duration;
          // realistic gaps: most visits back to back on the 15-minute grid
          if (cursor % 15 !== 0) cursor += 15 - (cursor % 15);
        }
      }
    }
  }
  if (batch.length > 0) yield { table: 'appointments', rows: batch };
}

function nextFreePatient(busy: Map<number, [number, number][]>, start: number, end: number, next: () => number): number {
  for (;;) {
    const candidate = next();
    const taken = busy.get(candidate) ?? [];
    if (taken.every(([s, e]) => end <= s || start >= e)) {
      taken.push([start, end]);
      busy.set(candidate, taken);
      return candidate;
    }
  }
}

function appointmentRow(
  random: SeededRandom,
  a: { date: string; time: number; duration: number; doctorId: number; patientId: number; past: boolean; today: boolean; now: Date },
): Row {
  const status = a.past
    ? random.weighted([['Completed', 85], ['No-Show', 5], ['Cancelled', 10]] as const)
    : random.weighted([['Scheduled', 70], ['Confirmed', 22], ['Cancelled', 8]] as const);
  const createdAt = new Date(new Date(`${a.date}T08:00:00Z`).getTime() - random.int(1, 40) * 86400000);
  const cancelled = status === 'Cancelled';
  return {
    patient_id: a.patientId,
    doctor_id: a.doctorId,
    appointment_date: a.date,
    appointment_time: `${formatTime(a.time)}:00`,
    duration_minutes: a.duration,
    status,
    appointment_type: random.weighted([['Consultation', 55], ['Follow-up', 25], ['Check-up', 17], ['Emergency', 3]] as const),
    patient_notes: random.pick(VISIT_NOTES),
    created_at: createdAt,
    updated_at: createdAt,
    cancelled_at: cancelled ? new Date(Math.min(a.now.getTime(), createdAt.getTime() + 86400000)) : null,
    cancelled_by: cancelled ? random.weighted([['Patient', 7], ['Doctor', 2], ['Admin', 1]] as const) : null,
  };
}
