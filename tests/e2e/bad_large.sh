#!/usr/bin/env bash
# A 50 MB single-line document (docs/bad_input.md): extracted without a crash, in bounded time
# and memory, and the documents after it are still read. Two shapes: one JSON Lines line of
# ordinary sentences, and a plain-text file that is one 50 MB sentence (no full stop, no line
# break): the worst case for the sentence splitter and the entity tagger.
source "$(dirname "$0")/lib_bad_input.bash"
cd "$tmp" || exit 1

"$PYTHON" - <<'EOF'
import json
size = 50_000_000
s = ("Xi Jinping met with Joe Biden in Beijing on Monday. President Vuong Dinh Hue, chairman "
     "of the National Assembly of Vietnam, phoned Antony Blinken. ")
text = (s * (size // len(s) + 1))[:size]
with open("big.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": text}) + "\n")
    f.write(json.dumps({"id": "after", "text": "Antony Blinken met with Wang Yi in Washington on Friday."}) + "\n")
w = "Alpha beta Gamma Delta, epsilon and Zeta of the Eta Theta "
open("onesentence.txt", "w").write((w * (size // len(w) + 1))[:size])
EOF

# Generous limits: about 35 s each on one core of a 2020 laptop in Release; sanitizer builds
# are several times slower.
export RUN_TIMEOUT=${BAD_LARGE_TIMEOUT:-600}

case_ "50 MB single-line JSON Lines document, then a small one"
start=$SECONDS
run extract big.jsonl -q -j2
echo "big.jsonl: $((SECONDS - start)) s" >&2
expect_rc 0
expect_docs out big after
records_ok out

case_ "50 MB plain-text document that is one sentence"
start=$SECONDS
run extract onesentence.txt -q -j2
echo "onesentence.txt: $((SECONDS - start)) s" >&2
expect_rc 0
records_ok out

finish
