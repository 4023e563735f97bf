#!/usr/bin/env bash
# Bad input and faults: one check per row of the table in docs/bad_input.md (README, "Bad
# input"), run against the built binary. The 50 MB document is in bad_large.sh, SIGINT and
# SIGTERM in bad_signal.sh. Exit codes of newsgraph: 0 ok, 1 failure, 2 usage, 3 input skipped.
source "$(dirname "$0")/lib_bad_input.bash"
cd "$tmp" || exit 1

good_text >good.txt

# --- empty file -------------------------------------------------------------------------------
case_ "empty file"
: >empty.txt
printf ' \n\t\n' >blank.txt
run extract empty.txt blank.txt good.txt
expect_rc 3
expect_err "empty.txt: empty document; skipped"
expect_err "blank.txt: empty document; skipped"
expect_docs out good

case_ "empty JSON Lines file and empty stdin: no documents, not an error"
: >empty.jsonl
run extract empty.jsonl
expect_rc 0
expect_empty_out
run extract - </dev/null
expect_rc 0
expect_empty_out

# --- binary file ------------------------------------------------------------------------------
"$PYTHON" -c '
import random, sys
r = random.Random(7)
open("image.txt", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(r.randrange(256) for _ in range(4096)))
open("archive.jsonl", "wb").write(bytes(r.randrange(256) for _ in range(20000)))'
case_ "binary .txt file"
run extract image.txt good.txt
expect_rc 3
expect_err "image.txt: binary file"
expect_err "skipped"
expect_docs out good

case_ "binary file named .jsonl: one message, not one per line"
run extract archive.jsonl good.txt
expect_rc 3
expect_err "archive.jsonl: binary file"
expect_err_lines 1
expect_docs out good

case_ "UTF-16 file"
printf '\xff\xfeX\0i\0 \0m\0e\0t\0\n\0' >utf16.txt
run extract utf16.txt good.txt
expect_rc 3
expect_err "utf16.txt: UTF-16 text is not supported"
expect_docs out good

# --- invalid UTF-8 ----------------------------------------------------------------------------
case_ "invalid UTF-8 in a text file: read, cleaned, records are valid UTF-8"
printf 'Xi Jinping met with Joe Biden in Beijing on Monday. Caf\xe9 \xff\xfe and a cut \xc3\n' >latin1.txt
run extract latin1.txt
expect_rc 0
expect_docs out latin1
records_ok out

case_ "invalid UTF-8 and a lone surrogate inside JSON strings"
{
  printf '{"id":"u1","text":"Xi Jinping met with Joe Biden in Beijing. Caf\xe9 \xff."}\n'
  printf '{"id":"u2","text":"Antony Blinken met with Wang Yi in Washington. \\udc00 \\ud800."}\n'
  printf '{"id":"u3","title":"\xff\xfe","text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
} >badutf8.jsonl
run extract badutf8.jsonl
# A JSON parser may reject the lone high surrogate \ud800 (a line error); the others must pass.
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || fail "exit status $rc, expected 0 or 3"
expect_docs out u1 u3
records_ok out

# --- NUL bytes ----------------------------------------------------------------------------------
case_ "NUL byte in a text file: a binary file, skipped"
printf 'Xi Jinping met with Joe Biden\0 in Beijing.\n' >nul.txt
run extract nul.txt good.txt
expect_rc 3
expect_err "nul.txt: binary file (contains NUL bytes); skipped"
expect_docs out good

case_ "raw NUL byte in one JSON Lines line: that line only"
{
  printf '{"id":"n1","text":"Xi Jinping met with Joe Biden\0 in Beijing."}\n'
  printf '{"id":"n2","text":"Antony Blinken met with Wang Yi in Washington on Friday."}\n'
} >nul.jsonl
run extract nul.jsonl
expect_rc 3
expect_err "nul.jsonl:1: "
expect_err "NUL byte"
expect_err_lines 1
expect_docs out n2
expect_no_doc out n1

case_ "escaped NUL (\\u0000) in a JSON string: kept, extraction goes on"
printf '{"id":"n3","text":"Xi Jinping met with Joe Biden in Beijing on Monday.\\u0000 More text."}\n' >nul-escaped.jsonl
run extract nul-escaped.jsonl
expect_rc 0
expect_docs out n3
records_ok out

# --- malformed JSON Lines line ------------------------------------------------------------------
case_ "malformed JSON Lines line"
{
  printf '{"id":"m1","text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
  printf '{"id":"m2","text": "unterminated\n'
  printf '\n'
  printf 'not json at all\n'
  printf '["an","array"]\n'
  printf '{"id":"m3","text":"Antony Blinken met with Wang Yi in Washington on Friday."}\n'
} >malformed.jsonl
run extract malformed.jsonl
expect_rc 3
expect_err "malformed.jsonl:2: invalid JSON"
expect_err "malformed.jsonl:4: invalid JSON"
expect_err "malformed.jsonl:5: expected a JSON object; skipped"
expect_err_lines 3
expect_docs out m1 m3
records_ok out

