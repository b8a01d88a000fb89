/** The options of a length select: one per number of minutes, read "30 min". */
export function MinuteOptions({ choices }: { choices: readonly number[] }) {
  return (
    <>
      {choices.map((minutes) => (
        <option key={minutes} value={minutes}>
          {minutes} min
        </option>
      ))}
    </>
  );
}
