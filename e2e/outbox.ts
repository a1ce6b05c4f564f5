import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

/** The e2e server's e-mail outbox (set by playwright.config.ts, written by the app as .eml files). */
export const OUTBOX_DIR = process.env.E2E_OUTBOX_DIR ?? path.resolve('data/e2e/outbox');

/** Raw .eml texts sent to this address, oldest first (file names start with the time). */
export function messagesTo(email: string): string[] {
  if (!fs.existsSync(OUTBOX_DIR)) return [];
  return fs
    .readdirSync(OUTBOX_DIR)
    .filter((name) => name.endsWith(`-${email.toLowerCase()}.eml`))
    .sort()
    .map((name) => fs.readFileSync(path.join(OUTBOX_DIR, name), 'utf8'));
}

/** Quoted-printable soft line breaks removed: enough to read a link back out of the raw message. */
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');

export function resetLinkIn(raw: string): string | null {
  return /https?:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]+/.exec(unfold(raw))?.[0] ?? null;
}

/** Waits (polling, no fixed sleep) until the address has `count` messages, and returns the newest. */
export async function waitForMessage(email: string, count = 1): Promise<string> {
  await expect.poll(() => messagesTo(email).length, { message: `e-mail number ${count} to ${email}` }).toBeGreaterThanOrEqual(count);
  return messagesTo(email).at(-1)!;
}
