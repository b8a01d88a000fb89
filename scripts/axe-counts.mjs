// Sums the axe results the e2e specs recorded (test-results/axe/violations.jsonl): violations
// (failing elements) per impact and per rule, counting each screen once (its latest scan).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.argv[2] ?? join(process.cwd(), 'test-results', 'axe', 'violations.jsonl');
const latest = new Map();
for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) {
  const entry = JSON.parse(line);
  latest.set(entry.screen, entry.violations);
}
const byImpact = { critical: 0, serious: 0, moderate: 0, minor: 0 };
const byRule = new Map();
for (const violations of latest.values())
  for (const v of violations) {
    byImpact[v.impact] = (byImpact[v.impact] ?? 0) + 1;
    const key = `${v.impact} ${v.id}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
console.log(`screens scanned: ${latest.size}`);
console.log(Object.entries(byImpact).map(([impact, n]) => `${impact}: ${n}`).join(', '));
for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${rule}`);
