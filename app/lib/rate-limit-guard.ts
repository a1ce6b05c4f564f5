import 'server-only';
import { consumeRateLimit, type RateLimit } from '@/db/queries/rate-limits';
import { clientAddress } from './client-address';
import { loginPerAccount, loginPerClient, resetPerAddress, resetPerClient } from './rate-limits';

/**
 * Where the app counts attempts against its limits: each kind of attempt in one function, called by
 * the web forms, Auth.js and the REST API alike, so a change of policy (e.g. counting only failures)
 * happens here once.
 */

/** Counts one attempt of this request's client against a limit; throws RateLimitedError past it. */
export async function rateLimitPerClient(limitFor: (address: string) => RateLimit): Promise<void> {
  await consumeRateLimit(limitFor(await clientAddress()));
}

/** A sign-in (web form or POST /api/tokens): per client address and per account (username or e-mail). */
export async function limitSignInAttempt(address: string, login: string): Promise<void> {
  await consumeRateLimit(loginPerClient(address));
  await consumeRateLimit(loginPerAccount(login));
}

/** A password reset request (web form or POST /api/tokens/reset): per client and per e-mail address. */
export async function limitResetRequest(email: string): Promise<void> {
  await rateLimitPerClient(resetPerClient);
  await consumeRateLimit(resetPerAddress(email));
}

/** Using a reset link (PUT /api/tokens/reset): per client, so tokens cannot be guessed at speed. */
export async function limitResetAttempt(): Promise<void> {
  await rateLimitPerClient(resetPerClient);
}
