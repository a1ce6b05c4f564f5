import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-redirect';

describe('safeNextPath', () => {
  it('keeps same-origin relative paths with their query', () => {
    expect(safeNextPath('/explore?page=2')).toBe('/explore?page=2');
    expect(safeNextPath('/user/susan')).toBe('/user/susan');
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', 'explore', '', '/\t/evil.example', undefined, 42])(
    'sends %s home',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );
});
