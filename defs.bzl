"""Not databazel's API: it lives in @databazel//databazel:defs.bzl. Loading this file says so."""

fail("""databazel: there is no @databazel//:defs.bzl.
Fix: load the rules from @databazel//databazel:defs.bzl, e.g.
    load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model")""")
