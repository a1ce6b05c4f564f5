/**
 * Turns what a person types into the search box into a safe FTS5 MATCH expression. Pure, no database.
 *
 * Every word and phrase is emitted as an FTS5 string ("..."), so nothing a user types is read as
 * FTS5 syntax: `AND`, `OR`, `NOT`, `NEAR(`, `-`, `*`, `^`, `:` and stray quotes are plain words or
 * ignored. Words are what FTS5's unicode61 tokenizer keeps (Unicode letters, digits, marks); phrases
 * are text in double quotes; the last word, unless a closing quote or punctuation ends the query,
 * matches as a prefix ("pyth" finds "python"). All terms must match (implicit AND).
 *
 * The index stems English words (porter), so "running" is indexed as "run" and a stemmed prefix such
 * as "runn" matches nothing. The last word therefore also matches the whole words of posts that start
 * with it (`withCompletions`, from the unstemmed vocabulary of migration 0012), each stemmed in turn.
 */

/** The longest query accepted, in code points. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many terms are sent to FTS5 (each one costs an index lookup). */
export const MAX_TERMS = 12;

export type ParsedSearch =
  | {
      ok: true;
      /** The FTS5 expression: every term, the last one as a prefix when `prefix` is set. */
      match: string;
      terms: string[];
      /** The last word as typed when it is matched as a prefix, else null. */
      prefix: string | null;
      /** The FTS5 strings of `match`, without the prefix's `*`. */
      parts: string[];
    }
  | { ok: false; message: string };

/** At most this many whole words complete the last word (each costs an index lookup). */
export const MAX_COMPLETIONS = 20;

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function parseSearchQuery(input: string): ParsedSearch {
  const query = input.normalize('NFC').trim();
  if (query.length === 0) return { ok: false, message: 'Please enter something to search for.' };
  if ([...query].length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `Your search is too long: at most ${MAX_QUERY_LENGTH} characters.` };
  }
  const terms: string[] = [];
  const parts: string[] = [];
  // Split on double quotes: odd pieces were inside quotes (an unclosed quote runs to the end).
  const pieces = query.split('"');
  let lastIsPrefixable = false;
  pieces.forEach((piece, index) => {
    const words = piece.match(WORD) ?? [];
    if (words.length === 0) return;
    if (index % 2 === 1) {
      parts.push(ftsString(words.join(' ')));
      terms.push(...words);
      lastIsPrefixable = false;
    } else {
      for (const word of words) {
        parts.push(ftsString(word));
        terms.push(word);
      }
      lastIsPrefixable = index === pieces.length - 1 && !/[\s\p{P}\p{S}]$/u.test(piece);
    }
  });
  if (parts.length === 0) return { ok: false, message: 'Please search for words or names, not only punctuation.' };
  const kept = parts.slice(0, MAX_TERMS);
  const prefix = lastIsPrefixable && kept.length === parts.length ? terms[terms.length - 1] : null;
  const match = kept.map((part, i) => (prefix !== null && i === kept.length - 1 ? `${part}*` : part)).join(' ');
  return { ok: true, match, terms, prefix, parts: kept };
}

/**
 * A prefix as the unstemmed index stores its words (unicode61 with remove_diacritics 2): lower case,
 * without combining marks. "Café" → "cafe".
 */
export function vocabularyKey(prefix: string): string {
  return prefix.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The MATCH expression of `parsed` with its last word also matching `completions`, whole words that
 * start with it: `"a" AND ("runn"* OR "running" OR "runner")`. FTS5 needs the explicit AND beside a
 * parenthesised group. Without a prefix or completions, `parsed.match` itself.
 */
export function withCompletions(parsed: Extract<ParsedSearch, { ok: true }>, completions: string[]): string {
  if (parsed.prefix === null || completions.length === 0) return parsed.match;
  const last = parsed.parts[parsed.parts.length - 1];
  const group = `(${[`${last}*`, ...completions.slice(0, MAX_COMPLETIONS).map(ftsString)].join(' OR ')})`;
  return [...parsed.parts.slice(0, -1), group].join(' AND ');
}

/** Marks FTS5's snippet() puts around matched words; control characters no post can contain. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** A snippet split into plain and highlighted parts, for rendering `<mark>` without HTML strings. */
export function splitHighlights(snippet: string): { text: string; highlight: boolean }[] {
  const parts: { text: string; highlight: boolean }[] = [];
  for (const [i, chunk] of snippet.split(HIGHLIGHT_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, highlight: false });
      continue;
    }
    const [marked, rest = ''] = chunk.split(HIGHLIGHT_END);
    if (marked) parts.push({ text: marked, highlight: true });
    if (rest) parts.push({ text: rest, highlight: false });
  }
  return parts;
}
