#!/usr/bin/env bash
# The main job, on files, until the multi-service demo module lands: builds the CLI, then
#  1. runs `vigil detect` with the default detector over a bundled week of checkout latency that
#     holds a 90-minute regression, and prints the points Vigil calls anomalous;
#  2. runs `vigil rca` over the seed's cascade (database alerts first, then its callers) and prints
#     the ranked root causes with their evidence: `database` comes first.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -pl cli -am package -DskipTests
mkdir -p target

echo "== vigil detect: samples/checkout-latency-ms.csv (regression injected 2026-11-07 13:20-14:50 UTC)"
out=target/checkout-latency-scored.csv
./bin/vigil detect --detector default samples/checkout-latency-ms.csv -o "$out"
echo "scored $(($(wc -l <"$out") - 1)) points into $out; anomalies:"
awk -F, 'NR > 1 && $4 == "true" { print "  " $1 "  value=" $2 "  score=" $3 }' "$out"

echo
echo "== vigil rca: samples/incident-database.json (the seed's cascade)"
./bin/vigil rca samples/incident-database.json
