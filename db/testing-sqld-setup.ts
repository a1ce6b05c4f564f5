// Vitest global setup of the sqld project: checks once that the sqld binary starts (a clear failure
// instead of one per test file), makes the folder the per-file servers live in, and afterwards kills
// any server a crashed test file left running and removes the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { killLeftoverSqlds, startSqld } from '../scripts/sqld/server';

export default async function setup(project: TestProject): Promise<() => void> {
  const root = project.config.env.MICROBLOG_SQLD_ROOT;
  if (!root) throw new Error('MICROBLOG_SQLD_ROOT is not set (vitest.config.ts sets it for the sqld project)');
  fs.mkdirSync(root, { recursive: true });
  const probe = await startSqld({ dir: path.join(root, 'probe'), log: path.join(root, 'probe.log') });
  await probe.stop();
  return () => {
    const killed = killLeftoverSqlds(root);
    fs.rmSync(root, { recursive: true, force: true });
    if (killed > 0) console.warn(`sqld project: killed ${killed} sqld server(s) a test file left running`);
  };
}
