#!/usr/bin/env bash
# Holds one ?wait=60 long poll per group on one server and reports the heap they keep (against the
# same run's baseline with none held) and how long a woken poll takes to answer after the feedback
# that wakes it. No wrk: only the server, its embedded PostgreSQL and bench/BenchTool.java.
# JARS="a.jar b.jar" measures each jar in turn on a fresh server and database, e.g. before and after.
# Loopback only; every step is bounded and the script stops what it started. See bench/README.md.
set -euo pipefail

GROUP_COUNT="${GROUP_COUNT:-10000}"
WAKE_UPS="${WAKE_UPS:-20}"
PORT="${PORT:-18482}"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JARS="${JARS:-$home/web/target/recommender.jar}"

for jar in $JARS; do
  [ -f "$jar" ] || { echo "error: $jar is missing; build it with: mvn -B -q -DskipTests package" >&2; exit 1; }
done
raise_open_files "$GROUP_COUNT"

for jar in $JARS; do
  echo "== $jar: $GROUP_COUNT groups on a fresh server (embedded PostgreSQL, demo content, no rate limit) on $url"
  data="$work/data"
  rm -rf "$data"
  start_server "$jar" "$data" "$work/server.log"
  bot="$(token "$jar" bot)"
  java bench/BenchTool.java seed "$url" "$admin" "$GROUP_COUNT"
  java bench/BenchTool.java claim "$url" "$bot" "$GROUP_COUNT" "$work/delivered.ids"
  java bench/BenchTool.java waiters "$url" "$bot" "$GROUP_COUNT" "$work/delivered.ids" "$WAKE_UPS" "$server_pid"
  stop_server
done
echo "== $(nproc) cores; load average now:$(uptime | sed 's/.*load average://')"
