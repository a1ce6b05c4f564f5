#!/bin/sh
# npm's postinstall. `npm ci` installs the pinned Node (node-linux-* in optionalDependencies) as
# node_modules/.bin/node, and npm scripts run on it. Those builds need glibc: where the binary cannot
# run (Alpine's musl, a noexec mount), remove the link so npm scripts use the Node that runs npm.
# Plain sh, not node: inside npm scripts `node` would be that very link.
bin=node_modules/.bin/node
[ -e "$bin" ] || [ -L "$bin" ] || exit 0
if ! "$bin" --version >/dev/null 2>&1; then
  rm -f "$bin"
  echo "The pinned Node in node_modules cannot run on this system: npm scripts use $(command -v node) ($(node --version 2>/dev/null)) instead." >&2
fi
