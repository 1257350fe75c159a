#!/usr/bin/env bash
# Throughput, start-up, memory and scaling of `extract` on real German news (issue #7), and on
# press releases, the genre meldung is for.
#
# Builds, in a scratch directory (never in the repository), a 100 MB and a 1 GB JSON-lines corpus
# by repeating ../shared/data/news/german_news_docs.jsonl (ids made unique per repetition), and a
# 20 MB one by repeating the releases of the gold corpus's dev split (corpus/dev/*.txt: denser
# in names, dates and relations than news, so every stage does more work per MB), builds
# `cargo build --release`, copies the binary aside (so a rebuild during the run changes nothing),
# and times `extract --stats`:
#   100 MB with --jobs 1 and --jobs 2, 1 GB with --jobs 2 (and --jobs 1 with --jobs1-1g: slow),
#   the 20 MB of press releases with --jobs 1,
#   start-up on a one-line input (best of 5).
# Records wall time, MB/s, docs/s, CPU time, peak RSS (/usr/bin/time -v and --stats), checks that
# the 100 MB output is byte-identical for --jobs 1 and 2, and prints a Markdown table plus the
# derived ratios. Results: $WORK/results.md and $WORK/results.json.
#
# usage: benches/throughput.sh [--quick] [--shared DIR] [--work DIR] [--keep] [--jobs1-1g]
#                              [--repeat N] [--no-build]
#   --quick      only the 100 MB news corpus (--jobs 1 and --jobs 2) and the press releases
#   --shared DIR the shared folder (default: ../shared beside the repository)
#   --work DIR   scratch directory (default: ${TMPDIR:-/tmp}/meldung-throughput)
#   --keep       keep the outputs (by default every output is deleted once hashed)
#   --jobs1-1g   also run --jobs 1 on the 1 GB corpus
#   --repeat N   run each 100 MB measurement N times and keep the fastest (default 1)
#   --no-build   do not run cargo; use the release binary as it is
# MB are 10^6 bytes of input file (the whole JSON line). The machine is shared and noisy: compare
# ratios taken in one run, not absolute figures from different runs.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED="$REPO/../shared"
WORK="${TMPDIR:-/tmp}/meldung-throughput"
QUICK=0 KEEP=0 JOBS1_1G=0 REPEAT=1 BUILD=1

