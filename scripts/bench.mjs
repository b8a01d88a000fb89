#!/usr/bin/env node
// `npm run bench [-- --store sqlite] [--json FILE]`: runs the TypeScript benchmark (scripts/bench/main.ts)
// through tsx, passing the arguments on. See docs/architecture.md ("The benchmark") for what it measures.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['tsx', 'scripts/bench/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
