#!/usr/bin/env bash
# Benchmark of probe-producer: TARGETS targets (default 1000) each probed every INTERVAL (1s) for
# DURATION seconds (60) against local-stack's simulated provider, RUNS times (3).
# Reports per run: probes per second, scheduling lag p50/p99 (from the events themselves),
# prober CPU (share of one core) and RSS. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=${TARGETS:-1000}
INTERVAL=${INTERVAL:-1s}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-3}
KAFKA_PORT=${KAFKA_PORT:-19092}
SIM_PORT=${SIM_PORT:-18090}
OPS_PORT=${OPS_PORT:-18081}

[ -f probe-producer/target/probe-producer.jar ] && [ -f bench/target/bench.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
stack_pid=""
prober_pid=""
cleanup() {
  [ -n "$prober_pid" ] && kill "$prober_pid" 2>/dev/null || true
  [ -n "$stack_pid" ] && kill "$stack_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && exec java -jar "$OLDPWD/local-stack/target/local-stack.jar" --kafka-port "$KAFKA_PORT" \
  --simulator-port "$SIM_PORT" > "$work/stack.log" 2>&1) &
stack_pid=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$SIM_PORT/v1/models" >/dev/null && grep -q "Press Ctrl-C" "$work/stack.log" && break
  sleep 1
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | sed -n 1p)"
echo "targets=$TARGETS interval=$INTERVAL duration=${DURATION}s warmup=${WARMUP}s"
for run in $(seq 1 "$RUNS"); do
  topic="bench.probe.results.$(date +%s).$run"
  java -jar bench/target/bench.jar probe-config "$TARGETS" "$INTERVAL" "localhost:$KAFKA_PORT" "$topic" \
    "http://127.0.0.1:$SIM_PORT/v1" "$OPS_PORT" > "$work/bench.yaml"
  java -jar probe-producer/target/probe-producer.jar --config "$work/bench.yaml" > "$work/prober-$run.log" 2>&1 &
  prober_pid=$!
  sleep "$WARMUP"
  from=$(date +%s%3N)
  c0=$(cpu_ticks "$prober_pid")
  sleep "$DURATION"
  c1=$(cpu_ticks "$prober_pid")
  to=$(date +%s%3N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$prober_pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$prober_pid/status")
  kill -TERM "$prober_pid"
  wait "$prober_pid" || true
  prober_pid=""
  cpu=$(awk -v d="$((c1 - c0))" -v t="$ticks" -v s="$DURATION" 'BEGIN {printf "%.0f", 100 * d / t / s}')
  report=$(java -jar bench/target/bench.jar probe-report "localhost:$KAFKA_PORT" "$topic" "$from" "$to" 2>/dev/null)
  echo "run $run: $report prober_cpu_percent_of_one_core=$cpu prober_rss_mb=$((rss / 1024)) prober_peak_rss_mb=$((hwm / 1024))"
done
