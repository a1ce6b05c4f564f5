import { describe, expect, it } from 'vitest';
import { isCurrent } from './is-current';

describe('isCurrent', () => {
  it('matches the same path and the pages below it', () => {
    expect(isCurrent('/explore', '/explore')).toBe(true);
    expect(isCurrent('/user/ann/followers', '/user/ann')).toBe(true);
  });
  it('does not match a longer name or the home page from elsewhere', () => {
    expect(isCurrent('/user/anne', '/user/ann')).toBe(false);
    expect(isCurrent('/explore', '/')).toBe(false);
    expect(isCurrent('/', '/')).toBe(true);
  });
});
