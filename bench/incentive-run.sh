#!/usr/bin/env bash
# Benchmark of incentive-service: a full run (honors, payout run, promotion checks) for N agents, timed end to end
# including fetching scorecards and metrics from a stub of scoring-service and metrics-service. Prints figures.
#
#   bench/incentive-run.sh [agents=10000] [iterations=3]
#
# Needs a JDK 17+ and PostgreSQL (BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER, default 127.0.0.1:5432 postgres, trust
# auth, allowed to create databases); makes its own database and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-10000}"
ITERATIONS="${2:-3}"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DB="pc_bench_incentive_$$"

echo "building incentive-service (package, tests skipped) …"
./mvnw -q -pl incentive-service -am package -DskipTests
JAR="incentive-service/target/quarkus-app/quarkus-run.jar"

createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$DB"
trap 'dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists "$DB"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1)"
java bench/incentive-bench/IncentiveBench.java "$JAR" "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "$PG_USER" \
    "$AGENTS" "$ITERATIONS"
