#!/usr/bin/env python3
"""Agreement between a second, independent relation annotation and the gold corpus.

    python3 corpus/tools/agreement.py [--predicted OUT.jsonl]

Reads every `corpus/agreement/relations/<doc>.json` (relations written by a second annotator
who saw only the text, GUIDELINES.md section 5 and the document's list of regions and
organisations, never the gold relations) and scores it against `corpus/gold.jsonl` the way
`extract eval` scores relations: distinct unordered party pairs per document, and pairs with
type; a region is compared by its ISO code, anything else by its name (case and spacing
ignored). With `--predicted`, meldung's output for the same documents (the JSON lines of
`extract corpus/dev`) is scored on the same documents, so both read side by side.
"""
import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def norm(name):
    return " ".join(name.lower().split())


def keys(relations, gold_doc):
    """Pairs and typed pairs of `relations` ([(type, [a, b])]), names resolved as the scorer does."""
    ids = {norm(e["canonical"]): e["kb_id"] for e in gold_doc["entities"]
           if e["type"] == "LOC" and e.get("kb_id")}
    key = lambda name: ids.get(norm(name), norm(name))
    pairs, typed = set(), set()
    for relation_type, parties in relations:
        a, b = key(parties[0]), key(parties[1])
        if a != b:
            pairs.add(frozenset((a, b)))
            typed.add((relation_type, frozenset((a, b))))
    return pairs, typed


def prf(counts):
    tp, found, gold = counts
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predicted", help="meldung's JSON lines for the dev documents")
    args = parser.parse_args()
    gold = {}
    for line in (ROOT / "gold.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        gold[record["doc_id"].split("/", 1)[1]] = record
    predicted = {}
    if args.predicted:
        for line in open(args.predicted, encoding="utf-8"):
            record = json.loads(line)
            names = {e["id"]: e["canonical"] for e in record["entities"]}
            doc = record["doc_id"].split("/")[-1]
            predicted[doc] = [(r["type"], [names[p] for p in r["parties"][:2]])
                              for r in record["relations"]]
    totals = {"second annotator": [[0, 0, 0], [0, 0, 0]]}
    if args.predicted:
        totals["meldung"] = [[0, 0, 0], [0, 0, 0]]
    files = sorted((ROOT / "agreement" / "relations").glob("*.json"))
    for path in files:
        doc = path.stem
        if doc not in gold:
            sys.exit(f"{path}: no gold document {doc}")
        gold_pairs, gold_typed = keys(
            [(r["type"], r["parties"]) for r in gold[doc]["relations"]], gold[doc])
        second = json.load(path.open(encoding="utf-8"))["relations"]
        readings = {"second annotator": [(r["type"], r["parties"]) for r in second]}
        if args.predicted:
            if doc not in predicted:
                sys.exit(f"{args.predicted}: no record for {doc}")
            readings["meldung"] = predicted[doc]
        for who, relations in readings.items():
            pairs, typed = keys(relations, gold[doc])
            for slot, (mine, theirs) in enumerate(((pairs, gold_pairs), (typed, gold_typed))):
                totals[who][slot][0] += len(mine & theirs)
                totals[who][slot][1] += len(mine)
                totals[who][slot][2] += len(theirs)
    print(f"{len(files)} documents")
    for who, (pair, typed) in totals.items():
        print("{:18s} pair P {:.3f} R {:.3f} F1 {:.3f}   typed P {:.3f} R {:.3f} F1 {:.3f}".format(
            who, *prf(pair), *prf(typed)))


if __name__ == "__main__":
    main()
