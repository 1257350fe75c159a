"""Build organisations.tsv and legal_forms.tsv.

organisations.tsv (7-column entity format, type ORG):
  * ROR records (CC0) from $MELDUNG_ORGS_DIR/ror.jsonl: active records only (the file keeps
    per-release versions of a record: the last line for an id wins); every Latin-script
    label / alias / ror_display name; acronyms of >= 3 characters flagged `acronym`;
    canonical = German label if ROR has one, else the display name; kb_id ror:<id>.
  * Hipo university-domains list (MIT): university names not already covered by ROR.
  * pytickersymbols (MIT): listed companies (+ name without legal-form suffix via cleanco).
legal_forms.tsv: cleanco (MIT) term lists with countries, plus legal_forms_extra.tsv.
"""
import json
import os
import re

from common import HERE, ORGS_DIR, clean, is_latin, lexicon, log

SUBTYPE_RANK = {"university": 0, "research": 1, "government": 2, "healthcare": 3, "company": 4,
                "association": 5, "facility": 6, "other": 7}
RESEARCH = re.compile(r"(Institut|Institute|Research|Forschung|Laborator|Observator|Akademie der Wissenschaften|"
                      r"Academy of Sciences|Fraunhofer|Max-Planck|Helmholtz|Leibniz|Zentrum für|Centre for|"
                      r"Center for|Centro de Investigación|CNRS|Science Cent)", re.I)
UNIVERSITY = re.compile(r"(Universit|Hochschule|College|Akademie|Academy|Polytechn|Institute of Technology|"
                        r"Fachhochschule|École|Schule|School|Universidad|Università|Université|Universidade|Daigaku)", re.I)
DACH = ("DE", "AT", "CH")


def ror_subtype(types, name):
    t = {x.lower() for x in types}
    if "education" in t:
        return "university" if UNIVERSITY.search(name) or not RESEARCH.search(name) else "research"
    if RESEARCH.search(name) and not ({"company", "healthcare"} & t):
        return "research"
    for k, v in (("government", "government"), ("healthcare", "healthcare"), ("company", "company"),
                 ("facility", "facility"), ("nonprofit", "association"), ("funder", "association"),
                 ("archive", "other")):
        if k in t:
            return v
    return "other"


