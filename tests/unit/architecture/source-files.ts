import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript source below a folder (the architecture tests read them as text). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
