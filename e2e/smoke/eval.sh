#!/bin/sh
# Scores a line model by mean squared error: an eval executable for databazel, in shell.
set -eu
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --test_data) data=$2 ;;
    --metrics) metrics=$2 ;;
  esac
  shift 2
done
a=$(sed 's/.*"a": \([^,}]*\).*/\1/' "$model")
b=$(sed 's/.*"b": \([^,}]*\).*/\1/' "$model")
tail -n +2 "$data" | awk -F, -v a="$a" -v b="$b" '
  { d = a * $1 + b - $2; s += d * d; n++ }
  END { printf "{\"mse\": %.6f, \"examples\": %d}\n", s / n, n }' >"$metrics"
