"""What every databazel action shares: how a shim is called, and how a path is passed.

Each train and eval action runs a bundled TypeScript shim with the Node toolchain; the shim runs
the user's executable with the contract's flags, checks what it wrote, and records the run.
"""

load("//databazel/private:contract.bzl", "SHIM_FLAGS")
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
    args.add(SHIM_FLAGS["label"], display_label(ctx.label))
    if trial != None:
        args.add(SHIM_FLAGS["trial"], trial)
    args.add(SHIM_FLAGS["executable"], executable)
    args.add(SHIM_FLAGS["record"], record)
    args.add(SHIM_FLAGS["log"], log)
    return args

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
