#!/bin/sh
# The checkpointing train executable of the tests (searches with a scheduler, samplers, checkpoints,
# resume, watch): it supports epoch segments (its "model" counts the epochs trained, continuing
# from --init_checkpoint), rewrites curve.json after every epoch, as a real trainer logs its
# epochs, and records every run it makes in the model, so a test can tell which segments trained.
# Hyperparameters: lr (the model's quality peaks at 0.05), epochs (outside segments: how many;
# a segment must never see it), sleep (seconds per epoch), fail_at (exit 3 when training reaches
# that epoch).
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
value() { echo "$hp" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
if [ -n "$end" ]; then
  case "$hp" in *'"epochs"'*) echo "segments must not see epochs: $hp" >&2; exit 4 ;; esac
else
  # Not in segments (a sampler's trials, a model without checkpoint_every): all `epochs`
  # (default 3) in one run.
  start=0
  end=$(value epochs)
  end=${end:-3}
fi
done_epochs=0 runs=""
if [ -n "$init" ]; then
  done_epochs=$(sed -n 's/^epochs=//p' "$init")
  runs=$(sed -n 's/^runs=//p' "$init")
fi
[ "$done_epochs" = "$start" ] || { echo "checkpoint has $done_epochs epochs, start is $start" >&2; exit 5; }
pause=$(value sleep)
fail_at=$(value fail_at)
curve=""
epoch=$start
while [ "$epoch" -lt "$end" ]; do
  epoch=$((epoch + 1))
  [ -n "$pause" ] && sleep "$pause"
  if [ -n "$fail_at" ] && [ "$epoch" -ge "$fail_at" ]; then
    echo "RuntimeError: loss is NaN at epoch $epoch" >&2
    exit 3
  fi
  curve="$curve${curve:+,}{\"epoch\": $epoch, \"loss\": $(awk -v e="$epoch" 'BEGIN { printf "%.4f", 1 / e }')}"
  echo "[$curve]" >"$out/curve.json.tmp" && mv "$out/curve.json.tmp" "$out/curve.json"
done
echo "[$curve]" >"$out/curve.json"
printf 'hyperparams=%s\nepochs=%s\nruns=%s%s-%s\n' "$hp" "$end" "${runs:+$runs,}" "$start" "$end" >"$model"
echo "trained epochs $start-$end"
