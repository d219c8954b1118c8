#!/usr/bin/env bash
# Throughput of st20xx's TFTP server against tftpd-hpa on loopback, same client (curl), same files,
# side by side in one run. Not a test: run it by hand (as root, for in.tftpd's user switch).
#
#   bench/tftp-bench.sh [--size MB] [--rounds N] [--clients "1 32"] [--blksizes "512 1468"] [--cpu]
#
# Needs: curl, python3, tftpd-hpa (apt-get install -y tftpd-hpa), and target/st20xx.jar
# (built when missing). For each block size and client count, every round starts all clients at
# once, each fetching the same SIZE MiB file to /dev/null, and takes the wall time until the last
# one ends; rounds alternate between the two servers. The table shows the median round (aggregate
# MiB/s = clients * size / time) and the fastest and slowest round. One fetch per server and block
# size is checked byte for byte against the source file before measuring (it also warms up the JVM).
# With --cpu (needs perf), every round runs under `perf record -a -F 1000` and the table adds the CPU
# seconds the server (threads tftp-io-* / processes in.tftpd) and the curls used, median of the
# rounds: on a shared machine, wall times swing with the neighbours' load, CPU cost much less.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=16
ROUNDS=3
CLIENTS="1 32"
BLKSIZES="512 1468"
CPU=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE_MB=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --blksizes) BLKSIZES=$2; shift 2 ;;
    --cpu) CPU=1; shift ;;
    *) echo "usage: $0 [--size MB] [--rounds N] [--clients \"1 32\"] [--blksizes \"512 1468\"] [--cpu]" >&2; exit 2 ;;
  esac
done
command -v in.tftpd >/dev/null || { echo "error: in.tftpd missing: apt-get install -y tftpd-hpa" >&2; exit 2; }
command -v curl >/dev/null || { echo "error: curl missing" >&2; exit 2; }
[ $CPU = 0 ] || command -v perf >/dev/null || { echo "error: --cpu needs perf (apt-get install -y linux-perf)" >&2; exit 2; }
[ -s target/st20xx.jar ] || mvn -q -B package -DskipTests

W=$(mktemp -d /tmp/tftp-bench.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$W"' EXIT
chmod 755 "$W"
mkdir -m 755 "$W/root"
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom >"$W/root/fw.bin"
chmod 644 "$W/root/fw.bin"
port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

OURS=$(port)
java -jar target/st20xx.jar tftp --root "$W/root" --bind 127.0.0.1 --port "$OURS" --max-transfers 256 >"$W/ours.log" 2>&1 &
PIDS+=($!)
HPA=$(port)
in.tftpd -L -s "$W/root" -a "127.0.0.1:$HPA" &
PIDS+=($!)
for i in $(seq 1 100); do grep -q '^tftp: serving' "$W/ours.log" && break; sleep 0.1; done

# One fetch each, compared byte for byte (also warms up the JVM and the page cache).
for name in ours hpa; do
  p=$OURS; [ $name = hpa ] && p=$HPA
  for b in $BLKSIZES; do
    curl -s --max-time 120 --tftp-blksize "$b" "tftp://127.0.0.1:$p/fw.bin" -o "$W/check.$name"
    cmp -s "$W/check.$name" "$W/root/fw.bin" || { echo "error: $name blksize $b: file differs" >&2; exit 1; }
    rm -f "$W/check.$name"
  done
done

# Prints the wall seconds for $2 clients fetching at once from port $1 with block size $3.
round() {
  local p=$1 n=$2 b=$3 start end fails=0 pids=()
  start=$(date +%s%N)
  for c in $(seq 1 "$n"); do
    curl -s --max-time 300 --tftp-blksize "$b" "tftp://127.0.0.1:$p/fw.bin" -o /dev/null & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || fails=$((fails + 1)); done
  end=$(date +%s%N)
  [ $fails -eq 0 ] || { echo "error: $fails of $n fetches failed on port $p" >&2; exit 1; }
  echo "scale=3; ($end - $start) / 1000000000" | bc
}
# Runs one round for server $1 (ours|hpa) on port $2: appends its wall time to t.$1 and, with --cpu,
# "server-seconds curl-seconds" to c.$1.
measure() {
  if [ $CPU = 0 ]; then
    round "$2" "$3" "$4" >>"$W/t.$1"
    return
  fi
  local comm='^tftp-io-'; [ "$1" = hpa ] && comm='^in\.tftpd$'
  perf record -q -a -F 1000 -o "$W/perf.data" -- bash -c "$(declare -f round); round $2 $3 $4" >>"$W/t.$1" 2>/dev/null
  perf report -i "$W/perf.data" --sort comm -F sample,comm --stdio -g none 2>/dev/null \
    | awk -v comm="$comm" '$1 ~ /^[0-9]+$/ && $2 ~ comm {s += $1} $1 ~ /^[0-9]+$/ && $2 == "curl" {c += $1}
                           END {printf "%.3f %.3f\n", s / 1000, c / 1000}' >>"$W/c.$1"
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
spread() { sort -n | awk '{a[NR]=$1} END {printf "%.3f..%.3f", a[1], a[NR]}'; }

printf '%s\n' "file ${SIZE_MB} MiB, median of $ROUNDS rounds, curl $(curl -V | head -1 | cut -d' ' -f2), $(nproc) cores," \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
header="seconds (min..max)"; [ $CPU = 1 ] && header="$header  server-CPU-s  curl-CPU-s"
printf '%-10s %8s %8s  %8s %8s  %s\n' server blksize clients seconds MiB/s "$header"
for b in $BLKSIZES; do
  for n in $CLIENTS; do
    : >"$W/t.ours"; : >"$W/t.hpa"; : >"$W/c.ours"; : >"$W/c.hpa"
    for r in $(seq 1 "$ROUNDS"); do
      measure ours "$OURS" "$n" "$b"
      measure hpa "$HPA" "$n" "$b"
    done
    for name in ours hpa; do
      t=$(median <"$W/t.$name")
      label=st20xx; [ $name = hpa ] && label=tftpd-hpa
      cpu=""
      [ $CPU = 1 ] && cpu=$(printf '  %12s %11s' "$(cut -d' ' -f1 "$W/c.$name" | median)" "$(cut -d' ' -f2 "$W/c.$name" | median)")
      printf '%-10s %8s %8s  %8s %8s  %-18s%s\n' "$label" "$b" "$n" "$t" "$(echo "scale=1; $n * $SIZE_MB / $t" | bc)" \
        "$(spread <"$W/t.$name")" "$cpu"
    done
  done
done
printf '%s\n' "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
