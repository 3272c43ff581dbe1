#!/usr/bin/env bash
# The month close of a whole center, end to end, on the real packaged suite (prints figures; not a pass/fail test):
# the four services started as the launcher starts them, a center of 10,000 agents in 500 groups synced through the
# gateway, one month of raw activity as NDJSON (1,000,000 calls, 200,000 surveys, 30,000 QA evaluations, 20,000
# incidents, 50,000 sales at 1×), a template, salaries and a plan, the center's scoring run published and locked,
# the pay run approved and exported. Each stage's wall time, throughput and the suite's RSS, beside the floor
# measured in the same run (raw COPY of the same rows; the same month aggregates as one SQL query).
#
#   bench/month-close.sh                          # 1×; needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust)
#   bench/month-close.sh --scale 0.1 --agents 1000 --groups 50
#   bench/month-close.sh --scales 1,2,5           # one close per scale, then how each stage grows
#   bench/month-close.sh --help
#
# Environment: PERFCENTER_DB_URL (+ PERFCENTER_DB_USER, PERFCENTER_DB_PASSWORD) names another PostgreSQL. Each scale
# runs on a fresh database pc_bench_month_<id> and free ports, dropped and stopped at the end (also on failure or
# Ctrl-C), so it never meets a running suite or a test run.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=gateway,metrics-service,scoring-service,incentive-service,deploy/launcher
stale=""
for m in gateway metrics-service scoring-service incentive-service; do
  jar=$m/target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find "$m/src/main" "$m/pom.xml" -newer "$jar" -type f | head -1)" ]; then
    stale=1
  fi
done
if [ -n "$stale" ] || [ ! -f deploy/launcher/target/perfcenter-launcher.jar ]; then
  echo "Building the services and the launcher (package, tests skipped)…"
  ./mvnw -q -B -DskipTests package -pl "$modules" -am
fi
exec java -Xmx1g -Dperfcenter.suite.ready-seconds="${PERFCENTER_SUITE_READY_SECONDS:-900}" -cp "deploy/launcher/target/perfcenter-launcher.jar:deploy/launcher/target/lib/*" \
    bench/MonthCloseBench.java "$@"
