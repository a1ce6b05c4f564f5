import { describe, expect, it } from 'vitest';
import { relativeText } from '@/app/ui/shared/relative-time';
import { messageSchema } from './messages';
import { postSchema } from './posts';
import { profileSchema } from './profile';
import { isBlankText, normalizeText, textLength } from './text';

// Each renders as nothing on its own (issue 11, fault 9).
const INVISIBLE = [
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u2800', '\u3164', '\u115F', '\u1160', '\uFFA0',
  '\u00AD', '\u034F', '\u061C', '\u180E', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069',
  '\uFE0F', '\u{E0100}', '\u{E0020}', '\u0301', '\u20DD', '\u3000', '\u00A0', '\u2028', '\u0085',
];

describe('the text rule', () => {
  it('counts text made only of invisible characters as blank, in any mix and repetition', () => {
    for (const c of INVISIBLE) expect(isBlankText(c.repeat(3)), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
    expect(isBlankText(INVISIBLE.join(' \n\t'))).toBe(true);
  });

  it('keeps anything that shows: letters with marks, emoji with joiners and selectors, CJK, symbols', () => {
    for (const text of ['a', 'e\u0301', '👩\u200D💻', '❤\uFE0F', '日本', '.', '\u200Bhi\u200B', '⠁']) expect(isBlankText(text), text).toBe(false);
  });

  it('normalizes line endings, drops control characters and trims, and counts code points of the result', () => {
    expect(normalizeText('  a\r\nb\rc\u0007\u0085 ')).toBe('a\nb\nc');
    expect(textLength('  😀😀  ')).toBe(2);
    expect(textLength('a\r\nb')).toBe(3);
    expect(textLength('\u0000\u0001')).toBe(0);
  });

  it('makes posts, messages and about me refuse blank text with the field\'s own message', () => {
    const blank = '\u200B\u2800 \u3164\u200D';
    expect(postSchema.safeParse({ post: blank }).error?.issues[0].message).toBe('Your post cannot be empty.');
    expect(messageSchema.safeParse({ recipient: 'susan', message: blank }).error?.issues[0].message).toBe('Your message cannot be empty.');
    // About me may be empty: blank text is stored as the empty string.
    expect(profileSchema.parse({ username: 'susan', aboutMe: ' \u200B\u3164 ' }).aboutMe).toBe('');
  });

  it('enforces the maximum on the same count the counter shows', () => {
    const text = `  ${'😀'.repeat(280)}\r\n`;
    expect(textLength(text)).toBe(280);
    expect(postSchema.safeParse({ post: text }).success).toBe(true);
    expect(postSchema.safeParse({ post: ` ${'😀'.repeat(281)} ` }).error?.issues[0].message).toBe('Your post must be at most 280 characters (it has 281).');
  });
});

describe('relative times', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('never put a fresh post in the future when the browser clock is behind the server', () => {
    expect(relativeText(at(3 * 60_000), now, 'en')).toBe('now');
    expect(relativeText(at(2 * 86_400_000), now, 'en')).toBe('now');
    expect(relativeText(at(5_000), now, 'en')).toBe('now');
  });

  it('read the past as before', () => {
    expect(relativeText(at(-20_000), now, 'en')).toBe('now');
    expect(relativeText(at(-3 * 60_000), now, 'en')).toBe('3 minutes ago');
    expect(relativeText(at(-86_400_000), now, 'en')).toBe('yesterday');
  });
});
