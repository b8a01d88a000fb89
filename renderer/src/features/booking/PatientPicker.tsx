import { formatBirthDate } from '../../stores/display-format';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PatientSearchPage, PatientSummary } from '../../../../shared/ipc/reception/types';
import { patientSearchCount } from '../../components/patient-search-count';
import { FieldError } from '../../components/TextField';
import { useReceptionStore } from '../../stores/reception-store';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../shared/domain/reception/no-email';

export interface PatientPickerProps {
  label?: string;
  /** The chosen patient, or null. */
  value: PatientSummary | null;
  onChange(patient: PatientSummary | null): void;
  /** Offers "Register new patient" as the last option; gets what was typed. */
  onRegisterNew?: (typed: string) => void;
  autoFocus?: boolean;
  error?: string | undefined;
  /** Wait this long after the last key before searching. */
  debounceMs?: number;
}

type Option = { kind: 'patient'; patient: PatientSummary } | { kind: 'register' };

/**
 * Keyboard typeahead over the clinic's patients (ARIA combobox): type a name, phone, email or
 * date of birth; the arrow keys move through the hits; Enter picks; Escape closes. With
 * onRegisterNew, the last option registers a new patient with what was typed.
 */
export function PatientPicker({
  label = 'Patient',
  value,
  onChange,
  onRegisterNew,
  autoFocus,
  error,
  debounceMs = 150,
}: PatientPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const searchPatients = useReceptionStore((state) => state.searchPatients);
  const showPhone = usePhoneFormat();
  const [text, setText] = useState(value ? `${value.firstName} ${value.lastName}` : '');
  /** The last answer: its hits and how many the words find in all. */
  const [found, setFound] = useState<PatientSearchPage>({ patients: [], total: 0, totalIsAtLeast: false });
  const hits = found.patients;
  const [searching, setSearching] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  // Follow a value chosen from outside (a registration, a reset): derived during render.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(value ? `${value.firstName} ${value.lastName}` : '');
  }

  const query = text.trim();
  useEffect(() => {
    if (!open || query.length === 0) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void searchPatients(query).then((result) => {
        if (ticket !== latest.current) return; // an older answer after a newer question
        setSearching(false);
        setFound(result.ok ? result.data : { patients: [], total: 0, totalIsAtLeast: false });
        setActive(0);
      });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query, open, searchPatients, debounceMs]);

  const shownHits = open && query.length > 0 ? hits : [];
  const options: Option[] = [
    ...shownHits.map((patient): Option => ({ kind: 'patient', patient })),
    ...(onRegisterNew && query.length > 0 ? [{ kind: 'register' } as Option] : []),
  ];
  const activeOption = open ? options[active] : undefined;
  /** "12 of 57", like the Patients section: only for an answer to what is typed now. */
  const countText = shownHits.length > 0 && !searching ? patientSearchCount(found) : '';

  function choose(option: Option) {
    setOpen(false);
    if (option.kind === 'register') onRegisterNew?.(query);
    else onChange(option.patient);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        setActive((index) => Math.min(options.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1))));
        return;
      case 'Enter':
        // a patient hit only once the search for what is typed now has answered; "register" at any time
        if (open && activeOption && (!searching || activeOption.kind === 'register')) {
          event.preventDefault();
          choose(activeOption);
        } else if (open) event.preventDefault(); // never submit a form on a half-typed search
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        return;
      default:
        return;
    }
  }

  const optionId = (index: number) => `${listId}-${index}`;
  const renderOption = (option: Option, index: number) => (
    <li
      key={option.kind === 'patient' ? option.patient.id : 'register'}
      id={optionId(index)}
      role="option"
      aria-selected={index === active}
      className={`combobox__option patient-picker__option${index === active ? ' combobox__option--active' : ''}${option.kind === 'register' ? ' patient-picker__register' : ''}`}
      onMouseDown={(event) => event.preventDefault()}
      onMouseEnter={() => setActive(index)}
      onClick={() => choose(option)}
    >
      {option.kind === 'patient' ? (
        <>
          <span className="patient-picker__name">
            {option.patient.lastName}, {option.patient.firstName}
            {option.patient.isActive ? null : <span className="tag tag--muted">Inactive</span>}
          </span>
          <span className="combobox__option-meta">
            {formatBirthDate(option.patient.dateOfBirth)} · {showPhone(option.patient.phone)} ·{' '}
            {emailForDisplay(option.patient.email)}
          </span>
        </>
      ) : (
        <span className="patient-picker__name">+ Register new patient “{query}”</span>
      )}
    </li>
  );
  return (
    <div className={`field patient-picker${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="combobox">
        <input
          id={id}
          className="field__input combobox__input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder="Name, phone, email or date of birth"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setSearching(event.target.value.trim().length > 0);
            if (value) onChange(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul
          id={listId}
          className="combobox__list patient-picker__list"
          role="listbox"
          aria-label={`${label} matches`}
          hidden={!open || query.length === 0}
        >
          {open && query.length > 0 && shownHits.length === 0 ? (
            <li className="combobox__empty">{searching ? 'Searching…' : `No patient matches “${query}”`}</li>
          ) : null}
          {options.map((option, index) => (option.kind === 'patient' ? renderOption(option, index) : null))}
          {countText ? (
            // Under the hits, above "Register": said by the status below, shown here for the eye.
            <li role="presentation" aria-hidden="true" className="combobox__count" data-testid="patient-picker-count">
              {countText}
              {found.total > found.patients.length ? ' — type more of the name to narrow the list' : ''}
            </li>
          ) : null}
          {options.map((option, index) => (option.kind === 'register' ? renderOption(option, index) : null))}
        </ul>
        <span className="visually-hidden" role="status">
          {countText}
        </span>
      </div>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}
