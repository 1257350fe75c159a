"""Build first_names.tsv and roles.tsv.

first_names.tsv  name  gender(m|f|u)  origin(ISO codes, comma-separated)
  Permissively licensed sources only:
  * Faker person providers (MIT): male/female first-name lists of ~80 locales; Latin-script lists
    directly, romanised lists where a locale has them (ja_JP, zh_TW, zh_CN)
  * zh_CN given names (Faker, Han characters) -> Hanyu Pinyin via pypinyin (MIT)
  * ko_KR given names (Faker, Hangul) -> Revised Romanization (algorithm below)
  * names 0.3.0 (MIT): US Census 1990 first-name lists (public domain data)
  * japanese-personal-name-dataset (MIT): curated popular ("opti") given-name readings, Hepburn
  nam_dict (gender-guesser, GFDL) and german-nouns (CC BY-SA) are NOT used for names.

roles.tsv  word  gender(m|f|u)  kind(role|title|honorific)
  Head words in role_heads.txt, compounds derived from the German lexicon (filter only).
"""
import importlib
import os
import pkgutil
import re

from common import HERE, is_latin, lexicon, log

# ------------------------------------------------------------------ first names
LOCALE_CC = {  # Faker locale -> ISO country; language-only locales get no origin
    "ar_AA": "", "en": "", "es": "", "sw": "", "tw_GH": "GH",
}


def locale_cc(loc):
    if loc in LOCALE_CC:
        return LOCALE_CC[loc]
    parts = loc.split("_")
    return parts[1] if len(parts) == 2 and len(parts[1]) == 2 else ""


# Revised Romanization of Korean for given names (syllable by syllable, with the common
# convention of romanising each syllable in isolation, as in passports: Min-jun / Minjun).
_RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_RR_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "eu", "ui", "i"]
_RR_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
             "ng", "t", "t", "k", "t", "p", "t"]


def romanize_korean_syllable(ch):
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return None
    ini, med, fin = code // 588, (code % 588) // 28, code % 28
    ini_s = _RR_INITIAL[ini]
    if ini_s == "r":
        ini_s = "r"
    return ini_s + _RR_MEDIAL[med] + _RR_FINAL[fin]


def romanize_korean(name):
    sylls = [romanize_korean_syllable(c) for c in name]
    if not sylls or None in sylls:
        return []
    sylls = [("l" + s[1:] if s.startswith("r") and i == 0 else s) for i, s in enumerate(sylls)]
    if len(sylls) == 1:
        return [sylls[0].capitalize()]
    joined = "".join(sylls).capitalize()
    hyph = "-".join(sylls).capitalize()
    return [joined, hyph]


def hepburn(romaji):
    """Wapuro romaji from the dataset -> common Hepburn without macrons (tarou -> Taro)."""
    r = romaji.lower()
    r = re.sub(r"ou", "o", r)
    r = re.sub(r"uu", "u", r)
    r = re.sub(r"oo(?=.)", "o", r)
    r = re.sub(r"n'", "n", r)
    return r.capitalize()


