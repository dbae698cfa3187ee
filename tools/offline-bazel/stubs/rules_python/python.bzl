"""python.toolchain for the offline Bazel: checks the version against the root's python3.

Debian's rules_python 0.22.1 would download an interpreter for each toolchain, which cannot
work offline. Here actions run the root's python3 through the autodetecting toolchain that
rules_python registers; a toolchain tag only has to ask for that version.
"""

# It is installed into python/extensions of the patched rules_python (install-stubs.sh).
# buildifier: disable=bzl-visibility
load("@rules_python//python/extensions/private:interpreter_hub.bzl", "hub_repo")
load(":python_version.bzl", "check_python_version")

def _python_impl(module_ctx):
    for mod in module_ctx.modules:
        for tag in mod.tags.toolchain:
            check_python_version(module_ctx, "python.toolchain(python_version = \"%s\")" % tag.python_version, tag.python_version)
    hub_repo(name = "pythons_hub", toolchains = [])

python = module_extension(
    doc = "Accepts python.toolchain tags that ask for the root's Python; registers nothing else.",
    implementation = _python_impl,
    tag_classes = {
        "toolchain": tag_class(attrs = {
            "configure_coverage_tool": attr.bool(doc = "Accepted; no coverage tool is configured offline."),
            "ignore_root_user_error": attr.bool(doc = "Accepted; nothing is downloaded, so nothing to check."),
            "is_default": attr.bool(doc = "Accepted; the root's python3 is the only toolchain."),
            "name": attr.string(doc = "Accepted for rules_python 0.22 MODULE files."),
            "python_version": attr.string(mandatory = True, doc = "Must be the root's Python, major.minor."),
        }),
    },
)
