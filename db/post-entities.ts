/**
 * @mentions and #hashtags in a post body: one parser for the data layer (what to store and notify
 * when a post is written) and the pages (what to link when it is shown), so the two never disagree.
 * Pure functions, no database.
 */

/**
 * `@name` where name follows the account rules (a letter, then letters, digits, `_`, `.`, `-`; 3 to
 * 64 characters). Not inside a word, an e-mail address or a URL path (`ann@example.com`,
 * `https://x.example/@ann`): the character before `@` must not be a letter, digit, `_`, `.`, `@`, `/`
 * or `:`. A trailing `.` or `-` is punctuation, not part of the name ("thanks @ann.").
 */
const MENTION = /(?<![\p{L}\p{N}_.@/:+-])@([A-Za-z][A-Za-z0-9_.-]{1,63})/gu;

/**
 * `#tag` of Unicode letters, digits and `_` with at least one letter (so "#1" is not a tag), not
 * inside a word or a URL (`page#section`, `&#38;`, `/#/route`).
 */
const HASHTAG = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{M}\p{N}_]{1,100})/gu;

/** The longest hashtag we store or link, in code points. */
export const MAX_TAG_LENGTH = 100;

function trimName(raw: string): string {
  return raw.replace(/[.-]+$/, '');
}

const hasLetter = (tag: string) => /\p{L}/u.test(tag);

/** A tag as stored and compared: Unicode lower case, NFC (so "Café" and "cafe\u0301" agree). */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

/** Whether `tag` (without `#`) is a hashtag this parser would find; for /tags/<tag> URLs. */
export function isValidTag(tag: string): boolean {
  return [...tag].length <= MAX_TAG_LENGTH && /^[\p{L}\p{M}\p{N}_]+$/u.test(tag) && hasLetter(tag);
}

/** Usernames @mentioned in `body`, lower-cased, each once, in order of first appearance. */
export function parseMentions(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const name = trimName(match[1]);
    if (name.length >= 3) names.add(name.toLowerCase());
  }
  return [...names];
}

/** Hashtags in `body`, normalised (normalizeTag), each once, in order of first appearance. */
export function parseHashtags(body: string): string[] {
  const tags = new Set<string>();
  for (const match of body.matchAll(HASHTAG)) if (hasLetter(match[1])) tags.add(normalizeTag(match[1]));
  return [...tags];
}

export type BodySegment =
  | { type: 'text'; text: string }
  | { type: 'mention'; text: string; username: string }
  | { type: 'tag'; text: string; tag: string };

/**
 * Splits a body into text, mention and hashtag segments for display. Only names in `known` (the
 * users the post mentioned when it was written, compared without case) become mentions; any other
 * `@name` stays plain text.
 */
export function segmentBody(body: string, known: readonly string[]): BodySegment[] {
  const knownLower = new Map(known.map((name) => [name.toLowerCase(), name]));
  const found: { start: number; end: number; segment: BodySegment }[] = [];
  for (const match of body.matchAll(MENTION)) {
    const name = trimName(match[1]);
    const username = knownLower.get(name.toLowerCase());
    if (!username || name.length < 3) continue;
    const start = match.index!;
    found.push({ start, end: start + 1 + name.length, segment: { type: 'mention', text: `@${name}`, username } });
  }
  for (const match of body.matchAll(HASHTAG)) {
    if (!hasLetter(match[1])) continue;
    const start = match.index!;
    found.push({ start, end: start + match[0].length, segment: { type: 'tag', text: match[0], tag: normalizeTag(match[1]) } });
  }
  found.sort((a, b) => a.start - b.start);
  const segments: BodySegment[] = [];
  let at = 0;
  for (const { start, end, segment } of found) {
    if (start < at) continue; // overlapping matches cannot happen (@ and # exclude each other), but be safe
    if (start > at) segments.push({ type: 'text', text: body.slice(at, start) });
    segments.push(segment);
    at = end;
  }
  if (at < body.length) segments.push({ type: 'text', text: body.slice(at) });
  return segments;
}
