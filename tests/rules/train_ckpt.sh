#!/bin/sh
# A train executable that supports epoch segments, for the checkpoint tests: its "model" counts
# the epochs it has been trained for, continuing from --init_checkpoint, and it writes one
# curve point per epoch. A `sleep` hyperparameter makes each epoch take that many seconds.
set -eu
model="" hp="" out="" start="" end="" init=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
    --output_dir) out=$2 ;;
    --start_epoch) start=$2 ;;
    --end_epoch) end=$2 ;;
    --init_checkpoint) init=$2 ;;
  esac
  shift 2
done
if [ -n "$end" ]; then
  case "$hp" in *'"epochs"'*) echo "segments must not see epochs: $hp" >&2; exit 4 ;; esac
else
  # Not in segments: all epochs at once, from the hyperparameters.
  start=0
  end=$(echo "$hp" | sed -n 's/.*"epochs":"\([0-9]*\)".*/\1/p')
fi
done_epochs=0
[ -n "$init" ] && done_epochs=$(sed -n 's/^epochs=//p' "$init")
[ "$done_epochs" = "$start" ] || { echo "checkpoint has $done_epochs epochs, start is $start" >&2; exit 5; }
pause=$(echo "$hp" | sed -n 's/.*"sleep":"\([0-9.]*\)".*/\1/p')
curve="["
epoch=$start
while [ "$epoch" -lt "$end" ]; do
  epoch=$((epoch + 1))
  [ -n "$pause" ] && sleep "$pause"
  [ "$curve" = "[" ] || curve="$curve,"
  curve="$curve{\"epoch\": $epoch, \"loss\": $(awk -v e="$epoch" 'BEGIN { printf "%.4f", 1 / e }')}"
done
echo "$curve]" >"$out/curve.json"
printf 'hyperparams=%s\nepochs=%s\n' "$hp" "$end" >"$model"
echo "trained epochs $start-$end"
