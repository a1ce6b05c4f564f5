import { describe, expect, it } from 'vitest';
import { flashCookieValue, flashFromCookieHeader, parseFlashCookie } from './flash-cookie';

describe('the flash cookie', () => {
  it('round-trips a message through the value the server sets', () => {
    const flash = parseFlashCookie(flashCookieValue('Your password has been reset.'));
    expect(flash?.message).toBe('Your password has been reset.');
    expect(flash?.id).toMatch(/^[a-z0-9]+$/);
  });
  it('is read in the browser from document.cookie, where Next.js encoded the value once more', () => {
    const value = flashCookieValue('You are following "ana; & co"!');
    const header = `theme=dark; flash=${encodeURIComponent(value)}; other=1`;
    expect(flashFromCookieHeader(header)?.message).toBe('You are following "ana; & co"!');
    expect(flashFromCookieHeader('theme=dark')).toBeNull();
    expect(flashFromCookieHeader('flash=%E0%A4%A')).toBeNull();
    expect(parseFlashCookie('no dot')).toBeNull();
  });
});
