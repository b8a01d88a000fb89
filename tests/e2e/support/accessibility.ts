import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './launch';

/** WCAG 2.1 level A and AA: what the clinic's screens are held to. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['critical', 'serious']);

/** One line per scanned screen (test-results/axe/violations.jsonl), which scripts/axe-counts.mjs sums. */
const LOG_DIR = join(REPO_ROOT, 'test-results', 'axe');

export interface ScreenViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe over the screen as it is now. Critical and serious violations fail the spec (set
 * AXE_REPORT_ONLY=1 to only record them, e.g. to count what a branch starts from).
 */
export async function scanScreen(page: Page, name: string): Promise<ScreenViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations: ScreenViolation[] = results.violations.flatMap((v) =>
    v.nodes.map((node) => ({ id: v.id, impact: node.impact ?? v.impact ?? 'unknown', help: v.help, targets: node.target.map(String) })),
  );
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(join(LOG_DIR, 'violations.jsonl'), `${JSON.stringify({ screen: name, violations })}\n`);
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact));
  if (failing.length > 0 && process.env.AXE_REPORT_ONLY !== '1') {
    const lines = failing.map((v) => `  ${v.impact} ${v.id}: ${v.help} (${v.targets.join(' ')})`);
    throw new Error(`Accessibility (axe, WCAG 2.1 AA) on "${name}": ${failing.length} critical/serious\n${lines.join('\n')}`);
  }
  return violations;
}
