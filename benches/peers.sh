#!/usr/bin/env bash
# meldung against the peers (issue #7): the tools an analyst would otherwise use, on the same
# folder of real German news texts, with the same gazetteer names meldung matches.
#
# Runs the harness in ../shared/reference/peers (see its README.md):
#   - a venv at $WORK/venv with its requirements.txt (made once),
#   - jsonl_to_folder.py: ../shared/data/news/german_news_docs.jsonl -> $WORK/news/*.txt (5.3 MB),
#   - a gazetteer TSV (name<TAB>label) derived from gazetteers/regions.tsv and organisations.tsv
#     (surface + type of every row, comment lines skipped): the names meldung matches,
#   - bench.py --tools spacy,flashtext --gazetteer that TSV,
#   - bench.py --tools somajo,dateparser,duckling --time-budget $BUDGET,
#   - bench.py --tools heideltime --time-budget $BUDGET (Java 17 with javac needed),
# then times meldung on the same folder (`extract --stats --jobs 1 FOLDER > /dev/null`, best of 3;
# the date-stage figure comes from the "stage times" lines of --stats when the binary prints them)
# and prints a side-by-side table. Results: $WORK/peers.md, $WORK/peers.json.
#
# usage: benches/peers.sh [--shared DIR] [--work DIR] [--budget S] [--tools LIST] [--no-build]
#   --shared DIR  the shared folder (default: ../shared beside the repository)
#   --work DIR    scratch directory (default: ${TMPDIR:-/tmp}/meldung-peers)
#   --budget S    time budget of the slow tools in seconds (default 300): partial rate after S s
#   --tools LIST  peers to run (default spacy,flashtext,somajo,dateparser,duckling,heideltime)
#   --no-build    do not run cargo; use the release binary as it is
#   --reuse-peers keep the peer results of an earlier run in $WORK (only meldung is timed again)
# Peers run single-threaded (one Python/JVM process each), so meldung runs with --jobs 1.
# MB are 10^6 bytes of UTF-8 text (the .txt files). Shared, noisy machine: compare ratios.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED="$REPO/../shared"
WORK="${TMPDIR:-/tmp}/meldung-peers"
BUDGET=300
TOOLS="spacy,flashtext,somajo,dateparser,duckling,heideltime"
BUILD=1
REUSE=0

die() { echo "peers.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --shared) [ $# -ge 2 ] || die "--shared needs a directory"; SHARED="$2"; shift ;;
        --work) [ $# -ge 2 ] || die "--work needs a directory"; WORK="$2"; shift ;;
        --budget) [ $# -ge 2 ] || die "--budget needs seconds"; BUDGET="$2"; shift ;;
        --tools) [ $# -ge 2 ] || die "--tools needs a list"; TOOLS="$2"; shift ;;
        --no-build) BUILD=0 ;;
        --reuse-peers) REUSE=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
done
[[ "$BUDGET" =~ ^[0-9]+$ ]] || die "--budget wants whole seconds, not '$BUDGET'"

[ -d "$SHARED" ] || die "shared folder not found: $SHARED (give it with --shared DIR)"
PEERS="$SHARED/reference/peers"
SOURCE="$SHARED/data/news/german_news_docs.jsonl"
[ -f "$PEERS/bench.py" ] || die "peers harness not found: $PEERS/bench.py"
[ -r "$SOURCE" ] || die "news corpus not found: $SOURCE"
command -v python3 >/dev/null || die "python3 is needed"
for f in regions.tsv organisations.tsv; do
    [ -r "$REPO/gazetteers/$f" ] || die "gazetteer not found: $REPO/gazetteers/$f"
done
case ",$TOOLS," in
    *,heideltime,*)
        if ! command -v java >/dev/null || ! command -v javac >/dev/null; then
            die "HeidelTime needs Java 17 with javac (apt-get install openjdk-17-jdk-headless), or leave it out of --tools"
        fi ;;