case_ "deeply nested JSON line: an error for that line, not a stack overflow"
# (The good line comes first: a file whose first byte is '[' is read as one JSON array.)
{
  printf '{"id":"m4","text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
  "$PYTHON" -c 'print("[" * 1000000)'
  "$PYTHON" -c 'print("{\"id\":\"deep\",\"text\":" + "[" * 1000000)'
  printf '{"id":"m5","text":"Antony Blinken met with Wang Yi in Washington on Friday."}\n'
} >deep.jsonl
run extract deep.jsonl
expect_rc 3
expect_err "deep.jsonl:2: invalid JSON"
expect_err "deep.jsonl:3: invalid JSON"
expect_docs out m4 m5

case_ "malformed line on standard input"
run extract - <malformed.jsonl
expect_rc 3
expect_err "<stdin>:2: invalid JSON"
expect_docs out m1 m3

# --- missing or wrongly typed fields ------------------------------------------------------------
case_ "missing or wrongly typed fields"
{
  printf '{"id":"f1","text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
  printf '{"id":"f2"}\n'
  printf '{"id":"f3","text":42}\n'
  printf '{"id":"f4","text":null}\n'
  printf '{"id":["f5"],"text":"Xi Jinping met with Joe Biden."}\n'
  printf '{"id":"f6","text":"Antony Blinken met with Wang Yi in Washington on Friday.","date":20240101,"title":["x"]}\n'
  printf '{"text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
  printf '{"id":"f8","text":"   "}\n'
} >fields.jsonl
run extract fields.jsonl
expect_rc 3
expect_err 'fields.jsonl:2: missing field "text"; skipped'
expect_err 'fields.jsonl:3: field "text" must be a string; skipped'
expect_err 'fields.jsonl:4: missing field "text"; skipped'
expect_err 'fields.jsonl:5: field "id" must be a string; skipped'
expect_err 'fields.jsonl:6: field "date" must be a string; ignored'
expect_err 'fields.jsonl:6: field "title" must be a string; ignored'
expect_err 'fields.jsonl:8: empty document; skipped'
# f6 loses its date, not the article; a missing id becomes FILE:LINE.
expect_docs out f1 f6 "fields.jsonl:7"
records_ok out

# --- duplicate document ids ---------------------------------------------------------------------
case_ "duplicate document ids (within a file and across inputs)"
mkdir -p dup
good_text >dup/d1.txt
{
  printf '{"id":"d1","text":"Antony Blinken met with Wang Yi in Washington on Friday."}\n'
  printf '{"id":"d2","text":"Xi Jinping met with Joe Biden in Beijing on Monday."}\n'
  printf '{"id":"d2","text":"Antony Blinken met with Wang Yi in Washington on Friday."}\n'
} >dup.jsonl
run extract dup dup.jsonl
expect_rc 3
expect_err "dup.jsonl:1: duplicate document id 'd1' (first seen in dup/d1.txt); skipped"
expect_err "dup.jsonl:3: duplicate document id 'd2' (first seen in dup.jsonl:2); skipped"
expect_docs out d1 d2
# The first d1 (the text file: Xi and Biden) is kept, the later one skipped.
grep -q '"doc":"d1".*Xi Jinping' out || fail "the first document with id d1 was not the one kept"
if grep -q '"doc":"d1".*Blinken' out; then fail "the duplicate d1 was extracted"; fi

# --- missing input ------------------------------------------------------------------------------
case_ "input path that does not exist"
run extract no-such-file.txt good.txt
expect_rc 3
expect_err "no-such-file.txt: no such file or directory"
expect_docs out good

# --- rule files ---------------------------------------------------------------------------------
echo '{"previous":"run"}' >kept.jsonl
cp kept.jsonl kept.orig

case_ "rules file with a JSON syntax error: file, line and column"
printf '{"rules": [\n  {"id": "x.comma", "relation": "met_with",\n   "pattern": "{PERSON:a} met {PERSON:b}"}\n  ,]\n}\n' >syntax.json
run extract good.txt --rules syntax.json -o kept.jsonl
expect_rc 1
expect_err "syntax.json:4:4: JSON syntax error"
cmp -s kept.jsonl kept.orig || fail "a rules error changed the existing output file"

case_ "rules file with a bad RE2 pattern: rule id and RE2's message"
printf '{"rules": [\n  {"id": "x.unbalanced", "relation": "met_with",\n   "pattern": "{PERSON:a} met (?:with {PERSON:b}"}\n]}\n' >badre.json
run extract good.txt --rules badre.json -o kept.jsonl
expect_rc 1
expect_err "badre.json:2: rule x.unbalanced: bad pattern: missing )"
cmp -s kept.jsonl kept.orig || fail "a rules error changed the existing output file"
run rules check badre.json
expect_rc 1
expect_err "rule x.unbalanced: bad pattern: missing )"

