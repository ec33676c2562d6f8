#!/usr/bin/env bash
# The main job: builds the demo module and runs it. Six Spring Boot services with Vigil's starter
# (web-frontend -> user-service, product-service; user-service -> database, cache;
# product-service -> database, search-service) start on 127.0.0.1 in one JVM, a load generator
# drives them, and after a warm-up a fault is injected (default: latency plus errors in database).
# Vigil prints its diagnosis, the culprit first, and the URL of the report page, which stays up
# until Ctrl-C. Arguments go to the demo (see --help), for example:
#   ./scripts/demo.sh --fault cpu --target search-service
#   ./scripts/demo.sh --exit-after-report        # for scripts: exits 0 when the culprit is right
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -pl demo -am package -DskipTests
exec java -jar demo/target/vigil-demo.jar "$@"
