import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ABOUT_ME_MAX, POST_MAX } from '../limits';
import { emailSchema, passwordSchema, usernameSchema } from '../validation/account';
import { postIdParam } from '../validation/posts';
import { textField } from '../validation/text-field';
import { parseSearchQuery } from '@/db/search-query';
import { MAX_PAGE_SIZE } from '@/db/queries/paging';

/**
 * The zod schemas of the REST API: the handlers validate with these, and /api/openapi.json is
 * generated from the same objects (app/lib/api/openapi.ts). Field rules come from the web's shared
 * validation (one set of account rules); bodies are strict objects, so an unknown field, read-only
 * ones such as `id` included, is a 400 "Unknown field.".
 */
extendZodWithOpenApi(z);

const aboutMe = textField('About me', 0, ABOUT_ME_MAX).nullable();
const postText = textField('Text', 1, POST_MAX);
const currentPassword = z.string({ error: 'Not a valid string.' }).min(1, 'Password is incorrect').max(1000);

export const newUserBody = z
  .strictObject({ username: usernameSchema, email: emailSchema, password: passwordSchema, about_me: aboutMe.optional() })
  .openapi('NewUser');

export const updateMeBody = z
  .strictObject({
    username: usernameSchema.optional(),
    email: emailSchema.optional(),
    about_me: aboutMe.optional(),
    password: passwordSchema.optional(),
    old_password: currentPassword.optional(),
  })
  .openapi('UpdateUser', { description: '`password` needs `old_password`; so does a new `email` (it can reset the password).' });

export const newPostBody = z
  .strictObject({
    text: postText,
    // The web reply form's rule (app/lib/validation/posts.ts); null or absent: not a reply.
    in_reply_to: postIdParam.nullable().optional().openapi({ type: 'integer', description: 'The id of the post this one answers' }),
  })
  .openapi('NewPost');
export const editPostBody = z.strictObject({ text: postText.optional() }).openapi('EditPost');

export const refreshBody = z
  .strictObject({
    access_token: z.string({ error: (i) => (i.input === undefined ? 'Missing data for required field.' : 'Field may not be null.') }).max(200),
    refresh_token: z.string().max(200).optional(),
  })
  .openapi('RefreshRequest', { description: 'Without `refresh_token`, the `refresh_token` cookie is used.' });

export const resetRequestBody = z.strictObject({ email: emailSchema }).openapi('PasswordResetRequest');
export const resetBody = z.strictObject({ token: z.string().max(200), new_password: passwordSchema }).openapi('PasswordReset');

const integer = z
  .string()
  .regex(/^[+-]?\d{1,9}$/, 'Not a valid integer.')
  .transform(Number);

/** `YYYY-MM-DD[T ]HH:MM[:SS[.ffffff]]` with an optional `Z` or `±HH[:MM]`: what the API prints and more. */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A date-time as epoch milliseconds, rounded up: posts are stored in whole milliseconds, so "older
 * than t" is "timestamp < ceil(t)", exact at any precision the client sends back.
 */
