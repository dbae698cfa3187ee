#!/bin/sh
# An eval executable for the scheduler tests: accuracy grows with the epochs trained and
# peaks at lr = 0.05 (on a log scale), plus the `bias` the data file holds, so validation and
# test data give different numbers and a test can tell which one a decision used.
set -eu
model="" metrics="" data=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --test_data) data=$2 ;;
    --metrics) metrics=$2 ;;
    *) echo "eval.sh: unknown flag $1" >&2; exit 2 ;;
  esac
  shift 2
done
hp=$(sed -n 's/^hyperparams=//p' "$model")
epochs=$(sed -n 's/^epochs=//p' "$model")
lr=$(echo "$hp" | sed -n 's/.*"lr":"\([^"]*\)".*/\1/p')
bias=$(sed -n 's/^bias=//p' "$data")
awk -v lr="$lr" -v epochs="$epochs" -v bias="${bias:-0}" 'BEGIN {
  d = log(lr / 0.05) / log(10)
  acc = 0.9 - 0.1 * d * d - 0.3 / (epochs + 1) + bias
  printf "{\"accuracy\": %.6f, \"seen_epochs\": %d}\n", acc, epochs
}' >"$metrics"
