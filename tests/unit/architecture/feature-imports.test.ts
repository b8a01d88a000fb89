import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/**
 * Features do not import features: what two features share moves down to `components/`,
 * `stores/` or `shared/`. These imports still cross; each leaves the list when what it uses has
 * moved. The list only shrinks: a pair that no longer crosses fails too.
 */
const STILL_CROSSING = [
  'admin -> setup',
  'booking -> patients',
  'calendar -> booking',
  'calendar -> waiting-list',
  'doctor -> admin',
  'doctor -> calendar',
  'patients -> booking',
  'patients -> communications',
  'sync -> calendar',
  'today -> calendar',
  'today -> communications',
  'today -> walk-in',
  'waiting-list -> booking',
  'waiting-list -> walk-in',
  'walk-in -> booking',
  'walk-in -> patients',
];

const FEATURES = join(__dirname, '../../../renderer/src/features');

/** The other features a file in `features/<feature>/` imports from (relative imports only: features are reached that way). */
export function crossedFeatures(file: string, source: string): string[] {
  const own = relative(FEATURES, file).split(/[\\/]/)[0];
  const crossed = new Set<string>();
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = relative(FEATURES, normalize(join(dirname(file), match[1]!)));
    if (target.startsWith('..')) continue; // outside features/
    const feature = target.split(/[\\/]/)[0]!;
    if (feature !== own) crossed.add(feature);
  }
  return [...crossed];
}

describe('features do not import features', () => {
  const pairs = new Set(
    sourceFiles(FEATURES).flatMap((file) => {
      const own = relative(FEATURES, file).split(/[\\/]/)[0];
      return crossedFeatures(file, readFileSync(file, 'utf8')).map((other) => `${own} -> ${other}`);
    }),
  );

  it('sees a crossing import and ignores imports within a feature or to shared places', () => {
    const file = join(FEATURES, 'today/FlowBoard.tsx');
    expect(crossedFeatures(file, "import { X } from '../calendar/CancelForm';")).toEqual(['calendar']);
    expect(crossedFeatures(file, "import { Y } from './WalkInAside';\nimport { Z } from '../../components/Dialog';")).toEqual([]);
    expect(crossedFeatures(join(FEATURES, 'admin/schedule/A.tsx'), "import { B } from '../settings/B';")).toEqual([]);
  });

  it('no feature imports another outside the shrinking list', () => {
    expect([...pairs].filter((pair) => !STILL_CROSSING.includes(pair)).sort()).toEqual([]);
  });

  it('every listed crossing still exists (take it off the list once it is gone)', () => {
    expect(STILL_CROSSING.filter((pair) => !pairs.has(pair))).toEqual([]);
  });
});
