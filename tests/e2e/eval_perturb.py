#!/usr/bin/env python3
"""Synthetic predictions for the eval differential test (eval_matches_reference.sh).

Usage: eval_perturb.py GOLD ALIASES ARTICLES SEED OUT

Reads a gold set and writes "predictions" made by perturbing it in the ways the scoring rules
care about (../shared/GUIDELINES.md, "How predictions are scored"): lines dropped or repeated,
subject and object swapped, names replaced by aliases, honorifics, possessives, case, spacing,
curly quotes and HTML entities, diacritics removed or added, titles with country words, "former",
abbreviations, orgs written as U.S./US/United States, shortened or lengthened orgs, "category"
instead of "relation", unknown categories, fake pairs and offices (also in articles without gold
and outside the universe), malformed lines. Deterministic for a given SEED (Python's random).
Standard library only.
"""

import json
import random
import sys
import unicodedata

HONORIFICS = ["Mr ", "Mr. ", "Mrs ", "Dr. ", "Sir ", "Gen. ", "General ", "Lieutenant General ",
              "Lieutenant-General ", "Sheikh ", "Judge ", "Father ", "MR. "]
COUNTRY_WORDS = ["Chinese", "U.S.", "US", "American", "British", "UK", "Vietnamese", "West German",
                 "Brazil's", "Japanese", "Soviet", "Iranian", "Côte d'Ivoire", "Türkiye", "Britain's"]
TITLE_PREFIX = ["the ", "The ", "former ", "ex-", "then-", "one-time ", "Former ", "the former "]
ABBREV = {"senator": "Sen.", "Senator": "Sen.", "representative": "Rep.", "governor": "Gov.",
          "Governor": "Gov.", "president": "Pres.", "secretary": "Sec.", "ambassador": "Amb."}
ORG_VARIANTS = [("United States", "U.S."), ("United States", "US"), ("United States", "America"),
                ("U.S.", "United States"), ("US", "U.S.A."), ("Britain", "UK"), ("Britain", "U.K."),
                ("UK", "United Kingdom"), ("China", "PRC"), ("China", "Chinese"), ("Vietnam", "Viet Nam"),
                ("Germany", "German"), ("Soviet Union", "USSR")]
CATEGORY = {"met_with": "meeting", "phoned": "call", "holds_office": "office",
            "member_of": "membership", "affiliated_with": "affiliation"}
FINE = {"met_with": "held_talks_with", "phoned": "called", "holds_office": "chairman_of",
        "member_of": "belongs_to", "affiliated_with": "works_at"}
ADD_DIACRITICS = str.maketrans({"a": "á", "e": "é", "o": "ö", "u": "ü", "c": "ç", "n": "ñ", "i": "ı",
                                "s": "ş", "z": "ž", "l": "ł", "d": "đ"})
ENTITIES = [("'", "&#x27;"), ("'", "&#39;"), ("&", "&amp;"), ("e", "&#101;"), ("é", "&eacute;"),
            ("a", "&#x61"), (" ", "&nbsp;")]


