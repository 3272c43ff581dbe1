#!/usr/bin/env bash
# Benchmark of scoring-service (prints figures; not a pass/fail test): a month run for 10,000 agents with a
# 15-item template, aggregates fetched over HTTP from a metrics-service stand-in, against the same aggregates as one
# SQL query; idempotent re-run and a corrected revision; reading one agent's scorecard (p50/p95/p99).
#
#   bench/scoring-run.sh                  # needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)
#   BENCH_AGENTS=2000 bench/scoring-run.sh
#
# Environment: BENCH_JDBC_BASE (default jdbc:postgresql://127.0.0.1:5432/), BENCH_DB_USER, BENCH_DB_PASSWORD,
# BENCH_AGENTS (10000), BENCH_RUNS (3), BENCH_READS (2000), BENCH_JAVA_OPTS (service JVM, default -Xmx1g),
# BENCH_KEEP=1 keeps the database. A database pc_bench_scoring_<id> is created for the run and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
app=scoring-service/target/quarkus-app
if [ ! -f "$app/quarkus-run.jar" ] || [ -n "$(find scoring-service/src/main scoring-service/pom.xml -newer "$app/quarkus-run.jar" -type f | head -1)" ]; then
  echo "Building scoring-service (package, tests skipped)…"
  ./mvnw -q -B -pl scoring-service -am -DskipTests package
fi
driver=$(ls "$app"/lib/main/org.postgresql.postgresql-*.jar | head -1)
exec java -Xmx1g -cp "$driver" bench/scoring-run-bench.java "$@"
