#!/usr/bin/env node
/**
 * Soak of the offline fault test: runs tests/integration/sync/offline-fault.test.ts again and
 * again, each time with its own seed and with other integration test files running beside it (as
 * in CI, where the whole integration step shares the machine), and reports every run's seed and
 * result. A failing seed repeats with FAULT_SEED=<seed>.
 *
 *   node scripts/soak-fault.mjs --runs 20 [--seed 1234] [--beside 3]
 *
 * Logs of each run go to test-results/soak/. Exit code 1 when any run failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const FAULT_TEST = 'tests/integration/sync/offline-fault.test.ts';
/** Files run beside the fault test, a few at a time in turn: busy ones, with their own servers and workers. */
const NEIGHBOURS = [
  'tests/integration/sync/outbox-race.test.ts',
  'tests/integration/calendar/two-workstations.test.ts',
  'tests/integration/scheduling/booking-race.test.ts',
  'tests/integration/auth/audit-outage.test.ts',
  'tests/integration/sync/offline-outbox.test.ts',
  'tests/integration/reception/patients.test.ts',
  'tests/integration/scheduling/booking.test.ts',
  'tests/integration/communications/exactly-once.test.ts',
  'tests/integration/sync/mirror-pull.test.ts',
  'tests/integration/ipc/scheduling-channels.test.ts',
];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string' },
    beside: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const beside = Math.min(Number(values.beside), NEIGHBOURS.length);
const firstSeed = values.seed ? Number(values.seed) : Date.now() % 100_000;
if (!(runs > 0) || !(beside >= 0) || !Number.isInteger(firstSeed)) {
  console.error('usage: node scripts/soak-fault.mjs --runs <n> [--seed <n>] [--beside <n>]');
  process.exit(2);
}

const logDir = join('test-results', 'soak');
mkdirSync(logDir, { recursive: true });
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

function runOnce(seed, files) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'integration', FAULT_TEST, ...files], {
      env: { ...process.env, FAULT_SEED: String(seed), ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', () => resolve(plain(output)));
  });
}

const results = [];
for (let run = 0; run < runs; run++) {
  // Distinct seeds, spread over the range the test draws its own from.
  const seed = ((firstSeed + run * 7919) % 99_999) + 1;
  const files = Array.from({ length: beside }, (_, k) => NEIGHBOURS[(run * beside + k) % NEIGHBOURS.length]);
  const started = Date.now();
  const output = await runOnce(seed, files);
  const seconds = Math.round((Date.now() - started) / 1000);
  // The file's line: ✓ when it passed, × or ❯ (with "failed") when it did not.
  const verdict = output.match(/(✓|×|❯)\s+integration\s+tests\/integration\/sync\/offline-fault\.test\.ts.*/);
  const passed = verdict?.[1] === '✓' && !/failed/.test(verdict[0]);
  writeFileSync(join(logDir, `run-${run + 1}-seed-${seed}.log`), output);
  results.push({ run: run + 1, seed, passed, seconds });
  console.log(`run ${run + 1}/${runs}, seed ${seed}: ${passed ? 'passed' : verdict ? 'FAILED' : 'did not run'} (${seconds} s, beside ${files.map((f) => f.replace('tests/integration/', '')).join(', ')})`);
  // The figures the fault test prints, one line per workstation: calls answered SERVER_UNREACHABLE,
  // NOT_FOUND from mirror lag or pending ids, changes answered refused yet on the server.
  const figures = output.split('\n').filter((line) => line.startsWith('fault figures '));
  for (const line of figures) console.log(`  ${line.slice('fault figures '.length)}`);
  results[results.length - 1].figures = figures.map((line) => line.slice('fault figures '.length));
  // A workstation that did not settle says what its connections answered.
  for (const line of output.split('\n').filter((l) => l.includes('not settled'))) console.log(`  ${line.trim()}`);
  if (!passed) {
    const failure = output.split('\n').find((line) => /AssertionError|Error:/.test(line));
    if (failure) console.log(`  ${failure.trim()}`);
  }
}
const failed = results.filter((r) => !r.passed);
const summary = [
  ...results.map((r) => `run ${r.run}, seed ${r.seed}: ${r.passed ? 'passed' : 'FAILED'} (${r.seconds} s)${r.figures?.length ? `; ${r.figures.join('; ')}` : ''}`),
  `${results.length} runs of the fault test, ${results.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (seeds ${failed.map((r) => r.seed).join(', ')})` : ''}.`,
];
writeFileSync(join(logDir, 'summary.txt'), `${summary.join('\n')}\n`);
console.log(`\n${summary.at(-1)} Summary in ${join(logDir, 'summary.txt')}.`);
process.exit(failed.length > 0 ? 1 : 0);
