#!/usr/bin/env bash
# Interleaved A/B of rca.RankingBenchmark between two benchmark jars, same command, same conditions:
#   scripts/ranking-ab.sh BEFORE.jar AFTER.jar
# (issue 9: BEFORE built from ceb6d43 with `git archive ceb6d43 | tar -x -C DIR` and
# `mvn -B -ntp -q -pl benchmarks -am package -DskipTests` there; AFTER is benchmarks/target/benchmarks.jar)
before=${1:?before.jar}; after=${2:-benchmarks/target/benchmarks.jar}
for round in 1 2; do
  for side in before after; do
    jar=$after; [[ $side == before ]] && jar=$before
    echo "== $side round $round $(uptime)"
    java -Djmh.ignoreLock=true -jar $jar 'rca.RankingBenchmark.(vigil|nsigmaBaseline)' -wi 5 -w 2 -i 5 -r 2 -f 1 2>&1 | grep -E "^RankingBenchmark"
  done
done
echo finished
