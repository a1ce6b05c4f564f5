#!/bin/sh
# npm's postinstall. `npm ci` installs the pinned Node (node-linux-* in optionalDependencies) as
# node_modules/.bin/node, and npm scripts run on it. Those builds need glibc: where the binary does
# not run (Alpine's musl, a noexec mount), remove the link so that npm scripts use the next `node` on
# their PATH, the system's. Plain sh, not node: inside npm scripts `node` would be that very link.
bin=node_modules/.bin/node
[ -e "$bin" ] || [ -L "$bin" ] || exit 0
if ! "$bin" --version >/dev/null 2>&1; then
  rm -f "$bin"
  fallback=$(command -v node || echo "${npm_node_execpath:-no other node}")
  echo "The pinned Node in node_modules does not run on this system; npm scripts use $fallback ($("$fallback" --version 2>/dev/null)) instead." >&2
fi