export const dateTimeMs = z.string().transform((value, ctx) => {
  const m = DATETIME.exec(value.trim());
  const zone = m?.[8] && m[8] !== 'Z' ? m[8] : '+00:00';
  const micros = m ? Number((m[7] ?? '').padEnd(6, '0')) : 0;
  const base = m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`) : NaN;
  if (!Number.isFinite(base)) {
    ctx.addIssue({ code: 'custom', message: 'Not a valid datetime.' });
    return z.NEVER;
  }
  return base + Math.ceil(micros / 1000);
});

function pageFields<A extends z.ZodType>(after: A) {
  return {
    limit: integer.optional().openapi({ type: 'integer', description: `Items per page, 1 to ${MAX_PAGE_SIZE} (larger values are clamped)` }),
    offset: integer.optional().openapi({ type: 'integer', description: 'Zero-based index of the first item' }),
    after: after.optional(),
  };
}

const notBothOffsetAndAfter = [(q: { offset?: unknown; after?: unknown }) => q.offset === undefined || q.after === undefined, { message: 'Cannot specify both offset and after' }] as const;

function pagination<A extends z.ZodType>(after: A) {
  return z.object(pageFields(after)).refine(...notBothOffsetAndAfter);
}

export const postsPageQuery = pagination(dateTimeMs.openapi({ type: 'string', format: 'date-time', description: 'Only posts older than this timestamp' }));
export const usersPageQuery = pagination(z.string().max(200).openapi({ description: 'Only users whose username sorts after this one' }));
export const plainPageQuery = pagination(z.string().openapi({ description: 'Not supported here (400)' }));

/**
 * GET /search: `q` with the web search's rules (db/search-query.ts: an empty, too long or word-less
 * query is a 400 naming `q`, with the web's message), `type` posts (default) or users, and offset
 * pagination without `after` (relevance has no sort key to continue from).
 */
export const searchQuery = z
  .object({
    q: z
      .string({ error: 'Missing data for required field.' })
      .superRefine((q, ctx) => {
        const parsed = parseSearchQuery(q);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      })
      .openapi({ description: 'Words (stemmed English; the last one also matches as a prefix), "phrases in quotes"; for users, the start of a username' }),
    type: z.enum(['posts', 'users'], { error: 'Must be one of: posts, users.' }).default('posts').openapi({ description: 'What to search: posts (by relevance, newer first among equals) or users (by username prefix, shortest first)' }),
    ...pageFields(z.string().openapi({ description: 'Not supported here (400)' })),
  })
  .refine(...notBothOffsetAndAfter);

// Response shapes: documentation only (the handlers build them in representations.ts).
const timestamp = z.string().openapi({ format: 'date-time', example: '2024-07-01T12:34:56.789000Z' });

export const userResponse = z
  .object({
    id: z.number().int(),
    url: z.string(),
    username: z.string(),
    email: z.string(),
    has_password: z.boolean(),
    avatar_url: z.string(),
    about_me: z.string().nullable(),
    first_seen: timestamp,
    last_seen: timestamp,
    posts_url: z.string(),
  })
  .openapi('User');

export const postResponse = z
  .object({
    id: z.number().int(),
    url: z.string(),
    text: z.string(),
    timestamp,
    author: userResponse,
    // Microblog's additions; the contract's fields above are unchanged.
    in_reply_to: z.number().int().nullable().openapi({ description: 'The id of the post this one answers (it may have been deleted since), or null' }),
    edited_at: timestamp.nullable().openapi({ description: 'When the author last edited the text, or null' }),
    like_count: z.number().int(),
    reply_count: z.number().int(),
    liked_by_viewer: z.boolean().openapi({ description: 'Whether you like this post' }),
  })
  .openapi('Post');

export const likeStateResponse = z
  .object({ liked: z.boolean().openapi({ description: 'Whether you like the post now' }), like_count: z.number().int() })
  .openapi('LikeState');

export const tokenResponse = z
  .object({ access_token: z.string(), refresh_token: z.string().nullable().openapi({ description: 'Always null: the refresh token comes as an HttpOnly cookie' }) })
  .openapi('Tokens');

const paginationResponse = z
  .object({ offset: z.number().int(), limit: z.number().int(), count: z.number().int(), total: z.number().int() })
  .openapi('Pagination');

export const usersPageResponse = z.object({ data: z.array(userResponse), pagination: paginationResponse }).openapi('UserPage');
export const postsPageResponse = z.object({ data: z.array(postResponse), pagination: paginationResponse }).openapi('PostPage');
export const searchPageResponse = z
  .object({ data: z.union([z.array(postResponse), z.array(userResponse)]), pagination: paginationResponse })
  .openapi('SearchPage', { description: 'Posts for type=posts, users for type=users' });

export const errorResponseSchema = z
  .object({
    code: z.number().int(),
    message: z.string(),
    description: z.string(),
    errors: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
  })
  .openapi('Error');

export type PageQuery<A> = { limit?: number; offset?: number; after?: A };
