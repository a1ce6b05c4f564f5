import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, newUser, type TestUser } from './fixtures';

/** Helpers of the REST API suites (e2e/api*.spec.ts): accounts and tokens made over the API itself. */
export const CLIENT_ORIGIN = process.env.E2E_CLIENT_ORIGIN ?? 'http://127.0.0.1:3211';

export const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface ApiUser extends TestUser {
  id: number;
  token: string;
  /** The refresh_token cookie's value. */
  refresh: string;
}

/** The refresh token from a token response's Set-Cookie header. */
export function refreshCookieOf(response: APIResponse): string {
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('refresh_token='));
  expect(cookie, 'a refresh_token cookie').toBeTruthy();
  return cookie!.value.split(';')[0].slice('refresh_token='.length);
}

export async function signIn(request: APIRequestContext, login: string, password: string): Promise<{ token: string; refresh: string }> {
  const response = await request.post('/api/tokens', { headers: { Authorization: basic(login, password) } });
  expect(response.status()).toBe(200);
  return { token: (await response.json()).access_token, refresh: refreshCookieOf(response) };
}

/** Registers a new account over the API and signs it in. */
export async function apiUser(request: APIRequestContext, prefix = 'a'): Promise<ApiUser> {
  const user = newUser(prefix);
  const created = await request.post('/api/users', { data: { username: user.username, email: user.email, password: user.password } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  return { ...user, id, ...(await signIn(request, user.username, user.password)) };
}

/** The contract's error body for a status (`errors` only on validation errors). */
export async function expectError(response: APIResponse, status: number, errors?: Record<string, Record<string, unknown>>) {
  expect(response.status()).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ code: status, message: expect.any(String), description: expect.any(String) });
  if (errors) expect(body.errors).toMatchObject(errors);
  return body;
}
