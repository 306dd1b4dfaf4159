#!/usr/bin/env bash
# Times `pap-tui search --data big.json QUERY --limit LIMIT` (release build) against
# `fzf --filter QUERY < names.txt` on the same organisations, twice for pap-tui:
#
#   first run  the file never seen: an empty index cache, so reading, JSON parsing,
#              validation and the index build are all included (and marking the
#              file as seen once);
#   repeat     the index cache already holds the file's index (the usual case when
#              the same file is searched again).
#
# Runs are interleaved (first run, repeat, fzf, then again), so that the load of
# other jobs on the machine falls on the three alike; figures are medians of RUNS
# rounds after WARMUP rounds, and the ratios are pap/fzf.
#
#   scripts/bench-vs-fzf.sh                          # 100 000 organisations, six queries, limits 50 and 1000
#   COUNT=10000 RUNS=21 LIMITS=20 scripts/bench-vs-fzf.sh e montreal
#
# Needs fzf (apt-get install fzf) and bash 5 ($EPOCHREALTIME); installs nothing.
set -euo pipefail

count="${COUNT:-100000}"
runs="${RUNS:-11}"
warmup="${WARMUP:-2}"
read -r -a limits <<<"${LIMITS:-50 1000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$("$root/scripts/target-dir.sh")"
work="${WORK_DIR:-$target/bench-vs-fzf}"
if [ "$#" -gt 0 ]; then
    queries=("$@")
else
    queries=(e int montreal "accueil levis" sana "famile immig")
fi

command -v fzf >/dev/null || { echo "bench-vs-fzf: fzf is needed (apt-get install fzf)" >&2; exit 2; }
mkdir -p "$work"

echo "Building (release)…" >&2
(cd "$root" && cargo build --release --quiet --bin pap-tui --example synthetic)
pap="$target/release/pap-tui"
synthetic="$target/release/examples/synthetic"

data="$work/big-$count.json"
names="$work/names-$count.txt"
if [ ! -s "$data" ] || [ ! -s "$names" ]; then
    echo "Generating $count organisations…" >&2
    "$synthetic" "$count" >"$data"
    "$synthetic" "$count" --names >"$names"
fi
echo "$(wc -l <"$names") names, dataset $(du -hL "$data" | cut -f1), fzf $(fzf --version | cut -d' ' -f1)" >&2

cold="$work/cache-first-run"
warm="$work/cache-repeat"

now_us() { local t="${EPOCHREALTIME/./}"; echo "$t"; }

# One timed run of the arguments, stdout and stderr discarded; prints microseconds.
time_us() {
    local start end
    start=$(now_us)
    "$@" >/dev/null 2>&1 || true
    end=$(now_us)
    echo $((end - start))
}

first_run() {
    rm -rf "$cold"
    PAP_TUI_CACHE_DIR="$cold" time_us "$pap" search --data "$data" "$1" --limit "$2"
}
repeat() { PAP_TUI_CACHE_DIR="$warm" time_us "$pap" search --data "$data" "$1" --limit "$2"; }
# fzf has no limit: it prints every match, as it did in earlier measurements.
fzf_filter() { time_us fzf --filter "$1" <"$names"; }

median_ms() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'; }

# The repeat cache: the index is stored the second time the file is searched.
rm -rf "$warm"
for _ in 1 2; do PAP_TUI_CACHE_DIR="$warm" "$pap" search --data "$data" x --limit 1 >/dev/null 2>&1 || true; done

printf '\n%s organisations, medians of %s interleaved rounds\n\n' "$count" "$runs"
printf '| query | limit | first run | repeat | fzf --filter | first/fzf | repeat/fzf |\n|---|---:|---:|---:|---:|---:|---:|\n'
for query in "${queries[@]}"; do
    for limit in "${limits[@]}"; do
        : >"$work/first" && : >"$work/repeat" && : >"$work/fzf"
        for ((i = 0; i < warmup + runs; i++)); do
            f=$(first_run "$query" "$limit")
            r=$(repeat "$query" "$limit")
            z=$(fzf_filter "$query")
            if ((i >= warmup)); then
                echo "$f" >>"$work/first" && echo "$r" >>"$work/repeat" && echo "$z" >>"$work/fzf"
            fi
        done
        f=$(median_ms <"$work/first")
        r=$(median_ms <"$work/repeat")
        z=$(median_ms <"$work/fzf")
        awk -v q="$query" -v l="$limit" -v f="$f" -v r="$r" -v z="$z" \
            'BEGIN { printf "| `%s` | %s | %.1f ms | %.1f ms | %.1f ms | %.2f | %.2f |\n", q, l, f, r, z, f / z, r / z }'
    done
done
