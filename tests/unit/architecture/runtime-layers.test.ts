import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/**
 * The runtime (opening the stores, switching to the mirror) and the data layer (repositories,
 * models, document stores) sit below the services: they import none of them (what a repository
 * needs from the rules lives in shared/domain or the data layer), and a service asks only for the
 * members of the runtime it uses (a `Pick`), never the whole `AppRuntime`, so what a service can
 * reach is written in its signature.
 */
const MAIN = join(__dirname, '../../../electron/main');

const importsOf = (source: string): string[] => [...source.matchAll(/^import[\s\S]*?from '([^']+)';/gm)].map((match) => match[1]!);

/** An import that climbs out of the data layer into main's services, channels or composition. */
export function reachesAboveData(from: string): boolean {
  return /^(\.\.\/)+(services|ipc)\/|^(\.\.\/)+(compose|window|index|session)$/.test(from);
}

/** Where a service takes the whole runtime: a parameter or field typed `AppRuntime` itself. */
export function wholeRuntimeTaken(source: string): boolean {
  return /:\s*AppRuntime\b(?!\s*[,>]?\s*'|\[)/.test(source.replace(/Pick<AppRuntime,[^>]*>/g, ''));
}

describe('the runtime and the data layer depend on nothing above them', () => {
  it('finds the whole runtime taken, and not a narrowed one', () => {
    expect(wholeRuntimeTaken('export function f(runtime: AppRuntime) {}')).toBe(true);
    expect(wholeRuntimeTaken('constructor(private readonly runtime: AppRuntime) {}')).toBe(true);
    expect(wholeRuntimeTaken("export type R = Pick<AppRuntime, 'state' | 'config'>;\nfunction f(runtime: R) {}")).toBe(false);
  });

  it('no runtime file imports a service, a channel or the composition', () => {
    const upward = sourceFiles(join(MAIN, 'runtime')).flatMap((path) =>
      importsOf(readFileSync(path, 'utf8'))
        .filter((from) => /^\.\.\/(services|ipc)\/|^\.\.\/(compose|window|index|session)$/.test(from))
        .map((from) => `${relative(MAIN, path)} imports ${from}`),
    );
    expect(upward).toEqual([]);
  });

  it('no data file (repository, model, document store) imports a service or a channel', () => {
    const upward = sourceFiles(join(MAIN, 'data')).flatMap((path) =>
      importsOf(readFileSync(path, 'utf8'))
        .filter(reachesAboveData)
        .map((from) => `${relative(MAIN, path)} imports ${from}`),
    );
    expect(upward).toEqual([]);
  });

  it('tells an import of the services or channels of main from one of the shared contract', () => {
    expect(reachesAboveData('../../../services/scheduling/schedule-query')).toBe(true);
    expect(reachesAboveData('../../ipc/dispatcher')).toBe(true);
    expect(reachesAboveData('../../compose')).toBe(true);
    expect(reachesAboveData('../../../../../shared/ipc/result')).toBe(false);
    expect(reachesAboveData('./schedule-repository')).toBe(false);
  });

  it('no service takes the whole AppRuntime', () => {
    const whole = sourceFiles(join(MAIN, 'services'))
      .filter((path) => wholeRuntimeTaken(readFileSync(path, 'utf8')))
      .map((path) => relative(MAIN, path));
    expect(whole).toEqual([]);
  });
});
