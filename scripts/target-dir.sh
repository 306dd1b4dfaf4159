#!/usr/bin/env bash
# Prints cargo's target directory for this project as an absolute path: the one
# CARGO_TARGET_DIR (relative to the project's root, where the scripts run cargo),
# a .cargo/config.toml or the default ./target names. The other scripts use it to
# find what cargo built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=$(cd "$root" && cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -n "$dir" ] || { echo "target-dir: cargo metadata named no target directory" >&2; exit 2; }
echo "$dir"
