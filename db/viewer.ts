/** Who is asking: built only from the session (app/lib/auth.ts) or by tests (db/testing.ts). */
export interface Viewer {
  id: number;
  username: string;
  /**
   * The signed-in session (a `session` row) the request came with: "This device" in the session list,
   * the one session a password change keeps. Absent for viewers built by tests and scripts.
   */
  sessionId?: string;
}
