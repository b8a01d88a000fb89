import { useState } from 'react';
import { UnavailableBlockInput, type AffectedAppointment, type BlockView } from '../../../../../shared/ipc/admin/availability';
import { DateField } from '../../../components/DateField';
import { BusyButton } from '../../../components/BusyButton';
import { TimeInput, timeEntryProblem } from '../../../components/TimeInput';
import { FormField } from '../../../components/FormField';
import { currentDisplayLocale, formatClockRange, formatDayShortWithYear } from '../../../stores/display-format';
import { ConflictResolver } from './ConflictResolver';
import { SaveProblem } from './SaveProblem';

interface Draft {
  date: string;
  wholeDay: boolean;
  start: string;
  end: string;
  reason: string;
}

const EMPTY: Draft = { date: '', wholeDay: true, start: '09:00', end: '12:00', reason: '' };

/**
 * Days off and part days: the upcoming ones (with remove) and a form to add one. Driven by
 * props: the owner previews a new block, passes back the appointments it hits as `conflicts`,
 * and applies the admin's choice.
 */
export function UnavailableDates({
  blocks,
  onAdd,
  onRemove,
  conflicts,
  onResolve,
  onDismissConflicts,
  busy,
  error,
}: {
  blocks: BlockView[];
  onAdd(block: UnavailableBlockInput): Promise<boolean>;
  onRemove(blockId: number): void;
  conflicts: AffectedAppointment[] | null;
  onResolve(choice: { conflicts: 'cancel'; reason: string } | { conflicts: 'keep' }): void;
  onDismissConflicts(): void;
  busy: boolean;
  error: string | null;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<'date' | 'startTime' | 'endTime' | 'reason', string>>>({});
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function submit() {
    const parsed = UnavailableBlockInput.safeParse({
      date: draft.date,
      startTime: draft.wholeDay ? null : draft.start,
      endTime: draft.wholeDay ? null : draft.end,
      reason: draft.reason,
    });
    if (!parsed.success) {
      const found: Partial<Record<string, string>> = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      // a typed time that is not one is named on the clinic's clock, not the schema's 24 hours
      const clock = currentDisplayLocale().hourCycle;
      if (!draft.wholeDay) {
        found.startTime = timeEntryProblem(draft.start, clock) ?? found.startTime;
        found.endTime = timeEntryProblem(draft.end, clock) ?? found.endTime;
      }
      setProblems(found);
      return;
    }
    setProblems({});
    if (await onAdd(parsed.data)) setDraft(EMPTY);
  }

  return (
    <div className="unavailable-dates">
      <ul className="block-list" aria-label="Upcoming days off">
        {blocks.length === 0 ? <li className="block-list__empty">No days off planned.</li> : null}
        {blocks.map((block) => (
          <li key={block.id} className="block-list__item">
            <div>
              <div className="block-list__when">
                {formatDayShortWithYear(block.date)}
                <span className="block-list__hours">{block.startTime && block.endTime ? formatClockRange(block.startTime, block.endTime) : 'Whole day'}</span>
              </div>
              {block.reason ? <div className="block-list__reason">{block.reason}</div> : null}
            </div>
            <button type="button" className="button button--ghost button--small" onClick={() => onRemove(block.id)} aria-label={`Remove the day off on ${formatDayShortWithYear(block.date)}`} disabled={busy}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {conflicts && conflicts.length > 0 ? (
        <ConflictResolver appointments={conflicts} what="This day off" busy={busy} onCancelAll={(reason) => onResolve({ conflicts: 'cancel', reason })} onKeep={() => onResolve({ conflicts: 'keep' })} onBack={onDismissConflicts} />
      ) : (
        <form
          className="block-form"
          noValidate
          aria-label="Add a day off"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DateField label="Date" id="block-date" value={draft.date} onChange={(date) => set({ date })} error={problems.date} />
          <label className="block-form__whole">
            <input type="checkbox" checked={draft.wholeDay} onChange={(e) => set({ wholeDay: e.target.checked })} />
            Whole day
          </label>
          {!draft.wholeDay ? (
            <div className="block-form__times">
              <FormField id="block-from" label="From" error={problems.startTime}>
                <TimeInput id="block-from" value={draft.start} onChange={(start) => set({ start })} invalid={Boolean(problems.startTime)} describedBy={problems.startTime ? 'block-from-error' : undefined} />
              </FormField>
              <FormField id="block-until" label="Until" error={problems.endTime}>
                <TimeInput id="block-until" value={draft.end} onChange={(end) => set({ end })} invalid={Boolean(problems.endTime)} describedBy={problems.endTime ? 'block-until-error' : undefined} />
              </FormField>
            </div>
          ) : null}
          <FormField id="block-reason" label="Reason" error={problems.reason}>
            <input id="block-reason" className="field__input" value={draft.reason} placeholder="Vacation, conference, …" onChange={(e) => set({ reason: e.target.value })} />
          </FormField>
          <SaveProblem message={error} />
          <div className="block-form__actions">
            <BusyButton type="submit" className="button button--primary" busy={busy}>
              Add day off
            </BusyButton>
          </div>
        </form>
      )}
    </div>
  );
}
