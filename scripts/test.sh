#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): set up everything, then run every check.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
bash scripts/system-packages.sh || exit 1
bash scripts/axe.sh || exit 1
export GOVBOT_REQUIRE_POSTGRES=1 GOVBOT_REQUIRE_CHROMIUM=1 GOVBOT_REQUIRE_REDIS=1

govbot train || exit 1
govbot check || exit 1
govbot validate || exit 1
echo "== mypy ==" && mypy bot channels || exit 1

echo "== conversation tests (rasa test core: dialogue policies on the stories' intents) =="
# NLU on the same stories, with the custom actions running, is checked by
# tests/test_story_replay.py (form answers are free text, so their intent is not checked).
python -m rasa_sdk --actions actions --port 5056 --quiet &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null' EXIT
sed 's#127.0.0.1:5055#127.0.0.1:5056#' endpoints.yml > /tmp/govbot-test-endpoints.yml
for i in $(seq 1 60); do curl -sf http://127.0.0.1:5056/health >/dev/null && break; sleep 1; done
rasa test core --stories tests/conversations --model models/govbot.tar.gz \
  --endpoints /tmp/govbot-test-endpoints.yml --fail-on-prediction-errors \
  --out results/conversations > results-conversations.log 2>&1
stories_status=$?
grep -E "Correct|Failed|story" results-conversations.log | tail -5
kill $actions_pid 2>/dev/null; trap - EXIT
if [ $stories_status -ne 0 ]; then
  echo "conversation tests FAILED: see results/conversations/failed_test_stories.yml"; tail -30 results-conversations.log
fi

echo "== pytest =="
python -m pytest -q -p no:cacheprovider "$@"
pytest_status=$?
[ $stories_status -eq 0 ] && exit $pytest_status
exit 1
