import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { olderNodeNotice, pinnedNodeVersion } from './node-runtime.mjs';

describe('the pinned Node.js', () => {
  it('is read from the node-linux-* optional dependencies', () => {
    expect(pinnedNodeVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // On Linux x64 and arm64 `npm ci` installs it, and npm scripts find it first on their PATH; other
  // platforms (the registry has no macOS build of it) run the Node that runs npm.
  it('is what node_modules/.bin/node runs where npm ci installs it', () => {
    const pinnedHere = process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch);
    expect(fs.existsSync('node_modules/.bin/node')).toBe(pinnedHere);
    if (pinnedHere) {
      const version = execFileSync('node_modules/.bin/node', ['--version'], { encoding: 'utf8' }).trim();
      expect(version).toBe(`v${pinnedNodeVersion()}`);
    }
  });

  it('names itself at start-up when an older major Node runs the server', () => {
    expect(olderNodeNotice('20.20.2', '24.22.3')).toMatch(/Running on Node 20\.20\.2; .* Node 24\.22\.3.*install Node 24\./);
  });

  it('says nothing on the same major or a newer one', () => {
    expect(olderNodeNotice('24.1.0', '24.22.3')).toBeNull();
    expect(olderNodeNotice('26.0.0', '24.22.3')).toBeNull();
    expect(olderNodeNotice('20.20.2', null)).toBeNull();
  });
});
