#!/usr/bin/env bash
# Time to a complete answer, as a user meets it: the explorer is started in a
# pseudo-terminal, `/QUERY` is typed as soon as anything is on screen, and the time
# is taken when the search box shows the complete hit count; fzf is typed the same
# way in the same run, on the same organisations' names. Uses the shared tool
# ../shared/tools/time_to_answer.py (needs `pip install pyte`) and fzf.
#
#   scripts/time-to-answer.sh                      # 100 000 organisations, the queries of bench-vs-fzf.sh
#   COUNT=1000000 RUNS=3 scripts/time-to-answer.sh montreal
#   PAP="old/pap-tui new/pap-tui" scripts/time-to-answer.sh montreal   # two builds side by side
#
# Each query runs ROUNDS times (pap-tui, then fzf), RUNS starts each; the tool
# prints medians. The explorer builds its index itself (it reads no cache), so a
# first and a repeat start are the same start.
set -euo pipefail

count="${COUNT:-100000}"
runs="${RUNS:-5}"
rounds="${ROUNDS:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tool="${TIME_TO_ANSWER:-$root/../shared/tools/time_to_answer.py}"
target="$("$root/scripts/target-dir.sh")"
work="${WORK_DIR:-$target/time-to-answer}"
if [ "$#" -gt 0 ]; then
    queries=("$@")
else
    queries=(e int montreal "accueil levis" sana "famile immig")
fi

command -v fzf >/dev/null || { echo "time-to-answer: fzf is needed (apt-get install fzf)" >&2; exit 2; }
[ -f "$tool" ] || { echo "time-to-answer: $tool not found (TIME_TO_ANSWER=path)" >&2; exit 2; }
mkdir -p "$work/state" "$work/config"

(cd "$root" && cargo build --release --quiet --bin pap-tui --example synthetic)
read -r -a paps <<<"${PAP:-$target/release/pap-tui}"
pap="${paps[0]}"
data="$work/big-$count.json"
names="$work/names-$count.txt"
if [ ! -s "$data" ] || [ ! -s "$names" ]; then
    "$target/release/examples/synthetic" "$count" >"$data"
    "$target/release/examples/synthetic" "$count" --names >"$names"
fi
# The explorer's state and config apart from the user's: no remembered search.
export PAP_TUI_STATE_DIR="$work/state" PAP_TUI_CONFIG_DIR="$work/config"

for query in "${queries[@]}"; do
    # The complete counts each program shows.
    hits=$(( $("$pap" --no-cache search --data "$data" --limit 100000000 -- "$query" 2>/dev/null | wc -l) - 1 ))
    matches=$(fzf --filter "$query" <"$names" | wc -l)
    for round in $(seq "$rounds"); do
        for bin in "${paps[@]}"; do
            # A new cache directory each start: the first start of a build that reads one.
            printf '%-16s round %s  %s  ' "$query" "$round" "$bin"
            python3 "$tool" -n "$runs" --quit '\x1b,\x1b,q' --ready 18159 --keys "/$query" \
                --answer '(\d[\d ,]*) hits' --count "$hits" -- \
                sh -c 'PAP_TUI_CACHE_DIR=$(mktemp -d) exec "$0" --data "$1"' "$bin" "$data" 2>&1 | tail -1
        done
        printf '%-16s round %s  fzf      ' "$query" "$round"
        python3 "$tool" -n "$runs" --ready '>' --keys "$query" --answer "(\\d+)/$count" \
            --count "$matches" --stdin "$names" -- fzf 2>&1 | tail -1
    done
done
