import type { AllergyRecord } from '../../../shared/domain/allergies/allergy-list';

/**
 * A patient's allergies as every screen shows them: the substances (with the reaction when
 * known), "No known allergies", or a warning that nobody has asked yet.
 */
export function AllergyList({ allergies }: { allergies: AllergyRecord }) {
  if (!allergies.recorded) return <span className="allergy-chip allergy-chip--unknown">Allergies not recorded</span>;
  if (allergies.entries.length === 0) return <span className="allergy-chip allergy-chip--none">No known allergies</span>;
  return (
    <ul className="allergy-chips" aria-label="Allergies">
      {allergies.entries.map((entry) => (
        <li key={entry.substance} className="allergy-chip allergy-chip--listed">
          <strong>{entry.substance}</strong>
          {entry.reaction ? <span className="allergy-chip__reaction"> · {entry.reaction}</span> : null}
        </li>
      ))}
    </ul>
  );
}
