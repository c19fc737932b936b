#!/usr/bin/env bash
# Failover times of every service of a running cluster: three probe-producers, two
# aggregator-streams and two alert-consumers from the packaged jars, on one local broker
# (local-stack --kafka-only) and the simulated provider, 8 targets probed every 2 s, 4 partitions,
# the services' own Kafka client settings (SESSION_TIMEOUT=6s sets the aggregators' and alert
# consumers' session.timeout.ms instead of their 10 s). Each service is killed (SIGKILL) KILLS (5) times in turn and started
# again, a prober also stopped (SIGTERM) KILLS times; prints median, min and max per service, how
# probing and stats went on, and whether the final windows still count every probe once.
# Everything runs on 127.0.0.1 and stops by itself. Takes 10 to 20 minutes. OUT=FILE keeps a copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
KILLS=${KILLS:-5}
SESSION_TIMEOUT=${SESSION_TIMEOUT:-default}

for jar in probe-producer aggregator-streams alert-consumer local-stack bench; do
  [ -f "$jar/target/$jar.jar" ] || { mvn -B -q -DskipTests package; break; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | sed -n 1p)"
java -jar bench/target/bench.jar failover "$PWD" "$work" "$KILLS" "$SESSION_TIMEOUT" 2> "$work/bench.err" | tee "${OUT:-/dev/null}" \
  || { cat "$work/bench.err" >&2; tail -n 20 "$work"/*.log >&2; exit 1; }
