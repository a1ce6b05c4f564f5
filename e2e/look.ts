import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Helpers of the accessibility and phone specs: axe checks, layout checks, and review screenshots.

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rules of axe. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The WCAG A/AA rules of axe whose outcome depends on the page's colours: all a second theme of the
 * same page can change (names, roles, landmarks and sizes are the same in both).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe on the page as it is now and fails with each violation's rule, help text and elements.
 * `rules`: only these (by default every WCAG 2.0/2.1/2.2 A and AA rule).
 */
export async function expectNoAxeViolations(page: Page, label: string, { rules }: { rules?: string[] } = {}) {
  const axe = new AxeBuilder({ page });
  const { violations } = await (rules ? axe.withRules(rules) : axe.withTags(WCAG_TAGS)).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(found, `axe violations on ${label}`).toEqual([]);
}

/** The page does not scroll sideways: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal scrolling on ${label}`).toBeLessThanOrEqual(clientWidth);
}

/** The folder of the review screenshots (git-ignored; kept by the run, never compared pixel by pixel). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Waits until React has hydrated the page (before that a tap or hover reaches no handler): React marks
 * the DOM nodes it owns with a `__reactFiber` property once it has taken them over.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const nav = document.querySelector('nav[aria-label="Main"] a');
    return !!nav && Object.keys(nav).some((key) => key.startsWith('__reactFiber'));
  });
}

/**
 * The navigation's items (links, buttons, the search box) do not overlap one another: with more
 * items than fit, labels must give way, not slide under the next item.
 */
export async function expectNavItemsApart(page: Page, label: string) {
  const overlaps = await page.evaluate(() => {
    const items = [...document.querySelectorAll('nav[aria-label="Main"] :is(a, button, input)')]
      .map((el) => ({ name: el.textContent?.trim() || el.getAttribute('placeholder') || el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1);
    const found: string[] = [];
    items.forEach((a, i) =>
      items.slice(i + 1).forEach((b) => {
        const apart = a.box.right <= b.box.left + 0.5 || b.box.right <= a.box.left + 0.5 || a.box.bottom <= b.box.top + 0.5 || b.box.bottom <= a.box.top + 0.5;
        if (!apart) found.push(`${a.name} / ${b.name}`);
      }),
    );
    return found;
  });
  expect(overlaps, `navigation items overlapping on ${label}`).toEqual([]);
}
