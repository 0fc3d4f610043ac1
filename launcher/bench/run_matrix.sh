#!/bin/bash
# run_matrix.sh [N]: N rounds (default 2), each: Lifeline (auto), TigerVNC ZRLE, TigerVNC Tight lossless,
# interleaved so that noise on the shared cores hits every server alike. Then summarize.py prints the table.
# Extra rounds of other Lifeline profiles: QUALITIES="auto low" ./run_matrix.sh 2
set -u
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
export SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench} BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench} D=${D:-:91}
N=${1:-2}
"$SHARED_BENCH"/start_display.sh
for r in $(seq 1 "$N"); do
  for q in ${QUALITIES:-auto}; do QUALITY=$q TAG=r$r "$HERE"/run_lifeline.sh; done
  TAG=r$r "$SHARED_BENCH"/run_one.sh x0vnc zrle,copyrect
  TAG=r$r "$SHARED_BENCH"/run_one.sh x0vnc tight,copyrect
done
python3 "$HERE"/summarize.py
