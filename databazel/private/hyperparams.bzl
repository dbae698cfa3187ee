"""Hyperparameter values as the macros accept them: strings, or numbers, which they turn into strings.

The converters return what is wrong instead of failing: a macro that called fail() would break
every target of its package at loading time, so it hands the message to its rule, whose analysis
fails with it (see `fail_on_argument_errors`).
"""

def _value_problem(where, attr_name, value):
    if type(value) in ("string", "int", "float"):
        return None
    return ("databazel: {}: {} = {} is a {}; hyperparameter values are strings or numbers.\n" +
            "Fix: write it as a string, e.g. \"{}\" (the script converts it).").format(
        where,
        attr_name,
        repr(value),
        type(value),
        str(value).lower() if type(value) == "bool" else value,
    )

def _as_string(value):
    # Numbers as Starlark's str() writes them (1, 0.1, 1e-05).
    return value if type(value) == "string" else str(value)

def string_hyperparams(where, hyperparams):
    """The `hyperparams` dict of a macro, with numbers turned into strings.

    Args:
      where: string naming the target, for the message.
      hyperparams: dict of string to string or number, or None (or anything a user wrote).

    Returns:
      struct(values, problems): the dict of string to string the rule takes (empty when it is
      not a dict), and the messages saying what is wrong, for the rule to fail with.
    """
    if hyperparams == None:
        return struct(values = {}, problems = [])
    if type(hyperparams) != "dict":
        return struct(values = {}, problems = [(
            "databazel: {}: hyperparams must be a dict of name to value, got {} ({}).\n" +
            "Fix: write it as a dict, e.g. hyperparams = {{\"lr\": \"0.1\"}}."
        ).format(where, type(hyperparams), hyperparams)])
    problems = [_value_problem(where, "hyperparams[\"{}\"]".format(k), v) for k, v in hyperparams.items()]
    return struct(
        values = {k: _as_string(v) for k, v in hyperparams.items() if type(v) in ("string", "int", "float")},
        problems = [p for p in problems if p],
    )

def string_values(where, attr_name, values):
    """A list of hyperparameter values (a grid's), with numbers turned into strings.

    Args:
      where: string naming the target, for the message.
      attr_name: where the list is, e.g. `grid["lr"]`.
      values: a list of strings or numbers (or anything a user wrote).

    Returns:
      struct(values, problems), as `string_hyperparams`.
    """
    if type(values) not in ("list", "tuple"):
        return struct(values = [], problems = [(
            "databazel: {}: {} must be a list of values, got {} ({}).\n" +
            "Fix: write it as a list, e.g. [\"0.1\", \"0.01\"]."
        ).format(where, attr_name, type(values), values)])
    problems = [_value_problem(where, attr_name, v) for v in values]
    return struct(
        values = [_as_string(v) for v in values if type(v) in ("string", "int", "float")],
        problems = [p for p in problems if p],
    )

ARGUMENT_ERRORS_DOC = ("Set by the macro: what is wrong with arguments that this rule's attributes cannot hold " +
                       "(e.g. a bool among the hyperparameters). Analysis of this target fails with the first, so " +
                       "that the rest of the package still loads and builds.")

def fail_on_argument_errors(ctx):
    """Fails at analysis with the first message the macro left in `argument_errors`.

    Args:
      ctx: the rule context; the rule has the `argument_errors` attribute.
    """
    if ctx.attr.argument_errors:
        fail(ctx.attr.argument_errors[0])
