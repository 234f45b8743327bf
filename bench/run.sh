#!/usr/bin/env bash
# Benchmarks chat-tool polling over 2,000 and then 10,000 groups against a bare Vert.x endpoint
# answering the same bytes after the same token check, in the same run on the same machine, then
# holds one long poll per group and times wake-ups.
# Loopback only; every step is bounded and the script stops what it started. See bench/README.md.
set -euo pipefail

# GROUP_COUNT=N runs one size only; GROUP_COUNTS lists the sizes to run, each on a fresh server.
GROUP_COUNTS="${GROUP_COUNTS:-${GROUP_COUNT:-2000 10000}}"
DURATION="${DURATION:-20s}"
# Each server (ours and the bare one) first answers wrk unmeasured for this long, so that both are
# measured after the JIT compiled their hot paths, not while it does; WARMUP=0 measures from cold.
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WAKE_UPS="${WAKE_UPS:-20}"
PORT="${PORT:-18480}"
BARE_PORT="${BARE_PORT:-18481}"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
jar="${JAR:-$home/web/target/recommender.jar}"

command -v wrk >/dev/null || { echo "error: wrk is missing; on Debian: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || mvn -B -q -DskipTests package
raise_open_files "$(printf '%s\n' $GROUP_COUNTS | sort -n | tail -1)"

warm() {  # warm URL TOKEN: wrk with the poll script for $WARMUP, figures thrown away
  [ "$WARMUP" = 0 ] || TOKEN="$2" BENCH_GROUPS="$groups" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" \
    -s bench/poll.lua "$1" > /dev/null
}

measure() {  # measure NAME URL TOKEN: warm up, then wrk with the poll script; prints the name, requests/s and p99
  warm "$2" "$3"
  TOKEN="$3" BENCH_GROUPS="$groups" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency \
    -s bench/poll.lua "$2" > "$work/$1.wrk"
  local rps p99 other
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.wrk")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/$1.wrk")"
  other="$(awk '/Non-2xx/ {print $NF}' "$work/$1.wrk")"
  printf '%6s groups, %-34s %10s req/s   p99 %8s   non-2xx %s\n' "$groups" "$1" "$rps" "$p99" "${other:-0}" \
    | tee -a "$work/summary"
  echo "$rps"  > "$work/$1.rps"
}

bare() {  # bare MODE TOKEN: start the baseline server answering json or empty (204) to TOKEN's requests
  java -cp "$jar" bench/BareServer.java "$BARE_PORT" "$1" "$work/body.json" "$2" > "$work/bare-$1.log" 2>&1 &
  bare_pid=$!
  pids+=("$bare_pid")
  wait_for "$work/bare-$1.log" "listening"
}

ratio() { awk -v a="$(cat "$work/$1.rps")" -v b="$(cat "$work/$2.rps")" 'BEGIN {printf "%.2f", a / b}'; }

run_size() {  # run_size GROUPS: every step on a fresh server and database
groups="$1"
data="$work/data-$groups"
echo "== $groups groups: starting the server (embedded PostgreSQL, demo content, no rate limit) on $url"
start_server "$jar" "$data" "$work/server-$groups.log"
operator="$(token "$jar" operator)"
bot="$(token "$jar" bot)"

echo "== seeding $groups groups"
java bench/BenchTool.java seed "$url" "$admin" "$groups"

echo "== operator looks: the first look decides and stores a pending suggestion; later ones read it"
java bench/BenchTool.java claim "$url" "$operator" "$groups" "$work/looked.ids"
echo "== the second look at each group reads its pending suggestion, renders it and remembers the answer"
java bench/BenchTool.java claim "$url" "$operator" "$groups" "$work/looked-again.ids"
curl -s -H "Authorization: Bearer $operator" "$url/api/v1/groups/bench-1/suggestion" > "$work/body.json"
echo "a suggestion is $(wc -c < "$work/body.json") bytes of JSON"
measure "recommender, look (200 + JSON)" "$url" "$operator"
bare json "$operator"
measure "bare Vert.x, same JSON bytes" "http://127.0.0.1:$BARE_PORT" "$operator"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true

echo "== bot polls: the first poll of each group claims its suggestion; later ones are held by pacing (204)"
java bench/BenchTool.java claim "$url" "$bot" "$groups" "$work/delivered.ids"
echo "== the second bot poll of each group decides anew: pacing holds it (204), the silence is recorded and the hold remembered"
java bench/BenchTool.java claim "$url" "$bot" "$groups" "$work/held.ids"
measure "recommender, held bot poll (204)" "$url" "$bot"
bare empty "$bot"
measure "bare Vert.x, same 204" "http://127.0.0.1:$BARE_PORT" "$bot"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true

echo "== long polls: one per group, then wake-ups by feedback"
java bench/BenchTool.java waiters "$url" "$bot" "$groups" "$work/delivered.ids" "$WAKE_UPS" "$server_pid" \
  | sed "s/^/$groups groups: /" | tee -a "$work/summary"

echo "$groups groups: throughput ratio, look / bare JSON:     $(ratio "recommender, look (200 + JSON)" "bare Vert.x, same JSON bytes")" \
  | tee -a "$work/summary"
echo "$groups groups: throughput ratio, held poll / bare 204: $(ratio "recommender, held bot poll (204)" "bare Vert.x, same 204")" \
  | tee -a "$work/summary"
stop_server
}

for size in $GROUP_COUNTS; do
  run_size "$size"
done

echo
echo "== summary ($(nproc) cores; wrk -t $THREADS -c $CONNECTIONS -d $DURATION after $WARMUP unmeasured; load average now:$(uptime | sed 's/.*load average://'))"
cat "$work/summary"