class Orgs:
    def __init__(self):
        self.lex = lexicon()
        self.ent = {}    # kb -> (canonical, subtype, cc)
        self.surf = {}   # (surface, kb) -> (rank, flags)   rank: 0 label, 1 alias, 2 acronym
        self.counts = {}
        import pycountry
        self.country_names = {getattr(c, a) for c in pycountry.countries
                              for a in ("name", "common_name", "official_name") if getattr(c, a, None)}
        self.country_names |= {"United States", "United Kingdom", "South Korea", "Russia", "Czechia",
                               "Taiwan", "Iran", "Vietnam", "Bolivia", "Venezuela", "Tanzania", "Syria", "Laos",
                               "Moldova", "North Korea", "Turkey", "Türkiye"}

    def add(self, surface, kb, rank, *flags):
        s = clean(surface)
        if len(s) < 2 or not is_latin(s) or not any(c.isalpha() for c in s):
            return
        key = (s, kb)
        if key in self.surf and self.surf[key][0] <= rank:
            return
        self.surf[key] = (rank, set(flags))

    def ror(self):
        path = os.path.join(ORGS_DIR, "ror.jsonl")
        last = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                last[d["id"]] = d
        n = 0
        for rid in sorted(last):
            d = last[rid]
            if d.get("status") != "active" or not d.get("names"):
                continue
            kb = "ror:" + rid.rsplit("/", 1)[-1]
            names = d["names"]
            display = next((x["value"] for x in names if "ror_display" in (x.get("types") or [])), names[0]["value"])
            de = sorted(x["value"] for x in names if x.get("lang") == "de" and "label" in (x.get("types") or []))
            canon = clean(de[0] if de else display)
            m = re.fullmatch(r"(.+?)\s+\(([^()]+)\)", canon)
            if m and m.group(2) in self.country_names:   # "Siemens (Germany)" -> "Siemens"
                canon = m.group(1)
            cc = next((c for c in d.get("country") or [] if c), "")
            self.ent[kb] = (canon, ror_subtype(d.get("types") or [], display), cc)
            n += 1
            for x in names:
                types = x.get("types") or []
                v = clean(x["value"])
                if "acronym" in types:
                    if len(v) >= 3:
                        self.add(v, kb, 2, "acronym")
                elif "alias" in types:
                    self.add(v, kb, 1, "alias")
                else:
                    self.add(v, kb, 0, *([] if v == canon else ["alias"]))
                # "Bayer (Germany)" -> also "Bayer"
                short = re.sub(r"\s+\([^()]*\)$", "", v)
                if short != v and len(short) >= 3 and "acronym" not in types:
                    self.add(short, kb, 1, "alias")
        self.counts["ror_records"] = n

    def hipo(self):
        path = os.path.join(ORGS_DIR, "hipo_world_universities_and_domains.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        known = {s for (s, kb) in self.surf}
        n = 0
        for u in sorted(data, key=lambda u: (u["name"], (u.get("domains") or [""])[0])):
            name = clean(u["name"])
            if name in known:
                continue
            kb = "hipo:" + ((u.get("domains") or [name])[0])
            self.ent[kb] = (name, "university", u.get("alpha_two_code") or "")
            self.add(name, kb, 0)
            n += 1
        self.counts["hipo_added"] = n

    def tickers(self):
        from pytickersymbols import PyTickerSymbols
        from cleanco import basename
        n = 0
        stocks = sorted(PyTickerSymbols().get_all_stocks(), key=lambda s: (s.get("name") or "", s.get("symbol") or ""))
        for s in stocks:
            name = clean(s.get("name"))
            if not name:
                continue
            kb = "ticker:" + (s.get("symbol") or name)
            if kb in self.ent:
                continue
            self.ent[kb] = (name, "company", "")
            self.add(name, kb, 0)
            short = clean(basename(name)).rstrip(",")
            if short and short != name and len(short) >= 3:
                self.add(short, kb, 1, "alias")
            n += 1
        self.counts["tickers"] = n

    def build(self, region_surfaces=frozenset()):
        """`region_surfaces`: the surfaces of regions.tsv; an organisation surface that is a
        regional government's head word before one of them is left out (see
        region_government_heads.txt)."""
        self.ror()
        self.hipo()
        self.tickers()
        heads = region_government_heads()
        best = {}
        dropped = 0
        for (s, kb), (rank, flags) in self.surf.items():
            if names_region(s, heads, region_surfaces):
                dropped += 1
                continue
            canon, st, cc = self.ent[kb]
            key = (not kb.startswith("ror:"), rank, cc not in DACH, SUBTYPE_RANK[st], kb)
            if s not in best or key < best[s][0]:
                best[s] = (key, kb, flags)
        self.counts["region_government_surfaces_dropped"] = dropped
        rows = []
        for s in sorted(best):
            _, kb, flags = best[s]
            canon, st, cc = self.ent[kb]
            fl = set(flags)
            if self.lex.common(s) or (s.isupper() and s.lower() in self.lex.wn_lower):
                fl.add("common")
            out_kb = kb if kb.startswith("ror:") else ""
            rows.append([s, "ORG", canon, out_kb, st, 0, ",".join(sorted(fl))])
        return rows


def region_government_heads():
    """Head words of regional governments: region_government_heads.txt plus the German heads of
    resources/entities/region_heads.tsv."""
    heads = set()
    with open(os.path.join(HERE, "region_government_heads.txt"), encoding="utf-8") as f:
        heads |= {line.strip() for line in f if line.strip() and not line.startswith("#")}
    matcher_heads = os.path.join(HERE, "..", "..", "resources", "entities", "region_heads.tsv")
    with open(matcher_heads, encoding="utf-8") as f:
        heads |= {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}
    return heads


def names_region(surface, heads, region_surfaces):
    """True when `surface` is a head word before a region's name ("Region Skåne", "Land Bremen")."""
    parts = surface.split(" ")
    return any(" ".join(parts[:i]) in heads and " ".join(parts[i:]) in region_surfaces
               for i in range(1, len(parts)))


# ------------------------------------------------------------------ legal forms
def _case(term):
    """Best-effort casing for cleanco's lower-case terms: s.p.a. -> S.p.A. is not derivable, so
    dotted abbreviations become upper case (S.P.A.); short undotted ones upper case (LLC);
    words title case (Limited). Curated casings in legal_forms_extra.tsv take precedence."""
    out = []
    for tok in term.split(" "):
        if "." in tok or (len(tok) <= 4 and tok.isalpha() and tok not in ("and", "co", "&")):
            out.append(tok.upper())
        elif tok == "co":
            out.append("Co")
        else:
            out.append(tok.capitalize() if tok.isalpha() else tok)
    return " ".join(out)


def build_legal_forms():
    import cleanco.termdata as td
    import pycountry
    extra = []
    with open(os.path.join(HERE, "legal_forms_extra.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                form, ccs = (line.rstrip("\n").split("\t") + [""])[:2]
                extra.append((form, ccs))
    curated = {}
    for form, ccs in extra:
        curated.setdefault(form.lower(), form)
    name_fix = {"Bosnia / Herzegovina": "BA", "Columbia": "CO", "Luxemborg": "LU", "Korea": "KR",
                "Russia": "RU", "Macedonia": "MK", "Czech Republic": "CZ", "Turkey": "TR",
                "United States of America": "US", "United Kingdom": "GB"}
    forms = {}
    for country, terms in td.terms_by_country.items():
        cc = name_fix.get(country)
        if not cc:
            try:
                cc = pycountry.countries.lookup(country).alpha_2
            except LookupError:
                cc = ""
        for t in terms:
            t = t.strip()
            if not t or not t.isascii():
                continue
            f = curated.get(t.lower(), _case(t))
            forms.setdefault(f, set())
            if cc:
                forms[f].add(cc)
    for terms in td.terms_by_type.values():
        for t in terms:
            t = t.strip()
            if t and t.isascii():
                forms.setdefault(curated.get(t.lower(), _case(t)), set())
    for form, ccs in extra:
        forms.setdefault(form, set()).update(c for c in ccs.split(",") if c)
    rows = [[f, ",".join(sorted(c))] for f, c in sorted(forms.items()) if len(f) >= 2]
    log(f"legal forms: {len(rows)}")
    return rows
