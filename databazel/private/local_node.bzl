"""A repository rule that wraps a Node.js already on the machine as a databazel Node toolchain."""

_MIN_NODE_MAJOR = 18

def _fail_no_node(detail):
    fail("""databazel: no usable Node.js for the databazel Node toolchain: {detail}.
Fix: install Node.js >= {min} so that `node` is on PATH, or name one in your MODULE.bazel:
    node = use_extension("@databazel//databazel:extensions.bzl", "node")
    node.toolchain(path = "/absolute/path/to/bin/node")
or register your own `node_toolchain` for @databazel//databazel:node_toolchain_type.""".format(
        detail = detail,
        min = _MIN_NODE_MAJOR,
    ))

def _local_node_impl(rctx):
    if rctx.attr.path:
        # A relative path is relative to the root module, e.g. a Node from its node_modules.
        node = rctx.path(rctx.attr.path if rctx.attr.path.startswith("/") else rctx.workspace_root.get_child(rctx.attr.path))
        if not node.exists:
            _fail_no_node("node.toolchain(path = \"{}\") does not exist".format(rctx.attr.path))
    else:
        node = rctx.which("node")
        if node == None:
            _fail_no_node("`node` is not on PATH")

    result = rctx.execute([node, "--version"])
    version = result.stdout.strip()
    if result.return_code != 0 or not version.startswith("v"):
        _fail_no_node("`{} --version` failed: {}".format(node, result.stderr.strip()))
    major = int(version[1:].split(".")[0])
    if major < _MIN_NODE_MAJOR:
        _fail_no_node("{} is Node {}, older than {}".format(node, version, _MIN_NODE_MAJOR))

    rctx.symlink(node, "bin/node")
    rctx.file("BUILD.bazel", """\
load("{node_toolchain_bzl}", "node_toolchain")

node_toolchain(
    name = "runtime",
    node = "bin/node",
    version = "{version}",
)

toolchain(
    name = "toolchain",
    toolchain = ":runtime",
    toolchain_type = "{toolchain_type}",
)
""".format(
        node_toolchain_bzl = str(Label("//databazel/private:node_toolchain.bzl")),
        toolchain_type = str(Label("//databazel:node_toolchain_type")),
        version = version,
    ))

local_node = repository_rule(
    implementation = _local_node_impl,
    doc = "Wraps the machine's Node.js (or the one at `path`) as a registrable toolchain.",
    attrs = {
        "path": attr.string(
            doc = "Path of the `node` executable: absolute, or relative to the root module's " +
                  "directory; empty to take `node` from PATH.",
        ),
    },
    configure = True,
)
