#!/usr/bin/env bash
# Benchmark of metrics-service: 1,000,000 call records through the NDJSON bulk endpoint against raw PostgreSQL COPY,
# a re-send of the same records, and month aggregates of 15 metrics for 10,000 agents. Prints the figures.
#
#   bench/metrics-ingest.sh                 # needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)
#   BENCH_RECORDS=200000 bench/metrics-ingest.sh
#
# Environment: BENCH_JDBC_BASE (default jdbc:postgresql://127.0.0.1:5432/), BENCH_DB_USER, BENCH_DB_PASSWORD,
# BENCH_RECORDS, BENCH_AGENTS, BENCH_JAVA_OPTS (service JVM, default -Xmx256m), BENCH_KEEP=1 keeps the database.
# A database pc_bench_<id> is created for the run and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
app=metrics-service/target/quarkus-app
if [ ! -f "$app/quarkus-run.jar" ]; then
  echo "Building metrics-service (package, tests skipped)…"
  ./mvnw -q -B -pl metrics-service -am -DskipTests package
fi
driver=$(ls "$app"/lib/main/org.postgresql.postgresql-*.jar | head -1)
exec java -Xmx1g -cp "$driver" bench/MetricsIngestBench.java "$@"
