import 'server-only';
import { setTimeout as delay } from 'node:timers/promises';
import { countAttempts, rateLimitedError, refundAttempts } from '@/db/queries/rate-limits';
import { verifyCredentials } from '@/db/queries/users';
import { loginFailuresPerAccount, loginFailuresPerAccountAndClient, loginFailuresPerClient, signInSlowdownMs } from './rate-limits';

export type VerifiedUser = NonNullable<Awaited<ReturnType<typeof verifyCredentials>>>;

/**
 * Checks a username and password under the sign-in limits, which count failures only:
 * - a client that failed too often (on any account, or on this one) is refused until its window ends;
 * - the account's failures from all clients together never refuse anyone, they only delay each
 *   attempt on it (signInSlowdownMs), so the owner's right password from a client that has not itself
 *   been failing always works, however many addresses an attacker uses;
 * - a right password (or a check the server could not make) takes its attempt back.
 * The attempt is counted before the password is checked, so parallel guesses cannot overrun a limit.
 * `client` is a rate-limit key (app/lib/client-address.ts).
 * @returns the user, or null for a wrong username or password.
 * @throws RateLimitedError (with the real wait and retryAfterS) for a refused client;
 *   UnavailableError when the password worker is overloaded.
 */
export async function verifyCredentialsThrottled(
  credentials: { username: string; password: string },
  client: string,
  { now = Date.now(), sleep = (ms: number) => delay(ms) }: { now?: number; sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<VerifiedUser | null> {
  const refusing = [loginFailuresPerClient(client), loginFailuresPerAccountAndClient(credentials.username, client)];
  const slowing = loginFailuresPerAccount(credentials.username);
  const all = [...refusing, slowing];
  const counts = await countAttempts(all, now);
  const refused = refusing.find((limit, i) => counts[i] > limit.limit);
  if (refused) throw rateLimitedError(refused, now);
  const wait = signInSlowdownMs(counts[2], slowing.limit);
  if (wait > 0) await sleep(wait);
  let user: VerifiedUser | null;
  try {
    user = await verifyCredentials(credentials);
  } catch (error) {
    await refundAttempts(all, now);
    throw error;
  }
  if (user) await refundAttempts(all, now);
  return user;
}