def strip_diacritics(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def mangle_name(rng, name, aliases):
    if not isinstance(name, str):
        return name
    r = rng.random()
    if r < 0.25 and aliases:
        name = rng.choice(aliases)
    elif r < 0.30:
        name = name.split(" ")[-1]  # a short form that may be ambiguous or unknown
    if rng.random() < 0.2:
        name = rng.choice(HONORIFICS) + name
    if rng.random() < 0.08:
        name = name + rng.choice(["'s", "’s", "'S"])
    if rng.random() < 0.1:
        name = rng.choice([name.upper(), name.lower(), name.title()])
    if rng.random() < 0.1:
        name = name.replace(" ", rng.choice(["  ", "\n", " \t", "\u00a0"]))
    if rng.random() < 0.1:
        name = strip_diacritics(name)
    elif rng.random() < 0.08:
        name = name.translate(ADD_DIACRITICS) if rng.random() < 0.5 else unicodedata.normalize("NFD", name)
    if rng.random() < 0.05:
        old, new = rng.choice(ENTITIES)
        name = name.replace(old, new, 1)
    if rng.random() < 0.04:
        name = rng.choice(['"', "(", " ", ","]) + name + rng.choice(['"', ")", " ", ";"])
    return name


def mangle_title(rng, title):
    if not isinstance(title, str):
        return title
    r = rng.random()
    if r < 0.15:
        title = rng.choice(COUNTRY_WORDS) + " " + title
    elif r < 0.25:
        title = rng.choice(TITLE_PREFIX) + title
    elif r < 0.32:
        words = title.split(" ")
        title = " ".join(ABBREV.get(w, w) for w in words)
    elif r < 0.38:
        title = title + rng.choice([" of", " for the", ",", " -", " of China", " in the U.S."])
    elif r < 0.43:
        title = rng.choice(["president", "chairman", "minister", "leader", "Prime Minister", "spokesman"])
    if rng.random() < 0.1:
        title = title.upper() if rng.random() < 0.5 else title.lower()
    if rng.random() < 0.05:
        title = title.replace("'", "’")
    return title


def mangle_org(rng, org, alt=None):
    if alt and rng.random() < 0.3:
        org = rng.choice(alt)
    if not isinstance(org, str) or not org:
        return org
    r = rng.random()
    if r < 0.2:
        for a, b in ORG_VARIANTS:
            if a in org:
                org = org.replace(a, b, 1)
                break
    elif r < 0.3:
        words = org.split(" ")
        if len(words) > 1:
            org = " ".join(words[rng.randrange(len(words)):] if rng.random() < 0.5 else words[: rng.randrange(1, len(words))])
    elif r < 0.38:
        org = org + rng.choice([" Central Committee", " party", " Inc.", "'s board"])
    elif r < 0.45:
        org = "the " + org
    elif r < 0.5:
        org = rng.choice(["Reuters", "the BBC", "Senate", "Communist Party", "United Nations"])
    if rng.random() < 0.08:
        org = org.replace(".", "") if "." in org else org.replace(" ", "-")
    if rng.random() < 0.06:
        org = strip_diacritics(org) if rng.random() < 0.5 else org.translate(ADD_DIACRITICS)
    return org


def set_relation(rng, rec, rel):
    r = rng.random()
    if r < 0.6:
        rec["relation"] = rel
    elif r < 0.75:
        rec["category"] = CATEGORY[rel]
    elif r < 0.85:
        rec["relation"] = FINE[rel]
        rec["category"] = rng.choice([CATEGORY[rel], " " + CATEGORY[rel].upper() + " ", CATEGORY[rel].title()])
    elif r < 0.95:
        rec["relation"] = rel
        rec["category"] = CATEGORY[rel]
    else:
        rec["relation"] = FINE[rel]
        rec["category"] = rng.choice(["spouse", "Unknown", None, 3])


def perturb(rng, g, aliases_of):
    doc = g["doc"]
    rel = g["relation"]
    names = aliases_of.get(doc, {})

    def al(n):
        return names.get(n, [])

    rec = {"doc": doc}
    if rng.random() < 0.05 and rel in ("member_of", "affiliated_with"):
        rel = "affiliated_with" if rel == "member_of" else "member_of"
    set_relation(rng, rec, rel)
    subj, obj = g["subject"], g["object"]
    if rel in ("met_with", "phoned"):
        if rng.random() < 0.4:
            subj, obj = obj, subj
        if rng.random() < 0.04:
            rec["category"] = "call" if rel == "met_with" else "meeting"
            rec.pop("relation", None)
        rec["subject"] = mangle_name(rng, subj, al(subj))
        rec["object"] = mangle_name(rng, obj, al(obj))
        if rng.random() < 0.05:
            rec["object"] = {"name": rec["object"]}
    elif rel == "holds_office":
        rec["subject"] = mangle_name(rng, subj, al(subj))
        title = mangle_title(rng, g.get("title") or obj)
        org = mangle_org(rng, g.get("org"), g.get("org_alt"))
        r = rng.random()
        if r < 0.1:
            rec["object"] = title if not org else f"{title} of {org}"
        else:
            rec["title"] = title
            rec["object"] = title if not org else f"{title} of {org}"
        if rng.random() < 0.15:
            org = rng.choice([None, "", org])
        if org is None and rng.random() < 0.5:
            pass  # "org" omitted
        else:
            rec["org"] = org
        f = g.get("former") is True
        if rng.random() < 0.15:
            f = not f
        if f or rng.random() < 0.3:
            rec["former"] = f if rng.random() < 0.9 else "yes"
    else:
        rec["subject"] = mangle_name(rng, subj, al(subj))
        org = mangle_org(rng, g.get("org") or obj)
        if rng.random() < 0.5:
            rec["org"] = org
            rec["object"] = obj
        else:
            rec["object"] = org
    if rng.random() < 0.7:
        rec["evidence"] = g.get("evidence", "")
    return rec


def fakes(rng, doc, persons, orgs):
    """Predictions that gold does not have."""
    out = []
    kind = rng.random()
    a = rng.choice(persons) if persons else "John Smith"
    b = rng.choice(persons) if persons else "Jane Doe"
    if kind < 0.35:
        rel = rng.choice(["met_with", "phoned"])
        out.append({"doc": doc, "relation": rel, "subject": a, "object": b, "evidence": f"{a} met {b}."})
    elif kind < 0.65:
        title = rng.choice(["President", "Chinese President", "U.S. Senator", "chairman", "Prime Minister",
                            "former minister", "Sen.", "the leader", "British Foreign Secretary"])
        out.append({"doc": doc, "relation": "holds_office", "subject": a, "title": title, "object": title,
                    "org": rng.choice([None, rng.choice(orgs) if orgs else None, "U.S.", "the Senate"]),
                    "former": rng.random() < 0.2})
    elif kind < 0.9:
        out.append({"doc": doc, "category": rng.choice(["membership", "affiliation"]), "subject": a,
                    "object": rng.choice(orgs) if orgs else "Reuters"})
    else:
        out.append(rng.choice([
            {"doc": doc, "relation": "met_with", "subject": a},
            {"doc": doc, "relation": "holds_office", "subject": a, "title": ""},
            {"doc": doc, "relation": "member_of", "subject": "", "object": "X"},
            {"doc": doc, "relation": "affiliated_with", "subject": {"text": a}, "org": {"name": "Reuters"}},
            {"relation": "met_with", "subject": a, "object": b},
            {"doc": 7, "relation": "met_with", "subject": a, "object": b},
            ["not", "an", "object"],
            "BAD JSON",
        ]))
    return out


def main():
    gold_path, aliases_path, articles_path, seed, out_path = sys.argv[1:6]
    rng = random.Random(int(seed))
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    aliases_of = {}
    persons_of = {}
    for l in open(aliases_path, encoding="utf-8"):
        if not l.strip():
            continue
        a = json.loads(l)
        aliases_of.setdefault(a["doc"], {})[a["canonical"]] = a.get("aliases") or []
        persons_of.setdefault(a["doc"], []).extend([a["canonical"]] + (a.get("aliases") or []))
    ids = []
    for l in open(articles_path, encoding="utf-8"):
        if l.strip():
            ids.append(json.loads(l)["id"])
    orgs_of = {}
    for g in gold:
        persons_of.setdefault(g["doc"], []).append(g["subject"])
        if g.get("org"):
            orgs_of.setdefault(g["doc"], []).append(g["org"])

    drop = rng.choice([0.0, 0.1, 0.3])
    lines = []
    for g in gold:
        if rng.random() < drop:
            continue
        rec = perturb(rng, g, aliases_of)
        lines.append(rec)
        if rng.random() < 0.08:
            lines.append(perturb(rng, g, aliases_of))  # a second, differently written copy
        if rng.random() < 0.05:
            lines.append(rec)  # an exact duplicate
    # fake predictions in gold docs, in articles without gold, and outside the universe
    docs = sorted(set(ids) | set(persons_of))
    for _ in range(max(3, len(gold) // 4)):
        doc = rng.choice(docs)
        lines.extend(fakes(rng, doc, persons_of.get(doc, []), orgs_of.get(doc, [])))
    lines.append({"doc": "not-a-known-doc", "relation": "met_with", "subject": "A", "object": "B"})
    rng.shuffle(lines)
    with open(out_path, "w", encoding="utf-8") as fh:
        for rec in lines:
            fh.write(rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=rng.random() < 0.5))
            fh.write("\n")
            if rng.random() < 0.02:
                fh.write("\n")  # blank lines are skipped


if __name__ == "__main__":
    main()
