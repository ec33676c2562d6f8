#!/usr/bin/env bash
# Measures one `vigil watch` per step on N simulated services (default 1000) in a real
# VictoriaMetrics on 127.0.0.1: wall time and queries per step, and heap. See docs/fleet.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/fetch-trixie-backends.sh
mvn -B -ntp -q -pl cli -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -Xmx1g -cp "cli/target/test-classes:cli/target/classes:core/target/classes:$(cat cli/target/cp.txt)" \
  io.vigil.cli.internal.fleet.FleetWatchCost "${1:-1000}"
