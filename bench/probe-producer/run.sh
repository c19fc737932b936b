#!/usr/bin/env bash
# Benchmark of probe-producer: TARGETS chat-stream targets (default 1000) each probed every
# INTERVAL (1s) for DURATION seconds (60) after WARMUP seconds (10), RUNS times (3). The Kafka
# broker and the simulated provider run as two more processes (local-stack --kafka-only and
# --simulator-only), so each process's CPU is reported on its own.
# Reports per run: probes per second, scheduling lag p50/p99/max (from the events themselves),
# skipped ticks (the prober's llm_probe_skipped_ticks over the measured span), CPU of the prober,
# the simulator and the broker (share of one core), and the prober's RSS, peak RSS and live heap
# after a full GC at the end. PROBER_JAVA_OPTS is passed to the prober's JVM (e.g. a JFR
# recording). Everything runs on 127.0.0.1 and stops by itself.
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
PROBER_JAVA_OPTS=${PROBER_JAVA_OPTS:-}

jars="probe-producer/target/probe-producer.jar local-stack/target/local-stack.jar bench/target/bench.jar"
for jar in $jars; do
  [ -f "$jar" ] || mvn -B -q -DskipTests package
done
# A jar older than the sources it holds would measure old code.
for pair in probe-producer:probe-producer simulator:local-stack local-stack:local-stack bench:bench; do
  module=${pair%%:*}
  jar=${pair#*:}/target/${pair#*:}.jar
  newer=$(find "$module/src/main" -newer "$jar" -type f | head -1)
  if [ -n "$newer" ]; then
    echo "$newer is newer than $jar: run mvn -DskipTests package first" >&2
    exit 2
  fi
done

work=$(mktemp -d)
broker_pid=""
sim_pid=""
prober_pid=""
cleanup() {
  for pid in "$prober_pid" "$sim_pid" "$broker_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/broker" "$work/sim"
(cd "$work/broker" && exec java -jar "$OLDPWD/local-stack/target/local-stack.jar" --kafka-only \
  --kafka-port "$KAFKA_PORT" > "$work/broker.log" 2>&1) &
broker_pid=$!
(cd "$work/sim" && exec java -jar "$OLDPWD/local-stack/target/local-stack.jar" --simulator-only \
  --simulator-port "$SIM_PORT" > "$work/sim.log" 2>&1) &
sim_pid=$!
for _ in $(seq 1 60); do
  grep -q "Press Ctrl-C" "$work/broker.log" && curl -sf "http://127.0.0.1:$SIM_PORT/v1/models" >/dev/null && break
  sleep 1
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
percent() { awk -v d="$1" -v t="$ticks" -v s="$DURATION" 'BEGIN {printf "%.0f", 100 * d / t / s}'; }
skipped_ticks() {
  curl -sf "http://127.0.0.1:$OPS_PORT/metrics" | awk '/^llm_probe_skipped_ticks_total/ {s += $NF} END {printf "%d", s}'
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | sed -n 1p)"
echo "targets=$TARGETS interval=$INTERVAL duration=${DURATION}s warmup=${WARMUP}s prober_java_opts=$PROBER_JAVA_OPTS"
for run in $(seq 1 "$RUNS"); do
  topic="bench.probe.results.$(date +%s).$run"
  java -jar bench/target/bench.jar probe-config "$TARGETS" "$INTERVAL" "localhost:$KAFKA_PORT" "$topic" \
    "http://127.0.0.1:$SIM_PORT/v1" "$OPS_PORT" > "$work/bench.yaml"
  # shellcheck disable=SC2086
  java $PROBER_JAVA_OPTS -jar probe-producer/target/probe-producer.jar --config "$work/bench.yaml" \
    > "$work/prober-$run.log" 2>&1 &
  prober_pid=$!
  sleep "$WARMUP"
  s0=$(skipped_ticks)
  from=$(date +%s%3N)
  p0=$(cpu_ticks "$prober_pid"); m0=$(cpu_ticks "$sim_pid"); k0=$(cpu_ticks "$broker_pid")
  sleep "$DURATION"
  p1=$(cpu_ticks "$prober_pid"); m1=$(cpu_ticks "$sim_pid"); k1=$(cpu_ticks "$broker_pid")
  # The counted span is exactly DURATION seconds: probes per second is then not skewed by these reads.
  to=$((from + DURATION * 1000))
  s1=$(skipped_ticks)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$prober_pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$prober_pid/status")
  jcmd "$prober_pid" GC.run >/dev/null
  heap=$(jcmd "$prober_pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}')
  kill -TERM "$prober_pid"
  wait "$prober_pid" || true
  prober_pid=""
  report=$(java -jar bench/target/bench.jar probe-report "localhost:$KAFKA_PORT" "$topic" "$from" "$to" 2>/dev/null)
  echo "run $run: $report skipped_ticks=$((s1 - s0)) cpu_percent_of_one_core: prober=$(percent $((p1 - p0)))" \
    "simulator=$(percent $((m1 - m0))) broker=$(percent $((k1 - k0))) prober_rss_mb=$((rss / 1024))" \
    "prober_peak_rss_mb=$((hwm / 1024)) prober_live_heap_after_gc=$heap"
done
