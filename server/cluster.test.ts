import { describe, expect, it } from 'vitest';
import { restartDelayMs, workerCount } from './cluster.mjs';

describe('workerCount (WEB_CONCURRENCY)', () => {
  it('defaults to one process per core', () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount('  ', 8)).toBe(8);
  });
  it('takes a whole number, 1 meaning no cluster', () => {
    expect(workerCount('1', 8)).toBe(1);
    expect(workerCount(' 3 ', 8)).toBe(3);
  });
  it('refuses anything else with a message that names the variable', () => {
    for (const bad of ['0', '-2', '1.5', 'two', '1000']) expect(() => workerCount(bad, 2)).toThrow(/WEB_CONCURRENCY must be a whole number/);
  });
});

describe('restartDelayMs', () => {
  it('doubles from 1 s with each quick failure in a row, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
