import { describe, expect, it } from 'vitest';
import { resumeStampMs, sessionMatchesExpectedUser, sinceMsFromSeconds } from './notifications';

describe('notification cursors', () => {
  it('read ?since= as seconds, and anything invalid as 0 (everything), as the reference does', () => {
    expect(sinceMsFromSeconds('1700000000.123')).toBe(1700000000123); // float error rounded away
    expect(sinceMsFromSeconds('12')).toBe(12000);
    for (const bad of [null, '', 'abc', '-5', 'Infinity', 'NaN', '1e400']) expect(sinceMsFromSeconds(bad)).toBe(0);
  });

  it('resume a stream from Last-Event-ID (a millisecond stamp) before ?since=', () => {
    expect(resumeStampMs('1700000000123', '5')).toBe(1700000000123);
    expect(resumeStampMs(null, '5')).toBe(5000);
    expect(resumeStampMs('', '5')).toBe(5000);
    expect(resumeStampMs('12.5', null)).toBe(0);
    expect(resumeStampMs('-1', '2')).toBe(2000);
  });

  it('refuse a tab that expects another account than the one signed in now', () => {
    expect(sessionMatchesExpectedUser(7, '7')).toBe(true);
    expect(sessionMatchesExpectedUser(7, null)).toBe(true); // the reference's poller sends no uid
    for (const other of ['8', '', 'abc', '7.5', '-7']) expect(sessionMatchesExpectedUser(7, other)).toBe(false);
  });
});
