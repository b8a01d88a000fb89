import { useState } from 'react';
import type { PatientMatch } from '../../../../shared/ipc/communications/types';
import { BusyButton } from '../../components/BusyButton';
import { useCommunicationsStore } from '../../stores/communications-store';
import { PatientCommunications } from './PatientCommunications';
import { formatBirthDate } from '../../stores/display-format';

/**
 * Find a patient and show their communication history. Stands in here until the patient page
 * (reception) mounts PatientCommunications itself.
 */
export function PatientLookup({ zone }: { zone: string }) {
  const findPatients = useCommunicationsStore((state) => state.findPatients);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PatientMatch[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);

  async function search() {
    setBusy(true);
    const result = await findPatients(query);
    setBusy(false);
    if (result.ok) {
      setMatches(result.data);
      setProblem(null);
      if (result.data.length === 1) setChosen(result.data[0]!.id);
    } else setProblem(result.error.message);
  }

  return (
    <div className="patient-lookup">
      <form
        className="card patient-lookup__search"
        aria-label="Find a patient"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className={`field${problem ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="patient-query">
            Patient
          </label>
          <input id="patient-query" className="field__input" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or email" />
          {problem ? <p className="field__error">{problem}</p> : null}
        </div>
        <BusyButton type="submit" className="button button--secondary" busy={busy}>
          Find
        </BusyButton>
      </form>
      {matches && matches.length > 1 ? (
        <ul className="patient-lookup__matches" aria-label="Matching patients">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className={`chip${chosen === m.id ? ' chip--active' : ''}`} onClick={() => setChosen(m.id)}>
                {m.name} · {formatBirthDate(m.dateOfBirth)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {matches && matches.length === 0 ? <p className="section-lead">No patient matches.</p> : null}
      {chosen !== null ? <PatientCommunications patientId={chosen} zone={zone} /> : null}
    </div>
  );
}
