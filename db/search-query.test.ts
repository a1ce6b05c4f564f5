import { describe, expect, it } from 'vitest';
import { parseSearchQuery, splitHighlights, vocabularyKey, withCompletions } from './search-query';

describe('search queries', () => {
  it('quotes every word, keeps phrases and makes the last word a prefix', () => {
    expect(parseSearchQuery('hello wor')).toEqual({ ok: true, match: '"hello" "wor"*', terms: ['hello', 'wor'], prefix: 'wor', parts: ['"hello"', '"wor"'] });
    expect(parseSearchQuery('"big cat" sat')).toEqual({ ok: true, match: '"big cat" "sat"*', terms: ['big', 'cat', 'sat'], prefix: 'sat', parts: ['"big cat"', '"sat"'] });
    expect(parseSearchQuery('sat.')).toMatchObject({ ok: true, match: '"sat"', prefix: null });
    expect(parseSearchQuery('cat "big dog"')).toMatchObject({ ok: true, match: '"cat" "big dog"', prefix: null });
  });

  it('completes the last word with whole words, which stemming cannot spoil', () => {
    const parsed = parseSearchQuery('the runn');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(withCompletions(parsed, ['running', 'runner'])).toBe('"the" AND ("runn"* OR "running" OR "runner")');
    expect(withCompletions(parsed, [])).toBe('"the" "runn"*');
    const closed = parseSearchQuery('the runn.');
    if (!closed.ok) throw new Error(closed.message);
    expect(withCompletions(closed, ['running'])).toBe('"the" "runn"');
    // A completion is a word of a post: quoted like any word, whatever it holds.
    const one = parseSearchQuery('zqmxefikrihbay');
    if (!one.ok) throw new Error(one.message);
    expect(withCompletions(one, ['zqmxefikrihbayba', 'a"b'])).toBe('("zqmxefikrihbay"* OR "zqmxefikrihbayba" OR "a""b")');
  });

  it('looks words up as the unstemmed index stores them: lower case, diacritics folded', () => {
    expect(vocabularyKey('CAFÉT')).toBe('cafet');
    expect(vocabularyKey('Ångström')).toBe('angstrom');
  });
  it('reads FTS5 syntax as plain words or ignores it', () => {
    for (const [input, match] of [
      ['"', null],
      ['*', null],
      ['NEAR(', '"NEAR"'],
      ['-', null],
      ['a OR b', '"a" "OR" "b"*'],
      ['-cats dogs', '"cats" "dogs"*'],
      ['body:cats', '"body" "cats"*'],
      ['"unclosed phrase', '"unclosed phrase"'],
      ['^x', '"x"*'],
    ] as const) {
      const parsed = parseSearchQuery(input);
      if (match === null) expect(parsed.ok, input).toBe(false);
      else expect(parsed, input).toMatchObject({ ok: true, match });
    }
  });
  it('refuses empty and too long queries with a message', () => {
    expect(parseSearchQuery('   ')).toMatchObject({ ok: false, message: 'Please enter something to search for.' });
    expect(parseSearchQuery('a'.repeat(201))).toMatchObject({ ok: false });
  });
  it('splits highlighted snippets', () => {
    expect(splitHighlights('a \u0002cat\u0003 sat')).toEqual([
      { text: 'a ', highlight: false },
      { text: 'cat', highlight: true },
      { text: ' sat', highlight: false },
    ]);
  });
});
