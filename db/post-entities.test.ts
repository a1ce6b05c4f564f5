import { describe, expect, it } from 'vitest';
import { isValidTag, parseHashtags, parseMentions, segmentBody } from './post-entities';

describe('mentions', () => {
  it('finds @names with punctuation around them, once each, lower-cased', () => {
    expect(parseMentions('hi @Ann, and @bob.smith! (@carol-x) @ann again. thanks @dave.')).toEqual(['ann', 'bob.smith', 'carol-x', 'dave']);
  });
  it('ignores e-mail addresses, URLs, too short names and names that do not start with a letter', () => {
    expect(parseMentions('mail ann@example.com or see https://x.example/@bob or @ab or @1abc or a:@carl')).toEqual([]);
  });
  it('links only mentions known at write time, keeping the text as written', () => {
    const segments = segmentBody('hey @ANN and @nobody #Tag', ['ann']);
    expect(segments).toEqual([
      { type: 'text', text: 'hey ' },
      { type: 'mention', text: '@ANN', username: 'ann' },
      { type: 'text', text: ' and @nobody ' },
      { type: 'tag', text: '#Tag', tag: 'tag' },
    ]);
  });
});

describe('hashtags', () => {
  it('finds Unicode tags, case-folded, and needs a letter', () => {
    expect(parseHashtags('#Python and #python, #日本語 #café_2 #123 #a1')).toEqual(['python', '日本語', 'café_2', 'a1']);
  });
  it('ignores URL fragments, HTML entities and tags inside words', () => {
    expect(parseHashtags('see https://x.example/page#section &#38; c#sharp /#/route')).toEqual([]);
  });
  it('validates tags used in URLs', () => {
    expect(isValidTag('café')).toBe(true);
    expect(isValidTag('123')).toBe(false);
    expect(isValidTag('a b')).toBe(false);
    expect(isValidTag('x'.repeat(101))).toBe(false);
  });
});
