#!/usr/bin/env bash
# Benchmark: CamGuard's full scan vs nmap port scan + two scripts, on the same lab fleet, at each simulated latency.
#
#   bench/scan-vs-nmap.sh [DEVICES] [SEED]        (defaults: 10000 devices, seed 1)
#
# For each latency of CAMGUARD_BENCH_LATENCIES (default "0 50" ms per round trip, simulated by the lab itself:
# lab/PROFILES.md "Latency option") it starts a sharded lab of DEVICES simulated cameras on 127.100.0.1 and up
# (loopback only; the lab splits itself over child JVMs of 1,400 devices, each under the 20,000 open-files limit),
# warms it up with an untimed scan of every 4th device, then times, one after the other on the same lab, the runs
# of CAMGUARD_BENCH_RUNS_<latency> or else CAMGUARD_BENCH_RUNS (default "fast nmap default", in that order):
#   - camguard scan:
#       default: the CLI's defaults (concurrency 256, login pacing 4 logins per account in any 30 s);
#       fast:    the same pacing with CAMGUARD_BENCH_FAST_CONCURRENCY devices at once (default 1024): still never
#                more than 4 logins per account of a device in any 30 s, so no lockout; more devices wait out
#                their pacing windows side by side;
#       unpaced: --login-pace 0 (NOT safe on devices with lockout; only for comparison, not in the default list);
#     each with -Xmx512m; wall time, CPU seconds (user+sys of its JVM), the lab's CPU seconds meanwhile (launcher
#     and shard JVMs) and the peak heap in use (--stats: the sum of the heap pools' peaks, an upper bound);
#   - nmap: nmap -sT -Pn -n -T4 -p <same ports> --script rtsp-methods,http-title over the same addresses: wall
#     time, its CPU seconds and the lab's CPU seconds meanwhile.
# First of all (CAMGUARD_BENCH_EMPTY_SUBNET, default 127.141.0.0, "" = skip) camguard's peak heap for a /16 where
# nothing listens (every connect refused), with the default options.
#
# Equal footing: the lab serves every client alike (no code path looks at who asks: one JSSE configuration for
# every TLS client, BouncyCastle for the old-TLS devices, the same latency below TLS for every connection); both
# tools get the same addresses and ports, one after the other, on the same lab processes. What each tool checks:
#   camguard: TCP connect sweep of the ports; protocol detection on unusual ports; HTTP(S) pages and fingerprint;
#     TLS versions and weak TLS; RTSP OPTIONS + route discovery (up to 50 DESCRIBEs per device); default/weak login
#     plan (up to 10 attempts per device over RTSP/HTTP/ONVIF, paced); snapshot without auth; ONVIF without auth;
#     WS-Discovery (UDP 3702); telnet/FTP; firmware vs CVE ranges and newest firmware (scanner/README.md "Checks").
#   nmap: TCP connect scan of the same ports, rtsp-methods (one OPTIONS per open RTSP port), http-title (GET / on
#     each open HTTP/HTTPS port, following a redirect): no logins, no stream, TLS, ONVIF or firmware checks.
# So nmap does a small part of camguard's work: the ratio compares the time to a full audit with the time to a
# port list with titles.
#
# Every step is bounded by `timeout`; the lab is stopped on exit, whatever happens. Prints one table at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

devices="${1:-10000}"
seed="${2:-1}"
subnet="${CAMGUARD_BENCH_SUBNET:-127.100.0.0}"   # any free /16 from 127.100.0.0 up
scope="${subnet%.*.*}.0.0/16"
latencies="${CAMGUARD_BENCH_LATENCIES:-0 50}"
runs="${CAMGUARD_BENCH_RUNS:-fast nmap default}"
fast_concurrency="${CAMGUARD_BENCH_FAST_CONCURRENCY:-1024}"
empty_subnet="${CAMGUARD_BENCH_EMPTY_SUBNET-127.141.0.0}"
shard_size="${CAMGUARD_BENCH_SHARD_SIZE:-1400}"
ports="21,22,23,80,443,554,8000,8080,8554,8899,34567,37777"
work="$(mktemp -d /tmp/camguard-bench.XXXXXX)"
java="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
[ -x "$java" ] || java="$(command -v java)"
read_timeout="${CAMGUARD_BENCH_READ_TIMEOUT_MS:-3000}"
scan_timeout="${CAMGUARD_BENCH_SCAN_TIMEOUT_S:-1800}"
nmap_timeout="${CAMGUARD_BENCH_NMAP_TIMEOUT_S:-1800}"
# A scan of a few tens of seconds is over before C2 pays back its compile time: C1 only cut the scanner's
# CPU by ~35% on 3,000 lab devices. It is what `./camguard scan` runs with (and the lab's shard JVMs too).
java_opts="${CAMGUARD_BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1}"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

