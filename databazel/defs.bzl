"""databazel's public API: load everything from here.

    load("@databazel//databazel:defs.bzl", "model", "evaluate", "hyperparam_search")
"""

load("//databazel/private:node_toolchain.bzl", _NodeRuntimeInfo = "NodeRuntimeInfo", _node_toolchain = "node_toolchain")

NodeRuntimeInfo = _NodeRuntimeInfo
node_toolchain = _node_toolchain
