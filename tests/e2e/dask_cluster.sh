#!/usr/bin/env bash
# contrib/dask on a real Dask cluster on loopback: one dask-scheduler and two dask-worker
# processes (one thread each, the built binary's directory on their PATH). The driver's graph
# must be byte-identical to `newsgraph build` of the same inputs in one process:
#   run 1: 5 partitions, merge fan-in 2;
#   run 2: one partition per document, and one worker is killed (SIGKILL) as soon as it has
#          started its first extract task; Dask re-runs its tasks on the other worker.
# Compared: the saved graph (driver's graph.jsonl = `newsgraph merge` of build's graph.json)
# and graph.json, graph.graphml, graph.dot (build -o DIR writes the same three).
# Input: ../shared/dev/*/articles.jsonl plus samples/articles.jsonl, or, when
# $NEWSGRAPH_SHARED_DIR/dev is missing (said on stdout), copies of samples/articles.jsonl with
# new ids (bench/make_corpus.py), enough documents for a worker to die in the middle of. Fails, never skips, without
# python3-distributed: setup.sh installs it.
set -u
bin=${NEWSGRAPH:?NEWSGRAPH must point to the newsgraph binary}
src=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
py=${PYTHON:-/usr/bin/python3}
driver=$src/contrib/dask/newsgraph_dask.py
tmp=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
die() { echo "FAIL: $*"; for f in "$tmp"/*.log; do [ -s "$f" ] && { echo "--- $f"; tail -n 15 "$f"; }; done; exit 1; }

"$py" -c 'import distributed' 2>/dev/null ||
  die "$py cannot import distributed: install python3-distributed (setup.sh does)"

shopt -s nullglob
inputs=()
[ -n "${NEWSGRAPH_SHARED_DIR:-}" ] && inputs=("$NEWSGRAPH_SHARED_DIR"/dev/*/articles.jsonl)
inputs+=("$src/samples/articles.jsonl")
if [ ${#inputs[@]} -eq 1 ]; then
  # Two documents are too few tasks to kill a worker in the middle of: copies of them (new ids).
  echo "note: no \$NEWSGRAPH_SHARED_DIR/dev; using 40 copies of the samples' two articles"
  "$py" "$src/bench/make_corpus.py" 0.3 "$tmp/samples40.jsonl" "${inputs[@]}" || die "make_corpus.py failed"
  inputs=("$tmp/samples40.jsonl")
fi
docs=$(cat "${inputs[@]}" | grep -c .)

bindir=$(cd "$(dirname "$bin")" && pwd)
export PATH="$bindir:$PATH"
[ "$(command -v newsgraph)" = "$bindir/newsgraph" ] || die "the binary is not named newsgraph: $bin"
export PYTHONDONTWRITEBYTECODE=1

# The reference: one process.
"$bin" build -q "${inputs[@]}" -o "$tmp/build" || die "newsgraph build failed"
"$bin" merge -q "$tmp/build/graph.json" -o "$tmp/build/graph.jsonl" || die "newsgraph merge failed"

# Scheduler on 127.0.0.1, a free port chosen by the OS (--port 0), address in a file.
cd "$tmp" || exit 1
"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
  --scheduler-file "$tmp/scheduler.json" >"$tmp/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/scheduler.json" ] && break; sleep 0.1; done
addr=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["address"])' "$tmp/scheduler.json" 2>/dev/null) ||
  die "the scheduler did not start"

# Workers without a nanny, so that a SIGKILL removes the worker for good (no restart).
start_worker() {
  "$py" -m distributed.cli.dask_worker "$addr" --host 127.0.0.1 --nthreads 1 --nworkers 1 \
    --no-nanny --no-dashboard --name "w$1" --local-directory "$tmp/w$1" >"$tmp/worker$1.log" 2>&1 &
  pids+=($!)
  eval "worker$1=$!"
}
wait_workers() {  # until the scheduler sees $1 workers
  "$py" - "$addr" "$1" <<'PY' || die "workers did not connect"
import sys
from distributed import Client
with Client(sys.argv[1], timeout="30s") as c:
    c.wait_for_workers(int(sys.argv[2]), timeout=60)
PY
}
start_worker 1
start_worker 2
wait_workers 2

compare() {  # run directory
  local f
  for f in graph.jsonl graph.json graph.graphml graph.dot; do
    cmp -s "$tmp/build/$f" "$1/$f" || die "$1/$f differs from newsgraph build: $(diff "$tmp/build/$f" "$1/$f" | head -c 600)"
  done
}

# Run 1: a few partitions, a merge tree of fan-in 2.
start=$SECONDS
timeout 120 "$py" "$driver" "${inputs[@]}" --scheduler "$addr" --partitions 5 --fan-in 2 --out "$tmp/run1" \
  >"$tmp/run1.log" 2>&1 || die "driver run 1 failed: $(cat "$tmp/run1.log")"
compare "$tmp/run1"
echo "ok: run 1 ($docs documents, 5 partitions, fan-in 2) identical to build in $((SECONDS - start)) s"
grep 'wall seconds' "$tmp/run1.log"

# Run 2: one partition per document; kill worker 1 once it runs a task, i.e. once it has a
# newsgraph child process.
timeout 120 "$py" "$driver" "${inputs[@]}" --scheduler "$addr" --partitions "$docs" --out "$tmp/run2" \
  >"$tmp/run2.log" 2>&1 &
driver_pid=$!
pids+=("$driver_pid")
killed=
for _ in $(seq 1500); do  # up to 30 s
  if child=$(pgrep -P "$worker1" -x newsgraph); then
    kill -9 "$worker1"
    wait "$worker1" 2>/dev/null  # reap it here: no "Killed" job message
    killed=yes
    for c in $child; do kill -9 "$c" 2>/dev/null; done  # its orphaned extract
    break
  fi
  kill -0 "$driver_pid" 2>/dev/null || break
  sleep 0.02
done
wait "$driver_pid"
rc=$?
[ -n "$killed" ] || die "worker 1 never started a task before the run ended (rc $rc)"
[ $rc -eq 0 ] || die "driver run 2 failed (exit $rc) after the worker was killed: $(cat "$tmp/run2.log")"
kill -0 "$worker1" 2>/dev/null && die "worker 1 is still alive"
compare "$tmp/run2"
grep -q "on 1 workers" "$tmp/run2.log" ||
  echo "note: the summary does not show 1 worker at the end: $(head -n 1 "$tmp/run2.log")"
echo "ok: run 2 ($docs partitions, worker 1 killed by SIGKILL mid-run) identical to build"
grep 'wall seconds' "$tmp/run2.log"
