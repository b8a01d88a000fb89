#!/usr/bin/env node
// `npm run integrity -- --mysql URL --mongo URI` or `-- --sqlite FILE`: runs the cross-store
// integrity check (scripts/integrity/main.ts) through tsx. See docs/architecture.md ("Data health").
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['tsx', 'scripts/integrity/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
