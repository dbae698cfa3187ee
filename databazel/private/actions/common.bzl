"""What every databazel action shares: how a shim is called, and how a path is passed.

Each train and eval action runs a bundled TypeScript shim with the Node toolchain; the shim runs
the user's executable with the contract's flags, checks what it wrote, and records the run.
"""

load("//databazel/private:names.bzl", "display_label")

# The shims read only their declared inputs, so the exec-root paths may be rewritten.
EXECUTION_REQUIREMENTS = {"supports-path-mapping": "1"}

def add_path(args, flag, file):
    """Adds `flag PATH`, keeping a directory as one path (Args#add refuses directories).

    Args:
      args: the Args.
      flag: string.
      file: File, possibly a directory.
    """
    args.add_all([file], before_each = flag, expand_directories = False)

def shim_args(ctx, *, shim, executable, record, log, trial):
    """The shim's own arguments, which come first on every train and eval command line.

    Args:
      ctx: the rule context.
      shim: File, the bundled shim.
      executable: File, the user's executable.
      record: File, where the run record goes.
      log: File, where the script's output goes.
      trial: the trial (or segment) name, or None.

    Returns:
      Args.
    """
    args = ctx.actions.args()
    args.add(shim)
    args.add("--shim_label", display_label(ctx.label))
    if trial != None:
        args.add("--shim_trial", trial)
    args.add("--shim_executable", executable)
    args.add("--shim_record", record)
    args.add("--shim_log", log)
    return args
