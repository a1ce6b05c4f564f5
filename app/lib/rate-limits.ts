import type { RateLimit } from '@/db/queries/rate-limits';

/**
 * The limits of design/architecture.md section 11. Each count can be changed by environment (the
 * end-to-end suite raises them, except in the test of the limit itself).
 */
function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const MINUTE = 60_000;

export function loginPerClient(address: string): RateLimit {
  return {
    key: `login:client:${address}`,
    limit: limitFromEnv('RATE_LIMIT_LOGIN_PER_CLIENT', 25),
    windowMs: 5 * MINUTE,
    message: 'Too many sign-in attempts from your network. Please wait a few minutes and try again.',
  };
}

export function loginPerAccount(username: string): RateLimit {
  return {
    key: `login:account:${username.toLowerCase()}`,
    limit: limitFromEnv('RATE_LIMIT_LOGIN_PER_ACCOUNT', 25),
    windowMs: 60 * MINUTE,
    message: 'Too many sign-in attempts for this account. Please wait a while and try again.',
  };
}

export function signupPerClient(address: string): RateLimit {
  return {
    key: `signup:client:${address}`,
    limit: limitFromEnv('RATE_LIMIT_SIGNUP_PER_CLIENT', 5),
    windowMs: 30 * MINUTE,
    message: 'Too many accounts created from your network. Please try again later.',
  };
}

export const RESET_RATE_LIMIT_MESSAGE = 'Too many reset requests. Please try again in an hour.';

/** Reset requests per e-mail address, whether or not it belongs to anyone (so the count reveals nothing). */
export function resetPerAddress(email: string): RateLimit {
  return {
    key: `reset:address:${email.toLowerCase()}`,
    limit: limitFromEnv('RATE_LIMIT_RESET_PER_ADDRESS', 5),
    windowMs: 60 * MINUTE,
    message: RESET_RATE_LIMIT_MESSAGE,
  };
}

export function resetPerClient(address: string): RateLimit {
  return {
    key: `reset:client:${address}`,
    limit: limitFromEnv('RATE_LIMIT_RESET_PER_CLIENT', 5),
    windowMs: 60 * MINUTE,
    message: RESET_RATE_LIMIT_MESSAGE,
  };
}
