import { formatMoment } from '../../stores/display-format';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { AuditSearchInput } from '../../../../shared/ipc/auth-schemas';
import type { AuditEntryView } from '../../../../shared/ipc/types';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useAdminStore, type AuditFilters } from '../../stores/admin-store';
import { ProblemBanner } from '../../components/ProblemBanner';

const USER_TYPES = ['front_desk', 'admin', 'super_admin', 'doctor', 'patient', 'system'] as const;
const USER_TYPE_LABEL: Record<string, string> = {
  front_desk: 'Front desk',
  admin: 'Admin',
  super_admin: 'Super admin',
  doctor: 'Doctor',
  patient: 'Patient',
  system: 'System',
};

const OptionalId = z
  .string()
  .trim()
  .regex(/^\d*$/, 'Enter a number');

/** The filter form as typed; empty fields mean "any". */
const AuditFilterForm = z
  .object({
    userId: OptionalId,
    userType: z.string(),
    patientId: OptionalId,
    action: z
      .string()
      .trim()
      .regex(/^([a-z][a-z0-9_]{0,99})?$/, 'Actions are lower-case names like create_staff_account'),
    fromDate: z.string(),
    toDate: z.string(),
  })
  .refine((form) => !form.fromDate || !form.toDate || form.fromDate <= form.toDate, {
    path: ['toDate'],
    message: 'The end date is before the start date',
  });
type AuditFilterValues = z.infer<typeof AuditFilterForm>;
const EMPTY_FILTERS: AuditFilterValues = { userId: '', userType: '', patientId: '', action: '', fromDate: '', toDate: '' };

function toFilters(form: AuditFilterValues): AuditFilters {
  const filters: AuditFilters = {};
  if (form.userId) filters.userId = Number(form.userId);
  if (form.patientId) filters.patientId = Number(form.patientId);
  const userType = AuditSearchInput.shape.userType.safeParse(form.userType || undefined);
  if (userType.success && userType.data) filters.userType = userType.data;
  if (form.action) filters.action = form.action;
  if (form.fromDate) filters.fromDate = form.fromDate;
  if (form.toDate) filters.toDate = form.toDate;
  return filters;
}

function resourceOf(entry: AuditEntryView): string {
  return entry.resourceId === null ? entry.resourceType : `${entry.resourceType} #${entry.resourceId}`;
}

/** Super admins: who did what, newest first, in the clinic's time zone. */
export function AuditTrailScreen({ zone }: { zone: string }) {
  const { audit, auditNext, auditLoading, auditError, searchAudit, loadOlderAudit } = useAdminStore();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AuditFilterValues>({ resolver: zodResolver(AuditFilterForm), defaultValues: EMPTY_FILTERS });

  useEffect(() => {
    void searchAudit({});
  }, [searchAudit]);

  const onSubmit = handleSubmit(async (form) => {
    await searchAudit(toFilters(form));
  });

  return (
    <section className="admin-page" aria-labelledby="audit-title">
      <header className="admin-page__header">
        <div>
          <h2 id="audit-title" className="admin-page__title">
            Audit trail
          </h2>
          <p className="admin-page__lead">Every access to patient information and every change to accounts. Times in {zone}.</p>
        </div>
      </header>

      <form className="card audit-filters" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Filters">
        <TextField label="User id" registration={register('userId')} error={errors.userId?.message} placeholder="Any" />
        <div className="field">
          <label className="field__label" htmlFor="audit-user-type">
            User type
          </label>
          <select id="audit-user-type" className="field__input field__select" {...register('userType')}>
            <option value="">Any</option>
            {USER_TYPES.map((type) => (
              <option key={type} value={type}>
                {USER_TYPE_LABEL[type]}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Patient id" registration={register('patientId')} error={errors.patientId?.message} placeholder="Any" />
        <TextField label="Action" registration={register('action')} error={errors.action?.message} placeholder="Any" />
        <TextField label="From" type="date" registration={register('fromDate')} error={errors.fromDate?.message} />
        <TextField label="To" type="date" registration={register('toDate')} error={errors.toDate?.message} />
        <div className="audit-filters__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              reset(EMPTY_FILTERS);
              void searchAudit({});
            }}
          >
            Clear
          </button>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>

      {auditError ? (
        <ProblemBanner title="The audit trail could not be searched" error={auditError} />
      ) : null}

      <div className="card table-card">
        <table className="data-table" aria-label="Audit records">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">User type</th>
              <th scope="col">User id</th>
              <th scope="col">Action</th>
              <th scope="col">Resource</th>
              <th scope="col">Patient id</th>
              <th scope="col">Workstation</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {audit?.map((entry) => (
              <tr key={entry.id}>
                <td className="data-table__nowrap">{formatMoment(entry.timestamp, zone, true)}</td>
                <td>{USER_TYPE_LABEL[entry.userType] ?? entry.userType}</td>
                <td className="data-table__mono">{entry.userId ?? '—'}</td>
                <td className="data-table__mono">{entry.action}</td>
                <td>{resourceOf(entry)}</td>
                <td className="data-table__mono">{entry.patientId ?? '—'}</td>
                <td className="data-table__muted">{entry.workstation ?? '—'}</td>
                <td>
                  <span className={`status-pill ${entry.outcome === 'allowed' ? 'status-pill--ok' : 'status-pill--denied'}`}>
                    {entry.outcome === 'allowed' ? 'Allowed' : 'Denied'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {audit && audit.length === 0 ? <p className="table-card__empty">No records match these filters.</p> : null}
        {!audit && auditLoading ? (
          <p className="table-card__empty">
            <Spinner /> Searching…
          </p>
        ) : null}
        {auditNext ? (
          <div className="table-card__footer">
            <button type="button" className="button button--secondary" onClick={() => void loadOlderAudit()} disabled={auditLoading}>
              {auditLoading ? <Spinner /> : null}
              Load older
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
