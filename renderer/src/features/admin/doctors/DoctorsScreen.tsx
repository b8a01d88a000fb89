import { useEffect, useState } from 'react';
import type { DoctorView } from '../../../../../shared/ipc/admin/doctors';
import { Banner } from '../../../components/Banner';
import { LoadProblem } from '../../../components/LoadProblem';
import { useAdminDoctorsStore } from '../../../stores/admin-doctors-store';
import { DoctorPasswordDialog, DoctorStatusDialog } from './DoctorDialogs';
import { DoctorForm } from './DoctorForm';
import { formatFee, initialsOf } from './doctor-form';
import { DoctorSchedule } from '../schedule/DoctorSchedule';
import { usePhoneFormat } from '../../../hooks/use-clinic-phones';
import { AdminPage } from '../../../components/AdminPage';
import { EmptyState } from '../../../components/EmptyState';
import { DataTable } from '../../../components/DataTable';
import { useLoadOnOpen } from '../../../hooks/use-load-on-open';

type Pending = { kind: 'status' | 'password'; doctor: DoctorView };
type Editing = { kind: 'new' } | { kind: 'edit'; doctor: DoctorView } | null;

function Avatar({ doctor }: { doctor: DoctorView }) {
  const { images, loadImage } = useAdminDoctorsStore();
  useEffect(() => {
    if (doctor.hasProfileImage) void loadImage(doctor.id);
  }, [doctor.hasProfileImage, doctor.id, loadImage]);
  const picture = doctor.hasProfileImage ? images[doctor.id] : null;
  return <span className="doctor-avatar" aria-hidden="true">{picture ? <img src={picture} alt="" /> : initialsOf(doctor)}</span>;
}

/** Admins: the clinic's doctors, their profiles, accounts and (one at a time) their schedule. */
export function DoctorsScreen({ openScheduleOf = null }: { openScheduleOf?: number | null } = {}) {
  const { doctors, loading, error, load } = useAdminDoctorsStore();
  const showPhone = usePhoneFormat();
  const [editing, setEditing] = useState<Editing>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Opened from elsewhere (the calendar's "Set hours"): straight to that doctor's schedule.
  const [scheduleOf, setScheduleOf] = useState<number | null>(openScheduleOf);

  useLoadOnOpen(load);

  const scheduled = doctors?.find((d) => d.id === scheduleOf) ?? null;
  if (scheduled) return <DoctorSchedule doctor={scheduled} onBack={() => setScheduleOf(null)} />;

  return (
    <AdminPage
      titleId="doctors-title"
      title="Doctors"
      lead="Profiles, sign-in accounts, weekly hours and days off."
      actions={
        !editing ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setEditing({ kind: 'new' });
            }}
          >
            Add doctor
          </button>
        ) : null
      }
    >
      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      {editing ? (
        <DoctorForm
          key={editing.kind === 'edit' ? editing.doctor.id : 'new'}
          doctor={editing.kind === 'edit' ? editing.doctor : null}
          onCancel={() => setEditing(null)}
          onDone={(doctor, created) => {
            setEditing(null);
            setNotice(created ? `Dr. ${doctor.firstName} ${doctor.lastName} was added. Set their weekly hours next.` : `Dr. ${doctor.firstName} ${doctor.lastName} was saved.`);
          }}
        />
      ) : null}
      {error ? <LoadProblem title="The doctors could not be loaded" error={error} onRetry={() => void load()} /> : null}
      <DataTable
        label="Doctors"
        columns={['Doctor', 'License', 'Contact', { label: 'Fee', className: 'data-table__number' }, 'Status', { label: 'Actions', visuallyHidden: true }]}
        status={
          <>
            {!doctors && loading ? (
              <EmptyState loading>Loading doctors…</EmptyState>
            ) : null}
            {doctors && doctors.length === 0 ? <EmptyState>No doctors yet. Add the first one.</EmptyState> : null}
          </>
        }
      >
        {doctors?.map((doctor) => {
          const name = `Dr. ${doctor.firstName} ${doctor.lastName}`;
          return (
            <tr key={doctor.id} className={doctor.isActive ? undefined : 'data-table__row--muted'}>
              <td>
                <span className="doctor-cell">
                  <Avatar doctor={doctor} />
                  <span>
                    <span className="data-table__strong">{name}</span>
                    <span className="doctor-cell__sub">
                      {doctor.specialization} · {doctor.yearsExperience === 1 ? '1 year' : `${doctor.yearsExperience} years`}
                    </span>
                  </span>
                </span>
              </td>
              <td className="data-table__mono data-table__nowrap">{doctor.licenseNumber}</td>
              <td>
                <div>{doctor.email}</div>
                <div className="data-table__muted">{showPhone(doctor.phone)}</div>
              </td>
              <td className="data-table__nowrap data-table__number">{formatFee(doctor.consultationFee)}</td>
              <td>
                <span className={`status-pill ${doctor.isActive ? 'status-pill--ok' : 'status-pill--off'}`}>{doctor.isActive ? 'Active' : 'Inactive'}</span>
              </td>
              <td className="data-table__actions">
                <button type="button" className="button button--secondary button--small" onClick={() => setScheduleOf(doctor.id)} aria-label={`Schedule of ${name}`}>
                  Schedule
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => {
                    setNotice(null);
                    setEditing({ kind: 'edit', doctor });
                  }}
                  aria-label={`Edit ${name}`}
                >
                  Edit
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => setPending({ kind: 'password', doctor })} aria-label={`Set the password of ${name}`}>
                  Password
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setPending({ kind: 'status', doctor })}
                  aria-label={`${doctor.isActive ? 'Deactivate' : 'Reactivate'} ${name}`}
                >
                  {doctor.isActive ? 'Deactivate' : 'Reactivate'}
                </button>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {pending?.kind === 'status' ? <DoctorStatusDialog doctor={pending.doctor} onClose={() => setPending(null)} /> : null}
      {pending?.kind === 'password' ? (
        <DoctorPasswordDialog
          doctor={pending.doctor}
          onClose={() => setPending(null)}
          onDone={() => {
            setNotice(`The password of Dr. ${pending.doctor.firstName} ${pending.doctor.lastName} was changed.`);
            setPending(null);
          }}
        />
      ) : null}
    </AdminPage>
  );
}
