import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { olderNodeNotice, pinnedNodeVersion } from './node-runtime.mjs';

describe('the pinned Node.js', () => {
  it('is read from the node-linux-* optional dependencies', () => {
    expect(pinnedNodeVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // On Linux x64 and arm64 with glibc `npm ci` installs it, and npm scripts find it first on their
  // PATH; elsewhere (macOS: the registry has no build of it; Alpine: postinstall removes a build that
  // does not run there) npm scripts run on the Node of the system.
  it('is what node_modules/.bin/node runs where npm ci installs it', () => {
    const glibc = Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);
    const pinnedHere = process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch) && glibc;
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

describe('postinstall (scripts/pinned-node-check.sh)', () => {
  const check = path.resolve('scripts/pinned-node-check.sh');

  /** A folder whose node_modules/.bin/node is `target` (a symlink, as npm makes it); runs the check there. */
  function installWith(target: string | null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-pinned-node-'));
    fs.mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    if (target) fs.symlinkSync(target, path.join(dir, 'node_modules/.bin/node'));
    const result = spawnSync('sh', [check], { cwd: dir, encoding: 'utf8' });
    const kept = fs.existsSync(path.join(dir, 'node_modules/.bin/node'));
    fs.rmSync(dir, { recursive: true, force: true });
    return { status: result.status, stderr: result.stderr, kept };
  }

  it('keeps a pinned Node that runs', () => {
    expect(installWith(process.execPath)).toEqual({ status: 0, stderr: '', kept: true });
  });

  /** A stand-in for a pinned Node that does not run here, from a script's first lines. */
  function foreignNode(script: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-foreign-node-'));
    fs.writeFileSync(path.join(dir, 'node'), script, { mode: 0o755 });
    const result = installWith(path.join(dir, 'node'));
    fs.rmSync(dir, { recursive: true, force: true });
    return result;
  }

  // A program whose loader is missing fails to start like a glibc binary on plain Alpine; one that
  // starts and fails like the same binary over a glibc shim that lacks what it needs.
  it.each([
    ['cannot start', '#!/lib/ld-missing-loader.so\n'],
    ['starts and fails', '#!/bin/sh\nexit 1\n'],
  ])('removes one that %s here and says which Node npm scripts use', (_, script) => {
    const result = foreignNode(script);
    expect(result.status).toBe(0);
    expect(result.kept).toBe(false);
    expect(result.stderr).toMatch(/does not run on this system; npm scripts use \S+node \(v\d+/);
  });

  it('does nothing where npm installed no pinned Node (macOS)', () => {
    expect(installWith(null)).toEqual({ status: 0, stderr: '', kept: false });
  });
});
