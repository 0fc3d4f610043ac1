#!/bin/bash
# idle_vnc.sh [SECONDS] : TigerVNC (X0tigervnc, ZRLE) on the shared scene with no workload: bytes after the
# first frame and server CPU over SECONDS (default 30). The idle counterpart of run_lifeline.sh's IDLE=30.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
export BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench} D=${D:-:91}
SECS=${1:-30}; W=$BENCH_DIR; mkdir -p "$W/results"; cd "$W"
OUT=results/idle_x0vnc_zrle_${TAG:-$(date +%H%M%S)}; PORT=5992
"$SHARED_BENCH"/start_display.sh >/dev/null
"$SHARED_BENCH"/scene.sh up
X0tigervnc -display $D -rfbport $PORT -SecurityTypes None -localhost > $OUT.server.log 2>&1 &
SPID=$!
for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
sleep 0.5
python3 "$SHARED_BENCH"/rfbbench.py --port $PORT --enc zrle,copyrect --ready-file $OUT.ready --stop-file $OUT.stop \
  --out $OUT.client.json > /dev/null 2> $OUT.client.err &
CPID=$!
for i in $(seq 200); do [ -f $OUT.ready ] && break; sleep 0.05; done
sleep 1
cpu() { python3 -c "import os,sys;f=open('/proc/%s/stat'%sys.argv[1]).read().rsplit(')',1)[1].split();print((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK'))" $1; }
S0=$(cpu $SPID); X0=$(cpu $(cat xvfb.pid)); T0=$(date +%s.%N)
sleep "$SECS"
S1=$(cpu $SPID); X1=$(cpu $(cat xvfb.pid)); T1=$(date +%s.%N)
touch $OUT.stop; wait $CPID
kill $SPID; wait $SPID 2>/dev/null
"$SHARED_BENCH"/scene.sh down
python3 - "$OUT" "$S0" "$S1" "$X0" "$X1" "$T0" "$T1" <<'PY'
import json,sys
o,s0,s1,x0,x1,t0,t1=sys.argv[1],*map(float,sys.argv[2:])
r=json.load(open(o+'.client.json')); m=r['meas']
r['idle']={'seconds':round(t1-t0,2),'server_cpu_s':round(s1-s0,2),'server_cpu_pct':round(100*(s1-s0)/(t1-t0),2),'xvfb_cpu_s':round(x1-x0,2)}
json.dump(r,open(o+'.json','w'),indent=1)
print(f"{o}: idle {r['idle']['seconds']} s | bytes after first frame {m['bytes']} ({m['updates']} updates in {m['seconds']} s) | server CPU {r['idle']['server_cpu_s']} s ({r['idle']['server_cpu_pct']}%) xvfb {r['idle']['xvfb_cpu_s']} s")
PY
