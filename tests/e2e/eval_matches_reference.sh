#!/usr/bin/env bash
# Differential test: `newsgraph eval` must give the same figures as the reference scorer
# ../shared/tools/score.py. Both score the same predictions on the samples, each dev part and
# all dev parts together; the predictions are
#   (a) synthetic: the gold perturbed in every way the scoring rules care about
#       (eval_perturb.py, fixed seeds), and
#   (b) real: `newsgraph extract` output on the articles, when extraction yields lines.
# Required: identical tp/fp/fn (and P/R/F1, gold/pred counts, prediction counts) for every
# category, exact and folded, in total and per doc (eval_compare.py), and identical printed
# output, table and --errors listing included.
# Env (set by ctest): NEWSGRAPH, NEWSGRAPH_SOURCE_DIR, NEWSGRAPH_SHARED_DIR, PYTHON.
set -u
shared=${NEWSGRAPH_SHARED_DIR:-}
if [ -z "$shared" ] || [ ! -d "$shared/dev" ]; then
  echo "skipped: ../shared not found"
  exit 77
fi
bin=${NEWSGRAPH:?NEWSGRAPH must point to the newsgraph binary}
py=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
ref="$shared/tools/score.py"
seeds=${EVAL_SEEDS:-"1 2 3 4 5 6 7 8"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
checks=0

# compare SET LABEL PRED DIR... : scores PRED against the gold of the DIRs (concatenated in
# $tmp/set-SET) with both scorers.
compare() {
  local set="$tmp/set-$1" name=$2 pred=$3
  shift 3
  local dir_args=()
  for d in "$@"; do dir_args+=(--dir "$d"); done
  checks=$((checks + 1))
  # the reference reads one file of each kind: the dirs concatenated (like score-dev)
  "$py" "$ref" --gold "$set/gold.jsonl" --aliases "$set/aliases.jsonl" --docs "$set/articles.jsonl" \
    --pred "$pred" --errors --json "$tmp/ref.json" >"$tmp/ref.out" 2>"$tmp/ref.err"
  local rs=$?
  "$bin" eval "${dir_args[@]}" --pred "$pred" --errors --json "$tmp/ng.json" >"$tmp/ng.out" 2>"$tmp/ng.err"
  local ns=$?
  if [ $rs -ne 0 ] || [ $ns -ne 0 ]; then
    echo "FAIL $name: exit status reference $rs, newsgraph $ns"
    sed 's/^/  reference: /' "$tmp/ref.err" | tail -n 5
    sed 's/^/  newsgraph: /' "$tmp/ng.err" | tail -n 5
    failures=$((failures + 1))
    return
  fi
  if ! "$py" "$here/eval_compare.py" "$tmp/ref.json" "$tmp/ng.json" "$name"; then
    failures=$((failures + 1))
    return
  fi
  if ! diff -u "$tmp/ref.out" "$tmp/ng.out" >"$tmp/out.diff"; then
    echo "FAIL $name: printed output differs (reference -, newsgraph +):"
    head -n 40 "$tmp/out.diff" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
  # the --gold form without --docs (universe = gold docs only) must agree as well
  checks=$((checks + 1))
  "$py" "$ref" --gold "$set/gold.jsonl" --aliases "$set/aliases.jsonl" --pred "$pred" \
    --json "$tmp/ref2.json" >/dev/null 2>&1
  "$bin" eval --gold "$set/gold.jsonl" --aliases "$set/aliases.jsonl" --pred "$pred" \
    --json "$tmp/ng2.json" >/dev/null 2>&1
  if ! "$py" "$here/eval_compare.py" "$tmp/ref2.json" "$tmp/ng2.json" "$name (gold docs only)" >"$tmp/cmp2"; then
    cat "$tmp/cmp2"
    failures=$((failures + 1))
  fi
}

# make_set NAME DIR... : concatenated gold/aliases/articles of the DIRs in $tmp/set-NAME
make_set() {
  local name=$1
  shift
  mkdir -p "$tmp/set-$name"
  for f in gold aliases articles; do
    for d in "$@"; do cat "$d/$f.jsonl"; done >"$tmp/set-$name/$f.jsonl"
  done
}

declare -A dirs
dirs[samples]="$shared/samples"
for d in "$shared"/dev/part-*; do
  [ -d "$d" ] && dirs[dev-$(basename "$d")]="$d"
done
dirs[dev-all]=$(ls -d "$shared"/dev/part-* | tr '\n' ' ')

for name in $(printf '%s\n' "${!dirs[@]}" | sort); do
  # shellcheck disable=SC2086 # a list of directories
  make_set "$name" ${dirs[$name]}
  set_dir="$tmp/set-$name"
  for seed in $seeds; do
    "$py" "$here/eval_perturb.py" "$set_dir/gold.jsonl" "$set_dir/aliases.jsonl" "$set_dir/articles.jsonl" \
      "$seed" "$tmp/pred-$name-$seed.jsonl" || { echo "FAIL: eval_perturb.py"; exit 1; }
    # shellcheck disable=SC2086
    compare "$name" "$name synthetic seed $seed ($(wc -l <"$tmp/pred-$name-$seed.jsonl") lines)" \
      "$tmp/pred-$name-$seed.jsonl" ${dirs[$name]}
  done
  # the gold itself as predictions: every figure 1.0
  # shellcheck disable=SC2086
  compare "$name" "$name gold as predictions" "$set_dir/gold.jsonl" ${dirs[$name]}
  # real extraction, when it yields anything
  if "$bin" extract "$set_dir/articles.jsonl" >"$tmp/real-$name.jsonl" 2>/dev/null && [ -s "$tmp/real-$name.jsonl" ]; then
    # shellcheck disable=SC2086
    compare "$name" "$name newsgraph extract ($(wc -l <"$tmp/real-$name.jsonl") lines)" "$tmp/real-$name.jsonl" ${dirs[$name]}
  else
    echo "note $name: newsgraph extract produced no records; real predictions not compared"
  fi
done

echo "$checks comparisons, $failures failed"
[ $failures -eq 0 ]
