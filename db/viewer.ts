/** Who is asking: built only from the session (app/lib/auth.ts) or by tests (db/testing.ts). */
export interface Viewer {
  id: number;
  username: string;
}
