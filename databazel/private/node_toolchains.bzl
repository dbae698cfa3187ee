"""A repository rule that declares databazel's Node toolchains, pinned first, PATH's as fallback.

Only `toolchain()` declarations live here: Bazel fetches a Node's repository only when toolchain
resolution picks it, so a Mac never downloads the Linux Node, and a Linux machine never needs
`node` on PATH.
"""

# Bazel's names for the host (repository_ctx.os) mapped to @platforms constraints.
_OS = {"freebsd": "freebsd", "linux": "linux", "mac os x": "osx", "openbsd": "openbsd"}
_CPU = {"aarch64": "aarch64", "amd64": "x86_64", "arm64": "aarch64", "ppc64le": "ppc", "s390x": "s390x", "x86_64": "x86_64"}

def _host_constraints(rctx):
    os = rctx.os.name.lower()
    constraints = []
    if os.startswith("windows"):
        constraints.append("@platforms//os:windows")
    elif os in _OS:
        constraints.append("@platforms//os:" + _OS[os])
    if rctx.os.arch in _CPU:
        constraints.append("@platforms//cpu:" + _CPU[rctx.os.arch])
    return constraints

def _node_toolchains_impl(rctx):
    rctx.file("BUILD.bazel", """\
# The pinned self-contained Node, for actions that execute on Linux x86_64 (here or remote).
toolchain(
    name = "linux_x86_64",
    exec_compatible_with = ["@platforms//os:linux", "@platforms//cpu:x86_64"],
    toolchain = "@{pinned}//:runtime",
    toolchain_type = "{toolchain_type}",
)

# The fallback for other machines: `node` from PATH, for actions that execute on this host's
# kind of platform. Registered after the pinned one.
toolchain(
    name = "host",
    exec_compatible_with = {host},
    toolchain = "@{host_repo}//:runtime",
    toolchain_type = "{toolchain_type}",
)
""".format(
        host = repr(_host_constraints(rctx)),
        host_repo = rctx.attr.host_repo,
        pinned = rctx.attr.pinned_repo,
        toolchain_type = str(Label("//databazel:node_toolchain_type")),
    ))

node_toolchains = repository_rule(
    implementation = _node_toolchains_impl,
    doc = "Declares `:linux_x86_64` (the pinned Node) and `:host` (PATH's Node, the fallback).",
    attrs = {
        "host_repo": attr.string(
            doc = "The repository (a `local_node`) whose `:runtime` is the PATH Node.",
            mandatory = True,
        ),
        "pinned_repo": attr.string(
            doc = "The repository (a `portable_node`) whose `:runtime` is the pinned Node.",
            mandatory = True,
        ),
    },
)
