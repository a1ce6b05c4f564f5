import 'server-only';
import { consumeRateLimit, type RateLimit } from '@/db/queries/rate-limits';
import { clientKey } from './client-address';

/** Counts one attempt of this request's client (an IPv4 address or IPv6 /64) against a limit; throws RateLimitedError past it. */
export async function rateLimitPerClient(limitFor: (client: string) => RateLimit): Promise<void> {
  await consumeRateLimit(limitFor(await clientKey()));
}
