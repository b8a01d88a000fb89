import { useEffect, useState } from 'react';
import { saveCsv } from '../../../components/save-file';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DateTime } from 'luxon';
import { utilizationCsv } from '../../../../../shared/ipc/admin/report-csv';
import { APPOINTMENT_STATUSES, utilization } from '../../../../../shared/ipc/admin/reports';
import { isIsoDate } from '../../../../../shared/domain/plain-date';
import { DateField } from '../../../components/DateField';
import { BusyButton } from '../../../components/BusyButton';
import { useAdminReportsStore } from '../../../stores/admin-reports-store';
import { useAppStore } from '../../../stores/app-store';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { formatDayNoYear, useDisplayLocale, weekdaysFrom } from '../../../stores/display-format';
import { WEEKDAY_NAMES } from '../schedule/DayRanges';
import { AdminPage } from '../../../components/AdminPage';
import { EmptyState } from '../../../components/EmptyState';
import { LabelledOptions } from '../../../components/LabelledOptions';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;
const STATUS_COLORS: Record<string, string> = { Scheduled: '#7fb8c2', Confirmed: '#0b6e80', Completed: '#087443', Cancelled: '#b42318', 'No-Show': '#d29922' };


/** Admins: utilization per doctor and week, appointments by status and type, rates, new patients. */
export function ReportsScreen() {
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const { report, loading, error, load } = useAdminReportsStore();
  const [fromDate, setFromDate] = useState(() => DateTime.now().setZone(zone).minus({ weeks: 3 }).toISODate() as string);
  const [weeks, setWeeks] = useState(4);

  useEffect(() => {
    void load(fromDate, weeks);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once; later loads are asked for
  }, [load]);

  const doctors = report ? [...report.doctors].filter((d) => d.availableMinutes > 0 || d.bookedMinutes > 0) : [];
  const chart = doctors.map((d) => ({ name: d.name.replace(/^Dr\. /, ''), utilization: Math.round((utilization(d.bookedMinutes, d.availableMinutes) ?? 0) * 1000) / 10 }));
  const { weekStart } = useDisplayLocale();
  const weekdays = weekdaysFrom(weekStart);
  // the clinic's week, as its calendar shows it (ISO weekdays: 7 is Sunday, WEEKDAY_NAMES[0])
  const weekSpan = `${WEEKDAY_NAMES[weekdays[0]! % 7]} to ${WEEKDAY_NAMES[weekdays[6]! % 7]}`;
  const weekly = report?.byWeek.map((w) => ({ week: formatDayNoYear(w.weekStart), ...w.byStatus })) ?? [];

  return (
    <AdminPage
      titleId="reports-title"
      title="Reports"
      lead={`Booked against bookable time, appointments and new patients, week by week (${weekSpan}).`}
      actions={
        <form
          className="report-filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (isIsoDate(fromDate)) void load(fromDate, weeks);
          }}
        >
          <DateField label="From the week of" value={fromDate} onChange={setFromDate} />
          <label className="field">
            <span className="field__label">Weeks</span>
            <select className="field__input field__select" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
              <LabelledOptions values={[1, 2, 4, 8, 13, 26]} />
            </select>
          </label>
          <BusyButton type="submit" className="button button--primary" busy={loading}>
            Show
          </BusyButton>
          <button type="button" className="button button--secondary" disabled={!report} onClick={() => report && saveCsv(`utilization-${report.from}-${report.to}.csv`, utilizationCsv(report))}>
            Export CSV
          </button>
        </form>
      }
    >
      <ProblemBanner title="The report could not be made" error={error} />
      {report ? (
        <>
          <div className="report-kpis" role="group" aria-label="Totals">
            {[
              ['Utilization', percent(utilization(report.totals.bookedMinutes, report.totals.availableMinutes))],
              ['Booked', hours(report.totals.bookedMinutes)],
              ['Bookable', hours(report.totals.availableMinutes)],
              ['Appointments', String(report.totals.appointments)],
              ['No-show rate', percent(report.totals.noShowRate)],
              ['Cancellation rate', percent(report.totals.cancellationRate)],
              ['New patients', String(report.totals.newPatients)],
            ].map(([label, value]) => (
              <div className="card report-kpi" key={label}>
                <div className="report-kpi__label">{label}</div>
                <div className="report-kpi__value">{value}</div>
              </div>
            ))}
          </div>
          <div className="report-charts">
            <div className="card report-chart" role="figure" aria-label="Utilization per doctor">
              <h3 className="section-title">Utilization per doctor</h3>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={60} />
                  <YAxis unit=" %" tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar dataKey="utilization" name="Utilization" fill="#0b6e80" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="card report-chart" role="figure" aria-label="Appointments per week by status">
              <h3 className="section-title">Appointments per week by status</h3>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={weekly}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="week" tick={{ fontSize: 11 }} />
                  <YAxis tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Legend />
                  {APPOINTMENT_STATUSES.map((s) => (
                    <Bar key={s} dataKey={s} stackId="status" fill={STATUS_COLORS[s]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </div>
          <div className="card table-card">
            <table className="data-table" aria-label="Utilization per doctor and week">
              <thead>
                <tr>
                  <th scope="col">Doctor</th>
                  {report.weeks.map((w) => (
                    <th scope="col" key={w} className="data-table__number">
                      {formatDayNoYear(w)}
                    </th>
                  ))}
                  <th scope="col" className="data-table__number">
                    Booked / bookable
                  </th>
                  <th scope="col" className="data-table__number">
                    Utilization
                  </th>
                </tr>
              </thead>
              <tbody>
                {doctors.map((d) => (
                  <tr key={d.doctorId}>
                    <td>
                      <div className="data-table__strong">{d.name}</div>
                      <div className="data-table__muted">{d.specialization}</div>
                    </td>
                    {d.weeks.map((w) => (
                      <td key={w.weekStart} className="data-table__number">
                        {percent(utilization(w.bookedMinutes, w.availableMinutes))}
                      </td>
                    ))}
                    <td className="data-table__number data-table__nowrap">
                      {hours(d.bookedMinutes)} / {hours(d.availableMinutes)}
                    </td>
                    <td className="data-table__number data-table__strong">{percent(utilization(d.bookedMinutes, d.availableMinutes))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="report-footnote">
            Computed by the database in {report.elapsedMs} ms. Bookable time uses the doctors&apos; current weekly hours, the opening hours and days off; booked time counts every appointment that was not cancelled.
          </p>
        </>
      ) : loading ? (
        <EmptyState loading>Making the report…</EmptyState>
      ) : null}
    </AdminPage>
  );
}
