#!/usr/bin/env bash
# Detection and resolve times of LLM Uptime Monitor next to Prometheus + blackbox_exporter +
# Alertmanager, against one simulated provider: first a healthy run of HEALTHY_MINUTES (10) in
# which one model fails 2 % of requests at random (false alarms), then faults HTTP 500, 429, hang
# and +3 s, TRIALS (5) times each, at random moments, held 10-30 s; then this project's pipeline
# overhead. Installs Debian's prometheus packages if missing; everything runs on 127.0.0.1 and
# stops by itself. Takes HEALTHY_MINUTES plus 1.5 to 7 minutes per trial: each trial waits until
# every stack that fired has resolved (Alertmanager with tutorial settings resolves on its
# 5-minute group interval). OUT=FILE keeps a copy of the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${TRIALS:-5}
HEALTHY_MINUTES=${HEALTHY_MINUTES:-10}

missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-blackbox-exporter >/dev/null 2>&1 || missing+=(prometheus-blackbox-exporter)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
# Debian's packages start their services where an init system runs; the benchmark runs its own.
for service in prometheus prometheus-alertmanager prometheus-blackbox-exporter prometheus-node-exporter; do
  pkill -x "$service" 2>/dev/null || true
done

[ -f local-stack/target/local-stack.jar ] && [ -f bench/target/bench.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores; $(prometheus --version 2>&1 | sed -n 1p); $(prometheus-alertmanager --version 2>&1 | sed -n 1p)"
java -jar bench/target/bench.jar peers "$PWD" "$work" "$TRIALS" "$HEALTHY_MINUTES" 2> "$work/bench.err" | tee "${OUT:-/dev/null}"
