"""Build region_adjectives.tsv: German adjectives (all six inflected forms, lower case) and
capitalised demonym / attributive forms for countries, first-level subdivisions of DE/AT/CH
and large cities.

Country adjectives come from npm i18n-nationality (MIT). Everything else is DERIVED by
suffix rules and kept only if the form is attested in the German lexicon (wngerman /
german-nouns, used as a filter). Demonyms that are also ordinary nouns (Hammer <- Hamm,
Sieger <- Siegen) are dropped unless the lexicon also has the feminine inhabitant form
(-in) AND the place is large.
"""
import os
import re

from common import HERE, clean, lexicon, npm_json, plain_romanisation

INFLECT = ("", "e", "en", "er", "es", "em")
DACH = ("DE", "AT", "CH")
UMLAUT = (("au", "äu"), ("a", "ä"), ("o", "ö"), ("u", "ü"))


def umlaut_variants(s):
    """All single-umlaut variants of s (last vowel first): sachs -> sächs, westfal -> westfäl."""
    out = []
    for a, b in UMLAUT:
        i = s.rfind(a)
        if i >= 0:
            out.append(s[:i] + b + s[i + len(a):])
    return out


def stems(name):
    n = name
    st = {n}
    if n.endswith("ien"):
        st |= {n[:-3], n[:-2]}
    if n.endswith("en"):
        st.add(n[:-2])
    if n.endswith(("n", "a", "e", "o", "i")):
        st.add(n[:-1])
    if n.endswith("ich"):
        st.add(n[:-3] + "ch")      # Zürich -> Zürch(er)
    return {s for s in st if len(s) >= 3}