die() { echo "throughput.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --keep) KEEP=1 ;;
        --jobs1-1g) JOBS1_1G=1 ;;
        --no-build) BUILD=0 ;;
        --shared) [ $# -ge 2 ] || die "--shared needs a directory"; SHARED="$2"; shift ;;
        --work) [ $# -ge 2 ] || die "--work needs a directory"; WORK="$2"; shift ;;
        --repeat) [ $# -ge 2 ] || die "--repeat needs a number"; REPEAT="$2"; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat wants a positive number, not '$REPEAT'"

SOURCE="$SHARED/data/news/german_news_docs.jsonl"
if [ ! -d "$SHARED" ]; then
    die "shared folder not found: $SHARED (give it with --shared DIR; it holds data/news/german_news_docs.jsonl)"
fi
[ -r "$SOURCE" ] || die "news corpus not found: $SOURCE (is --shared right?)"
command -v python3 >/dev/null || die "python3 is needed to build the corpus"
command -v sha256sum >/dev/null || die "sha256sum is needed"

TIME_V=""
if /usr/bin/time -v true >/dev/null 2>&1; then
    TIME_V=/usr/bin/time
else
    echo "throughput.sh: /usr/bin/time not found (apt-get install time): peak RSS only from --stats" >&2
fi

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
case "$WORK/" in "$REPO"/*) die "scratch directory $WORK is inside the repository: choose another with --work" ;; esac
LOG="$WORK/runs"
mkdir -p "$LOG"

# ------------------------------------------------------------------------------------ corpus
# make_corpus SOURCE TARGET_BYTES OUT: repeat SOURCE until TARGET_BYTES are written (whole
# documents). SOURCE is a JSON-lines file (the news) or a directory of .txt documents (the dev
# releases, ids "dev/NAME"). Repetition k gives every id the suffix "~k"; a "published" that is
# not YYYY-MM-DD (141 tweets carry a number there) is dropped, so every document is extracted
# rather than rejected. A stamp of the source's hash keeps a built corpus until the source changes.
make_corpus() {
    local source=$1 target=$2 out=$3
    local src_sum stamp
    if [ -d "$source" ]; then
        src_sum=$(cat "$source"/*.txt | sha256sum | cut -c1-16)
    else
        src_sum=$(sha256sum "$source" | cut -c1-16)
    fi
    stamp="$src_sum $target v1"
    if [ -f "$out" ] && [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ]; then
        echo "corpus $out: up to date" >&2
        return
    fi
    echo "corpus $out: building $target bytes from $source" >&2
    python3 - "$source" "$target" "$out.tmp" <<'PY'
import json, os, re, sys
src, target, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
docs = []   # (id, the rest of the JSON object after the id: '"text": ..., ...}')
if os.path.isdir(src):
    for name in sorted(n for n in os.listdir(src) if n.endswith(".txt")):
        text = open(os.path.join(src, name), encoding="utf-8").read()
        docs.append(("dev/" + name[:-4], json.dumps({"text": text}, ensure_ascii=False)[1:]))
else:
    for n, line in enumerate(open(src, encoding="utf-8"), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        doc_id = str(d.pop("id", f"line{n}"))
        if "published" in d and not (isinstance(d["published"], str) and iso.match(d["published"])):
            del d["published"]
        docs.append((doc_id, json.dumps(d, ensure_ascii=False)[1:]))
total = rep = 0
with open(out, "w", encoding="utf-8", newline="\n") as fo:
    while total < target:
        for doc_id, rest in docs:
            line = '{"id": ' + json.dumps(f"{doc_id}~{rep}", ensure_ascii=False) + ", " + rest + "\n"
            fo.write(line)
            total += len(line.encode("utf-8"))
            if total >= target:
                break
        rep += 1
print(f"  {total} bytes, {rep} repetitions of {len(docs)} documents", file=sys.stderr)
PY
    mv "$out.tmp" "$out"
    echo "$stamp" > "$out.stamp"
}

make_corpus "$SOURCE" 100000000 "$WORK/news-100MB.jsonl"
make_corpus "$REPO/corpus/dev" 20000000 "$WORK/press-20MB.jsonl"
[ "$QUICK" = 1 ] || make_corpus "$SOURCE" 1000000000 "$WORK/news-1GB.jsonl"
head -n 1 "$SOURCE" > "$WORK/one.jsonl"

# ------------------------------------------------------------------------------------ binary
. "$REPO/benches/release_binary.sh"
CPU=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
NPROC=$(nproc)
DATE=$(date -u +'%Y-%m-%d %H:%M UTC')

# ------------------------------------------------------------------------------------ runs
ROWS="$WORK/rows.tsv"
: > "$ROWS"

# stat_field FILE REGEX: the first number on the first --stats line matching REGEX, or "".
stat_field() {
    grep -iE "$2" "$1" 2>/dev/null | head -n 1 | grep -oE '[0-9]+(\.[0-9]+)?' | head -n 1 || true
}

# run_once NAME INPUT JOBS -> writes $LOG/NAME.{out,err,time} and prints wall seconds
run_once() {
    local name=$1 input=$2 jobs=$3
    local out="$WORK/out-$name.jsonl" t0 t1 rc=0
    cat "$input" > /dev/null                                     # into the page cache
    cut -d' ' -f1 /proc/loadavg > "$LOG/$name.load"
    t0=$(date +%s%N)
    if [ -n "$TIME_V" ]; then
        "$TIME_V" -v -o "$LOG/$name.time" "$BIN" --stats --jobs "$jobs" "$input" \
            > "$out" 2> "$LOG/$name.err" || rc=$?
    else
        "$BIN" --stats --jobs "$jobs" "$input" > "$out" 2> "$LOG/$name.err" || rc=$?
    fi
    t1=$(date +%s%N)
    # 1 = some documents failed (reported in the row), anything else is a failed run
    if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
        tail -n 20 "$LOG/$name.err" >&2
        die "run $name failed with exit status $rc"
    fi
    python3 -c "print(($t1 - $t0) / 1e9)"
}

# measure NAME INPUT JOBS: best of $REPEAT (1 for the 1 GB corpus), hash the output, record a row.
measure() {
    local name=$1 input=$2 jobs=$3 tries=$4
    local best="" wall i
    for ((i = 1; i <= tries; i++)); do
        echo "run $name (--jobs $jobs, $(du -h "$input" | cut -f1), try $i/$tries)" >&2
        wall=$(run_once "$name.try$i" "$input" "$jobs")
        echo "  wall $wall s" >&2
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $wall < $best else 1)"; then
            best=$wall
            for ext in err time load; do
                [ -f "$LOG/$name.try$i.$ext" ] && cp "$LOG/$name.try$i.$ext" "$LOG/$name.$ext"
            done
            mv "$WORK/out-$name.try$i.jsonl" "$WORK/out-$name.jsonl"
        else
            rm -f "$WORK/out-$name.try$i.jsonl"
        fi
    done
    local out="$WORK/out-$name.jsonl"
    local sha bytes docs outbytes rss user sys st_mbs st_peak st_docs failed load
    load=$(cat "$LOG/$name.load" 2>/dev/null || true)
    sha=$(sha256sum "$out" | cut -d' ' -f1)
    outbytes=$(stat -c %s "$out")
    bytes=$(stat -c %s "$input")
    docs=$(wc -l < "$input")
    rss="" user="" sys=""
    if [ -f "$LOG/$name.time" ]; then
        rss=$(stat_field "$LOG/$name.time" 'Maximum resident set size')
        user=$(stat_field "$LOG/$name.time" 'User time')
        sys=$(stat_field "$LOG/$name.time" 'System time')
    fi
    st_mbs=$(stat_field "$LOG/$name.err" '^ *throughput')
    st_peak=$(stat_field "$LOG/$name.err" '^ *peak memory')
    st_docs=$(grep -iE '^ *documents' "$LOG/$name.err" | head -n1 | grep -oE '[0-9]+' | head -n1 || true)
    failed=$(grep -iE '^ *documents' "$LOG/$name.err" | head -n1 | grep -oE '\(([0-9]+) failed' | grep -oE '[0-9]+' || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$name" "$(basename "$input")" "$jobs" "$bytes" "$docs" "$best" "${user:-}" "${sys:-}" \
        "${rss:-}" "${st_mbs:-}" "${st_peak:-}" "${st_docs:-}" "${failed:-}" "$sha" "$outbytes" \
        "${load:-}" >> "$ROWS"
    if [ "$KEEP" = 0 ]; then rm -f "$out"; fi
}

measure 100MB-j1 "$WORK/news-100MB.jsonl" 1 "$REPEAT"
measure 100MB-j2 "$WORK/news-100MB.jsonl" 2 "$REPEAT"
measure press-20MB-j1 "$WORK/press-20MB.jsonl" 1 "$REPEAT"
if [ "$QUICK" = 0 ]; then
    measure 1GB-j2 "$WORK/news-1GB.jsonl" 2 1
    if [ "$JOBS1_1G" = 1 ]; then measure 1GB-j1 "$WORK/news-1GB.jsonl" 1 1; fi
fi

# start-up: a one-line input, best of 5 (process wall time and the --stats start-up line)
STARTUP="$WORK/startup.tsv"
: > "$STARTUP"
for i in 1 2 3 4 5; do
    t0=$(date +%s%N)
    "$BIN" --stats --jobs 1 "$WORK/one.jsonl" > /dev/null 2> "$LOG/startup.$i.err" || true
    t1=$(date +%s%N)
    printf '%s\t%s\n' "$(python3 -c "print(($t1 - $t0) / 1e6)")" \
        "$(stat_field "$LOG/startup.$i.err" '^ *start-up')" >> "$STARTUP"
done

# ------------------------------------------------------------------------------------ report
python3 - "$ROWS" "$STARTUP" "$WORK" "$COMMIT" "$CPU" "$NPROC" "$DATE" "$QUICK" <<'PY'
import json, sys
rows_path, startup_path, work, commit, cpu, nproc, date, quick = sys.argv[1:9]
F = ["name", "input", "jobs", "bytes", "docs", "wall_s", "user_s", "sys_s", "rss_kb",
     "stats_mb_s", "stats_peak_mb", "stats_docs", "failed", "sha256", "out_bytes", "load"]
def stage_times(path):
    import re
    try:
        err = open(path, encoding="utf-8").read()
    except OSError:
        return {}
    return {n: float(t) for n, t in
            re.findall(r"^\s+(tokenise|dates|entities|relations|record)\s+([0-9.]+)\s*s", err, re.M)}

def num(x):
    try:
        return float(x)
    except ValueError:
        return None
runs = []
for line in open(rows_path, encoding="utf-8"):
    r = dict(zip(F, line.rstrip("\n").split("\t")))
    for k in F:
        if k not in ("name", "input", "sha256"):
            r[k] = num(r.get(k, ""))
    r["mb"] = r["bytes"] / 1e6
    r["mb_s"] = r["mb"] / r["wall_s"]
    r["docs_s"] = r["docs"] / r["wall_s"]
    r["cpu_s"] = (r["user_s"] or 0) + (r["sys_s"] or 0) if r["user_s"] is not None else None
    r["mb_per_cpu_s"] = r["mb"] / r["cpu_s"] if r["cpu_s"] else None
    r["stages_s"] = stage_times(f"{work}/runs/{r['name']}.err")
    r["peak_mb"] = r["rss_kb"] * 1024 / 1e6 if r["rss_kb"] is not None else r["stats_peak_mb"]
    runs.append(r)
by = {r["name"]: r for r in runs}
startup = []
for line in open(startup_path, encoding="utf-8"):
    wall_ms, st_ms = (line.rstrip("\n").split("\t") + [""])[:2]
    startup.append((num(wall_ms), num(st_ms)))
best_wall = min(w for w, _ in startup if w is not None)
st_vals = [s for _, s in startup if s is not None]
best_st = min(st_vals) if st_vals else None

def fmt(x, d=2):
    return "n/a" if x is None else f"{x:.{d}f}"

out = []
out.append(f"meldung `extract` throughput, commit {commit}, {date}, {nproc} cores ({cpu})\n")
out.append("| run | input MB | docs | jobs | wall s | MB/s | docs/s | MB/s per job | CPU s (user+sys) | MB per CPU s | peak RSS MB | --stats MB/s | failed docs | load avg | output sha256 |")
out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in runs:
    out.append(f"| {r['name']} | {r['mb']:.0f} | {r['docs']:.0f} | {r['jobs']:.0f} | {r['wall_s']:.2f} | "
               f"{r['mb_s']:.2f} | {r['docs_s']:.0f} | {r['mb_s'] / r['jobs']:.2f} | {fmt(r['cpu_s'])} | {fmt(r['mb_per_cpu_s'])} | "
               f"{fmt(r['peak_mb'], 1)} | {fmt(r['stats_mb_s'])} | {fmt(r['failed'], 0)} | {fmt(r['load'])} | {r['sha256'][:12]} |")
derived = {}
j1, j2 = by.get("100MB-j1"), by.get("100MB-j2")
g2, g1 = by.get("1GB-j2"), by.get("1GB-j1")
if j1 and j2:
    derived["speedup_jobs2_over_jobs1_100MB"] = j1["wall_s"] / j2["wall_s"]
    derived["identical_100MB_jobs1_jobs2"] = j1["sha256"] == j2["sha256"]
if g1 and g2:
    derived["identical_1GB_jobs1_jobs2"] = g1["sha256"] == g2["sha256"]
    derived["speedup_jobs2_over_jobs1_1GB"] = g1["wall_s"] / g2["wall_s"]
if j2 and g2:
    derived["size_ratio_1GB_over_100MB"] = g2["bytes"] / j2["bytes"]
    derived["time_ratio_1GB_over_100MB_jobs2"] = g2["wall_s"] / j2["wall_s"]
    if g2["peak_mb"] and j2["peak_mb"]:
        derived["peak_ratio_1GB_over_100MB_jobs2"] = g2["peak_mb"] / j2["peak_mb"]
if j1 and g1:
    derived["time_ratio_1GB_over_100MB_jobs1"] = g1["wall_s"] / j1["wall_s"]
derived["startup_wall_ms_best_of_5"] = best_wall
derived["startup_stats_ms_best_of_5"] = best_st
out.append("")
out.append("| derived | value |")
out.append("|---|---|")
for k, v in derived.items():
    out.append(f"| {k} | {v if isinstance(v, bool) else fmt(v, 3 if 'ratio' in k or 'speedup' in k else 1)} |")
for stage_run in [r for r in (j1, by.get("press-20MB-j1")) if r and r["stages_s"]]:
    total = sum(stage_run["stages_s"].values()) or 1e-9
    out.append("")
    out.append(f"Stage times of {stage_run['name']} (--stats, summed over threads):")
    out.append("")
    out.append("| stage | s | share | MB/s of the stage alone |")
    out.append("|---|---|---|---|")
    for n, t in stage_run["stages_s"].items():
        out.append(f"| {n} | {t:.2f} | {100 * t / total:.0f}% | {stage_run['mb'] / t if t else float('inf'):.1f} |")
out.append("")
out.append("Start-up: process wall time of `extract --stats --jobs 1` on a one-line input (best of 5) "
           "and the start-up line of --stats. MB = 10^6 bytes of input. MB per CPU s = input over user+sys time "
           "(less sensitive to other load). Load avg: 1-minute load before the run. Shared, noisy machine: compare ratios.")
text = "\n".join(out)
print(text)
open(f"{work}/results.md", "w", encoding="utf-8").write(text + "\n")
json.dump({"commit": commit, "date": date, "nproc": int(nproc), "cpu": cpu, "runs": runs,
           "startup": [{"wall_ms": w, "stats_ms": s} for w, s in startup], "derived": derived},
          open(f"{work}/results.json", "w", encoding="utf-8"), indent=1)
PY
echo "(results in $WORK/results.md and $WORK/results.json; raw stderr in $LOG)" >&2
if [ -n "$(python3 -c "import json; d=json.load(open('$WORK/results.json'))['derived']; print('' if d.get('identical_100MB_jobs1_jobs2', True) and d.get('identical_1GB_jobs1_jobs2', True) else 'x')")" ]; then
    echo "throughput.sh: OUTPUT DIFFERS between --jobs 1 and --jobs 2" >&2
    exit 1
fi
