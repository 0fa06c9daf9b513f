#!/usr/bin/env bash
# Runs the README's PostgreSQL steps exactly as written (the code blocks after the
# `readme-postgres:setup` and `readme-postgres:start` markers) against a fresh PostgreSQL cluster made
# for this run, then checks that CamGuard started by them answers and keeps its schema in that cluster.
# The README's commands are only redirected to the fresh cluster through the environment (PGPORT for
# createuser/createdb, CAMGUARD_DB_URL for CamGuard, SERVER_PORT for its web port); the prompts
# (createuser's password twice, then the password for CamGuard) are fed on stdin with no controlling
# terminal, as a person would type them. Needs root (the README's `su -c` then asks for no password),
# Debian's postgresql-common and a JDK 25. Every wait is bounded; the cluster is dropped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "readme-postgres: run as root" >&2; exit 2; }
deadline_s="${CAMGUARD_START_TIMEOUT:-420}"

block() {
  # the fenced code block that follows the marker line
  awk -v marker="<!-- $1 " 'index($0, marker) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' README.md
}
setup="$(block readme-postgres:setup)"
start="$(block readme-postgres:start)"
[ -n "$setup" ] && [ -n "$start" ] || { echo "readme-postgres: README.md has no marked PostgreSQL blocks" >&2; exit 1; }

. .ci/free-port.sh

pgver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster="readme$$"
pgport="$(free_port)"
webport="$(free_port)"
work="$(mktemp -d)"
camguard=""
password="Readme-$RANDOM-$RANDOM-$RANDOM"

cleanup() {
  if [ -n "$camguard" ]; then
    kill -TERM -- "-$camguard" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$camguard" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$camguard" 2>/dev/null || true
  fi
  pg_dropcluster --stop "$pgver" "$cluster" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "readme-postgres: FAIL: $*" >&2
  [ -f "$work/camguard.log" ] && { echo "--- CamGuard log (last 40 lines)" >&2; tail -n 40 "$work/camguard.log" >&2; }
  exit 1
}

echo "=== fresh PostgreSQL $pgver cluster '$cluster' on port $pgport"
pg_createcluster "$pgver" "$cluster" -p "$pgport" >/dev/null
pg_ctlcluster "$pgver" "$cluster" start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pgport" && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p "$pgport" || fail "the fresh cluster did not start"

export PGPORT="$pgport"
export CAMGUARD_DB_URL="jdbc:postgresql://localhost:$pgport/camguard?reWriteBatchedInserts=true"
export SERVER_PORT="$webport"

echo "=== the README's setup commands, as written:"
printf '%s\n' "$setup" | sed 's/^/    /'
printf '%s\n%s\n' "$password" "$password" \
  | timeout 600 setsid -w bash -euo pipefail -c "$setup" || fail "the README's setup commands failed"

echo "=== the README's start commands, as written (web port $webport):"
printf '%s\n' "$start" | sed 's/^/    /'
printf '%s\n' "$password" | setsid bash -euo pipefail -c "$start" >"$work/camguard.log" 2>&1 &
camguard=$!

end=$((SECONDS + deadline_s))
until curl -fsS --max-time 10 "http://127.0.0.1:$webport/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$camguard" 2>/dev/null || fail "CamGuard exited before answering"
  [ "$SECONDS" -lt "$end" ] || fail "CamGuard did not answer /actuator/health within ${deadline_s}s"
  sleep 2
done
status=$(curl -sS --max-time 20 -o "$work/login.html" -w '%{http_code}' "http://127.0.0.1:$webport/login") \
  || fail "no answer on /login"
[ "$status" = 200 ] && grep -q 'name="password"' "$work/login.html" || fail "/login answered $status, not the sign-in page"
migrations=$(runuser -u postgres -- psql -p "$pgport" -d camguard -tAc \
  "SELECT COUNT(*) FROM flyway_schema_history WHERE success") || fail "no schema in the fresh cluster"
owner=$(runuser -u postgres -- psql -p "$pgport" -d camguard -tAc \
  "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'camguard'")
[ "$migrations" -gt 0 ] && [ "$owner" = camguard ] || fail "unexpected schema ($migrations migrations, owner $owner)"
echo "readme-postgres: OK (health UP, sign-in page served, $migrations migrations in database camguard owned by $owner on the fresh cluster)"