lab_pid=""
# CPU seconds (user+sys) used so far by the lab: the launcher and its shard JVMs. The lab shares the machine's
# cores with the tool under test, so its share is printed beside each run.
lab_cpu() {
  local ticks=0 pid
  [ -n "$lab_pid" ] || { echo 0; return; }
  for pid in "$lab_pid" $(pgrep -P "$lab_pid" 2>/dev/null); do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}
# CPU seconds the lab used since $1
lab_cpu_since() { printf '%.2f' "$(echo "$(lab_cpu) - $1" | bc)"; }

stop_lab() {
  if [ -n "$lab_pid" ] && kill -0 "$lab_pid" 2>/dev/null; then
    log "stopping the lab (pid $lab_pid)"
    # TERM, not INT: a background job of a non-interactive shell ignores SIGINT.
    kill -TERM "$lab_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$lab_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$lab_pid" 2>/dev/null || true
  fi
  lab_pid=""
}
trap stop_lab EXIT

if ! command -v nmap >/dev/null; then
  log "installing nmap (Debian package)"
  timeout 300 apt-get install -y -qq nmap >/dev/null
fi

jar="${CAMGUARD_JAR:-$(ls -t cli/target*/camguard-cli.jar 2>/dev/null | head -n 1 || true)}"
if [ -z "$jar" ]; then
  log "building the CLI jar"
  timeout 900 ./mvnw -B -q -Dcamguard.target=target-bench -DskipTests -pl cli -am package
  jar=cli/target-bench/camguard-cli.jar
fi
log "jar: $jar, work dir: $work, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load before: $(uptime)" >"$work/load.txt"

# JVM messages to stderr, as ./camguard scan has them. The warm-up scan records the JDK's AOT cache as
# `./camguard scan` does after a build; timed scans start from it (CAMGUARD_BENCH_AOT=0 leaves it out).
jvm_messages="-Xlog:disable -Xlog:all=warning:stderr -Xlog:aot=error:stderr -XX:+DisplayVMOutputToStderr"
aot_use=""

# One camguard scan; prints "wall cpu lab_cpu peak_heap_mb reports with_findings".
camguard_run() { # name target (@file or range) extra-options...
  local name="$1" target="$2"
  shift 2
  local before start end code
  before=$(lab_cpu)
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -v -o "$work/$name.time" timeout "$scan_timeout" "$java" -Xmx512m $java_opts $aot_use -jar "$jar" scan \
    "$target" --scope "$scope" --ports "$ports" --read-timeout "$read_timeout" --no-progress --stats "$@" \
    -o "$work/$name.jsonl" 2>"$work/$name.err"
  code=$?
  set -e
  end=$(date +%s.%N)
  [ "$code" -le 1 ] || { log "camguard scan $name failed ($code)"; tail -n 20 "$work/$name.err" >&2; }
  local cpu heap
  cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {printf "%.2f", sum}' "$work/$name.time")
  heap=$(grep -o 'peak heap used [0-9.]*' "$work/$name.err" | grep -o '[0-9.]*$' || echo "?")
  printf '%.2f %s %s %s %s %s\n' "$(echo "$end - $start" | bc)" "$cpu" "$(lab_cpu_since "$before")" "$heap" \
    "$(wc -l <"$work/$name.jsonl" 2>/dev/null || echo 0)" "$(grep -c '"findings":\[{' "$work/$name.jsonl" 2>/dev/null || true)"
}

