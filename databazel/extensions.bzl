"""Module extensions for Bzlmod users of databazel.

`node` provides the Node.js toolchain that runs databazel's bundled helpers:

```starlark
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = "/opt/node/bin/node")  # optional: default is `node` on PATH
```
"""

load("//databazel/private:bazel_version.bzl", "check_bazel_version")
load("//databazel/private:local_node.bzl", "local_node")

_toolchain_tag = tag_class(
    doc = "Chooses the Node.js that databazel's actions run. The root module's tag wins.",
    attrs = {
        "path": attr.string(
            doc = "Absolute path of a `node` executable; empty to take `node` from PATH.",
        ),
    },
)

def _node_impl(mctx):
    check_bazel_version()

    # mctx.modules starts with the root module, so its choice comes first.
    path = ""
    for mod in mctx.modules:
        if mod.tags.toolchain:
            path = mod.tags.toolchain[0].path
            break
    local_node(name = "databazel_node", path = path)

node = module_extension(
    implementation = _node_impl,
    doc = "Creates `@databazel_node`, the default Node.js toolchain databazel registers.",
    tag_classes = {"toolchain": _toolchain_tag},
)
