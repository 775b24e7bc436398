#!/usr/bin/env bash
# axe-core for the accessibility test (tests/test_accessibility.py), pinned by
# tests/support/axe/package-lock.json. Installed from the npm registry only when missing or
# when the lock changed; the test itself needs no network.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AXE="$ROOT/tests/support/axe"
lock_hash="$(sha256sum "$AXE/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$AXE/node_modules/axe-core/axe.min.js" ] || [ "$(cat "$AXE/node_modules/.lock-hash" 2>/dev/null)" != "$lock_hash" ]; then
  command -v npm >/dev/null 2>&1 || { echo "axe: npm is missing (apt-get install -y npm)" >&2; exit 1; }
  echo "axe: installing axe-core from tests/support/axe/package-lock.json"
  npm ci --prefix "$AXE" --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$lock_hash" > "$AXE/node_modules/.lock-hash"
fi
