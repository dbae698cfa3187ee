"""Prints what a py_binary's script sees of its launcher, as JSON: the launcher test compares it
between Bazel's own launcher and python_once_toolchain's. It fails if its dependency does not
import, through its import root or through the main repository's directory."""

import json
import os
import sys

import greeting
from tests.python_once.lib import greeting as greeting_by_package

assert greeting.WORD == greeting_by_package.WORD == "hello"

# What the shells on the way set for themselves, not what the launcher passes on.
SHELLS_OWN = {"_", "SHLVL", "OLDPWD"}

print(json.dumps({
    "argv": sys.argv,
    "orig_argv": getattr(sys, "orig_argv", None),  # Python 3.10 and later
    "path": sys.path,
    "environ": {k: v for k, v in sorted(os.environ.items()) if k not in SHELLS_OWN},
    "greeting": os.path.relpath(greeting.__file__, os.path.dirname(os.path.abspath(__file__))),
}, indent=1))
