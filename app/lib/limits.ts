/** Text limits and counting shared by forms (client) and validation (server); no dependencies. */
export const POST_MAX = 280;
export const ABOUT_ME_MAX = 140;
export const MESSAGE_MAX = 280;

/** Length as people (and the reference's Python) count it: Unicode code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}