# Findings of a camguard run against the lab's ground truth (the exact-match proof is LabAccuracyTests; here it shows
# whether the run was still right at this latency and load), and how many devices got a timeout note.
accuracy() { # manifest jsonl
  python3 - "$1" "$2" <<'PY'
import json, sys
check = {"DEFAULT_CREDENTIALS": "CG-CRED-DEFAULT", "WEAK_PASSWORD": "CG-CRED-WEAK", "RTSP_NO_AUTH": "CG-RTSP-NOAUTH",
         "SNAPSHOT_NO_AUTH": "CG-SNAPSHOT-NOAUTH", "ONVIF_NO_AUTH": "CG-ONVIF-NOAUTH", "TELNET_OPEN": "CG-SVC-TELNET",
         "CLEARTEXT_MANAGEMENT": "CG-WEB-CLEARTEXT", "OUTDATED_FIRMWARE": "CG-FW-OUTDATED", "KNOWN_CVE": "CG-FW-CVE",
         "TLS10_ONLY": "CG-TLS-VERSIONS", "RSA_KEY_EXCHANGE_ONLY": "CG-TLS-WEAK"}
truth = {d["address"]: d for d in json.load(open(sys.argv[1]))["devices"]}
exact = total = timeouts = 0
for line in open(sys.argv[2]):
    r = json.loads(line)
    d = truth.get(r["address"])
    if d is None or d.get("hostile"):
        continue
    total += 1
    exact += {check[w] for w in d["weaknesses"]} == {f["checkId"] for f in r["findings"]}
    timeouts += any("timed out" in n for n in r.get("notes", []))
print(f"findings exact on {exact}/{total}, {timeouts} with a timeout note")
PY
}

