#!/bin/sh
# A sampler executable for the sampler tests (the contract: docs/contract.md): it reads the batch
# number and size from --history and proposes lr = 0.0<batch><i>, distinct in every batch. Named
# sweep_count, sweep_range, sweep_repeat, sweep_crash or sweep_garbage (its sh_binary's name), it
# breaks the contract on purpose: one configuration too few, an lr outside the space, the same lr
# twice, a crash, output that is not JSON.
set -eu
case "$0" in
  *sweep_count) mode=count ;;
  *sweep_range) mode=range ;;
  *sweep_repeat) mode=repeat ;;
  *sweep_crash) mode=crash ;;
  *sweep_garbage) mode=garbage ;;
  *) mode=ok ;;
esac
history="" output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --history) history=$2 ;;
    --output) output=$2 ;;
  esac
  shift 2
done
batch=$(sed -n 's/^  "batch": \([0-9]*\),$/\1/p' "$history")
count=$(sed -n 's/^  "count": \([0-9]*\),$/\1/p' "$history")
[ "$mode" = count ] && count=$((count - 1))
if [ "$mode" = crash ]; then
  echo "ValueError: the sampler's study is corrupt" >&2
  exit 3
fi
if [ "$mode" = garbage ]; then
  echo "lr=0.1" >"$output"
  exit 0
fi
out="[" i=1
while [ "$i" -le "$count" ]; do
  lr="0.0$batch$i"
  [ "$mode" = range ] && [ "$i" = 2 ] && lr=5
  [ "$mode" = repeat ] && [ "$i" = 2 ] && lr="0.0${batch}1"
  [ "$i" = 1 ] || out="$out,"
  out="$out{\"lr\": \"$lr\"}"
  i=$((i + 1))
done
echo "$out]" >"$output"
echo "proposed batch $batch"
