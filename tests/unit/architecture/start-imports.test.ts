import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Main's start loads only what the first painted day needs: these packages are loaded where they
 * are first used (`await import(...)`), never by a module main imports at start. A static import
 * of one of them from anything the entries reach puts its loading back on every start (mongoose
 * alone took over a second of a start on a busy machine).
 */
const LOADED_WHEN_USED = ['mongoose', 'mongodb', 'umzug', 'pdfkit', 'jose', 'nodemailer'];

const ROOT = resolve(__dirname, '../../..');
const ENTRIES = ['electron/main/index.ts', 'electron/main/bridge-server.ts'].map((entry) => join(ROOT, entry));

/** The code without its comments, so a comment that names a package is no import. */
const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Modules a source loads when it is loaded: `import x from`, `import { a } from`, `export ... from`; not `import type` nor `import(...)`. */
export function staticImports(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const match of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const typeOnly = match[2] !== undefined || /^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}$/.test(match[3] ?? '');
    if (!typeOnly) found.push(match[4]!);
  }
  for (const match of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return null;
}

/** Every package a start loads, with the first file (from the repository root) that imports it. */
function packagesLoadedAtStart(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...ENTRIES];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const next = resolveLocal(file, specifier);
        if (next) queue.push(next);
      } else {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, relative(ROOT, file));
      }
    }
  }
  return packages;
}

describe('main loads at start only what the first painted day needs', () => {
  it('reads static imports, not type imports or dynamic ones', () => {
    expect(staticImports("import mongoose from 'mongoose';\nimport type { Schema } from 'mongoose';\nconst x = () => import('pdfkit');")).toEqual(['mongoose']);
    expect(staticImports("import { type Transporter } from 'nodemailer';\nexport { a } from './a';\n// import b from 'jose';")).toEqual(['./a']);
  });

  it('none of the packages loaded when used is imported by a module the start loads', () => {
    const atStart = packagesLoadedAtStart();
    expect(atStart.has('sequelize'), 'the walk reaches the stores').toBe(true);
    const offending = LOADED_WHEN_USED.filter((name) => atStart.has(name)).map((name) => `${name} (imported by ${atStart.get(name)})`);
    expect(offending).toEqual([]);
  });
});
