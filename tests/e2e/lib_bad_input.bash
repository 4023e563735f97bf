# Helpers for the bad-input end-to-end tests (tests/e2e/bad_*.sh), sourced by them; the .bash
# extension keeps it out of ctest's tests/e2e/*.sh glob.
# Needs NEWSGRAPH (the binary) and PYTHON; every test gets its own mktemp directory $tmp.

set -uo pipefail
: "${NEWSGRAPH:?NEWSGRAPH must name the newsgraph binary}"
PYTHON=${PYTHON:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bad.XXXXXX")
cleanup() {
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
label="?"
rc=0

fail() {
  echo "FAIL [$label]: $*" >&2
  failures=$((failures + 1))
}

# case NAME: names the checks that follow in failure messages.
case_() { label=$1; }

# run ARGS...: runs newsgraph (time-limited: a hang is a failure, not a stuck CI job) with
# stdout in $tmp/out and stderr in $tmp/err; the exit status is in $rc.
run() {
  timeout "${RUN_TIMEOUT:-120}" "$NEWSGRAPH" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -eq 124 ]; then fail "timed out: newsgraph $*"; fi
  if [ "$rc" -ge 128 ] || grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$tmp/err"; then
    fail "crashed (exit $rc): newsgraph $*"
    sed 's/^/    /' "$tmp/err" | head -40 >&2
  fi
}

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1; stderr: $(head -c 600 "$tmp/err")"
}

# expect_err TEXT: stderr contains TEXT (fixed string).
expect_err() {
  grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1'; stderr: $(head -c 600 "$tmp/err")"
}

# expect_err_lines N: stderr has exactly N lines (one message per problem, no flood).
expect_err_lines() {
  local n
  n=$(wc -l <"$tmp/err")
  [ "$n" -eq "$1" ] || fail "stderr has $n lines, expected $1: $(head -c 600 "$tmp/err")"
}

expect_empty_out() {
  [ ! -s "$tmp/out" ] || fail "expected no records, got: $(head -c 300 "$tmp/out")"
}

# records_ok FILE: every line is a JSON object in valid UTF-8 (what merge and any scorer read).
records_ok() {
  "$PYTHON" - "$1" <<'EOF' || fail "records in $1 are not valid UTF-8 JSON Lines"
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on invalid UTF-8
for n, line in enumerate(text.splitlines(), 1):
    rec = json.loads(line)
    assert isinstance(rec, dict) and "doc" in rec and "span" in rec, (n, line)
EOF
}

# expect_docs FILE ID...: records exist for every document ID (the good input was processed).
expect_docs() {
  local file=$1 id
  shift
  for id in "$@"; do
    grep -qF "\"doc\":\"$id\"" "$file" || fail "no record for document '$id' in $file"
  done
}

# expect_no_doc FILE ID: no record for ID (a skipped document left nothing behind).
expect_no_doc() {
  if grep -qF "\"doc\":\"$2\"" "$1"; then fail "unexpected record for document '$2' in $1"; fi
}

# Sentences every rule set extracts from (a plain "met with" meeting).
good_text() { printf 'Xi Jinping met with Joe Biden in Beijing on Monday.\n'; }
good_text2() { printf 'Antony Blinken met with Wang Yi in Washington on Friday.\n'; }

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
