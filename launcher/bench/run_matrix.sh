#!/bin/bash
# run_matrix.sh [N]: N rounds (default 2) of every Lifeline variant, TigerVNC ZRLE and TigerVNC Tight lossless,
# interleaved so that noise on the shared cores hits every server alike; then summarize.py prints the table.
#   VARIANTS  Lifeline variants (default "auto"): auto | low | high (ra:quality), auto+warm (the workload once
#             unmeasured first, in the same JVM), auto+c1 (JVM option -XX:TieredStopAtLevel=1)
#   FIRST     number of the first round (default 1), to add rounds to earlier ones
# e.g.  VARIANTS="auto auto+warm auto+c1 low" FIRST=4 ./run_matrix.sh 3
set -u
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
export SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench} BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench} D=${D:-:91}
N=${1:-2}; FIRST=${FIRST:-1}
"$SHARED_BENCH"/start_display.sh
for r in $(seq "$FIRST" $((FIRST + N - 1))); do
  for v in ${VARIANTS:-auto}; do
    case $v in
      *+warm) QUALITY=${v%+warm} TAG=r$r "$HERE"/run_lifeline.sh --warmup ;;
      *+c1)   QUALITY=${v%+c1} JVM_OPTS=-XX:TieredStopAtLevel=1 TAG=r$r "$HERE"/run_lifeline.sh --label c1 ;;
      *)      QUALITY=$v TAG=r$r "$HERE"/run_lifeline.sh ;;
    esac
  done
  TAG=r$r "$SHARED_BENCH"/run_one.sh x0vnc zrle,copyrect
  TAG=r$r "$SHARED_BENCH"/run_one.sh x0vnc tight,copyrect
done
python3 "$HERE"/summarize.py
