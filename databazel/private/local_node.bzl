"""A repository rule that wraps the `node` on PATH: databazel's fallback Node toolchain.

It serves machines the pinned Node cannot (not Linux x86_64). Its Node differs between machines,
so its actions share no cache hits across machines; the pinned Node is the default for that.
"""

load(":node_toolchain.bzl", "write_runtime_build_file")

_MIN_NODE_MAJOR = 18

def _fail_no_node(detail):
    fail("""databazel: no usable Node.js for the fallback Node toolchain (`node` on PATH): {detail}.
databazel's pinned Node runs only where actions execute on Linux x86_64; elsewhere it takes `node` from PATH.
Fix: install Node.js >= {min} so that `node` is on PATH (or pass Bazel a PATH with --repo_env=PATH=...),
or register your own `node_toolchain` for @databazel//databazel:node_toolchain_type.""".format(
        detail = detail,
        min = _MIN_NODE_MAJOR,
    ))

def _local_node_impl(rctx):
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
    write_runtime_build_file(rctx, version)

local_node = repository_rule(
    implementation = _local_node_impl,
    doc = "Wraps the `node` on PATH as `:runtime`, a `node_toolchain`.",
    configure = True,
    environ = ["PATH"],
)
