#!/usr/bin/env bash
# Installs the W3C Nu Html Checker (npm package vnu-jar; runs on Java) for the tests that
# validate the HTML KohoGate writes (tests/core/disclosure/test_incident_notice.py) into the
# user's cache. Idempotent; prints why and exits 0 when npm or java is missing, so those tests
# skip with their reason instead of the run failing.
set -euo pipefail
VNU_VERSION="26.9.27"
dir="${KOHOGATE_HTML_CHECK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kohogate-ci/html-check}"
for tool in npm java; do
    command -v "$tool" >/dev/null 2>&1 || { echo "html_check_setup: $tool not found; the HTML validation tests will be skipped"; exit 0; }
done
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "kohogate-html-check", "private": true}' > package.json
if ! grep -qs "\"version\": \"$VNU_VERSION\"" node_modules/vnu-jar/package.json; then
    npm install --no-audit --no-fund --loglevel=error "vnu-jar@$VNU_VERSION"
fi
echo "html_check_setup: vnu.jar $VNU_VERSION ready in $dir"
