"""The types of a macro's plain arguments, checked before they reach the rule.

Bazel checks an attribute's type when the target is created, at loading time: a string where an
int belongs would fail every target of the package, in Bazel's words. The macros check first and
pass the attribute's default instead, with the message for the rule to fail with at analysis
(`fail_on_argument_errors`), so that only the wrong target fails.
"""

# What each kind is called in messages, and how to write one.
_KINDS = {
    "bool": ("True or False", "without quotes"),
    "dict": ("a dict", "in braces"),
    "int": ("a whole number", "without quotes"),
    "list": ("a list", "in brackets"),
    "string": ("a string", "in quotes"),
}

def checked_type(where, problems, attr_name, value, kind, example):
    """`value` when it is of `kind` (or a select()), else None after adding the problem.

    Args:
      where: string naming the target, e.g. `model(name = "m")`, for the message.
      problems: list of messages, to append to.
      attr_name: the argument.
      value: what the BUILD file gave.
      kind: "int", "string", "list", "dict" or "bool" (which also takes 0 and 1, as Bazel does).
      example: a value of the right kind, as Starlark, for the fix (e.g. `1`, `"30m"`).

    Returns:
      the value, or None: the caller passes None on, which gives the attribute its default.
    """
    if type(value) == kind or type(value) == "select":
        return value
    if kind == "list" and type(value) == "tuple":
        return list(value)
    if kind == "bool" and type(value) == "int" and value in (0, 1):
        return value
    described, written = _KINDS[kind]
    article = "an" if type(value)[:1] in "aeiou" else "a"
    problems.append(("databazel: {}: {} = {} is {} {}, but it must be {}.\n" +
                     "Fix: write it {}, e.g. {} = {}.").format(where, attr_name, repr(value), article, type(value), described, written, attr_name, example))
    return None

def checked_string_dict(where, problems, attr_name, value, example):
    """`value` when it is a dict of string to string (or a select()), else its string entries after adding the problems.

    Args:
      where: string naming the target, for the message.
      problems: list of messages, to append to.
      attr_name: the argument.
      value: what the BUILD file gave, or None.
      example: a dict of the right kind, as Starlark, for the fix.

    Returns:
      the dict (or select), {} for None.
    """
    if value == None:
        return {}
    value = checked_type(where, problems, attr_name, value, "dict", example)
    if value == None or type(value) == "select":
        return value or {}
    for key, item in value.items():
        if type(key) != "string" or type(item) != "string":
            problems.append(("databazel: {}: {}[{}] = {}: {} maps metric names to strings.\n" +
                             "Fix: write both in quotes, e.g. {} = {}.").format(where, attr_name, repr(key), repr(item), attr_name, attr_name, example))
    return {k: v for k, v in value.items() if type(k) == "string" and type(v) == "string"}
