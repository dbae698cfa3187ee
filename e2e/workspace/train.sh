#!/bin/sh
# A tiny train executable for the rules' tests: it follows the contract and "trains" a model
# that records its hyperparameters, seed and a digest of its data.
set -eu
data="" model="" hp="" hp_file="" seed="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --training_data) data="$data $2" ;;
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
    --hyperparams_file) hp_file=$2 ;;
    --seed) seed=$2 ;;
    --output_dir) out=$2 ;;
    *) echo "train.sh: unknown flag $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ "$hp" = "$DATABAZEL_HYPERPARAMS" ] || { echo "env and flag disagree" >&2; exit 3; }
[ -f "$hp_file" ] || { echo "no hyperparams file" >&2; exit 3; }
echo "training with $hp seed $seed"
# With model_is_dir, Bazel hands over a directory: the model is a file inside it.
[ -d "$model" ] && model="$model/weights.txt"
{
  echo "hyperparams=$hp"
  echo "seed=$seed"
  # shellcheck disable=SC2086
  echo "data=$(find -L $data -type f | sort | xargs cat | cksum)"
} >"$model"
echo "epoch 1 loss 0.5" >"$out/curve.txt"
