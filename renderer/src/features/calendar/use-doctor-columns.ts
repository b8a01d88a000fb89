import { useCallback, useState } from 'react';
import { columnChoiceKey, readColumnChoice, writeColumnChoice } from '../../../../shared/domain/calendar/column-choice';
import { useAppStore } from '../../stores/app-store';

/**
 * The doctors the day view hides, remembered for the signed-in user on this workstation (the
 * browser storage of this workstation's window, which holds no patient data).
 */
export function useDoctorColumns(): { hidden: number[]; setHidden(hidden: number[]): void } {
  const user = useAppStore((state) => state.user);
  const key = user ? columnChoiceKey(user) : null;
  const [stored, setStored] = useState<{ key: string | null; hidden: number[] }>(() => ({
    key,
    hidden: key ? readColumnChoice(window.localStorage.getItem(key)) : [],
  }));
  // Another person signed in: their own choice.
  const current = stored.key === key ? stored : { key, hidden: key ? readColumnChoice(window.localStorage.getItem(key)) : [] };
  if (current !== stored) setStored(current);
  const setHidden = useCallback(
    (hidden: number[]) => {
      if (key) window.localStorage.setItem(key, writeColumnChoice(hidden));
      setStored({ key, hidden });
    },
    [key],
  );
  return { hidden: current.hidden, setHidden };
}
