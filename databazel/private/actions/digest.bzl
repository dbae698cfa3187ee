"""The DatabazelDigest action: hashes a target's data once, for the run records of all its runs.

Without it, each train or eval action hashes the data again for its run record: a search of a
hundred trials over a 50 GB dataset would read it a hundred times.
"""

load("//databazel/private:contract.bzl", "DIGEST_FLAGS", "FILE_SUFFIXES")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "WORKER_REQUIREMENTS", "helper_args")

def digest_action(ctx, *, data, kind):
    """Registers the DatabazelDigest action of one data attribute, and returns its output.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_digest`.
      data: depset of Files (a directory is hashed file by file).
      kind: "training_data" or "test_data": names the output, `<name>.<kind>.digests.json`.

    Returns:
      File: the digests, for `train(data_digests = ...)` or `eval_action(data_digests = ...)`.
    """
    out = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES[kind + "_digests"])
    startup, args = helper_args(ctx, ctx.file._digest)
    args.add(DIGEST_FLAGS["output"], out)
    args.add_all(data, before_each = DIGEST_FLAGS["file"], expand_directories = False)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [startup, args],
        inputs = data,
        # A tool: a worker is restarted when it changes. As a worker, it takes the digests
        # Bazel computed for the data instead of reading it.
        tools = [ctx.file._digest],
        outputs = [out],
        mnemonic = "DatabazelDigest",
        progress_message = "Hashing the %s of %%{label}" % kind.replace("_", " "),
        # No path mapping: the digests name the files by the paths the train and eval actions see.
        execution_requirements = WORKER_REQUIREMENTS,
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return out
