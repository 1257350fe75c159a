"""Shared helpers for the meldung gazetteer generator: paths, text normalisation,
the German lexicon filters and deterministic TSV writing.

Lexicons (build-time FILTERS only, nothing from them is written out as a list):
  * wngerman  (/usr/share/dict/ngerman, GPL-2+)      -- German word forms with case
  * wamerican (/usr/share/dict/american-english, SCOWL, permissive) -- lower-case English words
  * german-nouns (PyPI, CC BY-SA 4.0, German Wiktionary) -- noun lemmas, all case forms,
    and a part-of-speech column that separates common nouns from toponyms / names
"""
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.environ.get("MELDUNG_GAZ_OUT", os.path.dirname(HERE))
CACHE = os.environ.get("MELDUNG_GAZ_CACHE", os.path.expanduser("~/.cache/meldung-gazetteers"))
NPM = os.path.join(CACHE, "npm", "node_modules")
ORGS_DIR = os.environ.get("MELDUNG_ORGS_DIR", "/work/shared/data/orgs")
WNGERMAN = os.environ.get("MELDUNG_WNGERMAN", "/usr/share/dict/ngerman")
WAMERICAN = os.environ.get("MELDUNG_WAMERICAN", "/usr/share/dict/american-english")

csv.field_size_limit(10**8)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def npm_json(rel):
    return load_json(os.path.join(NPM, rel))


# ------------------------------------------------------------------ text
_KEEP = set("äöüÄÖÜß")


def fold(s):
    """Remove diacritics except German umlauts and ß (Ōsaka -> Osaka, Québec -> Quebec)."""
    out = []
    for ch in s:
        if ch in _KEEP:
            out.append(ch)
            continue
        d = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in d if not unicodedata.combining(c)))
    return "".join(out).replace("\u2019", "'").replace("\u02bc", "'")


# Marks of scholarly romanisation (IAST, Arabic and Persian transcription in GeoNames names:
# "Rājkot", "Srīperumbūdūr", "Al Mawşil", "Ḩalab") that German writing never uses: macron,
# dot below, macron below, breve below, and the cedilla under h, d, z. Letters of a language's own
# alphabet (ç, ş in Turkish names, ã, ł, ő) are kept.
_ROMANISATION_MARKS = {"\u0304", "\u0323", "\u0331", "\u032e"}


def plain_romanisation(s):
    """Drop romanisation marks from a name: "Srīperumbūdūr" -> "Sriperumbudur", "Ḩalab" ->
    "Halab"; "São Paulo", "Eskişehir", "Łódź" are unchanged."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in _ROMANISATION_MARKS:
            continue
        if ch == "\u0327" and out and out[-1] in "hHdDzZ":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def is_latin(s):
    """True if every letter is Latin script (drops CJK/Cyrillic/Arabic alternate names)."""
    for c in s:
        if c.isalpha() and not (c.isascii() or unicodedata.name(c, "").startswith("LATIN")):
            return False
    return True


def clean(s):
    """Collapse whitespace, NFC-normalise, strip."""
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "").replace("\u200b", "")
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip("'\"\u2018\u2019\u201c\u201d\u02bb\u02bf ")


# ------------------------------------------------------------------ lexicons
class Lexicon:
    """German word knowledge used as a filter.

    common(s)   -> s (one token) is also an ordinary German word: a common noun form in
                   german-nouns (Essen, Halle, Bad, Mark) or a lower-case word in wngerman
                   (weil, man, reich).
    has(w)      -> w is attested in wngerman or as a german-nouns form.
    noun(w)     -> w is a common-noun form in german-nouns (not a toponym / name).
    """

    PROPER = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}

    def english_word(self, s):
        """s is a lower-case English word in its own right (enterprise, central), not only the
        plural of one (Wales, Tours, Wells are places first)."""
        w = s.lower()
        if w not in self.en_lower or w in self.en_proper:
            return False
        return not (w.endswith("s") and (w[:-1] in self.en_lower or w.endswith("es") and w[:-2] in self.en_lower))

    def __init__(self):
        log("loading lexicons (wngerman, german-nouns) ...")
        self.wn = set()
        with open(WNGERMAN, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w:
                    self.wn.add(w)
        self.wn_lower = {w for w in self.wn if w[:1].islower()}
        # English words written in lower case (enterprise, central, golden): a foreign place
        # named like one mostly appears in German text inside an English name ("Enterprise
        # Ireland", "Central Bank"). Filter only, never shipped.
        with open(WAMERICAN, encoding="utf-8") as f:
            words = [w.strip() for w in f if "'" not in w]
        self.en_lower = {w for w in words if w[:1].islower()}
        # capitalised entries are proper names (Shanghai, Bologna, Surrey, Cork): a place the
        # English list knows by name stays a place even when a common word shares its spelling
        self.en_proper = {w.lower() for w in words if w[:1].isupper()}

        self.gn_common = set()      # forms of common nouns
        self.gn_proper = {}         # form -> set(kinds)
        self.gn_forms = set()
        self.gn_lemma_forms = {}    # lemma -> forms (common nouns only)
        self.gn_singular_only = set()  # common-noun lemmas without a plural form (Baskenland)
        self.gn_vorname = {}        # first names (lemma -> genus) -- filter only
        from german_nouns.config import CSV_FILE_PATH
        with open(CSV_FILE_PATH, encoding="utf-8") as f:
            rd = csv.reader(f)
            hdr = next(rd)
            form_cols = [i for i, h in enumerate(hdr) if h not in ("lemma", "pos") and not h.startswith("genus")]
            plural_cols = [i for i, h in enumerate(hdr) if "plural" in h]
            genus_cols = [i for i, h in enumerate(hdr) if h.startswith("genus")]
            for row in rd:
                lemma, pos = row[0], set(row[1].split(","))
                if lemma.startswith("-"):
                    continue
                forms = {lemma} | {row[i] for i in form_cols if row[i] and row[i] != "—"}
                forms = {x for x in forms if not x.startswith("-")}
                self.gn_forms |= forms
                kinds = pos & self.PROPER
                if kinds:
                    for fm in forms:
                        self.gn_proper.setdefault(fm, set()).update(kinds)
                    if "Vorname" in kinds:
                        self.gn_vorname[lemma] = "".join(sorted({row[i] for i in genus_cols if row[i]}))
                elif "Substantiv" in pos or "adjektivische Deklination" in pos:
                    self.gn_common |= forms
                    self.gn_lemma_forms.setdefault(lemma, set()).update(forms)
                    if not any(row[i] and row[i] != "—" for i in plural_cols):
                        self.gn_singular_only.add(lemma)

    def common(self, s):
        if " " in s or len(s) < 2:
            return False
        return s in self.gn_common or s.lower() in self.wn_lower

    def has(self, w):
        return w in self.wn or w in self.gn_forms

    def noun(self, w):
        return w in self.gn_common


_LEX = None


def lexicon():
    global _LEX
    if _LEX is None:
        _LEX = Lexicon()
    return _LEX


# ------------------------------------------------------------------ output
def write_tsv(name, header_comment, columns, rows):
    """Write rows (already sorted) as UTF-8 TSV with '#' comment header lines."""
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header_comment:
            f.write("# " + line + "\n" if line else "#\n")
        f.write("# " + "\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in r) + "\n")
    log(f"wrote {name}: {len(rows)} rows")
    return path
