/** A read-only star figure for a rating (whole and half stars), with the number beside it. */
export function RatingStars({ value, label, showValue = true }: { value: number | null; label: string; showValue?: boolean }) {
  if (value === null) return <span className="rating-stars rating-stars--none">No ratings yet</span>;
  const rounded = Math.round(value * 2) / 2;
  return (
    <span className="rating-stars" role="img" aria-label={`${label}: ${value.toFixed(1)} of 5`}>
      {[1, 2, 3, 4, 5].map((star) => (
        <svg key={star} viewBox="0 0 24 24" aria-hidden="true" className={rounded >= star ? 'rating-stars__star--full' : rounded >= star - 0.5 ? 'rating-stars__star--half' : 'rating-stars__star--empty'}>
          <path d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4L2.8 9.5l6.4-.8z" />
        </svg>
      ))}
      {showValue ? <span className="rating-stars__value">{value.toFixed(1)}</span> : null}
    </span>
  );
}
