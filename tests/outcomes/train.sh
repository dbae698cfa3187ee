#!/bin/sh
# A train executable whose `mode` hyperparameter says how the trial goes: "crash" exits 3,
# "hang" never finishes (it and a child sleep), "sigkill" is killed as by the OOM killer;
# any other mode trains a model that records it.
set -eu
model="" hp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
  esac
  shift 2
done
mode=$(echo "$hp" | sed -n 's/.*"mode":"\([^"]*\)".*/\1/p')
echo "training mode $mode"
case "$mode" in
  crash) echo "RuntimeError: CUDA out of patience" >&2; exit 3 ;;
  hang) sleep 1007 & sleep 1007 ;;
  sigkill) kill -9 $$ ;;
esac
echo "mode=$mode" >"$model"
