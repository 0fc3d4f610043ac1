#!/bin/bash
# run_lifeline.sh [driver args]: one measured Lifeline run on the shared yardstick workload.
# Same steps and counters as the shared run_one.sh for VNC servers; results in $BENCH_DIR/results.
#   SHARED_BENCH  the shared scripts (default: ../shared/bench beside the repository)
#   LIFELINE_DIST the built distribution (default: launcher/target/lifeline in this repository)
#   BENCH_DIR     state and results (default /tmp/lifeline-bench), D the display (default :91)
#   TAG           run name suffix; QUALITY auto|low|high; IDLE seconds of idle measurement first;
#   JVM_OPTS      extra JVM options for both launchers (then pass --label NAME)
# e.g.  TAG=r1 ./run_lifeline.sh        QUALITY=low TAG=r1 ./run_lifeline.sh        IDLE=30 ./run_lifeline.sh --no-workload
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
LIFELINE_DIST=${LIFELINE_DIST:-$REPO/launcher/target/lifeline}
export BENCH_DIR=${BENCH_DIR:-/tmp/lifeline-bench} D=${D:-:91}
[ -f "$SHARED_BENCH/workload.sh" ] || { echo "no shared workload at $SHARED_BENCH: set SHARED_BENCH" >&2; exit 2; }
[ -f "$LIFELINE_DIST/lifeline.jar" ] || { echo "no $LIFELINE_DIST/lifeline.jar: build with mvn install first" >&2; exit 2; }
"$SHARED_BENCH"/start_display.sh >/dev/null
exec python3 "$HERE"/lifeline_bench.py --shared "$SHARED_BENCH" --jar "$LIFELINE_DIST/lifeline.jar" --display "$D" \
  --work "$BENCH_DIR" --tag "${TAG:-$(date +%H%M%S)}" --quality "${QUALITY:-auto}" --idle "${IDLE:-0}" \
  --jvm-opts="${JVM_OPTS:-}" "$@"
