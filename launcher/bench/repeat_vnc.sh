#!/bin/bash
# repeat_vnc.sh N [ENCODINGS]: TigerVNC's X0tigervnc serving one client through N runs of the shared workload
# (the scene re-created between them, outside the measured windows), measured per run like the shared
# run_one.sh: the counterpart of `run_lifeline.sh --repeat N` for a session that lasts longer than one workload.
set -u
N=${1:-3}; ENCS=${2:-zrle,copyrect}
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
export D=${D:-:91} BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench}
W=$BENCH_DIR; mkdir -p "$W/results"; cd "$W"
"$SHARED_BENCH"/start_display.sh >/dev/null
TAG=${TAG:-$(date +%H%M%S)}; OUT=results/x0vnc-repeat${N}_${ENCS//,/+}_$TAG
"$SHARED_BENCH"/scene.sh up
PORT=5992; X0tigervnc -display $D -rfbport $PORT -SecurityTypes None -localhost > $OUT.server.log 2>&1 &
SPID=$!
for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
sleep 0.5
rm -f $OUT.ready $OUT.stop
python3 "$SHARED_BENCH"/rfbbench.py --port $PORT --enc "$ENCS" --ready-file $OUT.ready --stop-file $OUT.stop \
  --out $OUT.client.json > /dev/null 2> $OUT.client.err &
CPID=$!
for i in $(seq 200); do [ -f $OUT.ready ] && break; sleep 0.05; done
sleep 1
cpu() { python3 -c "import os,sys;f=open('/proc/%s/stat'%sys.argv[1]).read().rsplit(')',1)[1].split();print((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK'))" $1; }
TOTAL=0; LINE=""
for n in $(seq "$N"); do
  if [ "$n" -gt 1 ]; then "$SHARED_BENCH"/scene.sh down; "$SHARED_BENCH"/scene.sh up; sleep 2; fi
  S0=$(cpu $SPID)
  "$SHARED_BENCH"/workload.sh
  sleep 1
  S1=$(cpu $SPID)
  C=$(python3 -c "print(round($S1-$S0,2))"); TOTAL=$(python3 -c "print(round($TOTAL+$C,2))"); LINE="$LINE $C"
done
touch $OUT.stop; wait $CPID
kill $SPID; for i in $(seq 30); do kill -0 $SPID 2>/dev/null || break; sleep 0.1; done
kill -0 $SPID 2>/dev/null && kill -9 $SPID; wait $SPID 2>/dev/null
"$SHARED_BENCH"/scene.sh down
echo "{\"server\": \"x0vnc\", \"encodings\": \"$ENCS\", \"workloads\": $N, \"server_cpu_s_each\": [${LINE// /,}], \"server_cpu_s\": $TOTAL}" \
  | sed 's/\[,/[/' > $OUT.json
echo "$OUT: server CPU per workload:$LINE; all $N: $TOTAL s"
