#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then the Maven build.
# Tests that need ../shared/data run when it is present and are skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-test-deps.sh

exec mvn -B -ntp verify "$@"
