// The /proc readings the reference comparison relies on, taken from this test's own process.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { groupCpuMs, groupPids, peakMemoryByProcess } from './process-stats';

const ownGroup = Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(process.pid)], { encoding: 'utf8' }).trim());

describe('process-stats', () => {
  it("lists this process among its group's processes", () => {
    expect(groupPids(ownGroup)).toContain(process.pid);
  });

  it('counts CPU time the group spends', () => {
    const before = groupCpuMs(ownGroup);
    const until = performance.now() + 300;
    let spin = 0;
    while (performance.now() < until) spin++; // 300 ms of work on this core
    const used = groupCpuMs(ownGroup) - before;
    expect(spin).toBeGreaterThan(0);
    // Clock ticks are 10 ms; a shared machine may give this process less than the whole 300 ms.
    expect(used).toBeGreaterThanOrEqual(50);
  });

  it('reports the peak memory of each process, largest first', () => {
    const processes = peakMemoryByProcess(ownGroup);
    const own = processes.find((p) => p.pid === process.pid);
    expect(own?.peakMB).toBeGreaterThan(10);
    expect(own?.command).toContain('node');
    expect(processes.map((p) => p.peakMB)).toEqual([...processes.map((p) => p.peakMB)].sort((a, b) => b - a));
  });

  it('answers nothing for a group with no process', () => {
    expect(groupPids(2 ** 22 + 7)).toEqual([]);
    expect(groupCpuMs(2 ** 22 + 7)).toBe(0);
  });
});
