import 'server-only';
import { consumeRateLimit, type RateLimit } from '@/db/queries/rate-limits';
import { clientAddress } from './client-address';

/** Counts one attempt of this request's client against a limit; throws RateLimitedError past it. */
export async function rateLimitPerClient(limitFor: (address: string) => RateLimit): Promise<void> {
  await consumeRateLimit(limitFor(await clientAddress()));
}
