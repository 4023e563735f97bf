#!/usr/bin/env python3
"""Compares two score.py-style --json files (eval_matches_reference.sh).

Usage: eval_compare.py REFERENCE.json CANDIDATE.json LABEL

Requires identical tp/fp/fn for every category, exact and folded, in the totals and per doc,
and identical prediction counts. Prints one summary line (the reference's micro P/R/F1, exact and
folded) on success, every difference on failure (exit 1). Standard library only.
"""

import json
import sys


def main():
    ref_path, cand_path, label = sys.argv[1:4]
    ref = json.load(open(ref_path, encoding="utf-8"))
    cand = json.load(open(cand_path, encoding="utf-8"))
    diffs = []
    for mode in ("exact", "folded"):
        for cat, r in ref["scores"][mode].items():
            c = cand["scores"][mode].get(cat)
            if c is None:
                diffs.append(f"{mode} {cat}: missing")
                continue
            for k in ("tp", "fp", "fn", "gold", "pred", "precision", "recall", "f1"):
                if r[k] != c.get(k):
                    diffs.append(f"{mode} {cat} {k}: reference {r[k]}, newsgraph {c.get(k)}")
    if list(ref["per_doc"]) != list(cand["per_doc"]):
        diffs.append("per_doc: different documents")
    for doc, cats in ref["per_doc"].items():
        for cat, r in cats.items():
            c = cand["per_doc"].get(doc, {}).get(cat)
            if c != r:
                diffs.append(f"per_doc {doc} {cat}: reference {r}, newsgraph {c}")
    for k, v in ref["predictions"].items():
        if cand["predictions"].get(k) != v:
            diffs.append(f"predictions {k}: reference {v}, newsgraph {cand['predictions'].get(k)}")
    for k in ("gold_lines", "gold_docs", "universe_docs"):
        if ref[k] != cand.get(k):
            diffs.append(f"{k}: reference {ref[k]}, newsgraph {cand.get(k)}")
    if diffs:
        print(f"FAIL {label}:")
        for d in diffs[:40]:
            print("  " + d)
        return 1
    e, f = ref["scores"]["exact"]["micro"], ref["scores"]["folded"]["micro"]
    print(f"ok   {label}: micro tp={e['tp']} fp={e['fp']} fn={e['fn']} P={e['precision']:.4f} "
          f"R={e['recall']:.4f} F1={e['f1']:.4f} | folded F1={f['f1']:.4f}; "
          f"office strict F1={ref['scores']['exact']['holds_office_strict']['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
