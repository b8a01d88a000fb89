import { z } from 'zod';
import { text } from '../text';

/**
 * A patient's recorded allergies, kept as JSON in `patients.allergies`. Three states a clinic
 * tells apart: never asked (the column is NULL), asked and none known (`noneKnown: true`, no
 * entries), and a list of substances with the reaction seen.
 */
export const AllergyEntrySchema = z
  .object({
    substance: text().trim().min(1, 'Name the substance').max(100, 'A substance name must be at most 100 characters'),
    reaction: text().trim().max(200, 'A reaction must be at most 200 characters').optional(),
  })
  .strict();
export type AllergyEntry = z.output<typeof AllergyEntrySchema>;

export const AllergyListSchema = z
  .object({
    noneKnown: z.boolean(),
    entries: z.array(AllergyEntrySchema).max(50, 'At most 50 allergies'),
  })
  .strict()
  .superRefine((list, ctx) => {
    if (list.noneKnown && list.entries.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['noneKnown'], message: 'Either list the allergies or say none are known, not both' });
    }
    const seen = new Set<string>();
    list.entries.forEach((entry, index) => {
      const key = normalisedSubstance(entry.substance);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'substance'], message: `${entry.substance} is listed twice` });
      seen.add(key);
    });
  });
export type AllergyList = z.output<typeof AllergyListSchema>;

/** What the record says, as every screen shows it. `recorded: false`: nobody has asked yet. */
export interface AllergyRecord {
  recorded: boolean;
  noneKnown: boolean;
  entries: AllergyEntry[];
}

export const NOT_RECORDED: AllergyRecord = { recorded: false, noneKnown: false, entries: [] };

/** Case, accents' composed forms and runs of spaces do not make two substances different. */
export function normalisedSubstance(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** The column's text back as a record; text that does not parse counts as never recorded. */
export function allergyRecordOf(column: string | null | undefined): AllergyRecord {
  if (column === null || column === undefined || column === '') return NOT_RECORDED;
  try {
    const parsed = AllergyListSchema.safeParse(JSON.parse(column));
    return parsed.success ? { recorded: true, ...parsed.data } : NOT_RECORDED;
  } catch {
    return NOT_RECORDED;
  }
}

export function allergyColumnOf(list: AllergyList): string {
  return JSON.stringify({ noneKnown: list.noneKnown, entries: list.entries.map((e) => (e.reaction ? e : { substance: e.substance })) });
}
