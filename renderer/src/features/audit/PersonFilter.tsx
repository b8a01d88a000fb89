import { useEffect, useId, useState } from 'react';
import type { AuditPerson } from '../../../../shared/ipc/types';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { useAdminStore } from '../../stores/admin-store';
import { formatBirthDate } from '../../stores/display-format';

const KIND_LABEL: Record<AuditPerson['kind'], string> = { staff: 'Staff', doctor: 'Doctor', patient: 'Patient' };

/** A patient's detail is their date of birth (ISO from main): shown as the clinic writes dates. */
export function personDetail(person: AuditPerson): string {
  return person.kind === 'patient' && isIsoDate(person.detail) ? `born ${formatBirthDate(person.detail)}` : person.detail;
}

/**
 * A filter of the audit trail by person: type the start of a name, pick one of the matches.
 * The trail is then searched by that person's id (and kind: staff and doctors count ids apart).
 */
export function PersonFilter({ label, kind, value, onChange }: { label: string; kind: 'staff' | 'patient'; value: AuditPerson | null; onChange: (person: AuditPerson | null) => void }) {
  const lookUp = useAdminStore((state) => state.lookUpAuditPeople);
  const id = useId();
  const [typed, setTyped] = useState('');
  const [matches, setMatches] = useState<AuditPerson[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const wanted = typed.trim();
    if (!wanted || value) return;
    // wait for a pause in typing: one lookup per name, not per key
    const timer = window.setTimeout(() => {
      void lookUp(kind, wanted).then((result) => {
        if (result.ok) setMatches(result.data);
      });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [typed, kind, value, lookUp]);

  const shown = value || !typed.trim() ? [] : matches;
  if (value) {
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <div className="person-filter__chosen" aria-labelledby={`${id}-label`}>
          <span>
            {value.name} <span className="person-filter__detail">{personDetail(value)}</span>
          </span>
          <button type="button" className="button button--ghost button--small" onClick={() => onChange(null)} aria-label={`Clear ${label.toLowerCase()}`}>
            Clear
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field person-filter">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        value={typed}
        placeholder="Anyone: type a name"
        autoComplete="off"
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={`${id}-list`}
        onChange={(event) => {
          setTyped(event.target.value);
          setOpen(true);
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {open && shown.length > 0 ? (
        <ul className="person-filter__list" id={`${id}-list`} role="listbox" aria-label={`${label} matches`}>
          {shown.map((person) => (
            <li key={`${person.kind}-${person.id}`} role="option" aria-selected={false}>
              <button
                type="button"
                className="person-filter__option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  onChange(person);
                  setTyped('');
                  setOpen(false);
                }}
              >
                <span className="person-filter__name">{person.name}</span>
                <span className="person-filter__detail">
                  {KIND_LABEL[person.kind]} · {personDetail(person)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
