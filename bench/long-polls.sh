#!/usr/bin/env bash
# Holds one ?wait=60 long poll per group on one server and reports the heap they keep (against the
# same run's baseline with none held) and how long a woken poll takes to answer after the feedback
# that wakes it. No wrk: only the server, its embedded PostgreSQL and bench/BenchTool.java.
# JARS="a.jar b.jar" measures each jar in turn on a fresh server and database, e.g. before and after.
# Loopback only; every step is bounded and the script stops what it started. See bench/README.md.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
GROUP_COUNT="${GROUP_COUNT:-10000}"
WAKE_UPS="${WAKE_UPS:-20}"
PORT="${PORT:-18482}"
JARS="${JARS:-$home/web/target/recommender.jar}"
url="http://127.0.0.1:$PORT"

for jar in $JARS; do
  [ -f "$jar" ] || { echo "error: $jar is missing; build it with: mvn -B -q -DskipTests package" >&2; exit 1; }
done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((GROUP_COUNT + 2000)) ]; then
  echo "warning: open-files limit $(ulimit -n) is too low for $GROUP_COUNT long polls" >&2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for jar in $JARS; do
  echo "== $jar: $GROUP_COUNT groups on a fresh server (embedded PostgreSQL, demo content, no rate limit) on $url"
  data="$work/data"
  rm -rf "$data"
  java ${JAVA_OPTS:-} -jar "$jar" serve --port "$PORT" --data-dir "$data" --demo --rate-limit 0 > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do grep -q "listening on" "$work/server.log" && break; sleep 0.5; done
  grep -q "listening on" "$work/server.log" || { echo "error: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  admin="$(cat "$data/admin.token")"
  bot="$(java -jar "$jar" token create --role bot --server "$url" --token "$admin" 2>/dev/null)"
  java bench/BenchTool.java seed "$url" "$admin" "$GROUP_COUNT"
  java bench/BenchTool.java claim "$url" "$bot" "$GROUP_COUNT" "$work/delivered.ids"
  java bench/BenchTool.java waiters "$url" "$bot" "$GROUP_COUNT" "$work/delivered.ids" "$WAKE_UPS" "$server_pid"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
done
echo "== $(nproc) cores; load average now:$(uptime | sed 's/.*load average://')"
