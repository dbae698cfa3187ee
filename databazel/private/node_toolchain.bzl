"""The Node.js toolchain: how databazel's actions find the `node` that runs its bundled helpers."""

NODE_TOOLCHAIN_TYPE = Label("//databazel:node_toolchain_type")

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

def node_runtime(ctx):
    """Returns the NodeRuntimeInfo resolved for a rule that declares the Node toolchain type.

    Args:
      ctx: the rule context.

    Returns:
      NodeRuntimeInfo.
    """
    return ctx.toolchains[NODE_TOOLCHAIN_TYPE].node_runtime
