#!/bin/sh
# The eval executable of the multi-objective tests: it scores the model of //tests/scheduler:train
# (which records its hyperparameters and epochs) on two objectives that trade off, known in
# advance: accuracy peaks at lr = 0.05 (on a log scale), grows with the epochs trained and with
# `hidden`; params = 100 * hidden; latency_ms = hidden / 8, for constraints. lr = 9 diverges
# (accuracy NaN). The data file's `bias` is added to accuracy, as in tests/scheduler/eval.sh.
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
value() { echo "$hp" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
lr=$(value lr)
hidden=$(value hidden)
bias=$(sed -n 's/^bias=//p' "$data")
if [ "$lr" = 9 ]; then
  printf '{"accuracy": NaN, "params": %d, "latency_ms": %s}\n' "$((hidden * 100))" "$(awk -v h="$hidden" 'BEGIN { print h / 8 }')" >"$metrics"
  exit 0
fi
awk -v lr="$lr" -v epochs="$epochs" -v hidden="$hidden" -v bias="${bias:-0}" 'BEGIN {
  d = log(lr / 0.05) / log(10)
  acc = 0.9 - 0.1 * d * d - 0.3 / (epochs + 1) - 1 / hidden + bias
  printf "{\"accuracy\": %.6f, \"latency_ms\": %g, \"params\": %d}\n", acc, hidden / 8, hidden * 100
}' >"$metrics"
