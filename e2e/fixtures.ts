import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export interface TestUser {
  username: string;
  email: string;
  password: string;
}

let counter = 0;

/** A fresh, unique account per call (parallel workers never collide). */
export function newUser(prefix = 'u'): TestUser {
  const username = `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;
  return { username, email: `${username}@example.com`, password: 'correct horse battery' };
}

/**
 * Fills in and sends the registration form; the caller checks what it answered.
 * `tap`: press the button with a finger (a touch-screen project) instead of a mouse click.
 */
export async function submitRegistration(page: Page, user: TestUser, options: { tap?: boolean } = {}) {
  await page.goto('/register');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Repeat Password').fill(user.password);
  const button = page.getByRole('button', { name: 'Register' });
  await (options.tap ? button.tap() : button.click());
}

export async function register(page: Page, user: TestUser, options: { tap?: boolean } = {}) {
  await submitRegistration(page, user, options);
  await expect(page.getByText('Congratulations, you are now a registered user!')).toBeVisible();
}

export async function login(page: Page, user: TestUser, options: { remember?: boolean; tap?: boolean } = {}) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  if (options.remember) await page.getByLabel('Remember Me').check();
  const button = page.getByRole('button', { name: 'Sign In' });
  await (options.tap ? button.tap() : button.click());
}

/** Registers and signs in a new user; the page ends on the home page. */
export async function signedInUser(page: Page, prefix?: string): Promise<TestUser> {
  const user = newUser(prefix);
  await register(page, user);
  await login(page, user);
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  return user;
}

/**
 * Every test fails on any Content-Security-Policy violation in any of its pages: the default context's
 * and those of contexts it opens itself (browser.newContext / newPage). Each page reports the
 * browser's `securitypolicyviolation` events to the test.
 */
async function reportCspViolations(context: BrowserContext, violations: string[]) {
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} at ${event.documentURI} ${event.sample}`.trim());
    });
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    // `provide` is Playwright's fixture callback (named so that React's hook lint leaves it alone).
    async ({ browser, context }, provide) => {
      const violations: string[] = [];
      await reportCspViolations(context, violations);
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const opened = await newContext.apply(browser, args);
        await reportCspViolations(opened, violations);
        return opened;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
