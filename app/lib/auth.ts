import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { RateLimitedError, UnauthenticatedError, UnavailableError } from '@/db/errors';
import { touchLastSeen } from '@/db/queries/profiles';
import { getSessionUser } from '@/db/queries/users';
import type { Viewer } from '@/db/viewer';
import { loginSchema } from './validation/account';
import { clientAddressFrom, rateLimitClientKey } from './client-address';
import { authCookies, REMEMBER_ME_MAX_AGE_S } from './session-cookie';
import { readSessionToken } from './session-token';
import { verifyCredentialsThrottled } from './sign-in-throttle';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
    remember?: boolean;
  }
}

/** Sign-in failures the login form explains differently from a wrong password. */
export class RateLimitedSignin extends CredentialsSignin {
  code = 'rate_limited';
  /** The data layer's error: its message has the real wait, `retryAfterS` the seconds. */
  constructor(readonly limited: RateLimitedError) {
    super(limited.message);
  }
}
export class BusySignin extends CredentialsSignin {
  code = 'busy';
}

const authConfig: NextAuthConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: REMEMBER_ME_MAX_AGE_S },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, remember: {} },
      // Also reachable as POST /api/auth/callback/credentials: validate and rate-limit here, not only in the form.
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse({ ...credentials, remember: credentials?.remember === 'true' });
        if (!parsed.success) return null;
        try {
          const client = rateLimitClientKey(clientAddressFrom(request.headers));
          const user = await verifyCredentialsThrottled(parsed.data, client);
          if (!user) return null;
          return { id: String(user.id), name: user.username, sessionVersion: user.sessionVersion, remember: parsed.data.remember };
        } catch (error) {
          if (error instanceof RateLimitedError) throw new RateLimitedSignin(error);
          if (error instanceof UnavailableError) throw new BusySignin(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.sv = user.sessionVersion ?? 0;
        token.remember = user.remember ?? false;
      }
      return token;
    },
  },
  logger: {
    // A wrong password is not a server error; keep the log for real failures.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
};

// Per request: over HTTPS (x-forwarded-proto as server.mjs decided it from TRUSTED_PROXIES) the
// session cookie is a __Host- cookie; over plain http it has no prefix, so local use keeps working.
export const { handlers, signIn, signOut } = NextAuth(async () => {
  const https = (await headers()).get('x-forwarded-proto') === 'https';
  return { ...authConfig, useSecureCookies: https, cookies: authCookies(https) };
});

interface SessionState {
  viewer: Viewer;
  unreadMessages: number;
  lastSeen: Date | null;
}

/**
 * The session of this request, or null. One query per request (React cache): it checks that the
 * session was not revoked (log out everywhere, password change) by comparing versions, and reads the
 * unread message count the navigation shows.
 */
const readSession = cache(async (): Promise<SessionState | null> => {
  // The cookie Auth.js issued, verified with Auth.js's decode (cached): auth() would also re-encode
  // a fresh cookie on every call that a server component cannot even send.
  const session = await readSessionToken(await cookies());
  const id = Number(session?.token.sub);
  if (!session || !Number.isSafeInteger(id) || id <= 0) return null;
  const user = await getSessionUser(id);
  if (!user || user.sessionVersion !== Number(session.token.sv ?? 0)) return null;
  return { viewer: { id: user.id, username: user.username }, unreadMessages: user.unreadMessages, lastSeen: user.lastSeen };
});

/** The signed-in user of this request, or null. A request of theirs counts as activity (last seen). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSession();
  if (!session) return null;
  // At most one write a minute per user: skipped without touching the database when recent.
  if (!session.lastSeen || Date.now() - session.lastSeen.getTime() >= 60_000) await touchLastSeen(session.viewer);
  return session.viewer;
});

/**
 * For background requests the browser makes on its own (the notification stream and its polling
 * fallback): the viewer, without counting as activity, so an open tab does not keep "Last seen" at
 * "just now" and an idle tab writes nothing.
 */
export async function getBackgroundViewer(): Promise<Viewer | null> {
  return (await readSession())?.viewer ?? null;
}

/** The viewer's unread message count for the navigation badge (read with the session, no extra query). */
export async function getUnreadMessageCount(): Promise<number> {
  return (await readSession())?.unreadMessages ?? 0;
}

/** For pages: the viewer, or a redirect to the login page that comes back to `nextPath`. */
export async function requireViewer(nextPath?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const next = nextPath ? `?next=${encodeURIComponent(nextPath)}` : '';
  // A cookie whose session was revoked (signed out everywhere, password reset) would bounce between
  // this page and the guest-only login page: /session-ended clears it first, then goes to login.
  if (await readSessionToken(await cookies())) redirect(`/session-ended${next}`);
  redirect(`/login${next}`);
}

/** For actions and route handlers: the viewer, or UnauthenticatedError (shown as a message, not a crash). */
export async function assertViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError('Your session has ended. Please log in again.');
  return viewer;
}
