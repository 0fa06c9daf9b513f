# Sourced by the .ci scripts that start servers of their own (not run by itself).
# free_port: prints a loopback TCP port nobody answers on; at most 50 tries.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
