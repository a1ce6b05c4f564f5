import 'server-only';
import { consumeRateLimit, type RateLimit } from '@/db/queries/rate-limits';
import { clientKey } from './client-address';
import { resetPerAddress, resetPerClient } from './rate-limits';

/**
 * Where the app counts attempts against its limits: each kind of attempt in one function, called by
 * the web forms and the REST API alike, so a change of policy happens here once. Sign-ins, which
 * count failures only, go through app/lib/sign-in-throttle.ts.
 */

/** Counts one attempt of this request's client (an IPv4 address or IPv6 /64) against a limit; throws RateLimitedError past it. */
export async function rateLimitPerClient(limitFor: (client: string) => RateLimit): Promise<void> {
  await consumeRateLimit(limitFor(await clientKey()));
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