table="$work/table.txt"
: >"$table"
row() { printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" >>"$table"; }

nmap_run() {
    log "latency $latency ms: nmap -sT -Pn -n -T4 -p $ports --script rtsp-methods,http-title"
    before=$(lab_cpu)
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/nmap-$latency.time" timeout "$nmap_timeout" nmap -sT -Pn -n -T4 -p "$ports" \
      --script rtsp-methods,http-title -iL "$work/targets.txt" -oN "$work/nmap-$latency.txt" >/dev/null \
      2>"$work/nmap-$latency.err" || log "nmap ended with $? (124 = cut off by the timeout)"
    end=$(date +%s.%N)
    nmap_wall=$(printf '%.2f' "$(echo "$end - $start" | bc)")
    nmap_cpu=$(awk '{printf "%.2f", $1 + $2}' "$work/nmap-$latency.time" 2>/dev/null || echo "?")
    nmap_lab=$(lab_cpu_since "$before")
    nmap_hosts=$(grep -c '^Nmap scan report' "$work/nmap-$latency.txt" 2>/dev/null || true)
    log "  nmap $nmap_wall s, CPU $nmap_cpu s, lab CPU $nmap_lab s, $nmap_hosts hosts reported"
    row "$latency" "nmap -sT -Pn -n -T4 --script rtsp-methods,http-title" "$nmap_wall" "$nmap_cpu" "$nmap_lab" "-" \
      "$nmap_hosts hosts reported"
}


if [ -n "$empty_subnet" ]; then
  empty_scope="${empty_subnet%.*.*}.0.0/16"
  log "camguard scan of $empty_scope, nothing listening (defaults)"
  read -r wall cpu labcpu heap reports findings < <(scope="$empty_scope" camguard_run "camguard-empty" "$empty_scope")
  log "  $wall s, CPU $cpu s, peak heap $heap MB"
  row "-" "camguard scan $empty_scope, nothing listening (defaults)" "$wall" "$cpu" "-" "$heap" "65,534 addresses"
fi
for latency in $latencies; do
  log "latency $latency ms: starting a lab of $devices devices on $subnet+"
  "$java" $java_opts -jar "$jar" lab --cameras "$devices" --seed "$seed" --subnet "$subnet" --latency-ms "$latency" \
    --shard-size "$shard_size" --duration 90m --manifest "$work/manifest-$latency.json" \
    >"$work/lab-$latency.out" 2>"$work/lab-$latency.err" &
  lab_pid=$!
  for _ in $(seq 1 900); do
    grep -q '^READY' "$work/lab-$latency.out" 2>/dev/null && break
    kill -0 "$lab_pid" 2>/dev/null || { log "lab died:"; tail -n 20 "$work/lab-$latency.err" >&2; exit 1; }
    sleep 0.5
  done
  grep -q '^READY' "$work/lab-$latency.out" || { log "lab not ready after 450 s"; exit 1; }
  log "$(cat "$work/lab-$latency.out")"
  grep -o '"address" *: *"[0-9.]*"' "$work/manifest-$latency.json" | grep -o '[0-9.]*[0-9]' >"$work/targets.txt"
  count=$(wc -l <"$work/targets.txt")

  # The lab's JVMs compile their code during the first requests they serve, which real cameras never do: an
  # untimed scan of every 4th device (touching every shard) goes first, so no timed run pays the simulator's
  # warm-up. The lab keeps no state between requests, so the warm-up changes nothing the timed runs see.
  awk 'NR % 4 == 1' "$work/targets.txt" >"$work/warmup.txt"
  aot_record=""
  if [ "${CAMGUARD_BENCH_AOT:-1}" = 1 ] && [ ! -f "$work/scanner.aot" ]; then
    aot_record="-XX:AOTCacheOutput=$work/scanner.aot $jvm_messages"
  fi
  log "warm-up: untimed scan of $(wc -l <"$work/warmup.txt") devices (unpaced: the lab's random fleet has no lockout)"
  timeout 900 "$java" -Xmx512m $java_opts $aot_record -jar "$jar" scan "@$work/warmup.txt" --scope "$scope" \
    --ports "$ports" --read-timeout "$read_timeout" --login-pace 0 --no-progress \
    -o "$work/warmup-$latency.jsonl" 2>"$work/warmup-$latency.err" || [ $? -eq 1 ] || { log "warm-up failed"; exit 1; }
  if [ "${CAMGUARD_BENCH_AOT:-1}" = 1 ] && [ -f "$work/scanner.aot" ]; then
    aot_use="-XX:AOTCache=$work/scanner.aot $jvm_messages"
  fi

  runs_here="$(eval echo "\${CAMGUARD_BENCH_RUNS_$latency:-$runs}")"
  for run in $runs_here; do
    if [ "$run" = nmap ]; then
      nmap_run
      continue
    fi
    case "$run" in
      default) options=(); label="camguard scan (defaults: concurrency 256, --login-pace 4/30)" ;;
      fast) options=(--concurrency "$fast_concurrency"); label="camguard scan --concurrency $fast_concurrency (--login-pace 4/30)" ;;
      unpaced) options=(--concurrency "$fast_concurrency" --login-pace 0); label="camguard scan --concurrency $fast_concurrency --login-pace 0 (no lockout safety)" ;;
      *) log "unknown run '$run'"; exit 2 ;;
    esac
    log "latency $latency ms: $label"
    read -r wall cpu labcpu heap reports findings < <(camguard_run "camguard-$run-$latency" "@$work/targets.txt" "${options[@]}")
    scored="$(accuracy "$work/manifest-$latency.json" "$work/camguard-$run-$latency.jsonl" 2>/dev/null || echo "not scored")"
    log "  $wall s, CPU $cpu s, lab CPU $labcpu s, peak heap $heap MB, $reports reports ($findings with findings), $scored"
    row "$latency" "$label" "$wall" "$cpu" "$labcpu" "$heap" "$reports reports, $scored"
  done
  stop_lab
done

echo "load after: $(uptime)" >>"$work/load.txt"

echo
echo "CamGuard vs nmap on $devices lab devices (seed $seed), ports $ports, read timeout $read_timeout ms"
cat "$work/load.txt"
echo
echo "| latency ms | run | wall s | CPU s | lab CPU s | peak heap MB | output |"
echo "|---|---|---|---|---|---|---|"
cat "$table"
echo
echo "work dir (outputs, logs): $work"
