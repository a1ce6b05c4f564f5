import type { z } from 'zod';
import * as s from './schemas';

/**
 * Every REST API operation, described once: the route handlers take their auth, body and query
 * schemas from here (app/lib/api/handler.ts), and /api/openapi.json is generated from the same list.
 * Paths are relative to /api, with OpenAPI `{param}` placeholders.
 */
export type Auth = 'none' | 'bearer' | 'basic';

export interface Endpoint<A extends Auth = Auth, B extends z.ZodType | undefined = z.ZodType | undefined, Q extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: 'tokens' | 'users' | 'posts' | 'search';
  summary: string;
  auth: A;
  body?: B;
  query?: Q;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** Error statuses besides the ones every operation can answer (400 malformed JSON, 429, 500, 503). */
  errors: number[];
}

function endpoint<A extends Auth, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  e: Endpoint<A, B, Q>,
): Endpoint<A, B, Q> {
  return e;
}

const noContent = (description: string) => ({ status: 204 as const, description });
const ok = (schema: z.ZodType, description: string) => ({ status: 200 as const, schema, description });

export const endpoints = {
  getTokens: endpoint({
    method: 'post', path: '/tokens', tag: 'tokens', auth: 'basic',
    summary: 'Sign in: HTTP Basic with a username or e-mail; the refresh token comes as an HttpOnly cookie on /api/tokens',
    success: ok(s.tokenResponse, 'An access token'), errors: [401],
  }),
  refreshTokens: endpoint({
    method: 'put', path: '/tokens', tag: 'tokens', auth: 'none', body: s.refreshBody,
    summary: 'Refresh: a new pair for an (expired) access token and its refresh token; reusing an old pair after 5 s revokes all of the user\'s tokens',
    success: ok(s.tokenResponse, 'A new access token (and refresh cookie)'), errors: [400, 401],
  }),
  revokeToken: endpoint({
    method: 'delete', path: '/tokens', tag: 'tokens', auth: 'bearer',
    summary: 'Sign out: revokes the access token and its refresh token', success: noContent('Revoked'), errors: [401],
  }),
  requestReset: endpoint({
    method: 'post', path: '/tokens/reset', tag: 'tokens', auth: 'none', body: s.resetRequestBody,
    summary: 'E-mails a single-use password reset link (10 minutes), whether or not the address has an account',
    success: noContent('Accepted'), errors: [400],
  }),
  resetPassword: endpoint({
    method: 'put', path: '/tokens/reset', tag: 'tokens', auth: 'none', body: s.resetBody,
    summary: 'Sets a new password with the token of a reset link; ends every session and token of the user',
    success: noContent('Password changed'), errors: [400],
  }),
  createUser: endpoint({
    method: 'post', path: '/users', tag: 'users', auth: 'none', body: s.newUserBody,
    summary: 'Register', success: { status: 201, schema: s.userResponse, description: 'The new user' }, errors: [400],
  }),
  listUsers: endpoint({
    method: 'get', path: '/users', tag: 'users', auth: 'bearer', query: s.plainPageQuery,
    summary: 'All users, by registration order', success: ok(s.usersPageResponse, 'A page of users'), errors: [400, 401],
  }),
  getUser: endpoint({
    method: 'get', path: '/users/{id}', tag: 'users', auth: 'bearer',
    summary: 'A user by id, or by username when the segment is not all digits', success: ok(s.userResponse, 'The user'), errors: [401, 404],
  }),
  getMe: endpoint({
    method: 'get', path: '/me', tag: 'users', auth: 'bearer', summary: 'The signed-in user', success: ok(s.userResponse, 'The user'), errors: [401],
  }),
  updateMe: endpoint({
    method: 'put', path: '/me', tag: 'users', auth: 'bearer', body: s.updateMeBody,
    summary: 'Edit your profile, e-mail or password (a password change ends your other sessions and tokens)',
    success: ok(s.userResponse, 'The updated user'), errors: [400, 401],
  }),
  myFollowing: endpoint({
    method: 'get', path: '/me/following', tag: 'users', auth: 'bearer', query: s.usersPageQuery,
    summary: 'Whom you follow, by username', success: ok(s.usersPageResponse, 'A page of users'), errors: [400, 401],
  }),
  myFollowers: endpoint({
    method: 'get', path: '/me/followers', tag: 'users', auth: 'bearer', query: s.usersPageQuery,
    summary: 'Who follows you, by username', success: ok(s.usersPageResponse, 'A page of users'), errors: [400, 401],
  }),
  isFollowing: endpoint({
    method: 'get', path: '/me/following/{id}', tag: 'users', auth: 'bearer',
    summary: 'Whether you follow a user: 204 if so, 404 if not', success: noContent('You follow them'), errors: [401, 404],
  }),
  follow: endpoint({
    method: 'post', path: '/me/following/{id}', tag: 'users', auth: 'bearer',
    summary: 'Follow a user', success: noContent('Followed'), errors: [400, 401, 404, 409],
  }),
  unfollow: endpoint({
    method: 'delete', path: '/me/following/{id}', tag: 'users', auth: 'bearer',
    summary: 'Unfollow a user', success: noContent('Unfollowed'), errors: [400, 401, 404, 409],
  }),
  userFollowing: endpoint({
    method: 'get', path: '/users/{id}/following', tag: 'users', auth: 'bearer', query: s.usersPageQuery,
    summary: 'Whom a user follows, by username', success: ok(s.usersPageResponse, 'A page of users'), errors: [400, 401, 404],
  }),
  userFollowers: endpoint({
    method: 'get', path: '/users/{id}/followers', tag: 'users', auth: 'bearer', query: s.usersPageQuery,
    summary: 'Who follows a user, by username', success: ok(s.usersPageResponse, 'A page of users'), errors: [400, 401, 404],
  }),
  createPost: endpoint({
    method: 'post', path: '/posts', tag: 'posts', auth: 'bearer', body: s.newPostBody,
    summary: 'Write a post, or with `in_reply_to` a reply (its author and anyone @mentioned are notified); a deleted parent is a 400 naming `in_reply_to`',
    success: { status: 201, schema: s.postResponse, description: 'The new post' }, errors: [400, 401],
  }),
  listPosts: endpoint({
    method: 'get', path: '/posts', tag: 'posts', auth: 'bearer', query: s.postsPageQuery,
    summary: 'Everybody\'s posts, newest first', success: ok(s.postsPageResponse, 'A page of posts'), errors: [400, 401],
  }),
  getPost: endpoint({
    method: 'get', path: '/posts/{id}', tag: 'posts', auth: 'bearer', summary: 'A post', success: ok(s.postResponse, 'The post'), errors: [401, 404],
  }),
  editPost: endpoint({
    method: 'put', path: '/posts/{id}', tag: 'posts', auth: 'bearer', body: s.editPostBody,
    summary: 'Edit your post', success: ok(s.postResponse, 'The post'), errors: [400, 401, 403, 404],
  }),
  deletePost: endpoint({
    method: 'delete', path: '/posts/{id}', tag: 'posts', auth: 'bearer', summary: 'Delete your post', success: noContent('Deleted'), errors: [401, 403, 404],
  }),
  userPosts: endpoint({
    method: 'get', path: '/users/{id}/posts', tag: 'posts', auth: 'bearer', query: s.postsPageQuery,
    summary: 'A user\'s posts, newest first', success: ok(s.postsPageResponse, 'A page of posts'), errors: [400, 401, 404],
  }),
  likePost: endpoint({
    method: 'post', path: '/posts/{id}/likes', tag: 'posts', auth: 'bearer',
    summary: 'Like a post (liking it again changes nothing); its author is notified once',
    success: ok(s.likeStateResponse, 'Whether you like it, and its like count'), errors: [401, 404],
  }),
  unlikePost: endpoint({
    method: 'delete', path: '/posts/{id}/likes', tag: 'posts', auth: 'bearer',
    summary: 'Take your like back (harmless if there was none)',
    success: ok(s.likeStateResponse, 'Whether you like it, and its like count'), errors: [401, 404],
  }),
  search: endpoint({
    method: 'get', path: '/search', tag: 'search', auth: 'bearer', query: s.searchQuery,
    summary: 'Search posts (full text, best match first) or users (by username prefix); `q` is read as plain words and "phrases", never as query syntax',
    success: ok(s.searchPageResponse, 'A page of posts (type=posts) or of users (type=users)'), errors: [400, 401],
  }),
  feed: endpoint({
    method: 'get', path: '/feed', tag: 'posts', auth: 'bearer', query: s.postsPageQuery,
    summary: 'Your posts and those of everyone you follow, newest first', success: ok(s.postsPageResponse, 'A page of posts'), errors: [400, 401],
  }),
};
