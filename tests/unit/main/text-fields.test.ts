import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { text } from '../../../shared/domain/text';
import { SETTINGS } from '../../../shared/domain/settings-registry';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string schema inside a schema, with where it sits. */
function strings(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): { path: string; schema: z.ZodType }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined, at = path) => (child ? strings(child, at, seen) : []);
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => inner(child, `${path}.${key}`));
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'union':
      return (def.options ?? []).flatMap((option) => inner(option));
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'record':
      return [...inner(def.keyType), ...inner(def.valueType)];
    case 'tuple':
      return (def.items ?? []).flatMap((item) => inner(item));
    case 'lazy':
      return inner(def.getter?.());
    default:
      return inner(def.innerType);
  }
}

describe('text fields refuse what no store can keep', () => {
  it('finds the strings of a schema (a walk that finds nothing proves nothing)', () => {
    const found = strings(contract['patients.register'].input, 'patients.register').map((s) => s.path);
    expect(found).toEqual(expect.arrayContaining(['patients.register.patient.firstName', 'patients.register.patient.address']));
    expect(found.length).toBeGreaterThanOrEqual(8);
  });

  it('builds every string of every channel on the shared text type', () => {
    const lacking: string[] = [];
    let count = 0;
    for (const channel of CHANNELS) {
      for (const { path, schema } of strings(contract[channel].input, channel)) {
        count += 1;
        for (const bad of ['a\u0000b', 'Sur\ud800rogate', '\udc00']) {
          if (schema.safeParse(bad).success) lacking.push(`${path} takes ${JSON.stringify(bad)}`);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(lacking).toEqual([]);
  });

  it('holds for the text settings too', () => {
    const result = SETTINGS.clinicName.schema.safeParse('Clinic\u0000');
    expect(result.success).toBe(false);
  });

  it('keeps text a person types, a paired emoji surrogate included', () => {
    for (const typed of ['Zoë 🌿', 'O’Brien', '東京', 'line\nbreak', '']) expect(text().parse(typed)).toBe(typed);
  });
});
