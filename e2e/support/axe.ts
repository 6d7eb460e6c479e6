import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/** One line per element that fails a rule: what failed, how badly, where, and how to fix it. */
export function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')}` +
        (node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  );
}

/**
 * Runs axe-core over the page as it is now (every rule it ships with, WCAG 2.x A/AA and its best
 * practices) and fails listing each serious or critical violation. Minor and moderate findings
 * are left to review: they are often judgement calls, and a suite that fails on them gets muted.
 */
export async function expectNoSeriousViolations(page: Page, state: string) {
  // Only violations are read: axe skips gathering the details of what passed.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  expect
    .soft(describeViolations(blocking), `serious or critical axe violations on ${state}`)
    .toEqual([]);
}
