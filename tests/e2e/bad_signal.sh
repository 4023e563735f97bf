#!/usr/bin/env bash
# SIGINT or SIGTERM in the middle of a run (docs/bad_input.md): no partial output file, no
# temporary file left behind, an existing output untouched, and death by that signal.
source "$(dirname "$0")/lib_bad_input.bash"
cd "$tmp" || exit 1

# About 64 MB of JSON Lines, many articles: far more than newsgraph extracts in half a second.
"$PYTHON" - <<'EOF'
import json
text = ("Xi Jinping met with Joe Biden in Beijing on Monday. Foreign Minister Wang Yi phoned "
        "Antony Blinken on Tuesday. Vuong Dinh Hue, chairman of the National Assembly of Vietnam, "
        "held talks with Prime Minister Anthony Albanese in Canberra. ") * 8
with open("big.jsonl", "w") as f:
    block = "".join(json.dumps({"id": f"doc{i}", "text": text}) + "\n" for i in range(1000))
    for b in range(32):
        f.write(block.replace('"id": "doc', f'"id": "b{b}-doc'))
EOF

# interrupt SIGNAL STATUS ARGS...: starts newsgraph ARGS, sends SIGNAL after half a second, and
# checks that it died of it (exit STATUS = 128 + signal number).
interrupt() {
  local sig=$1 want=$2
  shift 2
  "$NEWSGRAPH" "$@" 2>"$tmp/err" &
  local pid=$!
  sleep 0.5
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"
    fail "newsgraph finished (exit $?) before it could be interrupted; use a larger input"
    return
  fi
  # extract -o has its temporary open from the start: seeing it proves the run is mid-way.
  if [ "$1" = extract ] && [ -z "$(find "$tmp" -name '.*.tmp' | head -1)" ]; then
    fail "no temporary output file while extract -o runs"
  fi
  kill "-$sig" "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    fail "still running 30 s after SIG$sig"
    kill -KILL "$pid"
  fi
  wait "$pid"
  rc=$?
  [ "$rc" -eq "$want" ] || fail "exit status $rc after SIG$sig, expected $want; stderr: $(head -c 400 "$tmp/err")"
}

no_temporaries() {
  local left
  left=$(find "$tmp" -name '.*.tmp' | head -5)
  [ -z "$left" ] || fail "temporary files left: $left"
}

for sig in TERM INT; do
  [ "$sig" = TERM ] && want=143 || want=130

  case_ "SIG$sig during extract -o: no output file, no temporary"
  rm -f records.jsonl
  interrupt "$sig" "$want" extract big.jsonl -q -j2 -o records.jsonl
  [ ! -e records.jsonl ] || fail "a partial records.jsonl was left ($(wc -c <records.jsonl) bytes)"
  no_temporaries

  case_ "SIG$sig during extract -o over an existing file: the old file is untouched"
  echo '{"previous":"run"}' >records.jsonl
  interrupt "$sig" "$want" extract big.jsonl -q -j2 -o records.jsonl
  [ "$(cat records.jsonl)" = '{"previous":"run"}' ] || fail "records.jsonl was changed"
  no_temporaries

  if "$NEWSGRAPH" build --help >/dev/null 2>&1; then
    case_ "SIG$sig during build: no graph files, no temporaries"
    rm -rf graph
    interrupt "$sig" "$want" build big.jsonl -q -j2 -o graph
    left=$(find graph -type f 2>/dev/null | head -5)
    [ -z "$left" ] || fail "files left in graph/: $left"
    no_temporaries
  fi
done

finish
