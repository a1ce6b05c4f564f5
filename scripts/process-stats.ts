// CPU time and memory of processes, read from /proc (Linux), so a benchmark can show which process is
// the limit: the benchmarked servers each run in their own process group (a gunicorn master and its
// workers; Node's cluster primary and its workers; sqld; nginx).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (100 on Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Fields of /proc/<pid>/stat after "pid (comm) ": the command name may hold spaces and parentheses. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * The live processes of process group `pgid`, from /proc (`ps -g` would select a session, which only
 * matches for a group leader that also leads its session).
 */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    // After "state ppid": field 2 is the process group.
    if (stat && Number(statFields(stat)[2]) === pgid) pids.push(Number(entry));
  }
  return pids;
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // exited meanwhile
  }
}

/** User + system CPU milliseconds used so far by these processes (all their threads); gone ones count 0. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readProc(pid, 'stat');
    if (!stat) continue;
    // utime and stime: fields 14 and 15 of the line, 11 and 12 after "pid (comm) ".
    const fields = statFields(stat);
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU time (user + system) used so far by the live processes of group `pgid`, in milliseconds. */
export function groupCpuMs(pgid: number): number {
  return cpuMs(groupPids(pgid));
}

/**
 * User + system CPU milliseconds used by this process's children that have exited and been waited
 * for (a spawnSync child included): what a seed cost, whatever else the machine was doing meanwhile.
 */
export function finishedChildrenCpuMs(): number {
  const fields = statFields(fs.readFileSync('/proc/self/stat', 'utf8'));
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory (MB) of one process: current (VmRSS) or peak (VmHWM); 0 once it has exited. */
export function processMemoryMB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readProc(pid, 'status');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status ?? '')?.[1] ?? 0) / 1024;
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
