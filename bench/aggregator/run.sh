#!/usr/bin/env bash
# Benchmark of aggregator-streams: RESULTS (default 200000) synthetic probe results of TARGETS
# (1000) targets in two regions, windows 1m, 5m and 1h, exactly once. Compares the aggregator's
# rate through the backlog with a plain consumer that only decodes the same records (the
# ceiling) and with a plain Kafka Streams exactly-once 1-minute windowed count run just before it
# on the same records (the reference), and measures the delay from a result's append to its live
# stats record. RUNS (3) runs, each on fresh topics of one local broker. Everything runs on
# 127.0.0.1 and stops by itself. AGGREGATOR_JAVA_OPTIONS go to the aggregator's JVM, e.g.
# "-XX:StartFlightRecording=filename=/tmp/aggregator.jfr"; AGGREGATOR_JAR runs another build of it.
set -euo pipefail
cd "$(dirname "$0")/../.."
RESULTS=${RESULTS:-200000}
TARGETS=${TARGETS:-1000}
RUNS=${RUNS:-3}
KAFKA_PORT=${KAFKA_PORT:-19093}
AGGREGATOR_JAR=${AGGREGATOR_JAR:-$PWD/aggregator-streams/target/aggregator-streams.jar}

[ -f aggregator-streams/target/aggregator-streams.jar ] && [ -f bench/target/bench.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
stack_pid=""
cleanup() {
  [ -n "$stack_pid" ] && kill "$stack_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && exec java -jar "$OLDPWD/local-stack/target/local-stack.jar" --kafka-only --kafka-port "$KAFKA_PORT" \
  > "$work/stack.log" 2>&1) &
stack_pid=$!
for _ in $(seq 1 60); do
  grep -q "Press Ctrl-C" "$work/stack.log" && break
  sleep 1
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | sed -n 1p)"
for run in $(seq 1 "$RUNS"); do
  echo "run $run: $(java -jar bench/target/bench.jar aggregator-bench "localhost:$KAFKA_PORT" \
    "$AGGREGATOR_JAR" "$work" "$RESULTS" "$TARGETS" 2>/dev/null)"
done
