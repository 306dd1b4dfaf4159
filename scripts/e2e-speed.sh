#!/usr/bin/env bash
# Whole-process speed of the explorer as a user sees it (issue 7): builds the release
# binary, generates the synthetic datasets once under e2e-speed/ in cargo's target
# directory (CARGO_TARGET_DIR when set), and runs
# examples/e2e_speed.rs, which starts pap-tui and `fzf < names.txt` in a 120×40
# pseudo-terminal and prints Markdown tables: first complete frame, keystroke to
# screen in the search box, peak RSS, and the issue's targets, met or missed.
#
#   scripts/e2e-speed.sh                 # embedded data and 100 000 organisations, then 1 000 000
#   LARGE=0 scripts/e2e-speed.sh         # without the 1 000 000-organisation run
#   RUNS=15 SESSIONS=9 scripts/e2e-speed.sh -- --query lanaudiere
#
# Figures are medians (and worst keystrokes) of RUNS start-ups and SESSIONS typing
# sessions per program; on a shared machine, compare the pap/fzf ratios rather than
# single figures. Needs fzf (apt-get install fzf); installs nothing.
set -euo pipefail

runs="${RUNS:-11}"
sessions="${SESSIONS:-7}"
large="${LARGE:-1}"
runs_large="${RUNS_LARGE:-5}"
sessions_large="${SESSIONS_LARGE:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$("$root/scripts/target-dir.sh")"
work="$target/e2e-speed"
# Anything else is passed to e2e_speed (after an optional `--`).
if [ "${1:-}" = "--" ]; then shift; fi
extra=("$@")

command -v fzf >/dev/null || { echo "e2e-speed: fzf is needed (apt-get install fzf)" >&2; exit 2; }
mkdir -p "$work"

echo "Building (release)…" >&2
(cd "$root" && cargo build --release --quiet --bin pap-tui --example synthetic --example e2e_speed)
pap="$target/release/pap-tui"
synthetic="$target/release/examples/synthetic"
bench="$target/release/examples/e2e_speed"

# The dataset and names of COUNT organisations, generated once.
dataset() {
    local count="$1"
    if [ ! -s "$work/big-$count.json" ] || [ ! -s "$work/names-$count.txt" ]; then
        echo "Generating $count organisations (once, cached in $work)…" >&2
        "$synthetic" "$count" >"$work/big-$count.json.tmp"
        "$synthetic" "$count" --names >"$work/names-$count.txt"
        mv "$work/big-$count.json.tmp" "$work/big-$count.json"
    fi
    echo "$work/big-$count.json:$work/names-$count.txt"
}

echo "# End-to-end speed, $(date -u +%Y-%m-%d), pap-tui $(git -C "$root" rev-parse --short HEAD), $(fzf --version | cut -d' ' -f1-2 | sed 's/^/fzf /')"
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; 120×40 pseudo-terminal."
"$bench" --pap "$pap" --runs "$runs" --sessions "$sessions" "${extra[@]}" \
    embedded "$(dataset 100000)"
if [ "$large" != 0 ]; then
    echo
    echo "## 1 000 000 organisations ($runs_large start-ups, $sessions_large typing sessions)"
    "$bench" --pap "$pap" --runs "$runs_large" --sessions "$sessions_large" "${extra[@]}" \
        "$(dataset 1000000)"
fi
