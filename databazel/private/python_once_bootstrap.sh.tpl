#!/bin/sh
# python_once_toolchain's py_binary launcher (PyRuntimeInfo.bootstrap_template): in sh, what
# Bazel's own launcher (@bazel_tools//tools/python:python_bootstrap_template.txt, a Python
# program that then starts Python again) does before it execs the interpreter, step for step:
# find the runfiles, set PYTHONPATH, RUNFILES_DIR or RUNFILES_MANIFEST_FILE, and PYTHONSAFEPATH.
# So Python starts once. Bazel fills in the %...% values. Not handled: zipped binaries
# (--build_python_zip), coverage (bazel coverage) and Windows.
set -eu

main='%main%'

# The runfiles: $RUNFILES_DIR (or the manifest's directory) if it holds the main file, else
# the launcher's own <path>.runfiles, the last .runfiles/ in its path, or those of the file
# the launcher is a symbolic link to.
runfiles=${RUNFILES_DIR:-}
if [ -z "$runfiles" ]; then
  case ${RUNFILES_MANIFEST_FILE:-} in
    *.runfiles_manifest | *.runfiles/MANIFEST) runfiles=${RUNFILES_MANIFEST_FILE%?????????} ;;
  esac
fi
if [ -z "$runfiles" ] || [ ! -e "$runfiles/$main" ]; then
  case $0 in
    /*) launcher=$0 ;;
    *) launcher=$PWD/$0 ;;
  esac
  while :; do
    if [ -d "$launcher.runfiles" ]; then
      runfiles=$launcher.runfiles
      break
    fi
    case $launcher in
      *.runfiles/*)
        runfiles=${launcher%.runfiles/*}.runfiles
        break
        ;;
    esac
    if [ ! -L "$launcher" ]; then
      echo "Cannot find .runfiles directory for $0" >&2
      exit 1
    fi
    target=$(readlink "$launcher")
    case $target in
      /*) launcher=$target ;;
      *) launcher=${launcher%/*}/$target ;;
    esac
  done
fi

# PYTHONPATH: the runfiles root, each import under it, the repositories (all of them, sorted,
# or the main one), then the caller's PYTHONPATH; the first of duplicates kept.
path=
add() {
  case ":$path:" in
    *":$1:"*) ;;
    *) path=${path:+$path:}$1 ;;
  esac
}
add_each() { # add_each PREFIX LIST: PREFIX + each entry of the colon-separated LIST
  rest=$2:
  while [ -n "$rest" ]; do
    add "$1${rest%%:*}"
    rest=${rest#*:}
  done
}
add "$runfiles"
add_each "$runfiles/" '%imports%'
import_all='%import_all%'
if [ "$import_all" = True ]; then
  # Sorted by byte, as Python sorts them, whatever the caller's locale: LC_ALL=C for the globs
  # only, then LC_ALL as it was. Hidden directories (none in practice) go first, as "." would.
  if [ -n "${LC_ALL+set}" ]; then caller_lc_all=$LC_ALL; fi
  LC_ALL=C
  for dir in "$runfiles"/.[!.]*/ "$runfiles"/..?*/ "$runfiles"/*/; do
    if [ -d "$dir" ]; then add "${dir%/}"; fi
  done
  if [ -n "${caller_lc_all+set}" ]; then LC_ALL=$caller_lc_all; else unset LC_ALL; fi
else
  add "$runfiles/%workspace_name%"
fi
if [ -n "${PYTHONPATH:-}" ]; then add_each '' "$PYTHONPATH"; fi

# What the script's own runfiles library reads: the caller's variable, else the manifest next
# to the runfiles or in them, else the directory.
if [ -z "${RUNFILES_MANIFEST_FILE:-}" ] && [ -z "${RUNFILES_DIR:-}" ]; then
  if [ -e "${runfiles}_manifest" ]; then
    RUNFILES_MANIFEST_FILE=${runfiles}_manifest
    export RUNFILES_MANIFEST_FILE
  elif [ -e "$runfiles/MANIFEST" ]; then
    RUNFILES_MANIFEST_FILE=$runfiles/MANIFEST
    export RUNFILES_MANIFEST_FILE
  elif [ -d "$runfiles" ]; then
    RUNFILES_DIR=$runfiles
    export RUNFILES_DIR
  fi
fi

# The interpreter: an absolute path, a path in the runfiles, or a name on PATH.
python='%python_binary%'
case $python in
  /*) ;;
  */*) python=$runfiles/$python ;;
esac

if [ ! -r "$runfiles/$main" ]; then
  echo "Cannot exec() '$runfiles/$main': file not found or not readable." >&2
  exit 1
fi
PYTHONPATH=$path PYTHONSAFEPATH=1 exec "$python" "$runfiles/$main" "$@"