case_ "rules file with an unknown slot type"
printf '{"rules": [\n  {"id": "x.animal", "relation": "met_with",\n   "pattern": "{PERSON:a} met {ANIMAL:b}"}\n]}\n' >slot.json
run extract good.txt --rules slot.json
expect_rc 1
expect_err "slot.json:2: rule x.animal: unknown slot type 'ANIMAL'"
expect_empty_out

case_ "rules file: unknown relation, wrongly typed id, missing file"
printf '{"rules": [\n  {"id": "x.dined", "relation": "dined_with",\n   "pattern": "{PERSON:a} met {PERSON:b}"}\n]}\n' >relation.json
run extract good.txt --rules relation.json
expect_rc 1
expect_err "relation.json:2: rule x.dined: unknown relation 'dined_with'"
printf '{"rules": [{"id": 5, "relation": "met_with", "pattern": "{PERSON:a} met {PERSON:b}"}]}\n' >idtype.json
run extract good.txt --rules idtype.json
expect_rc 1
expect_err 'idtype.json: rule #1: "id" must be a string'
run extract good.txt --rules no-such-rules.json
expect_rc 1
expect_err "no-such-rules.json"

# --- output paths -------------------------------------------------------------------------------
case_ "output path that is a directory"
mkdir -p outdir
echo keep >outdir/existing.txt
run extract good.txt -o outdir
expect_rc 1
expect_err "outdir: is a directory"
[ -d outdir ] && [ "$(cat outdir/existing.txt)" = keep ] || fail "the directory was changed"
[ "$(ls -A outdir)" = existing.txt ] || fail "files left in outdir: $(ls -A outdir)"

case_ "output in a directory that does not exist, or under a regular file"
run extract good.txt -o no-such-dir/out.jsonl
expect_rc 1
expect_err "no-such-dir/out.jsonl: directory no-such-dir does not exist"
run extract good.txt -o kept.jsonl/out.jsonl
expect_rc 1
expect_err "kept.jsonl/out.jsonl"
cmp -s kept.jsonl kept.orig || fail "the regular file was changed"

case_ "unwritable output directory"
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p readonly
  echo '{"old":1}' >readonly/out.jsonl
  chmod 555 readonly
  run extract good.txt -o readonly/out.jsonl
  expect_rc 1
  expect_err "readonly/out.jsonl: cannot write in readonly: Permission denied"
  [ "$(cat readonly/out.jsonl)" = '{"old":1}' ] || fail "the existing output was changed"
  chmod 755 readonly
else
  # root writes anywhere a mode allows; /proc accepts no new files, whoever asks.
  run extract good.txt -o /proc/self/newsgraph-out.jsonl
  expect_rc 1
  expect_err "/proc/self/newsgraph-out.jsonl: cannot write"
fi

case_ "/dev/full as the output"
run extract good.txt -o /dev/full
expect_rc 1
expect_err "/dev/full: write failed: No space left on device"
expect_err_lines 1
timeout 120 "$NEWSGRAPH" extract good.txt >/dev/full 2>"$tmp/err"
rc=$?
expect_rc 1
expect_err "standard output: write failed: No space left on device"

case_ "an earlier output is left intact when a later one fails"
run extract good.txt -o records.jsonl
expect_rc 0
cp records.jsonl records.orig
run extract good.txt malformed.jsonl -o /dev/full
expect_rc 1
cmp -s records.jsonl records.orig || fail "records.jsonl changed"

if "$NEWSGRAPH" build --help >/dev/null 2>&1; then
  case_ "build: outputs that cannot be written"
  run build good.txt malformed.jsonl -q -o graph
  expect_rc 3
  [ -s graph/graph.json ] || fail "build wrote no graph/graph.json"
  cp graph/graph.json graph.orig
  # One output is /dev/full: a clear error and exit 1; the graph written before is intact.
  run build good.txt -q --json graph/graph.json --graphml /dev/full
  expect_rc 1
  expect_err "/dev/full"
  expect_err "No space left on device"
  "$PYTHON" -c 'import json,sys; json.load(open(sys.argv[1]))' graph/graph.json ||
    fail "graph/graph.json is not complete JSON after the failed run"
  # A directory where a file should go.
  run build good.txt -q --graphml graph
  expect_rc 1
  expect_err "graph: is a directory"
  # An output directory that is a regular file.
  run build good.txt -q -o kept.jsonl
  expect_rc 1
  expect_err "kept.jsonl"
  cmp -s kept.jsonl kept.orig || fail "build changed a regular file given as -o DIR"
  ls -A graph | grep -q '\.tmp$' && fail "temporary files left in graph/: $(ls -A graph)"
fi

# --- usage errors -------------------------------------------------------------------------------
case_ "usage errors: exit 2"
run extract
expect_rc 2
run extract good.txt --no-such-option
expect_rc 2
expect_err "--no-such-option"

# No temporary files anywhere in the work directory after all these failures.
case_ "no temporary files left"
left=$(find . -name '.*.tmp' | head -5)
[ -z "$left" ] || fail "temporary files left: $left"

finish
