import type { SessionDTO } from '@/db/queries/sessions';
import { revokeSessionAction, signOutEverywhereAction } from '@/app/lib/actions/settings';
import { describeUserAgent } from '@/app/lib/sessions/user-agent';
import { RelativeTime } from '../shared/relative-time';

/**
 * The account's signed-in sessions (Settings): browser and OS, approximate address, when it signed in
 * and was last active; "Sign out" for each other session, and "Sign Out Everywhere".
 */
export function SessionList({ sessions }: { sessions: SessionDTO[] }) {
  return (
    <section className="card form" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="hint">Where your account is signed in. Signing a session out ends it at once, on the server.</p>
      <ul className="session-list">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="session" aria-label={session.current ? `${device} (this device)` : device}>
              <p className="session-device">
                <strong>{device}</strong>
                {session.current ? <span className="tag">This device</span> : null}
              </p>
              <p className="hint">
                {session.approximateAddress ? `Network ${session.approximateAddress} · ` : null}
                Signed in <RelativeTime iso={session.createdAt} /> · Last active <RelativeTime iso={session.lastActive} />
                {session.remember ? ' · Remembered' : null}
              </p>
              {session.current ? null : (
                <form action={revokeSessionAction} className="inline-form">
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="button button-secondary" aria-label={`Sign out ${device}`}>
                    Sign out
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <form action={signOutEverywhereAction}>
        <p className="hint">Sign Out Everywhere ends every session of your account, on every device, this one included.</p>
        <button type="submit" className="button button-danger">
          Sign Out Everywhere
        </button>
      </form>
    </section>
  );
}
