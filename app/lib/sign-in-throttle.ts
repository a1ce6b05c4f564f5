import 'server-only';
import { setTimeout as delay } from 'node:timers/promises';
import { countAttempts, rateLimitedError, refundAttempts } from '@/db/queries/rate-limits';
import { verifyCredentials } from '@/db/queries/users';
import { loginFailuresPerAccount, loginFailuresPerAccountAndClient, loginFailuresPerClient, signInSlowdownMs } from './rate-limits';

export type VerifiedUser = NonNullable<Awaited<ReturnType<typeof verifyCredentials>>>;

/**
 * Runs one sign-in check (`check`: a password comparison, or one that also opens a session or issues
 * API tokens; null means a wrong username or password) under the sign-in limits, which count failures
 * only:
 * - a client that failed too often (on any account, or on this one) is refused until its window ends;
 * - the account's failures from all clients together never refuse anyone, they only delay each
 *   attempt on it (signInSlowdownMs), so the owner's right password from a client that has not itself
 *   been failing always works, however many addresses an attacker uses;
 * - a right password (or a check the server could not make) takes its attempt back.
 * The attempt is counted before the password is checked, so parallel guesses cannot overrun a limit.
 * `login` is the username or e-mail typed; `client` a rate-limit key (app/lib/client-address.ts).
 * The web's sign-in (Auth.js) and the API's POST /api/tokens both come through here.
 * @throws RateLimitedError (with the real wait and retryAfterS) for a refused client;
 *   UnavailableError when the password worker is overloaded; whatever `check` throws.
 */
export async function throttleSignIn<T>(
  login: string,
  client: string,
  check: () => Promise<T | null>,
  { now = Date.now(), sleep = (ms: number) => delay(ms) }: { now?: number; sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<T | null> {
  const refusing = [loginFailuresPerClient(client), loginFailuresPerAccountAndClient(login, client)];
  const slowing = loginFailuresPerAccount(login);
  const all = [...refusing, slowing];
  const counts = await countAttempts(all, now);
  const refused = refusing.find((limit, i) => counts[i] > limit.limit);
  if (refused) throw rateLimitedError(refused, now);
  const wait = signInSlowdownMs(counts[2], slowing.limit);
  if (wait > 0) await sleep(wait);
  let result: T | null;
  try {
    result = await check();
  } catch (error) {
    await refundAttempts(all, now);
    throw error;
  }
  if (result) await refundAttempts(all, now);
  return result;
}

/** A username and password checked under the sign-in limits (throttleSignIn). @returns the user, or null. */
export function verifyCredentialsThrottled(
  credentials: { username: string; password: string },
  client: string,
  options: { now?: number; sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<VerifiedUser | null> {
  return throttleSignIn(credentials.username, client, () => verifyCredentials(credentials), options);
}
