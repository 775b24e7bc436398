#!/usr/bin/env bash
# README command 1: set up, train if the training data changed, and run the assistant.
# Open http://127.0.0.1:8080/chat, or POST to /webhooks/rest/webhook; set
# TELEGRAM_BOT_TOKEN to also answer on Telegram.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
govbot train
exec govbot serve
