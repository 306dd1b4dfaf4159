#!/usr/bin/env bash
# Times `pap-tui search --data big.json QUERY --limit 20` (release build; reading,
# JSON parsing, validation and the index build included) against
# `fzf --filter QUERY < names.txt` on the same organisations, and prints the
# medians and the ratio pap/fzf.
#
#   scripts/bench-vs-fzf.sh                       # 100 000 organisations, default queries
#   COUNT=10000 RUNS=20 scripts/bench-vs-fzf.sh e montreal
#
# Needs fzf (apt-get install fzf); uses hyperfine when installed, else a loop
# timed with `date +%s%N`. Figures are medians of RUNS runs after WARMUP runs.
set -euo pipefail

count="${COUNT:-100000}"
runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$("$root/scripts/target-dir.sh")"
work="${WORK_DIR:-$target/bench-vs-fzf}"
if [ "$#" -gt 0 ]; then
    queries=("$@")
else
    queries=(e int montreal "accueil levis")
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
echo "$(wc -l <"$names") names, dataset $(du -h "$data" | cut -f1)" >&2

# Median of RUNS runs of a shell command, in milliseconds.
median_ms() {
    local command="$1" slug="$2"
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --ignore-failure --warmup "$warmup" --runs "$runs" \
            --export-json "$work/$slug.json" "$command" >/dev/null
        jq -r '.results[0].median * 1000' "$work/$slug.json"
    else
        local i start end
        for ((i = 0; i < warmup; i++)); do bash -c "$command" >/dev/null 2>&1 || true; done
        for ((i = 0; i < runs; i++)); do
            start=$(date +%s%N)
            bash -c "$command" >/dev/null 2>&1 || true
            end=$(date +%s%N)
            echo $(((end - start) / 1000))
        done | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m / 1000 }'
    fi
}

quote() { printf '%q' "$1"; }

printf '\n| query | pap-tui search | fzf --filter | pap/fzf |\n|---|---:|---:|---:|\n'
for query in "${queries[@]}"; do
    slug=$(tr -c 'a-z0-9' '_' <<<"$query")
    pap_ms=$(median_ms "$(quote "$pap") search --data $(quote "$data") $(quote "$query") --limit 20" "pap-$slug")
    fzf_ms=$(median_ms "fzf --filter $(quote "$query") < $(quote "$names")" "fzf-$slug")
    awk -v q="$query" -v p="$pap_ms" -v f="$fzf_ms" \
        'BEGIN { printf "| `%s` | %.1f ms | %.1f ms | %.2f |\n", q, p, f, p / f }'
done
