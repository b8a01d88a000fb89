#!/usr/bin/env node
// `npm test`: every check the project promises, in order, stopping at the first failure:
// typecheck, lint, unit tests, integration tests (their global setup starts MariaDB and a
// MongoDB-compatible server when needed), build, end-to-end tests against the built app.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration tests', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds}s`);
}
