import { z } from 'zod';

/** A session id as db/queries/sessions.ts makes them: 32 random bytes, base64url (43 characters). */
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
