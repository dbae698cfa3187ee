"""What every databazel action shares: how a shim is called, and how a path is passed.

Each train and eval action runs a bundled TypeScript shim with the Node toolchain; the shim runs
the user's executable with the contract's flags, checks what it wrote, and records the run.
"""

load("//databazel/private:contract.bzl", "SHIM_FLAGS")
load("//databazel/private:names.bzl", "display_label")

# The helpers that run once per trial (or per data attribute) can serve as persistent workers
# (tools/src/lib/worker.ts): Node then starts once per worker, not once per action. Bazel uses a
# worker only where its strategy allows: not for remote execution, not with
# --strategy=DatabazelTrain=local.
WORKER_REQUIREMENTS = {"requires-worker-protocol": "json", "supports-workers": "1"}

# The shims read only their declared inputs, so the exec-root paths may be rewritten.
EXECUTION_REQUIREMENTS = WORKER_REQUIREMENTS | {"supports-path-mapping": "1"}

def helper_args(ctx, helper):
    """A worker-capable helper's command line: the bundle, then its flags in a params file.

    Bazel starts a worker with what comes before the params file (`node <bundle>`) and sends the
    flags in each request; run as a plain spawn, the helper reads the params file itself.

    Args:
      ctx: the rule context.
      helper: File, the bundled helper.

    Returns:
      (Args, Args): the startup arguments and the flags; pass both, in order, as `arguments`.
    """
    startup = ctx.actions.args()
    startup.add(helper)
    flags = ctx.actions.args()
    flags.use_param_file("@%s", use_always = True)
    flags.set_param_file_format("multiline")
    return startup, flags

def add_path(args, flag, file):
    """Adds `flag PATH`, keeping a directory as one path (Args#add refuses directories).

    Args:
      args: the Args.
      flag: string.
      file: File, possibly a directory.
    """
    args.add_all([file], before_each = flag, expand_directories = False)

def shim_args(ctx, *, shim, executable, outputs, trial):
    """The shim's own arguments, which come first on every train and eval command line.

    Args:
      ctx: the rule context.
      shim: File, the bundled shim.
      executable: File, the user's executable.
      outputs: struct(record, outcome, log) of Files: where the run record, the run's outcome
        alone (tools/src/formats/outcome.ts) and the script's output go.
      trial: the trial (or segment) name, or None.

    Returns:
      (Args, Args): as `helper_args`; add the shim's own flags to the second.
    """
    startup, args = helper_args(ctx, shim)
    args.add(SHIM_FLAGS["label"], display_label(ctx.label))
    if trial != None:
        args.add(SHIM_FLAGS["trial"], trial)
    args.add(SHIM_FLAGS["executable"], executable)
    args.add(SHIM_FLAGS["record"], outputs.record)
    args.add(SHIM_FLAGS["outcome"], outputs.outcome)
    args.add(SHIM_FLAGS["log"], outputs.log)
    return startup, args

def check_fields(what, value, fields):
    """Fails unless `value` has exactly `fields`, the ones its TypeScript reader expects.

    The field lists come from contract.bzl, generated from tools/src/formats/, so a manifest
    the rules write and the helper that reads it cannot drift apart unnoticed.

    Args:
      what: string naming the manifest, for the message.
      value: dict.
      fields: sorted list of strings.

    Returns:
      value.
    """
    if sorted(value.keys()) != fields:
        fail(("databazel: internal error: the {} has the fields {}, but its reader expects {}.\n" +
              "Fix: regenerate databazel/private/contract.bzl (npm run build:tools) and use it; " +
              "if you did not change databazel, report it.").format(what, sorted(value.keys()), fields))
    return value

def write_manifest(ctx, file, value):
    """Writes a manifest, which a helper binary reads, as indented JSON.

    Args:
      ctx: the rule context.
      file: File.
      value: the manifest, a dict checked with `check_fields`.
    """
    ctx.actions.write(file, json.encode_indent(value, indent = "  ") + "\n")
