/**
 * The ways a patient's name can be written on a calendar card, longest first: the card shows the
 * longest one that fits whole ("Odile Brackenfold", "O. Brackenfold", "Brackenfold", "OB"), so a
 * narrow lane or a 15-minute sliver never shows the top half or the first letters of a name.
 */
export function nameForms(firstName: string, lastName: string): string[] {
  const first = firstName.trim();
  const last = lastName.trim();
  const initial = (text: string) => Array.from(text)[0]?.toUpperCase() ?? '';
  const forms = [
    [first, last].filter(Boolean).join(' '),
    first && last ? `${initial(first)}. ${last}` : '',
    last || first,
    `${initial(first)}${initial(last)}`,
  ].filter((form) => form.length > 0);
  // Same text twice (a one-word name) would only cost a measuring pass; sorted because a "short"
  // form is not always shorter ("A. B" against "A B").
  return forms.filter((form, index) => forms.indexOf(form) === index).sort((a, b) => b.length - a.length);
}
