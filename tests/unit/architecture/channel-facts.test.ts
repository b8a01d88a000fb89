import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlinePolicyOf, queuedChangeOf, resolutionsOf } from '../../../shared/ipc/channel-spec';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { PERMISSIONS } from '../../../shared/ipc/permissions';
import { sourceFiles } from './source-files';

/**
 * Everything about one channel lives in its feature: names and spec (input, permission, audit,
 * offline policy, change kind) in `shared/ipc/<feature>/`, the handler in
 * `electron/main/ipc/<feature>-handlers.ts`. The files that join the features, and the machinery
 * that reads the specs (dispatcher, outbox, preload), name features, never channels: adding a
 * channel touches only its feature.
 */
const ROOT = join(__dirname, '../../..');
const IPC = join(ROOT, 'shared/ipc');

/** The files shared by all features: they must not name a channel. */
function centralFiles(): string[] {
  const sharedTop = readdirSync(IPC)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(IPC, name));
  const mainIpc = sourceFiles(join(ROOT, 'electron/main/ipc')).filter((path) => !basename(path).endsWith('-handlers.ts'));
  return [...sharedTop, ...mainIpc, ...sourceFiles(join(ROOT, 'electron/main/services/sync')), ...sourceFiles(join(ROOT, 'electron/preload'))];
}

const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The channel names a source spells out as string literals (names that are also permissions do not count). */
export function channelsNamedIn(source: string, channels: readonly string[], { countPermissions = false } = {}): string[] {
  const code = withoutComments(source);
  const permissions = new Set<string>(countPermissions ? [] : Object.keys(PERMISSIONS));
  return channels.filter((name) => !permissions.has(name) && new RegExp(`['"\`]${name.replace(/\./g, '\\.')}['"\`]`).test(code));
}

const featureFolders = readdirSync(IPC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('each channel keeps its facts in its feature', () => {
  it('finds a channel named in code, and not one in a comment', () => {
    expect(channelsNamedIn("if (channel === 'appointments.book') return;", CHANNELS)).toEqual(['appointments.book']);
    expect(channelsNamedIn('// replays appointments.book like any other\nconst x = 1;', CHANNELS)).toEqual([]);
  });

  it('no central file names a channel', () => {
    const named = centralFiles()
      .map((path) => ({ file: relative(ROOT, path), channels: channelsNamedIn(readFileSync(path, 'utf8'), CHANNELS) }))
      .filter((found) => found.channels.length > 0)
      .map((found) => `${found.file}: ${found.channels.join(', ')}`);
    expect(named).toEqual([]);
  });

  it('every channel belongs to exactly one feature folder, with its handler file beside the others', () => {
    const owners = new Map<string, string[]>();
    for (const folder of featureFolders) {
      const names = join(IPC, folder, 'channel-names.ts');
      if (!existsSync(names)) continue;
      expect(existsSync(join(IPC, folder, 'contract.ts')), `${folder}/contract.ts`).toBe(true);
      expect(existsSync(join(ROOT, 'electron/main/ipc', `${folder}-handlers.ts`)), `${folder}-handlers.ts`).toBe(true);
      for (const name of channelsNamedIn(readFileSync(names, 'utf8'), CHANNELS, { countPermissions: true })) owners.set(name, [...(owners.get(name) ?? []), folder]);
    }
    const misplaced = CHANNELS.filter((name) => owners.get(name)?.length !== 1).map((name) => `${name}: ${(owners.get(name) ?? ['no folder']).join(', ')}`);
    expect(misplaced).toEqual([]);
  });

  it('every queued change has a label and offers keep-theirs; other policies carry no change kind', () => {
    const problems: string[] = [];
    for (const name of CHANNELS) {
      const spec = contract[name];
      const change = queuedChangeOf(spec);
      if (offlinePolicyOf(spec) === 'queue') {
        if (!change?.label.trim()) problems.push(`${name}: no label`);
        if (change && !resolutionsOf(change).includes('keep-theirs')) problems.push(`${name}: no keep-theirs`);
        if (change?.keepMine && !resolutionsOf(change).includes('keep-mine')) problems.push(`${name}: restates without offering keep-mine`);
        // `before` is optional (a restatement that needs no read), but when named it must be a channel
        const before = change?.keepMine?.before;
        if (before !== undefined && !CHANNELS.includes(before as never)) problems.push(`${name}: reads ${before}, no channel`);
      } else if (change) problems.push(`${name}: a change kind without queueing`);
    }
    expect(problems).toEqual([]);
  });
});
