"""Dependencies for WORKSPACE users (Bzlmod users get them from MODULE.bazel).

```starlark
load("@databazel//databazel:repositories.bzl", "databazel_dependencies")

databazel_dependencies()
```
"""

load("//databazel/private:bazel_version.bzl", "check_bazel_version")
load("//databazel/private:local_node.bzl", "local_node")

# buildifier: disable=unnamed-macro
def databazel_dependencies(node_path = ""):
    """Creates `@databazel_node` and registers it as the Node toolchain databazel's actions use.

    Args:
      node_path: absolute path of a `node` executable; empty to take `node` from PATH.
    """
    check_bazel_version()
    if not native.existing_rule("databazel_node"):
        local_node(name = "databazel_node", path = node_path)
    native.register_toolchains("@databazel_node//:toolchain")
