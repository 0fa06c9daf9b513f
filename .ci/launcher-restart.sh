#!/usr/bin/env bash
# Proof that a second `./camguard run` leaves a running instance alone (issue 15, item 4): start one
# instance, start a second (which builds again) on another port and data directory, then the first must
# still answer its health check and serve pages it has not served before (their classes and templates are
# read from its jar only now). A third start on the first one's port and H2 file must stop with a clear
# message and leave the first one running. Bounded: every wait has a deadline, both instances are stopped on exit.
#   .ci/launcher-restart.sh            (needs a JDK 25 like ./camguard; builds through ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
deadline_s="${CAMGUARD_START_TIMEOUT:-420}"
work="$(mktemp -d)"
pids=()

stop_all() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_all EXIT

fail() {
  echo "launcher-restart: FAIL: $*" >&2
  for log in "$work"/*.log; do echo "--- $log (last 40 lines)" >&2; tail -n 40 "$log" >&2 || true; done
  exit 1
}

. .ci/free-port.sh

# Starts ./camguard run in a session of its own (so the whole tree can be stopped) with its own H2 file.
start() {
  local name=$1 port=$2 data=${3:-$1}
  mkdir -p "$work/$data"
  setsid ./camguard run --server.port="$port" \
    "--spring.datasource.url=jdbc:h2:file:$work/$data/camguard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE" \
    >"$work/$name.log" 2>&1 </dev/null &
  pids+=("$!")
}

healthy() {
  curl -fsS --max-time 10 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'
}

wait_healthy() {
  local name=$1 port=$2 pid=$3 end=$((SECONDS + deadline_s))
  while [ "$SECONDS" -lt "$end" ]; do
    healthy "$port" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$name exited before answering"
    sleep 2
  done
  fail "$name did not answer /actuator/health within ${deadline_s}s"
}

port_a="$(free_port)"
port_b="$(free_port)"
[ "$port_a" != "$port_b" ] || port_b=$((port_a + 1))

echo "=== $(date +%T) first instance on port $port_a"
start first "$port_a"
wait_healthy first "$port_a" "${pids[0]}"

echo "=== $(date +%T) second ./camguard run (builds again) on port $port_b"
start second "$port_b"
wait_healthy second "$port_b" "${pids[1]}"

echo "=== $(date +%T) the first instance still answers"
kill -0 "${pids[0]}" 2>/dev/null || fail "the first instance died"
healthy "$port_a" || fail "the first instance no longer answers /actuator/health"
status=$(curl -sS --max-time 20 -o "$work/login.html" -w '%{http_code}' "http://127.0.0.1:$port_a/login") \
  || fail "the first instance did not answer /login"
[ "$status" = 200 ] || fail "the first instance answered /login with $status"
grep -q 'name="password"' "$work/login.html" || fail "the first instance's /login is not the sign-in page"
status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/api-docs") \
  || fail "the first instance did not answer /api-docs"
case "$status" in 200|302|401) ;; *) fail "the first instance answered /api-docs with $status" ;; esac
if grep -E 'NoClassDefFoundError|ClassNotFoundException|zip file closed|ZipException' "$work/first.log" >&2; then
  fail "the first instance lost classes from its jar"
fi
echo "=== $(date +%T) a third start on the first instance's port and database file is refused, clearly"
start third "$port_a" first
end=$((SECONDS + deadline_s))
while kill -0 "${pids[2]}" 2>/dev/null && [ "$SECONDS" -lt "$end" ]; do sleep 2; done
kill -0 "${pids[2]}" 2>/dev/null && fail "the third start on a used port and database did not stop"
grep -q "already in use by another process" "$work/third.log" || fail "the third start did not say its database is in use"
healthy "$port_a" || fail "the first instance no longer answers after the refused third start"
echo "launcher-restart: OK (first instance on $port_a still answers after a second run on $port_b)"
