"""Safe file names: trial names from hyperparameter values, and output-name templates."""

_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"
_MAX_NAME = 64

def _sanitize(s):
    return "".join([c if c in _SAFE else "_" for c in s.elems()])

def short_hash(s):
    """Eight hex digits that depend only on `s` (Starlark's hash() is specified, not random).

    Args:
      s: string.

    Returns:
      string.
    """
    digits = "%x" % (hash(s) & 0xffffffff)
    return "0" * (8 - len(digits)) + digits

def trial_name(varying):
    """The trial's name: its varying hyperparameters, readable, and safe as a path segment.

    Values with characters unsafe in paths (slashes, spaces, ...) or names over 64 characters
    get a hash of the exact values appended, so two trials never share a name by accident.

    Args:
      varying: dict of string to string, the hyperparameters that differ across trials.

    Returns:
      string.
    """
    keys = sorted(varying.keys())
    raw = "__".join([k + "_" + varying[k] for k in keys])
    name = "__".join([_sanitize(k) + "_" + _sanitize(varying[k]) for k in keys])
    if name != raw or len(name) > _MAX_NAME:
        name = name[:_MAX_NAME - 9] + "-" + short_hash(json.encode({k: varying[k] for k in keys}))
    return name

def expand_template(template, values, where, attr_name):
    """Expands `%{key}` placeholders in an output-name template.

    Args:
      template: string such as "%{name}_lr%{lr}.model".
      values: dict of placeholder to string; values are made safe for paths.
      where: string naming the target, for error messages.
      attr_name: the attribute that holds the template, for error messages.

    Returns:
      string.
    """
    out = ""
    rest = template
    for _ in range(len(template)):
        start = rest.find("%{")
        if start < 0:
            break
        end = rest.find("}", start)
        if end < 0:
            fail("databazel: {}: {} = \"{}\" has an unclosed %{{. Fix: close it, e.g. %{{name}}.".format(
                where,
                attr_name,
                template,
            ))
        key = rest[start + 2:end]
        if key not in values:
            fail("databazel: {}: {} = \"{}\" uses %{{{}}}, which is not defined here.\nFix: use one of: {}.".format(
                where,
                attr_name,
                template,
                key,
                ", ".join(["%{" + k + "}" for k in sorted(values.keys())]),
            ))
        out += rest[:start] + _sanitize(values[key])
        rest = rest[end + 1:]
    out += rest
    if out == "" or out.startswith("/") or ".." in out.split("/"):
        fail("databazel: {}: {} = \"{}\" expands to \"{}\", which is not a relative path in the package.".format(
            where,
            attr_name,
            template,
            out,
        ))
    return out

def display_label(label):
    """A label as users write it: `//pkg:name` in the main repository, canonical elsewhere.

    Args:
      label: Label.

    Returns:
      string.
    """
    if label.workspace_name == "":
        return "//{}:{}".format(label.package, label.name)
    return str(label)
