import { formatMoment } from '../../stores/display-format';
import { saveCsv } from '../../components/save-file';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { DateFormField } from '../../components/DateField';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { AuditSearchInput } from '../../../../shared/ipc/auth-schemas';
import type { AuditEntryView, AuditPerson } from '../../../../shared/ipc/types';
import { ACTION_SENTENCES } from '../../../../shared/domain/audit/action-sentences';
import { Banner } from '../../components/Banner';
import { PersonFilter } from './PersonFilter';
import { BusyButton } from '../../components/BusyButton';
import { useAdminStore, type AuditFilters } from '../../stores/admin-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';
import { EmptyState } from '../../components/EmptyState';
import { FormField } from '../../components/FormField';
import { DataTable } from '../../components/DataTable';
import { LabelledOptions } from '../../components/LabelledOptions';

const USER_TYPES = ['front_desk', 'admin', 'super_admin', 'doctor', 'patient', 'system'] as const;
const USER_TYPE_LABEL: Record<string, string> = {
  front_desk: 'Front desk',
  admin: 'Admin',
  super_admin: 'Super admin',
  doctor: 'Doctor',
  patient: 'Patient',
  system: 'System',
};

/** The filter form as typed; empty fields mean "any". People are chosen with their own typeaheads. */
const AuditFilterForm = z
  .object({
    userType: z.string(),
    action: z.string(),
    // '' is any date; anything else is what the date field could read, or the text it could not
    fromDate: z.string().refine((v) => v === '' || isIsoDate(v), 'Not a date'),
    toDate: z.string().refine((v) => v === '' || isIsoDate(v), 'Not a date'),
  })
  .refine((form) => !form.fromDate || !form.toDate || form.fromDate <= form.toDate, {
    path: ['toDate'],
    message: 'The end date is before the start date',
  });
type AuditFilterValues = z.infer<typeof AuditFilterForm>;
const EMPTY_FILTERS: AuditFilterValues = { userType: '', action: '', fromDate: '', toDate: '' };

/** Every action, by its sentence, for the action filter. */
const ACTION_OPTIONS = Object.entries(ACTION_SENTENCES).sort(([, a], [, b]) => a.localeCompare(b));

function toFilters(form: AuditFilterValues, staff: AuditPerson | null, patient: AuditPerson | null): AuditFilters {
  const filters: AuditFilters = {};
  if (staff) {
    filters.userId = staff.id;
    filters.userKind = staff.kind;
  }
  if (patient) filters.patientId = patient.id;
  const userType = AuditSearchInput.shape.userType.safeParse(form.userType || undefined);
  if (userType.success && userType.data && !staff) filters.userType = userType.data;
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
  const { audit, auditNext, auditLoading, auditError, auditFilters, searchAudit, loadOlderAudit, exportAudit } = useAdminStore();
  const [staff, setStaff] = useState<AuditPerson | null>(null);
  const [patient, setPatient] = useState<AuditPerson | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AuditFilterValues>({ resolver: zodResolver(AuditFilterForm), defaultValues: EMPTY_FILTERS });

  useEffect(() => {
    void searchAudit({});
  }, [searchAudit]);

  const onSubmit = handleSubmit(async (form) => {
    await searchAudit(toFilters(form, staff, patient));
  });

  async function onExport() {
    setExporting(true);
    setExportNote(null);
    const result = await exportAudit(auditFilters);
    setExporting(false);
    if (!result.ok) {
      setExportNote({ tone: 'error', text: result.error.message });
      return;
    }
    saveCsv(result.data.fileName, result.data.csv);
    setExportNote({
      tone: 'info',
      text: result.data.truncated
        ? `${result.data.fileName}: the newest ${result.data.rows} records. More match: narrow the dates to export the rest.`
        : `${result.data.fileName}: ${result.data.rows} records.`,
    });
  }

  return (
    <AdminPage
      titleId="audit-title"
      title="Audit trail"
      lead={<>Who opened or changed patient information and accounts, newest first. Times in {zone}.</>}
    >

      <form className="card audit-filters" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Filters">
        <PersonFilter label="Staff member" kind="staff" value={staff} onChange={setStaff} />
        <PersonFilter label="Patient" kind="patient" value={patient} onChange={setPatient} />
        <FormField id="audit-action" label="Action" className="audit-filters__action">
          <select id="audit-action" className="field__input field__select" {...register('action')}>
            <option value="">Any</option>
            {ACTION_OPTIONS.map(([action, sentence]) => (
              <option key={action} value={action}>
                {sentence}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="audit-user-type" label="User type">
          <select id="audit-user-type" className="field__input field__select" {...register('userType')}>
            <option value="">Any</option>
            <LabelledOptions values={USER_TYPES} labels={USER_TYPE_LABEL} />
          </select>
        </FormField>
        <DateFormField control={control} name="fromDate" label="From" error={errors.fromDate?.message} />
        <DateFormField control={control} name="toDate" label="To" error={errors.toDate?.message} />
        <div className="audit-filters__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              reset(EMPTY_FILTERS);
              setStaff(null);
              setPatient(null);
              void searchAudit({});
            }}
          >
            Clear
          </button>
          <BusyButton className="button button--secondary" busy={exporting} onClick={() => void onExport()}>
            Export CSV
          </BusyButton>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
      {exportNote ? <Banner tone={exportNote.tone} title={exportNote.tone === 'info' ? 'Exported' : 'Not exported'}><p>{exportNote.text}</p></Banner> : null}

      <ProblemBanner title="The audit trail could not be searched" error={auditError} />

      <DataTable
        label="Audit records"
        columns={['Time', 'Who', 'What', 'Patient', 'Record', 'Workstation', 'Outcome']}
        status={
          <>
            {audit && audit.length === 0 ? <EmptyState>No records match these filters.</EmptyState> : null}
            {!audit && auditLoading ? (
              <EmptyState loading>Searching…</EmptyState>
            ) : null}
            {auditNext ? (
              <div className="table-card__footer">
                <BusyButton className="button button--secondary" busy={auditLoading} onClick={() => void loadOlderAudit()}>
                  Load older
                </BusyButton>
              </div>
            ) : null}
          </>
        }
      >
        {audit?.map((entry) => (
          <tr key={entry.id}>
            <td className="data-table__nowrap">{formatMoment(entry.timestamp, zone, true)}</td>
            <td>
              {entry.userName ?? (entry.userId === null ? '—' : `Account #${entry.userId} (removed)`)}
              <span className="audit-who__role">{USER_TYPE_LABEL[entry.userType] ?? entry.userType}</span>
            </td>
            <td title={entry.action}>{entry.actionText}</td>
            <td>{entry.patientName ?? (entry.patientId === null ? '—' : `Patient #${entry.patientId}`)}</td>
            <td className="data-table__muted">{resourceOf(entry)}</td>
            <td className="data-table__muted">{entry.workstation ?? '—'}</td>
            <td>
              <span className={`status-pill ${entry.outcome === 'allowed' ? 'status-pill--ok' : 'status-pill--denied'}`}>
                {entry.outcome === 'allowed' ? 'Allowed' : 'Denied'}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminPage>
  );
}
