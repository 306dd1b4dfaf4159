#!/usr/bin/env bash
# Turns the results of `cargo bench --bench search` (criterion's estimates under
# criterion/ in cargo's target directory) into the Markdown tables of the
# "Search speed" section of docs/performance.md.
#
# Each keystroke is its own benchmark; "median keystroke" is the median of the
# keystrokes' medians, "worst keystroke" the largest of them.
#
#   cargo bench --bench search && scripts/speed-table.sh
set -euo pipefail

dir="${CRITERION_DIR:-$("$(dirname "$0")/target-dir.sh")/criterion}"
command -v jq >/dev/null || { echo "speed-table: jq is needed (apt-get install jq)" >&2; exit 2; }
[ -d "$dir" ] || { echo "speed-table: no results in $dir; run cargo bench --bench search" >&2; exit 2; }

# Median estimate of one benchmark, in milliseconds.
ms() { jq -r '.median.point_estimate / 1e6' "$1/new/estimates.json"; }
fmt() { awk '{ if ($1 < 10) printf "%.2f", $1; else printf "%.1f", $1 }' <<<"$1"; }

sizes=$(find "$dir" -maxdepth 1 -name 'keystroke_*' -printf '%f\n' | sed 's/keystroke_//' | sort -n)
[ -n "$sizes" ] || { echo "speed-table: no keystroke results in $dir" >&2; exit 2; }

echo "| organisations | query | keystrokes | median keystroke | worst keystroke | fresh search |"
echo "|---:|---|---:|---:|---:|---:|"
for size in $sizes; do
    for query_dir in "$dir/keystroke_$size"/*/; do
        query=$(basename "$query_dir")
        [ "$query" = report ] && continue
        [ -f "$query_dir/1/new/estimates.json" ] || continue
        times=$(for k in "$query_dir"*/; do
            if [ -f "$k/new/estimates.json" ]; then ms "$k"; fi
        done | sort -g)
        count=$(wc -l <<<"$times")
        median=$(awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<<"$times")
        worst=$(tail -n 1 <<<"$times")
        fresh="–"
        if [ -f "$dir/fresh_$size/$query/new/estimates.json" ]; then
            fresh="$(fmt "$(ms "$dir/fresh_$size/$query")") ms"
        fi
        printf '| %s | `%s` | %s | %s ms | %s ms | %s |\n' \
            "$size" "$query" "$count" "$(fmt "$median")" "$(fmt "$worst")" "$fresh"
    done
done

echo
echo "| organisations | index build |"
echo "|---:|---:|"
for size in $sizes; do
    if [ -f "$dir/index_build/$size/new/estimates.json" ]; then
        printf '| %s | %s ms |\n' "$size" "$(fmt "$(ms "$dir/index_build/$size")")"
    fi
done
