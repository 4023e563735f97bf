#!/usr/bin/env bash
# CI after the README's test command (.ci/run): bad input and faults, proven by sanitizers and
# fuzzing (docs/bad_input.md).
#   1. an AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan, the default compiler)
#      runs the whole test suite: unit tests and end-to-end tests against the sanitized binary;
#   2. the libFuzzer targets (build-fuzz, clang, also ASan + UBSan) each run for
#      FUZZ_SECONDS (default 60) from the seed corpus in tests/fuzz/corpus; any crash, sanitizer
#      report, leak, timeout (an input slower than FUZZ_TIMEOUT s) or property violation fails.
# Prints the time of each step. Environment: FUZZ_SECONDS, FUZZ_TIMEOUT, CI_JOBS (default 2),
# CI_ASAN_EXCLUDE (ctest -E regex of tests skipped under the sanitizers; default below),
# CI_SKIP_ASAN=1 / CI_SKIP_FUZZ=1 to run one half only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=${CI_JOBS:-2}
fuzz_seconds=${FUZZ_SECONDS:-60}
fuzz_timeout=${FUZZ_TIMEOUT:-30}
# The 50 MB documents take minutes under ASan; the Release run above already covers them.
asan_exclude=${CI_ASAN_EXCLUDE:-^e2e\.bad_large$}

timings=()
step_start=0
begin() {
  step_start=$SECONDS
  echo "=== ci_extra: $1" >&2
}
end() {
  timings+=("$(printf '%-44s %4d s' "$1" $((SECONDS - step_start)))")
}
report_timings() {
  echo "=== ci_extra: step times" >&2
  printf '  %s\n' "${timings[@]}" >&2
}
trap report_timings EXIT

if [ "${CI_SKIP_ASAN:-0}" != 1 ]; then
  begin "ASan+UBSan build (build-asan)"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_SANITIZE=ON >/dev/null
  cmake --build build-asan -j "$jobs"
  end "ASan+UBSan build"

  begin "ASan+UBSan test suite (ctest -E '$asan_exclude')"
  # abort_on_error: a sanitizer report ends the process with SIGABRT, which no test can
  # mistake for newsgraph's own exit status 1 ("failure") or 3 ("input skipped").
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:abort_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -E "$asan_exclude"
  end "ASan+UBSan test suite"
fi

if [ "${CI_SKIP_FUZZ:-0}" != 1 ]; then
  begin "fuzz targets build (build-fuzz, clang)"
  # -Wno-ambiguous-reversed-operator: Debian's rapidjson 1.1.0 headers under clang's C++20.
  # The ignore list silences one UBSan check in one rapidjson header (see the file for why).
  CC=clang CXX=clang++ \
  CXXFLAGS="-fsanitize-ignorelist=$root/tests/fuzz/ubsan_ignorelist.txt -Wno-ambiguous-reversed-operator" \
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_FUZZ=ON \
    -DNEWSGRAPH_SANITIZE=ON -DNEWSGRAPH_TESTS=OFF >/dev/null
  cmake --build build-fuzz -j "$jobs" --target fuzz
  end "fuzz build"

  work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-fuzz.XXXXXX")
  trap 'rm -rf "$work"; report_timings' EXIT
  failed=()
  for target in jsonl_reader extractor rules; do
    begin "fuzz_$target for ${fuzz_seconds} s"
    # New corpus entries go to a scratch directory; the seeds in the repository stay as written.
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    set +e
    (
      cd "$work/$target"
      ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$root/build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$fuzz_seconds" \
        -timeout="$fuzz_timeout" -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$work/$target/artifacts/" corpus "$root/tests/fuzz/corpus/$target" \
        >log 2>&1
    )
    status=$?
    set -e
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$work/$target/log" >&2 || true
    if [ "$status" -ne 0 ] || ls "$work/$target/artifacts/"* >/dev/null 2>&1; then
      echo "ci_extra: fuzz_$target FAILED (exit $status); the end of its log:" >&2
      tail -60 "$work/$target/log" >&2
      for a in "$work/$target/artifacts/"*; do
        [ -e "$a" ] || continue
        echo "--- reproducer $(basename "$a") (base64; run: build-fuzz/tests/fuzz/fuzz_$target FILE):" >&2
        base64 "$a" | head -40 >&2
      done
      failed+=("fuzz_$target")
    fi
    end "fuzz_$target"
  done
  if ((${#failed[@]})); then
    echo "ci_extra: fuzzing found problems in: ${failed[*]}" >&2
    exit 1
  fi
fi
echo "ci_extra: sanitizers and fuzzing passed" >&2
