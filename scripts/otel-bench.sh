#!/usr/bin/env bash
# The span pipeline's cost with Vigil beside a no-op exporter, as a ratio with a 99.9% interval.
# SpanPipelineBenchmark runs REPS pairs of forks in one run: each pair is the baseline
# (beside=none) and Vigil (beside=vigil), one fork each, back to back under one hold of
# /tmp/vigil-jmh.lock, their order alternating from pair to pair so that a shared machine's drift
# hits both arms alike. Iteration i of one arm is paired with iteration i of the other, which ran
# a few seconds apart; the figure is the mean of those per-iteration ratios with a 99.9%
# t-interval, and beside it the same over the pairs' fork means (fewer, independent samples).
# Prints the load average before and after, and with every pair.
#   mvn -B -ntp -q -pl benchmarks -am package -DskipTests
#   REPS=10 THREADS=1 scripts/otel-bench.sh      (EXTRA="-p queue=8" adds JMH options;
#   ARM=noop measures a second no-op exporter in the composite instead of Vigil)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-benchmarks/target/benchmarks.jar}
reps=${REPS:-10}
arm=${ARM:-vigil}
threads=${THREADS:-1}
warmups=${WARMUPS:-5}
iterations=${ITERATIONS:-10}
out=${OUT:-benchmarks/target/otel-bench-t$threads}
rm -rf "$out"
mkdir -p "$out"
fork() {
  nice -n "${NICE:--10}" java -Djmh.ignoreLock=true -jar "$jar" 'otel.SpanPipelineBenchmark' \
    -p beside="$1" -t "$threads" -f 1 -wi "$warmups" -i "$iterations" -w 1 -r 1 ${EXTRA:-} \
    -rf json -rff "$out/$1-$2.json" > "$out/$1-$2.log"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$reps"); do
  if (( i % 2 )); then order="none $arm"; else order="$arm none"; fi
  exec 9> /tmp/vigil-jmh.lock
  flock 9
  for beside in $order; do fork "$beside" "$i"; done
  flock -u 9
  echo "pair $i ($order) done, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$reps" "$arm" <<'PY'
import json, math, statistics, sys
out, reps, arm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# two-sided 99.9% quantiles of Student's t by degrees of freedom (the next lower df is used)
T999 = {1: 636.6, 2: 31.60, 3: 12.92, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041,
        9: 4.781, 10: 4.587, 12: 4.318, 15: 4.073, 20: 3.850, 25: 3.725, 30: 3.646,
        40: 3.551, 60: 3.460, 120: 3.373, 10**9: 3.291}
def t999(df):
    return T999[max(k for k in T999 if k <= df)]
def interval(xs):
    m = statistics.mean(xs)
    return m, t999(len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs))
def raw(f):
    return [x for fork in json.load(open(f))[0]["primaryMetric"]["rawData"] for x in fork]
per_iteration, per_fork, none_all, vigil_all = [], [], [], []
for i in range(1, reps + 1):
    n, v = raw(f"{out}/none-{i}.json"), raw(f"{out}/{arm}-{i}.json")
    none_all += n
    vigil_all += v
    per_iteration += [b / a for a, b in zip(n, v)]
    per_fork.append(statistics.mean(v) / statistics.mean(n))
m, h = interval(per_iteration)
fm, fh = interval(per_fork)
print(f"baseline none : {statistics.mean(none_all):,.0f} spans/s (mean of {len(none_all)} iterations)")
print(f"{arm} beside  : {statistics.mean(vigil_all):,.0f} spans/s")
print("pair ratios   : " + " ".join(f"{r:.3f}" for r in per_fork))
print(f"{arm}/none per iteration: {m:.3f} ± {h:.3f} (99.9%, n={len(per_iteration)}),"
      f" cost {100 * (1 - m):.1f}% ± {100 * h:.1f}%")
print(f"{arm}/none per pair     : {fm:.3f} ± {fh:.3f} (99.9%, n={len(per_fork)}),"
      f" cost {100 * (1 - fm):.1f}% ± {100 * fh:.1f}%")
PY
