import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/**
 * The runtime (opening the stores, switching to the mirror) sits below the services: it imports
 * none of them, and a service asks only for the members of the runtime it uses (a `Pick`), never
 * the whole `AppRuntime`, so what a service can reach is written in its signature.
 */
const MAIN = join(__dirname, '../../../electron/main');

const importsOf = (source: string): string[] => [...source.matchAll(/^import[\s\S]*?from '([^']+)';/gm)].map((match) => match[1]!);

/** Where a service takes the whole runtime: a parameter or field typed `AppRuntime` itself. */
export function wholeRuntimeTaken(source: string): boolean {
  return /:\s*AppRuntime\b(?!\s*[,>]?\s*'|\[)/.test(source.replace(/Pick<AppRuntime,[^>]*>/g, ''));
}

describe('the runtime depends on nothing above it', () => {
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

  it('no service takes the whole AppRuntime', () => {
    const whole = sourceFiles(join(MAIN, 'services'))
      .filter((path) => wholeRuntimeTaken(readFileSync(path, 'utf8')))
      .map((path) => relative(MAIN, path));
    expect(whole).toEqual([]);
  });
});
