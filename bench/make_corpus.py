#!/usr/bin/env python3
"""Writes a benchmark corpus: JSON Lines articles repeated until SIZE_MB of output.

Usage: make_corpus.py SIZE_MB OUT.jsonl ARTICLES.jsonl [ARTICLES.jsonl ...]

Every copy of an article gets its own id ("<id>~<copy>"), so readers that reject duplicate ids
read every copy; the text is unchanged, so the corpus is real news. Articles are interleaved
(copy 0 of every article, then copy 1, ...) so that no stretch of the file is one article only.
Nothing here is committed: the corpus goes to a temporary directory chosen by the caller.
"""
import json
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    target = int(float(sys.argv[1]) * 1e6)
    out_path = sys.argv[2]
    articles = []
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                doc = json.loads(line)
                if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                    continue
                doc.setdefault("id", f"{path}:{n}")
                articles.append(doc)
    if not articles:
        sys.exit("make_corpus.py: no articles in " + " ".join(sys.argv[3:]))
    written = 0
    copy = 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < target:
            for doc in articles:
                d = dict(doc)
                d["id"] = f"{doc['id']}~{copy}"
                line = json.dumps(d, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break
            copy += 1
    print(f"{out_path}: {written / 1e6:.1f} MB, {len(articles)} articles x {copy} copies", file=sys.stderr)


if __name__ == "__main__":
    main()
