import { useId, useState } from 'react';
import type { OpeningHours } from '../../../../../shared/domain/scheduling/opening-hours';
import { settingValueProblem, type KnownSettingView } from '../../../../../shared/ipc/admin/settings';
import type { AppError } from '../../../../../shared/ipc/result';
import { Banner } from '../../../components/Banner';
import { BusyButton } from '../../../components/BusyButton';
import { FieldError } from '../../../components/TextField';
import { TimeZoneField } from '../../setup/TimeZoneField';
import type { EditableRange } from '../schedule/DayRanges';
import { fromEditable, OpeningHoursEditor, toEditable } from './OpeningHoursEditor';
import { PhoneCountrySelect } from './PhoneCountrySelect';

type Draft = { kind: 'text'; text: string } | { kind: 'week'; days: Record<number, EditableRange[]> };

function initialDraft(setting: KnownSettingView): Draft {
  if (setting.editor === 'openingHours') return { kind: 'week', days: toEditable(setting.value as OpeningHours) };
  if (setting.editor === 'json') return { kind: 'text', text: JSON.stringify(setting.value, null, 2) };
  return { kind: 'text', text: String(setting.value ?? '') };
}

/** The typed value of a draft; what cannot be read is passed on as text, for the registry to name the problem. */
function draftValue(setting: KnownSettingView, draft: Draft): unknown {
  if (draft.kind === 'week') return fromEditable(draft.days);
  if (setting.editor === 'integer') return /^\s*-?\d+(\.\d+)?\s*$/.test(draft.text) ? Number(draft.text) : draft.text;
  if (setting.editor === 'json') {
    try {
      return JSON.parse(draft.text) as unknown;
    } catch {
      return draft.text;
    }
  }
  return draft.text;
}

/**
 * Edits one setting. The draft lives here, so a refusal (a bad value, another admin's change
 * meanwhile) never loses what was typed; `onSave` returns the result of the save.
 */
export function SettingEditor({
  setting,
  onSave,
  onCancel,
  onReload,
}: {
  setting: KnownSettingView;
  onSave(value: unknown): Promise<{ ok: true } | { ok: false; error: AppError }>;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(setting));
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  /** A new time zone waits for a second word: it moves "today" and "now" on every workstation. */
  const [confirmingZone, setConfirmingZone] = useState<string | null>(null);

  async function save(confirmed = false) {
    const value = draftValue(setting, draft);
    const local = settingValueProblem(setting.name, value);
    setFailure(null);
    setProblem(local);
    if (local) return;
    if (setting.editor === 'timezone' && !confirmed && value !== setting.value) {
      setConfirmingZone(String(value));
      return;
    }
    setConfirmingZone(null);
    setBusy(true);
    const result = await onSave(value);
    setBusy(false);
    if (result.ok) return;
    if (result.error.code === 'VALIDATION') setProblem(result.error.message);
    else setFailure(result.error);
  }

  const text = draft.kind === 'text' ? draft.text : '';
  const setText = (next: string) => {
    setConfirmingZone(null);
    setDraft({ kind: 'text', text: next });
  };
  const errorId = `${id}-error`;
  const common = {
    id,
    className: 'field__input',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? errorId : undefined,
    'aria-label': setting.label,
  } as const;

  return (
    <form
      className="setting-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {failure ? (
        <Banner
          tone="error"
          title={failure.code === 'CONFLICT' ? 'Someone else changed this setting' : 'The setting was not saved'}
          action={
            failure.code === 'CONFLICT' ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setFailure(null);
                  void onReload();
                }}
              >
                Show their value
              </button>
            ) : undefined
          }
        >
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <div className={`field${problem ? ' field--invalid' : ''}`}>
        {setting.editor === 'openingHours' && draft.kind === 'week' ? (
          <OpeningHoursEditor value={draft.days} onChange={(days) => setDraft({ kind: 'week', days })} />
        ) : setting.editor === 'phoneCountry' ? (
          <PhoneCountrySelect id={id} label={setting.label} value={text} onChange={setText} invalid={Boolean(problem)} describedBy={problem ? errorId : undefined} />
        ) : setting.editor === 'timezone' ? (
          <TimeZoneField
            label={setting.label}
            name={setting.key}
            value={text}
            onChange={setText}
            onBlur={() => undefined}
            inputRef={null}
          />
        ) : setting.editor === 'choice' && setting.choices ? (
          <select {...common} value={text} onChange={(e) => setText(e.target.value)}>
            {setting.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : setting.editor === 'multiline' || setting.editor === 'json' ? (
          <textarea
            {...common}
            className="field__input field__textarea"
            rows={setting.editor === 'json' ? 6 : 3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        ) : setting.editor === 'integer' ? (
          <div className="setting-editor__number">
            <input
              {...common}
              type="number"
              inputMode="numeric"
              min={setting.min ?? undefined}
              max={setting.max ?? undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {setting.unit ? <span className="setting-editor__unit">{setting.unit}</span> : null}
          </div>
        ) : (
          <input
            {...common}
            type={setting.editor === 'email' ? 'email' : setting.editor === 'phone' ? 'tel' : 'text'}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
        {problem ? <FieldError id={errorId} message={problem} /> : null}
        {setting.editor === 'integer' && setting.min !== null && setting.max !== null ? (
          <p className="field__hint">
            From {setting.min} to {setting.max}
            {setting.unit ? ` ${setting.unit}` : ''}.
          </p>
        ) : null}
      </div>
      {confirmingZone !== null ? (
        <TimeZoneChange
          from={String(setting.value ?? '')}
          to={confirmingZone}
          busy={busy}
          onConfirm={() => void save(true)}
          onKeep={() => setConfirmingZone(null)}
        />
      ) : (
        <div className="setting-editor__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setDraft(initialDraftFromDefault(setting))}
            disabled={busy}
          >
            Use the default
          </button>
          <span className="setting-editor__spacer" />
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <BusyButton type="submit" className="button button--primary" busy={busy}>
            Save
          </BusyButton>
        </div>
      )}
    </form>
  );
}

function initialDraftFromDefault(setting: KnownSettingView): Draft {
  return initialDraft({ ...setting, value: setting.defaultValue });
}

/**
 * Says what a new clinic time zone changes before it is saved. Appointments are stored as the
 * clinic's wall-clock date and time, so they keep their numbers and mean those in the new zone.
 */
function TimeZoneChange({
  from,
  to,
  busy,
  onConfirm,
  onKeep,
}: {
  from: string;
  to: string;
  busy: boolean;
  onConfirm(): void;
  onKeep(): void;
}) {
  return (
    <div className="setting-editor__confirm" role="alert" aria-label="Confirm the time zone change">
      <p className="setting-editor__confirm-title">
        Change the clinic&rsquo;s time zone from {from || 'UTC'} to {to}?
      </p>
      <ul className="setting-editor__confirm-list">
        <li>
          Every workstation&rsquo;s &ldquo;today&rdquo; and &ldquo;now&rdquo; follow {to}: the calendar opens on that
          date, and the now-line, lateness and the booking notice use its clock.
        </li>
        <li>Booked appointments keep their date and time: 09:00 stays 09:00, now meaning 09:00 in {to}.</li>
        <li>Reminders go out by {to}&rsquo;s clock.</li>
      </ul>
      <div className="setting-editor__actions">
        <span className="setting-editor__spacer" />
        <button type="button" className="button button--secondary" onClick={onKeep} disabled={busy}>
          Keep {from || 'UTC'}
        </button>
        <BusyButton className="button button--primary" busy={busy} onClick={onConfirm}>
          Change to {to}
        </BusyButton>
      </div>
    </div>
  );
}
