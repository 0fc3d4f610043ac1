#!/bin/bash
# run_repeat_matrix.sh [N] [WORKLOADS]: N rounds (default 8) of a session that lasts WORKLOADS (default 3) runs
# of the shared workload: Lifeline started as users start it (bin/lifeline), Lifeline started as java -jar (the
# launcher's JIT directive instead of the script's JVM option), and TigerVNC's X0tigervnc (ZRLE), interleaved
# round by round; then summarize_repeat.py prints CPU per workload and the paired ratios.
#   JAR=0  leave out the java -jar variant
set -u
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
export SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench} BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench} D=${D:-:91}
N=${1:-8}; K=${2:-3}; FIRST=${FIRST:-1}
"$SHARED_BENCH"/start_display.sh
for r in $(seq "$FIRST" $((FIRST + N - 1))); do
  TAG=r$r "$HERE"/run_lifeline.sh --repeat "$K" --label "repeat$K"
  [ "${JAR:-1}" = 0 ] || TAG=r$r "$HERE"/run_lifeline.sh --repeat "$K" --label "repeat$K-jar" --launch jar
  TAG=r$r "$HERE"/repeat_vnc.sh "$K" zrle,copyrect
done
python3 "$HERE"/summarize_repeat.py "$BENCH_DIR/results" "$K"
