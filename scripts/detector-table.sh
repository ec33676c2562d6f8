#!/usr/bin/env bash
# Regenerates the detector table of docs/detectors.md (between its detector-table markers):
# NAB standard / low_FP / low_FN (`vigil nab run`), bytes per series (DetectorFootprint, a heap
# measurement), ns per point (JMH DetectorThroughputBenchmark, ratio to `ewma` in the same run)
# and alarms per 10,000 steady points (SteadyAlarms), with the Pareto front of NAB standard score
# against bytes marked. Usage: scripts/detector-table.sh [NAB corpus dir]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/nab}
detectors="lean ewma zscore seasonal windowed-gaussian default"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -ntp -q -pl cli,benchmarks -am package -DskipTests
cp=benchmarks/target/benchmarks.jar
for d in $detectors; do
  echo "detector-table: $d" >&2
  bin/vigil nab run --corpus "$corpus" --detector "$d" --out "$work/nab" 2>/dev/null | tail -1 >"$work/$d.nab"
  java -XX:+UseSerialGC -Xmx3g -cp "$cp" io.vigil.benchmarks.detect.DetectorFootprint "$d" 2000 >"$work/$d.heap"
  java -cp "$cp" io.vigil.benchmarks.detect.SteadyAlarms "$d" >"$work/$d.steady"
done
flock /tmp/vigil-jmh.lock java -jar "$cp" 'io.vigil.benchmarks.detect.DetectorThroughputBenchmark' \
  -f 1 -rf json -rff "$work/jmh.json" >"$work/jmh.txt"
python3 - "$work" $detectors <<'PY'
import json, math, re, sys
work, names = sys.argv[1], sys.argv[2:]
jmh = {r["params"]["detector"]: r["primaryMetric"] for r in json.load(open(f"{work}/jmh.json"))}
base = jmh["ewma"]
rows = []
for d in names:
    nab = dict(kv.split("=") for kv in open(f"{work}/{d}.nab").read().split())
    heap = float(re.search(r"([-\d.]+) bytes/series", open(f"{work}/{d}.heap").read()).group(1))
    steady = float(re.search(r"([\d.]+) alarms", open(f"{work}/{d}.steady").read()).group(1))
    m = jmh[d]
    ns = 1e9 / m["score"]
    ns_err = 1e9 * m["scoreError"] / m["score"] ** 2
    ratio = base["score"] / m["score"]
    ratio_err = ratio * math.hypot(m["scoreError"] / m["score"], base["scoreError"] / base["score"])
    rows.append(dict(name=d, std=float(nab["standard"]), fp=float(nab["reward_low_FP"]),
                     fn=float(nab["reward_low_FN"]), heap=heap, ns=ns, ns_err=ns_err,
                     ratio=ratio, ratio_err=ratio_err, steady=steady))
for r in rows:
    r["front"] = not any(o is not r and o["std"] >= r["std"] and o["heap"] <= r["heap"]
                         and (o["std"] > r["std"] or o["heap"] < r["heap"]) for o in rows)
lines = ["| detector | NAB standard / low_FP / low_FN | bytes per series | ns per point | time vs `ewma` | alarms per 10,000 steady points | Pareto front |",
         "|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append(f"| `{r['name']}` | {r['std']:.2f} / {r['fp']:.2f} / {r['fn']:.2f} | {r['heap']:,.0f} | "
                 f"{r['ns']:.0f} ± {r['ns_err']:.0f} | {r['ratio']:.2f} ± {r['ratio_err']:.2f} | "
                 f"{r['steady']:.2f} | {'**yes**' if r['front'] else ''} |")
table = "\n".join(lines)
print(table)
doc = open("docs/detectors.md").read()
start, end = "<!-- detector-table:start -->", "<!-- detector-table:end -->"
if start not in doc:
    raise SystemExit("docs/detectors.md has no detector-table markers")
head, rest = doc.split(start, 1)
_, tail = rest.split(end, 1)
open("docs/detectors.md", "w").write(head + start + "\n" + table + "\n" + end + tail)
PY
