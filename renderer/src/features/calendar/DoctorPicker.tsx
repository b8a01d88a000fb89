import { useEffect, useRef, useState } from 'react';
import { toggleColumn } from '../../../../shared/domain/calendar/column-choice';

export interface PickableDoctor {
  id: number;
  name: string;
  specialization: string;
}

/** Chooses the day view's doctor columns: a button that opens a list of check boxes. */
export function DoctorPicker({
  doctors,
  hidden,
  onChange,
}: {
  doctors: readonly PickableDoctor[];
  hidden: readonly number[];
  onChange(hidden: number[]): void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const shown = doctors.filter((d) => !hidden.includes(d.id)).length;
  const ids = doctors.map((d) => d.id);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="doctor-picker" ref={root}>
      <button
        type="button"
        className="button button--ghost doctor-picker__button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
      >
        Doctors {shown === doctors.length ? '(all)' : `(${shown} of ${doctors.length})`}
      </button>
      {open ? (
        <div className="doctor-picker__panel" role="group" aria-label="Doctors shown">
          <div className="doctor-picker__all">
            <button type="button" className="link-button" onClick={() => onChange([])}>
              Show all
            </button>
          </div>
          <ul className="doctor-picker__list">
            {doctors.map((doctor) => (
              <li key={doctor.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={!hidden.includes(doctor.id)}
                    onChange={() => onChange(toggleColumn(hidden, doctor.id, ids))}
                  />{' '}
                  {doctor.name} <span className="doctor-picker__spec">{doctor.specialization}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
