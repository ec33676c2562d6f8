#!/usr/bin/env bash
# The main job. Until the multi-service demo module lands, this builds the CLI and runs
# `vigil detect` with the default detector on a bundled sample: one week of checkout latency
# with a 90-minute regression, printing the points Vigil calls anomalous.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -pl cli -am package -DskipTests
mkdir -p target
out=target/checkout-latency-scored.csv
./bin/vigil detect --detector default samples/checkout-latency-ms.csv -o "$out"
echo "scored $(($(wc -l <"$out") - 1)) points into $out; anomalies:"
awk -F, 'NR > 1 && $4 == "true" { print "  " $1 "  value=" $2 "  score=" $3 }' "$out"
