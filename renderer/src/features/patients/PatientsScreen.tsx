import { formatBirthDate } from '../../stores/display-format';
import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../../shared/ipc/reception/types';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Spinner';
import { useReceptionStore } from '../../stores/reception-store';
import { PatientForm, valuesFromTyped } from './PatientForm';
import { PatientPage } from './PatientPage';
import { PendingTag } from '../../components/PendingTag';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../shared/domain/reception/no-email';

type View = { kind: 'search' } | { kind: 'register' } | { kind: 'patient'; patientId: number };

/** The Patients section: search (typeahead over name, phone, email, birth date), register, open a patient. */
export function PatientsScreen() {
  const searchPatients = useReceptionStore((state) => state.searchPatients);
  const showPhone = usePhoneFormat();
  const [view, setView] = useState<View>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  /** The last answer, with the words it answers: results for other words are never shown as current. */
  const [answer, setAnswer] = useState<{ query: string; includeInactive: boolean; hits: PatientSummary[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useRef(0);

  const typed = query.trim();
  useEffect(() => {
    if (typed.length === 0) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void searchPatients(typed, includeInactive).then((result) => {
        if (ticket !== latest.current) return;
        setAnswer({ query: typed, includeInactive, hits: result.ok ? result.data : [] });
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [typed, includeInactive, searchPatients]);

  const answered = answer !== null && answer.query === typed && answer.includeInactive === includeInactive;
  /** Earlier results stay on screen dimmed while the new words are searched (no flash of "nothing found"). */
  const earlier = !answered && answer !== null && answer.hits.length > 0 ? answer : null;
  const shownHits = typed.length === 0 ? null : answered ? answer.hits : (earlier?.hits ?? null);
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
              onChange={(event) => setQuery(event.target.value)}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeInactive}
                onChange={(event) => setIncludeInactive(event.target.checked)}
              />{' '}
              Include deactivated patients
            </label>
          </div>
          <section className="card table-card" aria-label="Search results" aria-busy={typed.length > 0 && !answered}>
            {typed.length > 0 && !answered ? (
              <p className="table-card__empty patients-search__progress" role="status">
                <Spinner /> Searching “{typed}”…{earlier ? ` Showing results for “${earlier.query}” meanwhile.` : ''}
              </p>
            ) : null}
            {typed.length === 0 ? (
              <p className="table-card__empty">Type to search. Results show as you type.</p>
            ) : shownHits === null ? null : shownHits.length === 0 ? (
              <p className="table-card__empty">No patient matches “{typed}”.</p>
            ) : (
              <table
                className={`data-table${answered ? '' : ' data-table--stale'}`}
                aria-label="Patients found"
                inert={!answered}
              >
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Date of birth</th>
                    <th scope="col">Phone</th>
                    <th scope="col">Email</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
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
          </section>
        </>
      )}
    </div>
  );
}
