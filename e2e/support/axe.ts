// axe-core over the whole playground, in light and dark.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Playground } from './playground.js';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** axe-core over the whole page, every backup method's panel open. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (context: Document) => Promise<{
          violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }>;
        }>;
      };
    };
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + String((n as { failureSummary?: string }).failureSummary)),
    }));
  });
}

export async function expectNoViolations(app: Playground, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    // Without motion: a color transition caught halfway by axe is not a contrast problem.
    await app.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await axeViolations(app.page), `${what} (${colorScheme})`).toEqual([]);
  }
}