class FirstNames:
    def __init__(self):
        self.names = {}  # name -> [set genders, set origins]

    def add(self, name, gender, cc):
        name = name.strip()
        if len(name) < 2 or not is_latin(name) or not name[0].isupper() or " " in name:
            return
        if not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", name):
            return
        e = self.names.setdefault(name, [set(), set()])
        if gender:
            e[0].add(gender)
        if cc:
            e[1].add(cc)

    def faker(self):
        import faker.providers.person as fp
        for m in sorted(pkgutil.iter_modules(fp.__path__), key=lambda m: m.name):
            loc = m.name
            try:
                P = importlib.import_module(f"faker.providers.person.{loc}").Provider
            except Exception:  # pragma: no cover - a broken locale must not stop the build
                continue
            cc = locale_cc(loc)
            for attr, g in (("first_names_male", "m"), ("first_names_female", "f"),
                            ("first_romanized_names_male", "m"), ("first_romanized_names_female", "f")):
                vals = getattr(P, attr, None)
                if not isinstance(vals, (list, tuple, dict)):
                    continue
                for n in vals:
                    if not isinstance(n, str):
                        continue
                    if loc == "zh_TW" and "romanized" in attr:
                        n = "-".join(p.capitalize() for p in n.split("-"))
                    self.add(n, g, cc)
                    if loc.startswith("zh_") and "romanized" in attr and "-" in n:
                        a, b = n.split("-", 1)
                        self.add(a + b.lower(), g, cc)
            if loc == "zh_CN":
                from pypinyin import lazy_pinyin
                for attr, g in (("first_names_male", "m"), ("first_names_female", "f")):
                    for n in getattr(P, attr, []):
                        py = "".join(lazy_pinyin(n)).replace("ü", "u").replace("v", "u")
                        self.add(py.capitalize(), g, "CN")
                for n in getattr(P, "first_romanized_names", []):
                    self.add(n, "", "CN")
            if loc == "ko_KR":
                for attr, g in (("first_names_male", "m"), ("first_names_female", "f")):
                    for n in getattr(P, attr, []):
                        for r in romanize_korean(n):
                            self.add(r, g, "KR")

    def census(self):
        import names as names_pkg
        base = os.path.dirname(names_pkg.__file__)
        for fn, g in (("dist.male.first", "m"), ("dist.female.first", "f")):
            with open(os.path.join(base, fn), encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if parts:
                        self.add(parts[0].capitalize(), g, "US")

    def japanese(self):
        import japanese_personal_name_dataset as jp
        base = os.path.join(os.path.dirname(jp.__file__), "dataset")
        for fn, g in (("first_name_man_opti.csv", "m"), ("first_name_woman_opti.csv", "f")):
            with open(os.path.join(base, fn), encoding="utf-8") as f:
                for line in f:
                    parts = line.strip().split(",")
                    if len(parts) >= 2 and re.fullmatch(r"[a-z']+", parts[1]):
                        self.add(hepburn(parts[1]), g, "JP")

    def build(self):
        self.faker()
        self.census()
        self.japanese()
        rows = []
        for n in sorted(self.names):
            gs, ccs = self.names[n]
            g = next(iter(gs)) if len(gs) == 1 else "u"
            rows.append([n, g, ",".join(sorted(ccs))])
        return rows


# ------------------------------------------------------------------ roles
def read_heads():
    heads, prefixes = [], []
    with open(os.path.join(HERE, "role_heads.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("+"):
                prefixes.append(line[1:].strip())
                continue
            masc, fem, kind, mode = line.rstrip("\n").split("\t")
            heads.append((masc, None if fem == "-" else fem, kind, mode))
    return heads, prefixes


def build_roles():
    lex = lexicon()
    vocab = sorted({w for w in lex.wn if w[:1].isupper()} | {w for w in lex.gn_forms if w[:1].isupper()})
    rows = {}

    def put(word, gender, kind):
        if word not in rows:
            rows[word] = [word, gender, kind]
        elif rows[word][1] != gender:
            rows[word][1] = "u"

    heads, prefixes = read_heads()
    # longest head first, so "Ministerpräsident" owns its compounds before "Präsident"
    for masc, fem, kind, mode in sorted(heads, key=lambda h: (-len(h[0]), h[0])):
        if mode == "exact":
            g = "m" if fem else ("m" if kind == "honorific" else "u")
            put(masc, g, kind)
            if fem:
                put(fem, "f", kind)
            continue
        if mode == "adj":
            put(masc, "m", kind)
            put(fem, "u", kind)   # "die/der Vorsitzende"
            forms = [(masc, "m"), (fem, "u")]
        else:
            put(masc, "m", kind)
            if fem:
                put(fem, "f", kind)
            forms = [(masc, "m")]
            if mode == "open":
                for p in prefixes:
                    put(p + masc.lower(), "m", kind)
                    if fem:
                        put(p + fem.lower(), "f", kind)
        for head, g in forms:
            hl = head.lower()
            for w in vocab:
                if len(w) <= len(head) or not w.lower().endswith(hl) or w in rows:
                    continue
                prefix = w[: len(w) - len(head)]
                if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]*)*-?", prefix) and not prefix.endswith("-"):
                    continue
                if len(prefix.rstrip("-")) < 2:
                    continue
                fem_form = None
                if mode == "adj":
                    fem_form = prefix + fem.lower() if not prefix.endswith("-") else prefix + fem
                elif fem:
                    fem_form = prefix + (fem if prefix.endswith("-") else fem.lower())
                if mode in ("strict", "adj") and not (fem_form and lex.has(fem_form)):
                    continue
                put(w, g, kind)
                if fem_form and mode != "adj":
                    put(fem_form, "f", kind)
                elif fem_form and mode == "adj" and g == "m":
                    put(fem_form, "u", kind)
    log(f"roles: {len(rows)} forms from {len(heads)} heads")
    return [rows[w] for w in sorted(rows)]
