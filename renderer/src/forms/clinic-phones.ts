import { z } from 'zod';
import { normalisePhoneInput, type PhoneCountry } from '../../../shared/domain/phone';

/**
 * A form's schema that first reads the named phone fields in the clinic's country: "0664 1234567"
 * becomes "+436641234567" before the channel's own schema (international numbers only) checks it,
 * so the value sent, and kept in an offline queue, no longer depends on the setting.
 */
export function withClinicPhones<S extends z.ZodType<object, object>>(
  schema: S,
  fields: readonly string[],
  country: PhoneCountry,
): z.ZodType<z.output<S>, z.input<S>> {
  const read = z.preprocess((values) => {
    if (typeof values !== 'object' || values === null) return values;
    const record = { ...(values as Record<string, unknown>) };
    for (const field of fields) {
      const written = record[field];
      if (typeof written === 'string') record[field] = normalisePhoneInput(written, country);
    }
    return record;
  }, schema);
  // preprocess types its input as unknown; the form still hands in the schema's own input shape
  return read as unknown as z.ZodType<z.output<S>, z.input<S>>;
}
