// CPU time and peak memory of a server's processes, read from /proc (Linux): the benchmarked servers
// each run in their own process group (a gunicorn master and its workers; Node and its workers).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (100 on Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The live processes of process group `pgid`. */
export function groupPids(pgid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when the group has no process
  }
  return out
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((pid) => pid > 0);
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // exited meanwhile
  }
}

/** CPU time (user + system) used so far by the live processes of group `pgid`, in milliseconds. */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of groupPids(pgid)) {
    const stat = readProc(pid, 'stat');
    if (!stat) continue;
    // Fields after the command name (which may contain spaces, so split after its closing paren):
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) state".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

export interface ProcessMemory {
  pid: number;
  /** The command line, shortened. */
  command: string;
  /** Peak resident memory (VmHWM) in MB. */
  peakMB: number;
}

/** Peak resident memory of each live process of group `pgid`, largest first. */
export function peakMemoryByProcess(pgid: number): ProcessMemory[] {
  const result: ProcessMemory[] = [];
  for (const pid of groupPids(pgid)) {
    const status = readProc(pid, 'status');
    const cmdline = readProc(pid, 'cmdline');
    if (!status || cmdline === null) continue;
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const command = cmdline.split('\0').filter(Boolean).join(' ');
    result.push({ pid, command: command.length > 60 ? `${command.slice(0, 57)}...` : command, peakMB: kb / 1024 });
  }
  return result.sort((a, b) => b.peakMB - a.peakMB);
}
