import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { domainErrorOf, RateLimitedError, StorageError, UnauthenticatedError, UnavailableError } from '@/db/errors';
import { endSession, getSessionUser, isSessionLive, recordActivity, signInWithPassword } from '@/db/queries/sessions';
import type { Viewer } from '@/db/viewer';
import { loginSchema } from './validation/account';
import { clientAddressFrom, rateLimitClientKey } from './client-address';
import { authCookies, REMEMBER_ME_MAX_AGE_S } from './session-cookie';
import { readSessionToken } from './session-token';
import { throttleSignIn } from './sign-in-throttle';

declare module 'next-auth' {
  interface User {
    /** The `session` row this sign-in created; its id travels in the JWT as `sid`. */
    sessionId?: string;
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
/** The database cannot store anything (disk full, I/O error): sign-in writes rate-limit counts. */
export class UnavailableSignin extends CredentialsSignin {
  code = 'unavailable';
}

const authConfig: NextAuthConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: REMEMBER_ME_MAX_AGE_S },
  // Auth.js's own error page answers 500 for any error: its errors (a GET of the credentials callback,
  // a malformed body) go to the login page instead.
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, remember: {} },
      // Also reachable as POST /api/auth/callback/credentials: validate and rate-limit here, not only in the form.
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse({ ...credentials, remember: credentials?.remember === 'true' });
        if (!parsed.success) return null;
        try {
          const { remember } = parsed.data;
          const address = clientAddressFrom(request.headers);
          const client = { userAgent: request.headers.get('user-agent'), clientAddress: address, remember };
          // Failures only count against the limits; a right password opens a session row.
          const user = await throttleSignIn(parsed.data.username, rateLimitClientKey(address), () => signInWithPassword(parsed.data, client));
          if (!user) return null;
          return { id: String(user.id), name: user.username, sessionId: user.sessionId, remember };
        } catch (error) {
          // A database that is locked, full or failing must never read as a wrong password: busy and
          // storage faults become BusySignin / UnavailableSignin; anything else reaches signIn as a CallbackRouteError,
          // which the login form also reports as a server problem.
          const domain = domainErrorOf(error);
          if (domain instanceof RateLimitedError) throw new RateLimitedSignin(domain);
          if (domain instanceof UnavailableError) {
            console.warn(`Sign-in refused, database unavailable: ${(domain.cause as Error | undefined)?.message ?? domain.message}`);
            throw domain instanceof StorageError ? new UnavailableSignin(domain.message) : new BusySignin(domain.message);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.sid = user.sessionId;
        token.remember = user.remember ?? false;
        return token;
      }
      // Auth.js's own endpoints (GET /api/auth/session) read the cookie here: an ended session is no
      // session there either (null also makes Auth.js clear the cookie). The app's pages use readSession.
      const userId = Number(token.sub);
      const live = typeof token.sid === 'string' && (await isSessionLive({ userId, sessionId: token.sid }));
      return live ? token : null;
    },
  },
  events: {
    // Every sign-out (the Logout button, Auth.js's own /api/auth/signout) ends the session on the
    // server too: a copy of the cookie is worth nothing afterwards.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const userId = Number(token?.sub);
      if (typeof token?.sid === 'string' && Number.isSafeInteger(userId)) await endSession({ userId, sessionId: token.sid });
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
  unreadActivity: number;
  lastSeen: Date | null;
  sessionLastActive: Date;
}

/**
 * The session of this request, or null. One query per request (React cache): it checks that the
 * cookie's session row still exists (not logged out, signed out from another device, ended by a
 * password change, reset or Sign Out Everywhere), and reads the unread message count the navigation shows.
 */
const readSession = cache(async (): Promise<SessionState | null> => {
  // The cookie Auth.js issued, verified with Auth.js's decode (cached): auth() would also re-encode
  // a fresh cookie on every call that a server component cannot even send.
  const session = await readSessionToken(await cookies());
  const userId = Number(session?.token.sub);
  const sessionId = session?.token.sid;
  // Cookies issued before sessions had rows carry no `sid`: they count as signed out.
  if (!session || !Number.isSafeInteger(userId) || userId <= 0 || typeof sessionId !== 'string') return null;
  const user = await getSessionUser({ userId, sessionId });
  if (!user) return null;
  return {
    viewer: { id: user.id, username: user.username, sessionId },
    unreadMessages: user.unreadMessages,
    unreadActivity: user.unreadActivity,
    lastSeen: user.lastSeen,
    sessionLastActive: user.sessionLastActive,
  };
});


/**
 * The signed-in user of this request, or null. A request of theirs counts as activity (the user's
 * last seen, the session's last active).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSession();
  if (!session) return null;
  // At most one write a minute per user and session: skipped without touching the database when recent.
  // Best-effort: a locked or full database skips it (logged) and serves the page.
  await recordActivity(session.viewer, session.lastSeen, session.sessionLastActive);
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

/** The viewer's unread counts for the navigation badges (read with the session, no extra query). */
export async function getUnreadCounts(): Promise<{ messages: number; activity: number }> {
  const session = await readSession();
  return { messages: session?.unreadMessages ?? 0, activity: session?.unreadActivity ?? 0 };
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
