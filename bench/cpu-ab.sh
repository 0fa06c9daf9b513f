#!/usr/bin/env bash
# A/B of scanner and lab CPU per scan: one lab, a warm-up scan, then ROUNDS timed scans with each jar in turn.
#
#   bench/cpu-ab.sh DEVICES SUBNET LAB_JAR ROUNDS JAR [JAR...]
#   e.g. bench/cpu-ab.sh 3000 127.150.0.0 old-cli.jar 2 old-cli.jar cli/target/camguard-cli.jar
# (a JAR is the command-line jar, built at cli/target/camguard-cli.jar by `./mvnw -pl cli -am package`).
#
# Prints, per timed scan, the scanner's user/sys CPU seconds and wall time and the lab's user/sys CPU during
# it. End-to-end figures on this kind of VM move by about 10% between runs of the same jar: alternate the jars
# and compare several rounds. LAB_JAR starts the lab (its devices, its TLS); each JAR is the scanner under test.
# Loopback only (SUBNET must be a free 127.x.0.0); every scan is bounded by `timeout`, the lab by --duration.
set -euo pipefail
if [ $# -lt 5 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
devices=$1; subnet=$2; lab_jar=$3; rounds=$4; shift 4
case "$subnet" in 127.*.0.0) ;; *) echo "SUBNET must be a loopback 127.x.0.0" >&2; exit 2 ;; esac
java="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
[ -x "$java" ] || java="$(command -v java)"
ports="21,22,23,80,443,554,8000,8080,8554,8899,34567,37777"
scope="${subnet%.*.*}.0.0/16"
work="$(mktemp -d /tmp/camguard-cpu-ab.XXXXXX)"

"$java" -XX:TieredStopAtLevel=1 -jar "$lab_jar" lab --cameras "$devices" --seed 1 --subnet "$subnet" \
  --duration 25m --manifest "$work/manifest.json" >"$work/lab.out" 2>"$work/lab.err" &
lab_pid=$!
trap 'kill -TERM "$lab_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q '^READY' "$work/lab.out" 2>/dev/null && break
  kill -0 "$lab_pid" 2>/dev/null || { tail -n 20 "$work/lab.err" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$work/lab.out" || { echo "lab not ready" >&2; exit 1; }
grep -o '"address" *: *"[0-9.]*"' "$work/manifest.json" | grep -o '[0-9.]*[0-9]' >"$work/targets.txt"

# user and system CPU ticks of the lab launcher and its shard JVMs
lab_ticks() {
  local user=0 system=0 pid u s
  for pid in "$lab_pid" $(pgrep -P "$lab_pid" 2>/dev/null); do
    read -r u s < <(awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null || echo "0 0")
    user=$((user + u)); system=$((system + s))
  done
  echo "$user $system"
}

# exit status 1 means "findings", not failure
scan() {
  timeout 600 /usr/bin/time -f "%U %S" -o "$work/time.txt" "$java" -Xmx512m -XX:TieredStopAtLevel=1 -jar "$1" scan \
    @"$work/targets.txt" --scope "$scope" --ports "$ports" --read-timeout 3000 --no-progress -o "$work/out.jsonl" \
    >/dev/null 2>&1 || true
}

scan "$1"   # warm-up: the lab's JVMs compile their code here, untimed
hz=$(getconf CLK_TCK)
for _ in $(seq 1 "$rounds"); do
  for jar in "$@"; do
    read -r u0 s0 < <(lab_ticks)
    started=$(date +%s.%N)
    scan "$jar"
    ended=$(date +%s.%N)
    read -r u1 s1 < <(lab_ticks)
    read -r user system < <(tail -n 1 "$work/time.txt")
    printf '%-40s scanner user %6.2f s sys %6.2f s wall %6.2f s | lab user %6.2f s sys %6.2f s\n' \
      "$(basename "$jar")" "$user" "$system" "$(echo "$ended - $started" | bc)" \
      "$(echo "scale=2; ($u1 - $u0) / $hz" | bc)" "$(echo "scale=2; ($s1 - $s0) / $hz" | bc)"
  done
done
echo "work dir: $work"
