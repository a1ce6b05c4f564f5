import { describe, expect, it } from 'vitest';
import { parseTheme } from './theme';

describe('parseTheme', () => {
  it('accepts the two themes', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
  });
  it('treats anything else as no choice (follow the system)', () => {
    for (const value of [undefined, null, '', 'Dark', 'blue', 'dark; path=/']) expect(parseTheme(value)).toBeNull();
  });
});