class Adjectives:
    def __init__(self, regions):
        self.reg = regions
        self.lex = lexicon()
        self.rows = set()          # (form, canonical, kb_id)
        with open(os.path.join(HERE, "adjective_stoplist.txt"), encoding="utf-8") as f:
            self.stoplist = {l.strip() for l in f if l.strip() and not l.startswith("#")}
        self.counts = {"country_adj": 0, "state_adj": 0, "city_adj": 0, "demonym": 0}

    def add_adj(self, base, canon, kb, kind):
        base = base.lower()
        for suf in INFLECT:
            self.rows.add((base + suf, canon, kb))
        self.counts[kind] += 1

    def add_noun(self, form, canon, kb):
        if (form, canon, kb) not in self.rows:
            self.rows.add((form, canon, kb))
            self.counts["demonym"] += 1

    def attested(self, w):
        return self.lex.has(w)

    def person_noun_ok(self, w, big, truncated):
        """A derived -er/-e form is kept unless it is a person's name (Dürer, George) or an ordinary
        noun (Hammer, Sieger <- Sieg+er, Esser, Indianer). An ordinary noun survives only when it is
        the full place name + suffix, the place is large and the feminine is attested
        (Berliner/Berlinerin, Hamburger, Wiener, Thüringer)."""
        if w in self.stoplist:
            return False
        kinds = self.lex.gn_proper.get(w, set())
        noun = self.lex.noun(w)
        if kinds & {"Vorname", "Nachname"} and not noun:
            return False
        fem = [w + "in", w[:-1] + "in"] + [u + "in" for u in umlaut_variants(w[:-1])]
        fem_ok = any(self.attested(f) for f in fem)
        if truncated and not fem_ok:
            return False      # Düren -> Dürer (a surname), no "Dürerin"
        if not noun:
            return True
        return big and fem_ok

    def demonyms(self, name, canon, kb, big, extra_stems=(), mode="place"):
        """Derive capitalised inhabitant / attributive forms and keep the attested ones.
        mode: "country" -> only full name + suffix and nationality-adjective stems
              "dach"    -> also truncated stems (Thüringen -> Thüringer, Dresden -> Dresdner)
              "place"   -> full name + suffix, and -ien -> -ier (Kalifornien -> Kalifornier)"""
        name = clean(name)
        if " " in name:
            return
        pre, last = "", name
        if "-" in name:
            pre, last = name.rsplit("-", 1)
            pre += "-"
        cands = {}  # candidate -> derived from a truncated stem?

        def put(c, truncated):
            cands[c] = cands.get(c, True) and truncated
        for st in sorted(stems(last)):
            truncated = st != last
            if truncated and mode == "country":
                continue
            if truncated and mode == "place" and not (last.endswith("ien") and st == last[:-2]):
                continue
            for sv in [st, *umlaut_variants(st)]:
                for suf in (("r",) if sv.endswith("i") else ("er", "ner", "aner", "enser")):
                    put(sv + suf, truncated)
        for st in extra_stems:  # stem of the nationality adjective (japan-isch, chines-isch)
            for sv in [st, *umlaut_variants(st)]:
                for suf in ("er", "e"):
                    put(sv + suf, False)
        # a place whose name is also a German verb/word gives agent nouns, not demonyms
        # (Siegen -> Sieger, Essen -> Esser, Gießen -> Gießer)
        verbish = last.lower() in self.lex.wn_lower
        found = []
        for c in sorted(cands):
            full = pre + c if pre else c
            full = full[:1].upper() + full[1:]
            if full == name or full in self.place_names:
                continue
            truncated = cands[c]
            if truncated and verbish:
                continue
            if self.attested(full) and self.person_noun_ok(full, big, truncated):
                found.append(full)
        for f in found:
            self.add_noun(f, canon, kb)
            fems = [f + "in"] if f.endswith("er") else [f[:-1] + "in", *[u + "in" for u in umlaut_variants(f[:-1])]]
            for fem in fems:
                if self.attested(fem):
                    self.add_noun(fem, canon, kb)
                    if self.attested(fem + "nen"):
                        self.add_noun(fem + "nen", canon, kb)
            if f.endswith("e") and self.attested(f + "n") and f + "n" not in self.place_names:
                self.add_noun(f + "n", canon, kb)

    def isch(self, name, canon, kb, kind):
        name = clean(name)
        if " " in name:
            return False
        pre, last = "", name
        if "-" in name:
            pre, last = name.rsplit("-", 1)
            pre = pre.lower() + "-"
        ok = False
        for st in sorted(stems(last)):
            lo = st.lower()
            for sv in [lo, *umlaut_variants(lo)]:
                for suf in ("isch", "sch", "nisch", "anisch", "esisch", "erisch", "ensisch"):
                    c = sv + suf
                    if self.attested(c) and not (c.endswith("s") and c[:-1] in self.lex.wn):
                        self.add_adj(pre + c, canon, kb, kind)
                        ok = True
        return ok

    def build(self):
        reg = self.reg
        self.place_names = {sf for (sf, kb) in reg.surf
                            if reg.ent[kb]["subtype"] in ("country", "state") or reg.ent[kb]["weight"] >= 15000}
        nat = npm_json("i18n-nationality/langs/de.json")["nationalities"]
        for a2, adj in sorted(nat.items()):
            if a2 not in reg.ent:
                continue
            canon = reg.ent[a2]["canonical"]
            adj = re.sub(r"\s*\(.*?\)", "", adj).strip()
            if not re.fullmatch(r"[A-Za-zÄÖÜäöüß-]+sch", adj):
                continue
            self.add_adj(adj, canon, a2, "country_adj")
            if adj.endswith("isch"):  # deutsch/tschechisch-type stems give no usable demonym
                stem = adj[:-4]
                self.demonyms(canon, canon, a2, True, extra_stems=[stem[:1].upper() + stem[1:]], mode="country")
            else:
                self.demonyms(canon, canon, a2, True, mode="country")
        for kb, e in sorted(reg.ent.items()):
            st, cc, canon = e["subtype"], e["cc"], e["canonical"]
            if st == "country" and kb not in nat:
                self.isch(canon, canon, kb, "country_adj")
                self.demonyms(canon, canon, kb, True, mode="country")
            elif st == "state":
                self.isch(canon, canon, kb, "state_adj")
                self.demonyms(canon, canon, kb, cc in DACH, mode="dach" if cc in DACH else "place")
            elif st == "city" and (e["weight"] >= 50000 if cc in DACH else e["weight"] >= 1000000):
                self.demonyms(canon, canon, kb, e["weight"] >= 100000, mode="dach" if cc in DACH else "place")
        # one row per form: country > state > city, then population, then kb_id
        prio = {"country": 0, "state": 1, "macro_region": 2, "city": 3, "district": 4}
        best = {}
        for form, canon, kb in self.rows:
            e = reg.ent[kb]
            key = (prio[e["subtype"]], -e["weight"], kb)
            if form not in best or key < best[form][0]:
                best[form] = (key, canon, kb)
        return sorted((f, plain_romanisation(c), k) for f, (_, c, k) in best.items())
