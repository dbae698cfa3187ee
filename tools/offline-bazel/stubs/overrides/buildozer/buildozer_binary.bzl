"""Stub of buildozer's module extension: bazel_tools names its repo but never runs it offline."""

def _stub_repo_impl(rctx):
    rctx.file("BUILD.bazel", "")

_stub_repo = repository_rule(
    implementation = _stub_repo_impl,
    doc = "An empty repository standing in for the buildozer binary.",
)

def _buildozer_binary_impl(_mctx):
    _stub_repo(name = "buildozer_binary")

buildozer_binary = module_extension(
    implementation = _buildozer_binary_impl,
    doc = "Creates the `buildozer_binary` repository that bazel_tools expects.",
)
