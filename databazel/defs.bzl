"""databazel's public API: load everything from here.

```starlark
load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model", "model_file")
```
"""

load("//databazel:providers.bzl", _MetricsInfo = "MetricsInfo", _ModelInfo = "ModelInfo", _SearchInfo = "SearchInfo")
load("//databazel/private:node_binary.bzl", _node_binary = "node_binary")
load("//databazel/private:node_toolchain.bzl", _NodeRuntimeInfo = "NodeRuntimeInfo", _node_toolchain = "node_toolchain")
load("//databazel/private/rules:evaluate.bzl", _evaluate = "evaluate")
load("//databazel/private/rules:hyperparam_search_macro.bzl", _hyperparam_search = "hyperparam_search")
load("//databazel/private/rules:model_file.bzl", _model_file = "model_file")
load("//databazel/private/rules:model_macro.bzl", _model = "model")

model = _model
model_file = _model_file
evaluate = _evaluate
hyperparam_search = _hyperparam_search

ModelInfo = _ModelInfo
MetricsInfo = _MetricsInfo
SearchInfo = _SearchInfo

node_binary = _node_binary
NodeRuntimeInfo = _NodeRuntimeInfo
node_toolchain = _node_toolchain
