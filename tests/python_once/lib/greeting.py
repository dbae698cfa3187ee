"""Imported by show.py two ways: through its import root, and through the runfiles' _main."""

WORD = "hello"
