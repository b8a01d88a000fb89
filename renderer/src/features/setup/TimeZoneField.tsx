import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { DateTime } from 'luxon';
import { FieldError } from '../../components/TextField';
import { filterTimeZones, listTimeZones, type TimeZoneOption } from './time-zones';
import { formatInstantTime } from '../../stores/display-format';

export interface TimeZoneFieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  inputRef: Ref<HTMLInputElement>;
  error?: string | undefined;
}

function currentTimeIn(zone: string): string | null {
  const now = DateTime.now().setZone(zone);
  // on the clinic's clock (12- or 24-hour), in the zone being chosen
  return now.isValid ? formatInstantTime(new Date().toISOString(), zone) : null;
}

/**
 * A searchable list of IANA time zones (ARIA combobox with a listbox). Typing filters by city,
 * region or offset; the arrow keys move, Enter picks, Escape closes. The typed text is the
 * value, so the schema's check names a zone that is not in the list.
 */
export function TimeZoneField({ label, name, value, onChange, onBlur, inputRef, error }: TimeZoneFieldProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // Built once: the zones do not change while the form is open, and the starting value (the
  // browser's zone) may be missing from Intl's list ("UTC").
  const [options] = useState(() => listTimeZones([value]));
  const [open, setOpen] = useState(false);
  // null: the list shows every zone (opened with the arrow or the button); else what was typed.
  const [query, setQuery] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => filterTimeZones(options, query ?? ''), [options, query]);
  const activeOption: TimeZoneOption | undefined = open ? visible[activeIndex] : undefined;
  const localTime = currentTimeIn(value);

  useEffect(() => {
    if (!activeOption) return;
    listRef.current
      ?.querySelector(`[data-zone="${CSS.escape(activeOption.zone)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function openList(showAll: boolean) {
    const nextQuery = showAll ? null : query;
    const shown = filterTimeZones(options, nextQuery ?? '');
    setQuery(nextQuery);
    setActiveIndex(
      Math.max(
        0,
        shown.findIndex((option) => option.zone === value),
      ),
    );
    setOpen(true);
  }

  function choose(option: TimeZoneOption) {
    onChange(option.zone);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) return openList(query === null);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((index) => Math.min(visible.length - 1, Math.max(0, index + step)));
        return;
      }
      case 'Enter':
        // While the list is open Enter picks a zone; it must not submit the form.
        if (open && activeOption) {
          event.preventDefault();
          choose(activeOption);
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        }
        return;
      default:
        return;
    }
  }

  const describedBy = [error ? errorId : hintId].join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="combobox">
        <input
          id={id}
          ref={inputRef}
          name={name}
          className="field__input combobox__input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${activeOption.zone}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            setQuery(event.target.value);
            setActiveIndex(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            onBlur();
          }}
        />
        <button
          type="button"
          className="combobox__toggle"
          tabIndex={-1}
          aria-label="Show all time zones"
          // Keep the focus in the input so the keyboard keeps working after a click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (open ? setOpen(false) : openList(true))}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
        <ul id={listId} ref={listRef} className="combobox__list" role="listbox" aria-label={label} hidden={!open}>
          {open && visible.length === 0 ? <li className="combobox__empty">No time zone matches “{query}”</li> : null}
          {open
            ? visible.map((option) => (
                <li
                  key={option.zone}
                  id={`${listId}-${option.zone}`}
                  data-zone={option.zone}
                  role="option"
                  aria-selected={option.zone === value}
                  className={`combobox__option${option === activeOption ? ' combobox__option--active' : ''}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span className="combobox__option-label">{option.label}</span>
                  <span className="combobox__option-meta">{option.offset}</span>
                </li>
              ))
            : null}
        </ul>
      </div>
      {error ? (
        <FieldError id={errorId} message={error} />
      ) : (
        <p className="field__hint" id={hintId}>
          {localTime
            ? `Appointments are shown in this time zone. It is ${localTime} there now.`
            : 'Type a city or region, then pick it from the list.'}
        </p>
      )}
    </div>
  );
}
