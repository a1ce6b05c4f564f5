// Figures the fault suite prints: each goes to the console and, under scripts/test-faults.mjs, to a
// file the runner prints as a summary at the end.
import fs from 'node:fs';

export function figure(line: string): void {
  console.log(`[fault figures] ${line}`);
  const file = process.env.FAULT_FIGURES_FILE;
  if (file) fs.appendFileSync(file, `${line}\n`);
}

/** The p-th percentile (0-100) of `values` (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (value: number) => `${Math.round(value)} ms`;
