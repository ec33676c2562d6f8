#!/usr/bin/env bash
# The span pipeline's cost with Vigil beside a no-op exporter, as a ratio with a 95% interval:
# SpanPipelineBenchmark run REPS times, the baseline (beside=none) and Vigil (beside=vigil) one
# fork each, alternating, so that the load of a shared machine drifts over both alike; each
# repetition gives one paired ratio. Prints the load average before and after.
#   mvn -B -ntp -q -pl benchmarks -am package -DskipTests
#   REPS=8 THREADS=1 scripts/otel-bench.sh      (EXTRA="-p queue=8" adds JMH options)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
reps=${REPS:-8}
threads=${THREADS:-1}
out=${OUT:-benchmarks/target/otel-bench-t$threads}
mkdir -p "$out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$reps"); do
  for beside in none vigil; do
    java -Djmh.ignoreLock=true -jar "$jar" 'otel.SpanPipelineBenchmark' -p beside="$beside" \
      -t "$threads" -f 1 -wi 5 -i 10 -w 1 -r 1 ${EXTRA:-} -rf json -rff "$out/$beside-$i.json" \
      > "$out/$beside-$i.log"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$reps" <<'PY'
import json, math, statistics, sys
out, reps = sys.argv[1], int(sys.argv[2])
score = lambda f: json.load(open(f))[0]["primaryMetric"]["score"]
none = [score(f"{out}/none-{i}.json") for i in range(1, reps + 1)]
vigil = [score(f"{out}/vigil-{i}.json") for i in range(1, reps + 1)]
ratios = [v / n for v, n in zip(vigil, none)]
t95 = {2: 12.71, 3: 4.30, 4: 3.18, 5: 2.78, 6: 2.57, 7: 2.45, 8: 2.36, 9: 2.31, 10: 2.26}.get(reps, 2.0)
mean = statistics.mean(ratios)
half = t95 * statistics.stdev(ratios) / math.sqrt(reps) if reps > 1 else float("nan")
print(f"baseline none : {statistics.mean(none):,.0f} spans/s (mean of {reps} forks)")
print(f"vigil beside  : {statistics.mean(vigil):,.0f} spans/s")
print("paired ratios : " + " ".join(f"{r:.3f}" for r in ratios))
print(f"vigil/none    : {mean:.3f} ± {half:.3f} (95%), cost {100 * (1 - mean):.1f}% ± {100 * half:.1f}%")
PY
