import { useEffect, useState } from 'react';
import type { AffectedAppointment, ScheduleChangeResult, UnavailableBlockInput, WeeklyRange } from '../../../../../shared/ipc/admin/availability';
import type { DoctorView } from '../../../../../shared/ipc/admin/doctors';
import type { Result } from '../../../../../shared/ipc/result';
import { Banner } from '../../../components/Banner';
import { formatClockRange } from '../../../stores/display-format';
import { useAdminScheduleStore } from '../../../stores/admin-schedule-store';
import { AvailabilityEditor } from './AvailabilityEditor';
import { PatientsToNotify } from './ConflictResolver';
import { UnavailableDates } from './UnavailableDates';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { AdminPage } from '../../../components/AdminPage';
import { EmptyState } from '../../../components/EmptyState';

type Choice = { conflicts: 'cancel'; reason: string } | { conflicts: 'keep' };
type Pending = { kind: 'weekly'; weekly: WeeklyRange[]; appointments: AffectedAppointment[] } | { kind: 'block'; block: UnavailableBlockInput; appointments: AffectedAppointment[] };

/** The admin's view of one doctor's schedule: weekly hours and days off, with what a change does to bookings. */
export function DoctorSchedule({ doctor, onBack }: { doctor: DoctorView; onBack(): void }) {
  const store = useAdminScheduleStore();
  const { schedule, loading, error, load } = store;
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ where: 'weekly' | 'block'; message: string } | null>(null);
  const [done, setDone] = useState<ScheduleChangeResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void load(doctor.id);
  }, [doctor.id, load]);

  function finished(result: Result<ScheduleChangeResult>, where: 'weekly' | 'block', what: string): boolean {
    if (!result.ok) {
      const appointments = (result.error.details as { appointments?: AffectedAppointment[] } | undefined)?.appointments;
      // bookings changed since the preview: show the new list rather than an error
      if (result.error.code === 'CONFLICT' && appointments && pending) setPending({ ...pending, appointments } as Pending);
      else setProblem({ where, message: result.error.message });
      return false;
    }
    setPending(null);
    setNotice(`${what} saved.${result.data.kept.length > 0 ? ` ${result.data.kept.length} booked appointment(s) were kept.` : ''}`);
    if (result.data.cancelled.length > 0) setDone(result.data);
    return true;
  }

  async function saveWeekly(weekly: WeeklyRange[]) {
    setProblem(null);
    setNotice(null);
    setBusy(true);
    const preview = await store.previewWeekly(doctor.id, weekly);
    if (!preview.ok) setProblem({ where: 'weekly', message: preview.error.message });
    else if (preview.data.length > 0) setPending({ kind: 'weekly', weekly, appointments: preview.data });
    else finished(await store.saveWeekly(doctor.id, weekly, { conflicts: 'refuse' }), 'weekly', 'Weekly hours');
    setBusy(false);
  }

  async function addBlock(block: UnavailableBlockInput): Promise<boolean> {
    setProblem(null);
    setNotice(null);
    setBusy(true);
    try {
      const preview = await store.previewBlock(doctor.id, block);
      if (!preview.ok) {
        setProblem({ where: 'block', message: preview.error.message });
        return false;
      }
      if (preview.data.length > 0) {
        setPending({ kind: 'block', block, appointments: preview.data });
        return false;
      }
      return finished(await store.addBlock(doctor.id, block, { conflicts: 'refuse' }), 'block', 'Day off');
    } finally {
      setBusy(false);
    }
  }

  async function resolve(choice: Choice) {
    if (!pending) return;
    setBusy(true);
    const ids = pending.appointments.map((a) => a.appointmentId);
    const resolution = choice.conflicts === 'cancel' ? { conflicts: 'cancel' as const, reason: choice.reason, appointmentIds: ids } : choice;
    if (pending.kind === 'weekly') finished(await store.saveWeekly(doctor.id, pending.weekly, resolution), 'weekly', 'Weekly hours');
    else finished(await store.addBlock(doctor.id, pending.block, resolution), 'block', 'Day off');
    setBusy(false);
  }

  /** The weekly editor and the days off show the same conflict handling, each for its own pending change. */
  const conflictHandling = (where: Pending['kind']) => ({
    conflicts: pending?.kind === where ? pending.appointments : null,
    onResolve: (choice: Choice) => void resolve(choice),
    onDismissConflicts: () => setPending(null),
    busy,
    error: problem?.where === where ? problem.message : null,
  });

  const name = `Dr. ${doctor.firstName} ${doctor.lastName}`;
  return (
    <AdminPage
      titleId="schedule-title"
      title={<>Schedule of {name}</>}
      lead={<>{doctor.specialization}. Bookable time is these hours within the clinic&apos;s opening hours, minus days off.</>}
      above={
        <button type="button" className="button button--ghost button--small schedule__back" onClick={onBack}>
          ← All doctors
        </button>
      }
    >
      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      {done ? <PatientsToNotify notify={done.notify} onDismiss={() => setDone(null)} /> : null}
      <ProblemBanner title="The schedule could not be loaded" error={error} />
      {!schedule && loading ? (
        <EmptyState loading>Loading the schedule…</EmptyState>
      ) : null}
      {schedule && schedule.doctorId === doctor.id ? (
        <div className="schedule-layout">
          <div className="card schedule-card">
            <div className="settings-card__header">
              <h3 className="section-title">Weekly hours</h3>
              <p className="section-lead">Several ranges a day are fine, e.g. {formatClockRange('09:00', '12:00')} and {formatClockRange('14:00', '18:00')}. Switch a range off to keep it without being bookable.</p>
            </div>
            <AvailabilityEditor
              key={JSON.stringify(schedule.weekly)}
              value={schedule.weekly}
              onSave={(weekly) => void saveWeekly(weekly)}
              {...conflictHandling('weekly')}
            />
          </div>
          <div className="card schedule-card">
            <div className="settings-card__header">
              <h3 className="section-title">Days off</h3>
              <p className="section-lead">A whole day or part of one, with the reason.</p>
            </div>
            <UnavailableDates
              blocks={schedule.blocks}
              onAdd={addBlock}
              onRemove={(blockId) => void store.removeBlock(doctor.id, blockId)}
              {...conflictHandling('block')}
            />
          </div>
        </div>
      ) : null}
    </AdminPage>
  );
}
