# What bench/run.sh and bench/long-polls.sh share: the checkout as working folder, a work folder
# removed on exit with every process started here, the open-files limit, and a demo server started
# and waited for. Sourced after `set -euo pipefail`; PORT must be set first.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
url="http://127.0.0.1:$PORT"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

raise_open_files() {  # raise_open_files POLLS: as high as allowed; warns when POLLS long polls will not fit
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(($1 + 2000)) ]; then
    echo "warning: open-files limit $(ulimit -n) is too low for $1 long polls per process" >&2
  fi
}

wait_for() {  # wait_for FILE PATTERN: until the line shows up, at most 120 s
  for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "error: timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; exit 1
}

start_server() {  # start_server JAR DATA LOG: a fresh demo server without rate limit on $PORT; sets server_pid and admin
  java ${JAVA_OPTS:-} -jar "$1" serve --port "$PORT" --data-dir "$2" --demo --rate-limit 0 > "$3" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for "$3" "listening on"
  admin="$(cat "$2/admin.token")"
}

stop_server() {  # stop_server: the one start_server started last
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
}

token() {  # token JAR ROLE: a new token of ROLE, made with the first admin token
  java -jar "$1" token create --role "$2" --server "$url" --token "$admin" 2>/dev/null
}
