import { limitFromEnv, type RateLimit } from '@/db/queries/rate-limits';

/**
 * The limits on signing in, signing up and password resets (design/architecture.md section 11; the
 * posting limits live with the data layer, db/queries/posting-limits.ts). Each count can be changed by
 * environment (the end-to-end suite raises them, except in the test of the limits). `client` is a
 * rate-limit key from app/lib/client-address.ts (an IPv4 address or an IPv6 /64).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Failed sign-ins from one client, whatever the account: refused past the limit. */
export function loginFailuresPerClient(client: string): RateLimit {
  return {
    key: `login:client:${client}`,
    limit: limitFromEnv('RATE_LIMIT_LOGIN_PER_CLIENT', 25),
    windowMs: 5 * MINUTE,
    message: 'Too many failed sign-in attempts from your network.',
  };
}

/** Failed sign-ins on one account from one client: refused past the limit (other clients are not). */
export function loginFailuresPerAccountAndClient(username: string, client: string): RateLimit {
  return {
    key: `login:account-client:${username.toLowerCase()}:${client}`,
    limit: limitFromEnv('RATE_LIMIT_LOGIN_PER_ACCOUNT', 25),
    windowMs: HOUR,
    message: 'Too many failed sign-in attempts for this account.',
  };
}

/**
 * Failed sign-ins on one account from all clients together: never refused, so nobody can lock the
 * owner out, but past the limit every attempt on the account waits (see signInSlowdownMs).
 */
export function loginFailuresPerAccount(username: string): RateLimit {
  return {
    key: `login:account:${username.toLowerCase()}`,
    limit: limitFromEnv('RATE_LIMIT_LOGIN_ACCOUNT_SLOWDOWN', 100),
    windowMs: HOUR,
    message: 'Many failed sign-in attempts for this account.',
  };
}

/** The wait before checking a password: 250 ms for each failure past the account's limit, at most 10 s. */
export function signInSlowdownMs(failures: number, limit: number): number {
  return Math.min(10_000, Math.max(0, failures - limit) * 250);
}

export function signupPerClient(client: string): RateLimit {
  return {
    key: `signup:client:${client}`,
    limit: limitFromEnv('RATE_LIMIT_SIGNUP_PER_CLIENT', 5),
    windowMs: 30 * MINUTE,
    message: 'Too many accounts created from your network.',
  };
}

export const RESET_RATE_LIMIT_MESSAGE = 'Too many reset requests.';

/** Reset requests per e-mail address, whether or not it belongs to anyone (so the count reveals nothing). */
export function resetPerAddress(email: string): RateLimit {
  return {
    key: `reset:address:${email.toLowerCase()}`,
    limit: limitFromEnv('RATE_LIMIT_RESET_PER_ADDRESS', 5),
    windowMs: HOUR,
    message: RESET_RATE_LIMIT_MESSAGE,
  };
}

export function resetPerClient(client: string): RateLimit {
  return {
    key: `reset:client:${client}`,
    limit: limitFromEnv('RATE_LIMIT_RESET_PER_CLIENT', 5),
    windowMs: HOUR,
    message: RESET_RATE_LIMIT_MESSAGE,
  };
}
