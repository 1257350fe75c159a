# Sourced by benches/throughput.sh and benches/peers.sh: builds the release `extract` (unless
# BUILD=0), copies it to $WORK/extract so that a rebuild during a run changes nothing, and sets
# BIN and COMMIT (short hash, "+dirty" with uncommitted changes to tracked files).
# Needs REPO, WORK, BUILD and a `die` function.
cd "$REPO"
if [ "$BUILD" = 1 ]; then
    echo "cargo build --release" >&2
    cargo build --release --bin extract >&2
fi
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null \
    || echo "$REPO/target")
[ -x "$TARGET_DIR/release/extract" ] || die "no release binary at $TARGET_DIR/release/extract"
BIN="$WORK/extract"
cp "$TARGET_DIR/release/extract" "$BIN"
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT+dirty"
fi
