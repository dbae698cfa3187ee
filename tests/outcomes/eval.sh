#!/bin/sh
# An eval executable for train.sh's models: mode a, b, c score 0.7, 0.9, 0.8; "nan" writes
# NaN as Python's json does; "evalhang" never finishes.
set -eu
model="" metrics=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --metrics) metrics=$2 ;;
  esac
  shift 2
done
mode=$(sed -n 's/^mode=//p' "$model")
case "$mode" in
  a) echo '{"accuracy": 0.7, "loss": 0.3}' >"$metrics" ;;
  b) echo '{"accuracy": 0.9, "loss": 0.1}' >"$metrics" ;;
  c) echo '{"accuracy": 0.8, "loss": 0.2}' >"$metrics" ;;
  nan) echo '{"accuracy": NaN, "loss": Infinity}' >"$metrics" ;;
  evalhang) sleep 1008 & sleep 1008 ;;
  *) echo "eval.sh: unknown mode $mode" >&2; exit 2 ;;
esac
