"""The 2019 databazel's file name. Loading it says where the rules are now."""

fail("""databazel: @databazel//databazel:databazel.bzl was the 2019 proof of concept's file.
Fix: load the rules from @databazel//databazel:defs.bzl, e.g.
    load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model")""")
