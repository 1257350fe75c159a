#!/usr/bin/env python3
"""Build corpus/gold.jsonl from the hand annotations of the meldung gold corpus.

Reads every ``corpus/<split>/*.txt`` together with its annotation
``corpus/annotations/<split>/<same name>.json``, locates every listed entity
and date text in the document, and writes one JSON record per document to
``corpus/gold.jsonl`` (sorted by doc_id).  Standard library only.

Usage:
    python3 corpus/tools/build_gold.py            # validate and write corpus/gold.jsonl
    python3 corpus/tools/build_gold.py --check    # validate only, write nothing
    python3 corpus/tools/build_gold.py --show dev/01_foo   # print resolved spans (review aid)
    python3 corpus/tools/build_gold.py --show all          # ... for every document

Matching rules (see corpus/GUIDELINES.md):
  * A listed text matches case-sensitively at a position where it is not
    preceded or followed by a letter or digit.  '-' (and any other
    non-alphanumeric character) counts as a boundary, so a name inside a
    hyphen compound ("Bayern-Québec-Partnerschaft") matches.
  * Among all listed texts of a document (entities and dates together),
    matches are resolved leftmost-longest: scanning from the left, the
    longest listed text starting at the leftmost remaining position wins and
    any match overlapping it is discarded.  So "IHK Region Stuttgart" wins
    over "Stuttgart" inside it.
  * "occurrences": [k, ...] (1-based) selects among the matches of that text
    that survive this resolution, counted in document order.  Matches that are
    not selected are not marked (and still block shorter texts inside them).

Exit status 0 on success, 1 on any validation error (all errors are listed).
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
ANNOT = os.path.join(CORPUS, "annotations")
OUT = os.path.join(CORPUS, "gold.jsonl")
NON_SPLIT_DIRS = {"annotations", "tools"}

ENTITY_TYPES = ("PER", "LOC", "ORG")
SUBTYPES = {
    "PER": {"person"},
    "LOC": {"country", "state", "district", "city", "macro_region"},
    "ORG": {"ministry", "agency", "chamber", "cluster", "university", "research",
            "company", "association", "government", "other"},
}
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")
RELATION_TYPES = ("AGREEMENT", "VISIT", "COOPERATION", "EVENT", "INTENT")

ENTITY_KEYS_REQ = {"text", "type", "canonical", "kb_id", "subtype"}
ENTITY_KEYS_OPT = {"occurrences", "note"}
DATE_KEYS_REQ = {"text", "type", "value"}
DATE_KEYS_OPT = {"occurrences", "note"}
REL_KEYS_REQ = {"type", "parties", "date"}
REL_KEYS_OPT = {"note"}
DOC_KEYS_REQ = {"published", "entities", "dates", "relations"}
DOC_KEYS_OPT = {"note"}

# --- TIMEX3 value shapes (HeidelTime conventions) ---------------------------
_Y = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"          # 2019, 201X, 20XX, XXXX
_M = r"(?:0[1-9]|1[0-2]|XX)"
_D = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_PART = r"(?:Q[1-4]|QX|H[12]|SP|SU|FA|WI|W(?:0[1-9]|[1-4]\d|5[0-3])|WX|WE)"
_TOD = r"(?:MO|MI|AF|EV|NI|DT)"
_CLOCK = r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
_DATE_VALUE = re.compile(
    r"^(?:"
    r"\d{2}|\d{3}"                               # century "20", decade "201"
    rf"|{_Y}(?:-{_M}(?:-{_D})?)?"                # year, month, day
    rf"|{_Y}-{_PART}"                            # quarter, half, season, week
    rf"|{_Y}-W(?:\d{{2}}|XX)-[1-7]"              # day of week of a week
    rf"|{_Y}-{_M}-{_D}T{_TOD}"                   # part of day
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r")$")
_TIME_VALUE = re.compile(
    rf"^(?:{_Y}-{_M}-{_D})?T(?:{_CLOCK}|{_TOD})$")
_DURATION_VALUE = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)[YMWDQ]|(?:\d+(?:\.\d+)?|X)(?:DE|CE))+$"
    r"|^PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+$"
    r"|^P(?:(?:\d+|X)[YMWD])+T(?:(?:\d+|X)[HMS])+$")
_SET_VALUE = re.compile(
    r"^P(?:\d+|X)[YMWDQ]$|^PT(?:\d+|X)[HMS]$"
    rf"|^{_Y}-W(?:\d{{2}}|XX)-[1-7]$"          # every Monday: XXXX-WXX-1
    rf"|^{_Y}-{_M}(?:-{_D})?$"                   # every 1 May: XXXX-05-01
    rf"|^{_Y}-{_PART}$"                          # every summer: XXXX-SU
    rf"|^(?:{_Y}-{_M}-{_D})?T(?:{_CLOCK}|{_TOD})$")
VALUE_RE = {"DATE": _DATE_VALUE, "TIME": _TIME_VALUE,
            "DURATION": _DURATION_VALUE, "SET": _SET_VALUE}
ISO_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
KB_COUNTRY = re.compile(r"^[A-Z]{2}$")
KB_SUBDIV = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
FILE_NAME = re.compile(r"^\d{2,3}_[a-z0-9][a-z0-9_-]*\.txt$")


class Problems:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"ERROR {where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"warning {where}: {msg}")


def rel(path):
    return os.path.relpath(path, ROOT).replace(os.sep, "/")


def is_boundary_ok(text, start, end):
    """A match must not be preceded or followed by a letter or digit."""
    if start > 0 and text[start - 1].isalnum():
        return False
    if end < len(text) and text[end].isalnum():
        return False
    # a combining mark right after the match belongs to its last letter
    if end < len(text) and unicodedata.category(text[end]).startswith("M"):
        return False
    return True


def find_all(text, needle):
    """All whole-token occurrences (start offsets) of needle in text."""
    out = []
    i = text.find(needle)
    while i != -1:
        if is_boundary_ok(text, i, i + len(needle)):
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def describe(item):
    return f'{item["_kind"]} #{item["_index"] + 1} {json.dumps(item.get("text"), ensure_ascii=False)}'


def check_keys(obj, req, opt, where, what, probs):
    if not isinstance(obj, dict):
        probs.error(where, f"{what} must be a JSON object, got {type(obj).__name__}")
        return False
    missing = req - obj.keys()
    unknown = obj.keys() - req - opt
    if missing:
        probs.error(where, f"{what}: missing key(s) {sorted(missing)}")
    if unknown:
        probs.error(where, f"{what}: unknown key(s) {sorted(unknown)} (allowed: {sorted(req | opt)})")
    return not missing


def validate_entity(item, where, probs):
    d = describe(item)
    t, st, kb = item["type"], item["subtype"], item["kb_id"]
    if t not in ENTITY_TYPES:
        probs.error(where, f"{d}: invalid entity type {t!r} (allowed: {', '.join(ENTITY_TYPES)})")
        return
    if st not in SUBTYPES[t]:
        probs.error(where, f"{d}: invalid subtype {st!r} for {t} (allowed: {', '.join(sorted(SUBTYPES[t]))})")
    if not isinstance(item["canonical"], str) or not item["canonical"].strip():
        probs.error(where, f"{d}: canonical must be a non-empty string")
    if t in ("PER", "ORG"):
        if kb is not None:
            probs.error(where, f"{d}: kb_id must be null for {t}")
    else:
        if st == "country":
            if not (isinstance(kb, str) and KB_COUNTRY.match(kb)):
                probs.error(where, f"{d}: LOC country needs an ISO 3166-1 alpha-2 kb_id (e.g. \"DE\"), got {kb!r}")
        elif st == "state":
            if not (isinstance(kb, str) and KB_SUBDIV.match(kb)):
                probs.error(where, f"{d}: LOC state needs an ISO 3166-2 kb_id (e.g. \"DE-BY\"), got {kb!r}")
        elif kb is not None:
            probs.error(where, f"{d}: kb_id must be null for LOC subtype {st!r}, got {kb!r}")


def validate_date(item, where, probs):
    d = describe(item)
    t, v = item["type"], item["value"]
    if t not in DATE_TYPES:
        probs.error(where, f"{d}: invalid date type {t!r} (allowed: {', '.join(DATE_TYPES)})")
        return
    if not isinstance(v, str) or not VALUE_RE[t].match(v):
        probs.error(where, f"{d}: value {v!r} is not a valid TIMEX3 {t} value")


def process_document(split, fname, probs):
    txt_path = os.path.join(CORPUS, split, fname)
    stem = fname[:-4]
    ann_path = os.path.join(ANNOT, split, stem + ".json")
    doc_id = f"{split}/{stem}"
    where_t = rel(txt_path)
    where = rel(ann_path)

    if not FILE_NAME.match(fname):
        probs.warn(where_t, "file name should look like NN_slug.txt or NNN_slug.txt (lower-case slug)")

    with open(txt_path, "rb") as fh:
        raw = fh.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        probs.error(where_t, "file starts with a UTF-8 BOM; save without BOM")
        raw = raw[3:]
    if b"\r" in raw:
        probs.error(where_t, "file contains CR characters; use LF line ends only")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        probs.error(where_t, f"not valid UTF-8: {exc}")
        return None
    if unicodedata.normalize("NFC", text) != text:
        probs.warn(where_t, "text is not NFC-normalised (offsets are code points of the file as is)")
    nwords = len(text.split())
    if not 250 <= nwords <= 600:
        probs.warn(where_t, f"{nwords} words (brief asks for 250-600)")

    if not os.path.exists(ann_path):
        probs.error(where_t, f"annotation file {where} is missing")
        return None
    try:
        with open(ann_path, encoding="utf-8") as fh:
            ann = json.load(fh, object_pairs_hook=OrderedDict)
    except json.JSONDecodeError as exc:
        probs.error(where, f"invalid JSON: {exc}")
        return None
    n_err = len(probs.errors)
    if not check_keys(ann, DOC_KEYS_REQ, DOC_KEYS_OPT, where, "document", probs):
        return None
    for key in ("entities", "dates", "relations"):
        if not isinstance(ann[key], list):
            probs.error(where, f"'{key}' must be a list")
            return None

    published = ann["published"]
    if published is not None and not (isinstance(published, str) and ISO_DAY.match(published)):
        probs.error(where, f"published must be YYYY-MM-DD or null, got {published!r}")

    # ---- collect listed items -------------------------------------------
    items = []
    for kind, lst, req, opt, validate in (
            ("entity", ann["entities"], ENTITY_KEYS_REQ, ENTITY_KEYS_OPT, validate_entity),
            ("date", ann["dates"], DATE_KEYS_REQ, DATE_KEYS_OPT, validate_date)):
        for i, item in enumerate(lst):
            if not check_keys(item, req, opt, where, f"{kind} #{i + 1}", probs):
                continue
            item = dict(item)
            item["_kind"], item["_index"] = kind, i
            txt = item["text"]
            if not isinstance(txt, str) or not txt:
                probs.error(where, f"{kind} #{i + 1}: text must be a non-empty string")
                continue
            if txt != txt.strip():
                probs.error(where, f"{describe(item)}: text has leading/trailing whitespace")
                continue
            occ = item.get("occurrences")
            if occ is not None:
                if (not isinstance(occ, list) or not occ
                        or not all(isinstance(k, int) and not isinstance(k, bool) and k >= 1 for k in occ)
                        or len(set(occ)) != len(occ)):
                    probs.error(where, f"{describe(item)}: occurrences must be a non-empty list of distinct integers >= 1")
                    continue
            validate(item, where, probs)
            items.append(item)

    # same canonical (per type) must carry the same kb_id and subtype
    seen_canon = {}
    for it in items:
        if it["_kind"] != "entity":
            continue
        key = (it["type"], it["canonical"])
        sig = (it["kb_id"], it["subtype"])
        if key in seen_canon and seen_canon[key][0] != sig:
            probs.error(where, f"{describe(it)}: canonical {it['canonical']!r} has kb_id/subtype {sig}, "
                               f"but {describe(seen_canon[key][1])} has {seen_canon[key][0]}")
        seen_canon.setdefault(key, (sig, it))

    # group items by surface text (the same text may be listed more than once
    # only if every listing restricts itself with disjoint occurrences)
    by_text = OrderedDict()
    for it in items:
        by_text.setdefault(it["text"], []).append(it)
    for txt, group in by_text.items():
        if len(group) > 1:
            if any("occurrences" not in it for it in group):
                probs.error(where, f"text {txt!r} is listed {len(group)} times "
                                   f"({'; '.join(describe(it) for it in group)}); list each surface form once, "
                                   f"or give every listing disjoint \"occurrences\"")
            else:
                claimed = Counter(k for it in group for k in it["occurrences"])
                dup = sorted(k for k, c in claimed.items() if c > 1)
                if dup:
                    probs.error(where, f"text {txt!r}: occurrence(s) {dup} claimed by more than one listing (overlapping spans)")

    # ---- find candidates and resolve leftmost-longest ----------------------
    cands = []
    raw_counts = {}
    for txt in by_text:
        starts = find_all(text, txt)
        raw_counts[txt] = len(starts)
        for s in starts:
            cands.append((s, -len(txt), txt))
    cands.sort()
    chosen = []
    pos = 0
    for s, neglen, txt in cands:
        if s >= pos:
            chosen.append((s, s - neglen, txt))
            pos = s - neglen
    surviving = OrderedDict((txt, []) for txt in by_text)
    for s, e, txt in chosen:
        surviving[txt].append((s, e))

    ents, dats = [], []
    for txt, group in by_text.items():
        spans = surviving[txt]
        blocked = raw_counts[txt] - len(spans)
        for it in group:
            if raw_counts[txt] == 0:
                probs.error(where, f"{describe(it)}: text not found as a whole token sequence in {where_t}")
                continue
            if not spans:
                probs.error(where, f"{describe(it)}: every occurrence lies inside a longer listed text; "
                                   f"remove it or fix the longer listing")
                continue
            occ = it.get("occurrences")
            if occ is None:
                sel = spans
            else:
                bad = [k for k in occ if k > len(spans)]
                if bad:
                    probs.error(where, f"{describe(it)}: occurrence(s) {bad} out of range; the text occurs "
                                       f"{len(spans)} time(s) as a mention"
                                       + (f" (plus {blocked} inside longer listed texts, not counted)" if blocked else ""))
                    continue
                if blocked:
                    probs.warn(where, f"{describe(it)}: {blocked} whole-token occurrence(s) lie inside longer listed "
                                      f"texts and are not counted by \"occurrences\"")
                sel = [spans[k - 1] for k in sorted(occ)]
            for s, e in sel:
                assert text[s:e] == txt, (where, txt, s, e)
                if it["_kind"] == "entity":
                    ents.append(OrderedDict([
                        ("id", None), ("type", it["type"]), ("text", txt), ("start", s), ("end", e),
                        ("canonical", it["canonical"]), ("kb_id", it["kb_id"]), ("subtype", it["subtype"])]))
                else:
                    dats.append(OrderedDict([
                        ("id", None), ("type", it["type"]), ("text", txt), ("start", s), ("end", e),
                        ("value", it["value"])]))

    ents.sort(key=lambda x: (x["start"], x["end"]))
    dats.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            probs.error(where, f"entity spans overlap: {a['text']!r} [{a['start']},{a['end']}) and "
                               f"{b['text']!r} [{b['start']},{b['end']})")
    all_spans = sorted(ents + dats, key=lambda x: (x["start"], x["end"]))
    for a, b in zip(all_spans, all_spans[1:]):
        if b["start"] < a["end"] and not (a in ents and b in ents):
            probs.error(where, f"spans overlap: {a['text']!r} [{a['start']},{a['end']}) and "
                               f"{b['text']!r} [{b['start']},{b['end']})")
    for i, x in enumerate(ents, 1):
        x["id"] = f"e{i}"
    for i, x in enumerate(dats, 1):
        x["id"] = f"d{i}"

    if published is not None and not any(d["type"] == "DATE" and d["value"] == published for d in dats):
        probs.error(where, f"published {published!r} but no DATE mention with that value "
                           f"(the date line / dateline must be annotated as a DATE)")

    # ---- relations --------------------------------------------------------
    party_names = {it["canonical"] for it in items
                   if it["_kind"] == "entity" and it.get("type") in ("LOC", "ORG")}
    per_names = {it["canonical"] for it in items if it["_kind"] == "entity" and it.get("type") == "PER"}
    date_values = {d["value"] for d in dats}
    rels = []
    seen_rel = {}
    for i, r in enumerate(ann["relations"]):
        rwhere = f"relation #{i + 1}"
        if not check_keys(r, REL_KEYS_REQ, REL_KEYS_OPT, where, rwhere, probs):
            continue
        rd = f"{rwhere} {r['type']} {json.dumps(r['parties'], ensure_ascii=False)}"
        if r["type"] not in RELATION_TYPES:
            probs.error(where, f"{rd}: invalid relation type {r['type']!r} (allowed: {', '.join(RELATION_TYPES)})")
        parties = r["parties"]
        if not (isinstance(parties, list) and len(parties) == 2 and all(isinstance(p, str) for p in parties)):
            probs.error(where, f"{rd}: parties must be a list of exactly two canonical names")
            continue
        if parties[0] == parties[1]:
            probs.error(where, f"{rd}: the same party twice")
        for p in parties:
            if p not in party_names:
                hint = " (a person; parties must be LOC or ORG)" if p in per_names else ""
                probs.error(where, f"{rd}: party {p!r} is not the canonical name of any LOC/ORG entity of the document{hint}")
        if r["date"] is not None:
            if not (isinstance(r["date"], str) and (_DATE_VALUE.match(r["date"]) or _TIME_VALUE.match(r["date"]))):
                probs.error(where, f"{rd}: date {r['date']!r} is not a TIMEX3 date value or null")
            elif r["date"] not in date_values and not any(v.startswith(r["date"] + "T") for v in date_values):
                probs.warn(where, f"{rd}: date {r['date']!r} is not the value of any date mention of the document")
        key = (r["type"], tuple(parties) if r["type"] == "VISIT" else tuple(sorted(parties)))
        if key in seen_rel:
            probs.error(where, f"{rd}: duplicate of relation #{seen_rel[key] + 1} (one per type and party pair)")
        seen_rel.setdefault(key, i)
        rels.append(OrderedDict([("id", f"r{len(rels) + 1}"), ("type", r["type"]),
                                 ("parties", list(parties)), ("date", r["date"])]))

    if len(probs.errors) > n_err:
        return None
    title = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    return OrderedDict([
        ("doc_id", doc_id), ("split", split),
        ("source", OrderedDict([("path", rel(txt_path)), ("line", None)])),
        ("published", published), ("published_from", "text" if published is not None else None),
        ("title", title), ("entities", ents), ("dates", dats), ("relations", rels),
    ]), text


def discover(probs):
    docs = []
    if not os.path.isdir(CORPUS):
        probs.error(rel(CORPUS), "corpus directory not found")
        return docs
    for split in sorted(os.listdir(CORPUS)):
        sdir = os.path.join(CORPUS, split)
        if split in NON_SPLIT_DIRS or split.startswith(".") or not os.path.isdir(sdir):
            continue
        for fname in sorted(os.listdir(sdir)):
            if fname.endswith(".txt"):
                docs.append((split, fname))
    # annotations without a text
    if os.path.isdir(ANNOT):
        for split in sorted(os.listdir(ANNOT)):
            adir = os.path.join(ANNOT, split)
            if not os.path.isdir(adir):
                continue
            for fname in sorted(os.listdir(adir)):
                if fname.endswith(".json") and not os.path.exists(os.path.join(CORPUS, split, fname[:-5] + ".txt")):
                    probs.error(rel(os.path.join(adir, fname)), f"annotation without a text corpus/{split}/{fname[:-5]}.txt")
    return docs


def show(record, text):
    print(f"== {record['doc_id']}  published={record['published']}  title={record['title']!r}")
    spans = [("E", x) for x in record["entities"]] + [("D", x) for x in record["dates"]]
    spans.sort(key=lambda p: p[1]["start"])
    for kind, x in spans:
        s, e = x["start"], x["end"]
        ctx = (text[max(0, s - 25):s] + "[" + text[s:e] + "]" + text[e:e + 25]).replace("\n", "⏎")
        if kind == "E":
            info = f"{x['type']:3} {x['subtype']:<12} {x['canonical']} ({x['kb_id']})"
        else:
            info = f"{x['type']:8} {x['value']}"
        print(f"  {x['id']:>4} {s:5}-{e:<5} {info:<70} …{ctx}…")
    for r in record["relations"]:
        print(f"  {r['id']:>4} {r['type']:<11} {' | '.join(r['parties'])}  date={r['date']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only, do not write corpus/gold.jsonl")
    ap.add_argument("--show", nargs="+", metavar="DOC_ID",
                    help="print the resolved spans of these documents (doc ids like dev/01_foo, a split name, or 'all')")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args()

    probs = Problems()
    records = []
    texts = {}
    for split, fname in discover(probs):
        res = process_document(split, fname, probs)
        if res is not None:
            rec, text = res
            records.append(rec)
            texts[rec["doc_id"]] = text
    records.sort(key=lambda r: r["doc_id"])

    if args.show:
        wanted = set(args.show)
        for rec in records:
            if "all" in wanted or rec["doc_id"] in wanted or rec["split"] in wanted:
                show(rec, texts[rec["doc_id"]])

    if not args.quiet:
        for w in probs.warnings:
            print(w, file=sys.stderr)
    if probs.errors:
        for e in probs.errors:
            print(e, file=sys.stderr)
        print(f"build_gold: {len(probs.errors)} error(s); corpus/gold.jsonl not written.", file=sys.stderr)
        return 1
    if not records:
        print("build_gold: no documents found under corpus/<split>/*.txt", file=sys.stderr)
        return 1

    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if args.check:
        if os.path.exists(OUT):
            with open(OUT, encoding="utf-8") as fh:
                if fh.read() != payload:
                    print("note: corpus/gold.jsonl is out of date; run python3 corpus/tools/build_gold.py", file=sys.stderr)
    else:
        with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(payload)

    # ---- counts -------------------------------------------------------------
    docs_split = Counter(r["split"] for r in records)
    ent_t = Counter(e["type"] for r in records for e in r["entities"])
    date_t = Counter(d["type"] for r in records for d in r["dates"])
    rel_t = Counter(x["type"] for r in records for x in r["relations"])
    print(("checked" if args.check else f"wrote {rel(OUT)}:") + f" {len(records)} documents ("
          + ", ".join(f"{s} {n}" for s, n in sorted(docs_split.items())) + ")")
    for split in sorted(docs_split) + [None]:
        sel = [r for r in records if split is None or r["split"] == split]
        et = Counter(e["type"] for r in sel for e in r["entities"])
        dt = Counter(d["type"] for r in sel for d in r["dates"])
        rt = Counter(x["type"] for r in sel for x in r["relations"])
        label = split if split else "total"
        print(f"  [{label}] docs {len(sel)}")
        print(f"    entities {sum(et.values())}: " + ", ".join(f"{t} {et[t]}" for t in ENTITY_TYPES))
        print(f"    dates {sum(dt.values())}: " + ", ".join(f"{t} {dt[t]}" for t in DATE_TYPES))
        print(f"    relations {sum(rt.values())}: " + ", ".join(f"{t} {rt[t]}" for t in RELATION_TYPES))
    del ent_t, date_t, rel_t
    return 0


if __name__ == "__main__":
    sys.exit(main())