esac

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
case "$WORK/" in "$REPO"/*) die "scratch directory $WORK is inside the repository: choose another with --work" ;; esac
export PEERS_WORK="$WORK/harness"          # bench.py's scratch (compiled Java, configs)
mkdir -p "$PEERS_WORK"

# ------------------------------------------------------------------------------------ venv
VENV="$WORK/venv"
REQ_SUM=$(sha256sum "$PEERS/requirements.txt" | cut -c1-16)
if [ ! -f "$VENV/.meldung-peers-ok" ] || [ "$(cat "$VENV/.meldung-peers-ok")" != "$REQ_SUM" ]; then
    echo "venv $VENV: installing $PEERS/requirements.txt (a few minutes)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip >&2
    "$VENV/bin/pip" install -q -r "$PEERS/requirements.txt" >&2
    echo "$REQ_SUM" > "$VENV/.meldung-peers-ok"
fi
PY="$VENV/bin/python"

# ------------------------------------------------------------------------------------ inputs
NEWS="$WORK/news"
NDOCS=$(grep -c . "$SOURCE")
if [ ! -d "$NEWS" ] || [ "$(find "$NEWS" -name '*.txt' | wc -l)" != "$NDOCS" ]; then
    rm -rf "$NEWS"
    python3 "$PEERS/jsonl_to_folder.py" "$SOURCE" "$NEWS" >&2
fi
NEWS_BYTES=$(find "$NEWS" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')

GAZ="$WORK/gazetteer.tsv"
grep -hv '^#' "$REPO/gazetteers/regions.tsv" "$REPO/gazetteers/organisations.tsv" \
    | awk -F'\t' 'NF >= 2 && $1 != "" && $2 != "" {print $1 "\t" $2}' \
    | LC_ALL=C sort -u > "$GAZ"
GAZ_NAMES=$(wc -l < "$GAZ")
echo "gazetteer $GAZ: $GAZ_NAMES names ($(cut -f2 "$GAZ" | sort | uniq -c | awk '{printf "%s %s ", $1, $2}'))" >&2

# ------------------------------------------------------------------------------------ peers
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
[ "$REUSE" = 1 ] || rm -f "$RESULTS"/peers-*.json
run_bench() {   # run_bench NAME TOOLS [extra bench.py args]
    local name=$1 tools=$2
    shift 2
    [ -n "$tools" ] || return 0
    if [ "$REUSE" = 1 ] && [ -f "$RESULTS/peers-$name.json" ]; then
        echo "bench.py --tools $tools: reusing $RESULTS/peers-$name.json" >&2
        return 0
    fi
    echo "bench.py --tools $tools $*" >&2
    "$PY" "$PEERS/bench.py" "$NEWS" --tools "$tools" --json "$RESULTS/peers-$name.json" "$@" \
        | tee "$RESULTS/peers-$name.log" >&2
}
pick() {        # pick TOOL...: those of $TOOLS, comma-separated
    local out="" t
    for t in "$@"; do
        case ",$TOOLS," in *,"$t",*) out="$out${out:+,}$t" ;; esac
    done
    echo "$out"
}
run_bench gazetteer "$(pick spacy flashtext)" --gazetteer "$GAZ"
run_bench text "$(pick somajo dateparser duckling hanta)" --time-budget "$BUDGET"
run_bench heideltime "$(pick heideltime)" --time-budget "$BUDGET"

# ------------------------------------------------------------------------------------ meldung
. "$REPO/benches/release_binary.sh"
: > "$RESULTS/meldung.tsv"
for i in 1 2 3; do
    cat "$NEWS"/*.txt > /dev/null
    t0=$(date +%s%N)
    rc=0
    "$BIN" --stats --jobs 1 "$NEWS" > /dev/null 2> "$RESULTS/meldung.$i.err" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
        tail -n 20 "$RESULTS/meldung.$i.err" >&2
        die "extract failed with exit status $rc"
    fi
    echo "$i $(( (t1 - t0) / 1000000 ))" >> "$RESULTS/meldung.tsv"
    grep -A 20 '^extract stats' "$RESULTS/meldung.$i.err" | sed 's/^/  /' >&2
done

# ------------------------------------------------------------------------------------ report
python3 - "$RESULTS" "$WORK" "$NEWS_BYTES" "$NDOCS" "$GAZ_NAMES" "$COMMIT" "$BUDGET" <<'PY'
import glob, json, os, re, sys, datetime
results, work, news_bytes, ndocs, gaz_names, commit, budget = sys.argv[1:8]
news_bytes, ndocs, gaz_names = int(news_bytes), int(ndocs), int(gaz_names)
mb = news_bytes / 1e6

# meldung: best of 3 by process wall time
runs = []
for line in open(os.path.join(results, "meldung.tsv")):
    i, ms = line.split()
    err = open(os.path.join(results, f"meldung.{i}.err"), encoding="utf-8").read()
    def field(pattern):
        m = re.search(pattern, err, re.M)
        return float(m.group(1)) if m else None
    stages = {name: float(sec) for name, sec in
              re.findall(r"^\s+(tokenise|dates|entities|relations|record)\s+([0-9.]+)\s*s", err, re.M)}
    runs.append({"try": int(i), "wall_s": int(ms) / 1e3,
                 "stats_mb_s": field(r"^\s*throughput\s+([0-9.]+)"),
                 "stats_startup_ms": field(r"^\s*start-up\s+([0-9.]+)"),
                 "stats_peak_mb": field(r"^\s*peak memory\s+([0-9.]+)"),
                 "stages_s": stages})
best = min(runs, key=lambda r: r["wall_s"])
# End-to-end figure: whole process (start-up included, a few ms) over the whole folder.
meldung = {"tool": "meldung", "what": "meldung end-to-end: read, tokenise, sentences, dates, entities, relations, JSON out (--jobs 1)",
           "docs": ndocs, "bytes": news_bytes, "proc_s": best["wall_s"],
           "MB_per_s": mb / best["wall_s"], "docs_per_s": ndocs / best["wall_s"], "stats": best}
rows = [meldung]
date_stage = None
if "dates" in best["stages_s"] and best["stages_s"]["dates"] > 0:
    s = best["stages_s"]["dates"]
    date_stage = {"tool": "meldung dates stage", "what": "meldung date stage alone (from --stats stage times; tokenising not included)",
                  "docs": ndocs, "bytes": news_bytes, "proc_s": s, "MB_per_s": mb / s, "docs_per_s": ndocs / s}
    rows.append(date_stage)

WHAT = {"spacy": f"spaCy blank('de') tokeniser + PhraseMatcher over the {gaz_names} gazetteer names",
        "flashtext": f"flashtext keyword matching over the {gaz_names} gazetteer names (no tokeniser)",
        "somajo": "SoMaJo tokeniser + sentence splitter",
        "dateparser": "dateparser search_dates (German)",
        "duckling": "Duckling time + duration (German)",
        "heideltime": "HeidelTime 2.2.1 + TreeTagger, one JVM (dates only)",
        "hanta": "HanTa POS + lemma (after SoMaJo)"}
peers = []
for path in sorted(glob.glob(os.path.join(results, "peers-*.json"))):
    for r in json.load(open(path, encoding="utf-8")):
        r["what"] = WHAT.get(r["tool"], r["tool"])
        peers.append(r)
DATE_TOOLS = {"dateparser", "duckling", "heideltime"}
order = ["spacy", "flashtext", "somajo", "dateparser", "duckling", "heideltime", "hanta"]
peers.sort(key=lambda r: order.index(r["tool"]) if r["tool"] in order else 99)

def ratio(num, den):
    return None if not num or not den else num / den

lines = [f"meldung vs peers on {ndocs} German news texts ({mb:.2f} MB), commit {commit}, "
         f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, gazetteer {gaz_names} names, budget {budget} s\n",
         "| tool | what it does | docs | MB/s | docs/s | meldung end-to-end / tool | meldung date stage / tool |",
         "|---|---|---|---|---|---|---|"]
for r in rows + peers:
    if "error" in r:
        lines.append(f"| {r['tool']} | {r['what']} | error: {r['error'][-120:].strip()!r} | | | | |")
        continue
    e2e = ratio(meldung["MB_per_s"], r["MB_per_s"])
    ds = ratio(date_stage["MB_per_s"], r["MB_per_s"]) if date_stage and r["tool"] in DATE_TOOLS else None
    partial = " (partial: budget)" if r.get("partial") else ""
    lines.append(f"| {r['tool']} | {r['what']} | {r['docs']}{partial} | {r['MB_per_s']:.3g} | {r['docs_per_s']:.1f} | "
                 + ("—" if r is meldung or r is date_stage else f"{e2e:,.1f}×" if e2e else "n/a") + " | "
                 + (f"{ds:,.0f}×" if ds else "—" if r["tool"] not in DATE_TOOLS else "n/a") + " |")
if not date_stage:
    lines.append("| meldung dates stage | date stage alone | | (this binary prints no stage times) | | | |")
lines.append("")
lines.append("Peers: loading excluded, one process each (bench.py). meldung: process wall time, start-up "
             f"included ({best['stats_startup_ms']} ms), best of 3, --jobs 1. MB = 10^6 bytes of text.")
text = "\n".join(lines)
print(text)
open(os.path.join(work, "peers.md"), "w", encoding="utf-8").write(text + "\n")
json.dump({"commit": commit, "docs": ndocs, "bytes": news_bytes, "gazetteer_names": gaz_names,
           "meldung": meldung, "meldung_runs": runs, "meldung_date_stage": date_stage, "peers": peers},
          open(os.path.join(work, "peers.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
PY
echo "(results in $WORK/peers.md and $WORK/peers.json)" >&2
