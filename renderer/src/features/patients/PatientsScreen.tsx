import { formatBirthDate } from '../../stores/display-format';
import { useEffect, useRef, useState } from 'react';
import type { PatientSearchPage } from '../../../../shared/ipc/reception/types';
import { PATIENT_SEARCH_MAX_LIMIT } from '../../../../shared/ipc/reception/patient-schemas';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Spinner';
import { PATIENT_SEARCH_PAGE, useReceptionStore } from '../../stores/reception-store';
import { PatientForm, valuesFromTyped } from './PatientForm';
import { PatientPage } from './PatientPage';
import { PendingTag } from '../../components/PendingTag';
import { patientSearchCount } from '../../components/patient-search-count';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../shared/domain/reception/no-email';
import { TableHead } from '../../components/TableHead';
import { EmptyState } from '../../components/EmptyState';

type View = { kind: 'search' } | { kind: 'register' } | { kind: 'patient'; patientId: number };

/** The Patients section: search (typeahead over name, phone, email, birth date), register, open a patient. */
export function PatientsScreen() {
  const searchPatients = useReceptionStore((state) => state.searchPatients);
  const showPhone = usePhoneFormat();
  const [view, setView] = useState<View>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  /** The last answer, with the words it answers: results for other words are never shown as current. */
  const [answer, setAnswer] = useState<{ query: string; includeInactive: boolean; limit: number; found: PatientSearchPage } | null>(
    null,
  );
  /** How many to list: raised by "Show more", back to one page when the words change. */
  const [limit, setLimit] = useState(PATIENT_SEARCH_PAGE);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useRef(0);

  const typed = query.trim();
  useEffect(() => {
    if (typed.length === 0) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void searchPatients(typed, { includeInactive, limit }).then((result) => {
        if (ticket !== latest.current) return;
        const found = result.ok ? result.data : { patients: [], total: 0, totalIsAtLeast: false };
        setAnswer({ query: typed, includeInactive, limit, found });
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [typed, includeInactive, limit, searchPatients]);

  const sameWords = answer !== null && answer.query === typed && answer.includeInactive === includeInactive;
  /** "Show more" keeps the rows already listed live while the longer list comes. */
  const loadingMore = sameWords && answer.limit !== limit;
  const answered = sameWords && !loadingMore;
  /** Earlier results stay on screen dimmed while the new words are searched (no flash of "nothing found"). */
  const earlier = !sameWords && answer !== null && answer.found.patients.length > 0 ? answer : null;
  const shownHits = typed.length === 0 ? null : sameWords ? answer.found.patients : (earlier?.found.patients ?? null);
  const current = sameWords ? answer.found : null;
  const canShowMore = current !== null && current.total > current.patients.length && limit < PATIENT_SEARCH_MAX_LIMIT;
  if (view.kind === 'patient') {
    return (
      <PatientPage
        patientId={view.patientId}
        notice={notice}
        onBack={() => {
          setNotice(null);
          setView({ kind: 'search' });
        }}
      />
    );
  }

  return (
    <div className="admin-page patients-page">
      <header className="admin-page__header">
        <div>
          <h2 className="admin-page__title">Patients</h2>
          <p className="admin-page__lead">
            Find a patient by name, phone, email or date of birth, or register a new one.
          </p>
        </div>
        {view.kind === 'search' ? (
          <button type="button" className="button button--primary" onClick={() => setView({ kind: 'register' })}>
            Register patient
          </button>
        ) : null}
      </header>
      {notice ? <Banner tone="info" title={notice} /> : null}
      {view.kind === 'register' ? (
        <PatientForm
          initial={valuesFromTyped(typed)}
          onSaved={(patient) => {
            setNotice(`${patient.firstName} ${patient.lastName} is registered.`);
            setView({ kind: 'patient', patientId: patient.id });
          }}
          onUseExisting={(existing) => setView({ kind: 'patient', patientId: existing.id })}
          onCancel={() => setView({ kind: 'search' })}
        />
      ) : (
        <>
          <div className="card patients-search">
            <label className="visually-hidden" htmlFor="patients-query">
              Search patients
            </label>
            <input
              id="patients-query"
              className="field__input patients-search__input"
              type="search"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              placeholder="Search: “quenby”, “orla q”, “+1 555 02”, “1984-06-02”…"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setLimit(PATIENT_SEARCH_PAGE);
              }}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeInactive}
                onChange={(event) => {
                  setIncludeInactive(event.target.checked);
                  setLimit(PATIENT_SEARCH_PAGE);
                }}
              />{' '}
              Include deactivated patients
            </label>
          </div>
          <section className="card table-card" aria-label="Search results" aria-busy={typed.length > 0 && !answered}>
            {typed.length > 0 && !sameWords ? (
              <p className="table-card__empty patients-search__progress" role="status">
                <Spinner /> Searching “{typed}”…{earlier ? ` Showing results for “${earlier.query}” meanwhile.` : ''}
              </p>
            ) : null}
            {typed.length === 0 ? (
              <EmptyState>Type to search. Results show as you type.</EmptyState>
            ) : shownHits === null ? null : shownHits.length === 0 ? (
              <p className="table-card__empty">No patient matches “{typed}”.</p>
            ) : (
              <table
                className={`data-table${sameWords ? '' : ' data-table--stale'}`}
                aria-label="Patients found"
                inert={!sameWords}
              >
                <TableHead columns={['Name', 'Date of birth', 'Phone', 'Email', 'Status']} />
                <tbody>
                  {shownHits.map((p) => (
                    <tr key={p.id} className="data-table__row--link">
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setView({ kind: 'patient', patientId: p.id })}
                        >
                          {p.lastName}, {p.firstName}
                        </button>{' '}
                        <PendingTag id={p.id} kind="patient" />
                      </td>
                      <td>{formatBirthDate(p.dateOfBirth)}</td>
                      <td>{showPhone(p.phone)}</td>
                      <td>{emailForDisplay(p.email)}</td>
                      <td>
                        {p.isActive ? (
                          <span className="status-pill status-pill--confirmed">Active</span>
                        ) : (
                          <span className="status-pill status-pill--cancelled">Inactive</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {current !== null && current.patients.length > 0 ? (
              <div className="patients-search__more">
                <p className="patients-search__count" role="status">
                  {patientSearchCount(current)}
                  {current.total > current.patients.length && !canShowMore ? ' — type more of the name to narrow the list' : ''}
                </p>
                {canShowMore ? (
                  <button
                    type="button"
                    className="button"
                    disabled={loadingMore}
                    onClick={() => setLimit((shown) => Math.min(PATIENT_SEARCH_MAX_LIMIT, shown + PATIENT_SEARCH_PAGE))}
                  >
                    {loadingMore ? (
                      <>
                        <Spinner /> Loading more…
                      </>
                    ) : (
                      'Show more'
                    )}
                  </button>
                ) : null}
              </div>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
