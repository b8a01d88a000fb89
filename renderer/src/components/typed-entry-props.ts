/**
 * What the clinic's typed date and time inputs share: the value as stored (or the text typed
 * when it could not be read), and the attributes a field frame hands its control.
 */
export interface TypedEntryProps {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  id?: string;
  /** For a field without a visible label (the calendar's "go to date"). */
  ariaLabel?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  className?: string;
}
