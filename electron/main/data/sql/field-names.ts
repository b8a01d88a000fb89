/** snake_case column name → the models' camelCase attribute name ('license_number' → 'licenseNumber'). */
export function attributeName(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A words-for-people label for an attribute ('licenseNumber' → 'License number'). */
export function fieldLabel(attribute: string): string {
  const words = attribute.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
