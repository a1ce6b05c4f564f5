import 'server-only';
import { limitFromEnv, type RateLimit } from './rate-limits';

/**
 * How much one account may publish, as Mastodon limits it (300 posts per 3 hours), plus private
 * messages per hour. The data layer applies them, so the web forms and the API share one rule.
 */
const HOUR = 3_600_000;

export function postsPerUser(userId: number): RateLimit {
  return {
    key: `post:user:${userId}`,
    limit: limitFromEnv('RATE_LIMIT_POSTS_PER_ACCOUNT', 300),
    windowMs: 3 * HOUR,
    message: 'You have reached the limit on posts for now.',
  };
}

export function messagesPerUser(userId: number): RateLimit {
  return {
    key: `message:user:${userId}`,
    limit: limitFromEnv('RATE_LIMIT_MESSAGES_PER_ACCOUNT', 100),
    windowMs: HOUR,
    message: 'You have reached the limit on private messages for now.',
  };
}
