import type { ReactNode } from 'react';

/**
 * A select's options for a fixed list of values (roles, statuses, types): each option holds the
 * value and shows its label, or the value itself where it reads well as it is.
 */
export function LabelledOptions<Value extends string | number>({
  values,
  labels,
}: {
  values: readonly Value[];
  labels?: Readonly<Partial<Record<Value, ReactNode>>>;
}) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labels ? labels[value] : value}
        </option>
      ))}
    </>
  );
}
