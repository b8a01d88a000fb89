/** What a patient wrote in a feedback entry: the review, the tags they picked and their suggestions, each only if given. */
export function FeedbackWords({
  textReview,
  tags,
  suggestions,
}: {
  textReview: string | null | undefined;
  tags: readonly string[];
  suggestions: readonly string[];
}) {
  return (
    <>
      {textReview ? <p className="feedback-entry__text">{textReview}</p> : null}
      {tags.length ? (
        <div className="feedback-entry__tags">
          {tags.map((tag) => (
            <span key={tag} className="feedback-tag">
              {tag}
            </span>
          ))}
        </div>
      ) : null}
      {suggestions.length ? (
        <ul className="feedback-entry__suggestions" aria-label="Suggestions">
          {suggestions.map((suggestion, index) => (
            <li key={index}>{suggestion}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
