import { z } from 'zod';

/**
 * `?since=` of /notifications and of the stream: seconds since the epoch, fractional, as the
 * reference's poller sends back the `timestamp` it last saw. Missing or invalid means 0: everything.
 */
export const sinceSecondsSchema = z.coerce.number().nonnegative().catch(0);

/** `Last-Event-ID` of a resuming EventSource: the millisecond stamp the stream sent as the event's id. */
const lastEventIdSchema = z.string().regex(/^\d{1,16}$/).transform(Number);

/**
 * Where a reader resumes, as a millisecond stamp. Stamps are integers and `timestamp` is stamp / 1000,
 * so rounding undoes the float error of seconds that came from us (1700000000.123 * 1000 is not exact).
 */
export function sinceMsFromSeconds(since: string | null): number {
  return Math.round(sinceSecondsSchema.parse(since ?? undefined) * 1000);
}

/** The stream's starting point: the Last-Event-ID header when the browser resumes, else `?since=`. */
export function resumeStampMs(lastEventId: string | null, since: string | null): number {
  const resumed = lastEventIdSchema.safeParse(lastEventId);
  return resumed.success ? resumed.data : sinceMsFromSeconds(since);
}

const userIdSchema = z.coerce.number().int().positive();

/**
 * `?uid=`: the user whose notifications the tab expects. The browser's session may now belong to
 * another account (a logout and login in another tab); then the tab must not get that account's
 * events. Absent (the reference's poller) means "whoever is signed in".
 */
export function sessionMatchesExpectedUser(viewerId: number, uid: string | null): boolean {
  if (uid === null) return true;
  const expected = userIdSchema.safeParse(uid);
  return expected.success && expected.data === viewerId;
}
